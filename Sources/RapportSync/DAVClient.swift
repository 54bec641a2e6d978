import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Why a sync stopped, in one line for the user. The book and the mapping
/// are as consistent as after the last item that went through.
public struct SyncError: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// True when the user's input was wrong (exit status 2), false when the server or the network failed (1).
    public var isBadInput: Bool

    public init(_ message: String, badInput: Bool = false) {
        self.message = message
        self.isBadInput = badInput
    }

    public var description: String { message }
}

/// An answer from the server.
struct DAVResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    var etag: String? { headers.first(name: "ETag") }
}

/// WebDAV requests (PROPFIND, REPORT, MKCALENDAR, MKCOL, PUT, GET,
/// DELETE) over async-http-client, waited for one at a time: a sync is a
/// short sequence of requests, and the command line is synchronous.
final class DAVClient {
    private let client: HTTPClient
    private let authorization: String?
    private let timeout: TimeAmount

    init(user: String?, password: String?, timeout: TimeInterval) {
        var configuration = HTTPClient.Configuration()
        // The client tries to connect again until the connect timeout: a server that is down is reported within 5 s.
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .milliseconds(Int64(min(timeout, 5) * 1000)),
                                                                 read: .milliseconds(Int64(timeout * 1000)))
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        if let user {
            authorization = "Basic " + Data("\(user):\(password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
        self.timeout = .milliseconds(Int64(timeout * 1000))
    }

    deinit {
        try? client.syncShutdown()
    }

    /// Sends one request; a failure to reach the server, or an answer that
    /// refuses access, space or the request itself, becomes a `SyncError`.
    /// Statuses the caller handles (207, 2xx, 404, 405, 409, 412) come back.
    func send(_ method: String, _ url: String, headers extra: [(String, String)] = [], body: String? = nil,
              tolerating tolerated: Set<Int> = []) throws -> DAVResponse {
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: "rapport")
        if let authorization { headers.add(name: "Authorization", value: authorization) }
        if let body {
            let xml = body.hasPrefix("<?xml")
            headers.add(name: "Content-Type", value: xml ? "application/xml; charset=utf-8"
                : body.hasPrefix("BEGIN:VCARD") ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8")
        }
        for (name, value) in extra { headers.add(name: name, value: value) }
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url, method: HTTPMethod(rawValue: method), headers: headers,
                                             body: body.map { .string($0) })
        } catch {
            throw SyncError("'\(url)' is not a URL Rapport can reach (http:// or https://)", badInput: true)
        }
        let response: HTTPClient.Response
        do {
            response = try client.execute(request: request, deadline: .now() + timeout).wait()
        } catch {
            throw SyncError(DAVClient.describe(error, url: url))
        }
        var text = ""
        if var buffer = response.body {
            text = buffer.readString(length: buffer.readableBytes) ?? ""
        }
        let status = Int(response.status.code)
        let host = URL(string: url)?.host ?? url
        if tolerated.contains(status) { return DAVResponse(status: status, headers: response.headers, body: text) }
        switch status {
        case 401: throw SyncError("\(host) refused the user name or password (401 Unauthorized)")
        case 403: throw SyncError("\(host) forbids \(method) on \(URL(string: url)?.path ?? url) (403 Forbidden)")
        case 507: throw SyncError("\(host) has no space left (507 Insufficient Storage); nothing more was sent")
        case 500...599: throw SyncError("\(host) failed (\(status) \(response.status.reasonPhrase)) on \(method) \(URL(string: url)?.path ?? url)")
        default: return DAVResponse(status: status, headers: response.headers, body: text)
        }
    }

    /// What went wrong reaching the server, in words.
    static func describe(_ error: any Error, url: String) -> String {
        let host = URL(string: url).map { ($0.host ?? url) + ($0.port.map { ":\($0)" } ?? "") } ?? url
        let text = String(describing: error)
        if let client = error as? HTTPClientError {
            if client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout {
                return "\(host) did not answer in time (timed out); nothing was lost, sync again later"
            }
            if client == .remoteConnectionClosed { return "\(host) closed the connection; nothing was lost, sync again later" }
        }
        if text.localizedCaseInsensitiveContains("refused") {
            return "cannot reach \(host): connection refused (is the server running?); nothing was lost"
        }
        if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") {
            return "\(host) did not answer in time (timed out); nothing was lost, sync again later"
        }
        return "cannot reach \(host): \(text.split(separator: "\n").first.map(String.init) ?? text)"
    }
}
