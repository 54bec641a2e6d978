import Foundation
import SWXMLHash

/// One `<response>` of a WebDAV multistatus (RFC 4918): its href (made
/// absolute), and the properties the server found (status 200), by local
/// name (`getetag`, `resourcetype`…).
struct DAVResource {
    struct Property {
        /// The text inside (an ETag, a display name).
        var text: String
        /// The hrefs inside (a principal, a home set).
        var hrefs: [String]
        /// The local names of the elements inside (`calendar`, `addressbook` in a resourcetype).
        var children: [String]
    }

    var href: String
    var properties: [String: Property]
    /// The response's own status, when it has one instead of properties (404 for a deleted member).
    var status: Int?
}

enum Multistatus {
    /// Reads a 207 answer; anything that is not a WebDAV multistatus is refused.
    static func parse(_ text: String, base: String, request: String) throws -> [DAVResource] {
        let xml = XMLHash.config { options in
            options.shouldProcessNamespaces = true
            options.detectParsingErrors = true
        }.parse(text)
        if case .parsingError(let error) = xml {
            throw SyncError("the server's answer to \(request) is not XML (line \(error.line), column \(error.column)); nothing was changed")
        }
        let root = xml["multistatus"]
        guard root.element != nil else {
            throw SyncError("the server's answer to \(request) is not a WebDAV multistatus; nothing was changed")
        }
        return root["response"].all.compactMap { response -> DAVResource? in
            guard let href = response["href"].element?.text.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty else { return nil }
            var properties: [String: DAVResource.Property] = [:]
            for propstat in response["propstat"].all {
                let status = propstat["status"].element?.text ?? ""
                guard status.contains(" 200") else { continue }
                for property in propstat["prop"].children {
                    guard let element = property.element else { continue }
                    properties[element.name] = DAVResource.Property(
                        text: element.text.trimmingCharacters(in: .whitespacesAndNewlines),
                        hrefs: property["href"].all.compactMap { $0.element?.text.trimmingCharacters(in: .whitespacesAndNewlines) }
                            .map { absolute($0, base: base) },
                        children: property.children.compactMap { $0.element?.name })
                }
            }
            let status = response["status"].element.flatMap { element in
                element.text.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            }
            return DAVResource(href: absolute(href, base: base), properties: properties, status: status)
        }
    }

    /// The multistatus's own `sync-token` (RFC 6578), when it has one.
    static func syncToken(_ text: String) -> String? {
        let xml = XMLHash.config { options in options.shouldProcessNamespaces = true }.parse(text)
        return xml["multistatus"]["sync-token"].element?.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An href (usually a path) as an absolute URL on the server of `base`.
    static func absolute(_ href: String, base: String) -> String {
        URL(string: href, relativeTo: URL(string: base))?.absoluteURL.absoluteString ?? href
    }

    /// The path of a URL, percent-decoded, for comparing hrefs written in different ways.
    static func key(_ url: String) -> String {
        let path = URL(string: url)?.path ?? url
        return path.removingPercentEncoding ?? path
    }
}

/// The request bodies: constant XML documents, namespaces as RFC 4918, 4791 and 6352 name them.
enum DAVBody {
    static let principal = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>
        """
    static let homes = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="urn:ietf:params:xml:ns:carddav">
        <d:prop><c:calendar-home-set/><a:addressbook-home-set/></d:prop></d:propfind>
        """
    static let collections = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:displayname/></d:prop></d:propfind>
        """
    static let etags = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>
        """
    /// What changed since `token` (everything, with none), with ETags (RFC 6578).
    static func syncCollection(_ token: String?) -> String {
        let escaped = (token ?? "").replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <d:sync-collection xmlns:d="DAV:"><d:sync-token>\(escaped)</d:sync-token><d:sync-level>1</d:sync-level>
            <d:prop><d:getetag/></d:prop></d:sync-collection>
            """
    }
    static let makeCalendar = """
        <?xml version="1.0" encoding="utf-8"?>
        <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
        <d:displayname>Rapport</d:displayname>
        <c:supported-calendar-component-set><c:comp name="VEVENT"/><c:comp name="VTODO"/></c:supported-calendar-component-set>
        </d:prop></d:set></c:mkcalendar>
        """
    static let makeAddressBook = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:mkcol xmlns:d="DAV:" xmlns:a="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
        <d:resourcetype><d:collection/><a:addressbook/></d:resourcetype><d:displayname>Rapport</d:displayname>
        </d:prop></d:set></d:mkcol>
        """
}
