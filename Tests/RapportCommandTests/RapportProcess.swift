import Foundation
import Testing

/// Runs the built `rapport` binary as a user would, against a temporary
/// database, optionally with the clock pinned by faketime.
struct RapportProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    let directory: URL
    var timeZone = "Europe/Berlin"

    init() throws {
        clearStaleFaketimeFiles()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var databasePath: String { directory.appendingPathComponent("book/rapport.sqlite").path }

    /// The `rapport` built beside the test bundle.
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rapport"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rapport"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/rapport"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()


    /// Runs `rapport arguments…` at the local wall-clock time `clock`
    /// ("2026-11-24 09:00:00" in `timeZone`), or at the real time when nil;
    /// with `fileSizeLimit`, no file it writes may grow past that many bytes
    /// (`ulimit -f`: a full disk as far as Rapport can tell).
    @discardableResult
    func run(_ arguments: [String], at clock: String? = nil, environment extra: [String: String] = [:],
             fileSizeLimit: Int? = nil) throws -> Result {
        var program: String
        var programArguments: [String]
        if let clock {
            program = "/usr/bin/faketime"
            programArguments = [clock, Self.binary.path] + arguments
        } else {
            program = Self.binary.path
            programArguments = arguments
        }
        if let limit = fileSizeLimit {
            programArguments = ["-c", "ulimit -f \(max(1, limit / 512)) && exec \"$0\" \"$@\"", program] + programArguments
            program = "/bin/sh"
        }
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_DB"] = databasePath
        environment["TZ"] = timeZone
        environment["NO_COLOR"] = nil
        environment["LC_ALL"] = "C.UTF-8"
        for (key, value) in extra { environment[key] = value }
        // Output goes to files: no pipe can fill up and block the child.
        let outURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        var status: Int32 = 0
        for _ in 0..<3 {
            let run = try spawnAndWait(program, programArguments, environment: environment, stdoutTo: outURL.path, stderrTo: errURL.path)
            status = run.status
            // The faketime wrapper leaves shared-memory files behind when it is killed; a later wrapper
            // given the same pid then fails before running anything. Clear them and run again.
            guard clock != nil, status != 0,
                  (try? String(contentsOf: errURL, encoding: .utf8))?.contains("sem_open: File exists") == true else { break }
            for name in ["faketime_shm_\(run.pid)", "sem.faketime_sem_\(run.pid)"] {
                try? FileManager.default.removeItem(atPath: "/dev/shm/" + name)
            }
        }
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: status, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// The database file's bytes, to show a command changed nothing.
    func databaseBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: databasePath))
    }
}
