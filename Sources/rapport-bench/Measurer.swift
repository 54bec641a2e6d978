import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One measured thing: its times in milliseconds and, for processes, peak
/// memory and the lines it printed.
struct Measurement: Codable {
    var name: String
    var runs: Int
    var medianMs: Double
    var minMs: Double
    var maxMs: Double
    var peakMemoryMiB: Double?
    var lines: Int?
}

/// Times code in this process and whole processes: medians of `runs` runs
/// after one warm-up, and a process's peak memory from GNU time.
struct Measurer {
    var runs: Int
    /// Measure only what has this in its name; the floor is always measured.
    var only: String?

    func wanted(_ name: String) -> Bool { only.map { name.localizedCaseInsensitiveContains($0) } ?? true }

    func measure(_ name: String, _ body: () throws -> Void) throws -> Measurement {
        guard wanted(name) else { return summarize(name, [], memory: nil) }
        try body() // warm-up
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return summarize(name, times, memory: nil)
    }

    /// How a measured process is run.
    struct Process {
        var arguments: [String]
        /// Added to (or replacing) this process's environment.
        var environment: [String: String] = [:]
        /// Exit statuses that are answers, not failures (`overdue` exits 1 when something is late).
        var statuses: Set<Int32> = [0]
        /// Whether its standard error is shown (another tool's notes on its own configuration are not).
        var showErrors = true
    }

    /// Runs a process `runs` times after a warm-up (whose output is counted
    /// in lines), then once more under GNU time for its peak resident memory.
    /// (A child spawned from this process would report this process's own
    /// peak: Linux carries it across exec.) `runs` overrides the measurer's.
    func measureProcess(_ name: String, _ process: Process, runs: Int? = nil) throws -> Measurement {
        guard wanted(name) || name.hasPrefix("floor") else { return summarize(name, [], memory: nil) }
        let output = NSTemporaryDirectory() + "rapport-bench-output-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var times: [Double] = []
        for run in 0...(runs ?? self.runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let status = try spawn(process, output: run == 0 ? output : "/dev/null")
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            guard process.statuses.contains(status) else {
                throw ValidationError("\(process.arguments.joined(separator: " ")) exited \(status)")
            }
            if run > 0 { times.append(elapsed) }
        }
        let lines = (try? Data(contentsOf: URL(fileURLWithPath: output)))?.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        var memory: Double?
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            let report = NSTemporaryDirectory() + "rapport-bench-rss-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: report) }
            var timed = process
            timed.arguments = ["/usr/bin/time", "-f", "%M", "-o", report] + process.arguments
            _ = try spawn(timed, output: "/dev/null")
            memory = (try? String(contentsOfFile: report, encoding: .utf8))
                .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") }
                .map { $0 / 1024 }
        }
        var result = summarize(name, times, memory: memory)
        result.lines = lines
        return result
    }

    /// Starts the full-screen session in a 100×30 pseudo-terminal `runs`
    /// times (after a warm-up): the time to its first whole screen, and to the
    /// redraw after each of ten keys (j and k in turn) in every run.
    func measurePseudoTerminal(_ arguments: [String], environment extra: [String: String]) throws -> (first: [Double], redraws: [Double]) {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        environment["TERM"] = "xterm-256color"
        environment["LC_ALL"] = "C.UTF-8"
        var first: [Double] = [], redraws: [Double] = []
        for run in 0...runs {
            var session = try PseudoTerminalSession(arguments, environment: environment, width: 100, height: 30)
            defer { session.finish() }
            let frame = try session.readFrame(after: " back", from: session.started) // the footer's last word
            if run > 0 { first.append(Double(frame) / 1_000_000) }
            for key in 0..<10 {
                let sent = session.send(key % 2 == 0 ? "j" : "k")
                let redraw = try session.readFrame(from: sent)
                if run > 0 { redraws.append(Double(redraw) / 1_000_000) }
            }
        }
        return (first, redraws)
    }

    /// Runs `process` with its standard output to `output`; returns its exit status.
    func spawn(_ process: Process, output: String) throws -> Int32 {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(process.environment) { $1 }
        let arguments = process.arguments
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if !process.showErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else {
            throw ValidationError("cannot start \(arguments[0]); build it first (swift build -c release)")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xFF
    }

    func summarize(_ name: String, _ times: [Double], memory: Double?) -> Measurement {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return Measurement(name: name, runs: 0, medianMs: 0, minMs: 0, maxMs: 0, peakMemoryMiB: nil) }
        return Measurement(name: name, runs: times.count, medianMs: median(sorted), minMs: sorted.first ?? 0, maxMs: sorted.last ?? 0,
                           peakMemoryMiB: memory)
    }

    static func table(_ results: [Measurement]) -> String {
        let width = results.map(\.name.count).max() ?? 0
        var lines = ["measurement".padding(toLength: width, withPad: " ", startingAt: 0) + "   median      min      max   peak MiB   lines"]
        for result in results {
            lines.append(result.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %8.2f %8.2f %8.2f", result.medianMs, result.minMs, result.maxMs)
                + (result.peakMemoryMiB.map { String(format: " %10.1f", $0) } ?? String(repeating: " ", count: 11))
                + (result.lines.map { String(format: " %7d", $0) } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}

/// The median of sorted values.
func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
