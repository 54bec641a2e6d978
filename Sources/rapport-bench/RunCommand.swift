import ArgumentParser
import Foundation
import RapportCore
import RapportTerminalUI

/// One measured thing: its times in milliseconds and, for processes, peak memory.
struct Measurement: Codable {
    var name: String
    var runs: Int
    var medianMs: Double
    var minMs: Double
    var maxMs: Double
    var peakMemoryMiB: Double?
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure the scheduler in process and the rapport commands as whole processes.",
        discussion: "Prints a table; --json writes the same figures for comparing before and after a change."
    )

    @Option(help: "The database to measure (from rapport-bench seed).") var db: String
    @Option(help: "Runs of each measurement, after one warm-up.") var runs = 20
    @Option(help: "Write the figures as JSON to this file.") var json: String?
    @Option(help: "The day to measure at (YYYY-MM-DD; default today): the seed's --now.") var now: String?
    @Option(help: ArgumentHelp("Measure only what has this in its name (\"report\", \"overdue\").", valueName: "text"))
    var only: String?

    /// Whether a measurement is wanted; an unwanted one is left out of the table.
    private func wanted(_ name: String) -> Bool { only.map { name.localizedCaseInsensitiveContains($0) } ?? true }

    func validate() throws {
        if !FileManager.default.fileExists(atPath: db) { throw ValidationError("no database at \(db); run rapport-bench seed first") }
        if runs < 1 { throw ValidationError("--runs must be 1 or more") }
    }

    func run() throws {
        let now = try benchNow(self.now)
        var results: [Measurement] = []
        guard let store = try RapportStore.openForReading(path: db) else { throw ValidationError("cannot read \(db)") }
        let calendar = LocalCalendar.current
        let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)

        results.append(try measure("scheduler: overdue (in process)") { _ = try scheduler.agenda(from: store, now: now, upcomingDays: 0) })
        results.append(try measure("scheduler: 7-day agenda (in process)") { _ = try scheduler.agenda(from: store, now: now, upcomingDays: 7) })
        results.append(try measure("timeline of a contact (in process)") { _ = try store.timeline(ofContact: 1, limit: 100) })
        let today = calendar.day(of: now)
        results.append(try measure("report card, month (in process)") {
            _ = try store.reportCard(for: .month(endingOn: today), now: now, calendar: calendar)
        })
        results.append(try measure("report card, quarter (in process)") {
            _ = try store.reportCard(for: .quarter(endingOn: today), now: now, calendar: calendar)
        })
        results.append(try measure("contact list (in process)") { _ = try store.contactList(ContactFilter(), now: now, scheduler: scheduler) })
        let writable = try RapportStore.open(path: db)
        results.append(try measure("front end: first frame, 100×30 (in process)") {
            _ = try RapportApp(store: writable, clock: FixedClock(now), calendar: .current, width: 100, height: 30).screen
        })
        let app = try RapportApp(store: writable, clock: FixedClock(now), calendar: .current, width: 100, height: 30)
        var down = true
        results.append(try measure("front end: key to redraw (in process)") {
            app.handle(.key(down ? .down : .up))
            down.toggle()
            _ = app.screen
        })

        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let rapport = directory.appendingPathComponent("rapport").path
        let hello = directory.appendingPathComponent("floor-hello").path
        let faketime = FileManager.default.isExecutableFile(atPath: "/usr/bin/faketime") && self.now != nil
        func command(_ arguments: [String]) -> [String] {
            faketime ? ["/usr/bin/faketime", "\(self.now!) 09:00:00", rapport] + arguments : [rapport] + arguments
        }
        results.append(try measureProcess("floor: Swift hello", [hello], database: db))
        results.append(try measureProcess("rapport overdue", command(["overdue"]), database: db))
        results.append(try measureProcess("rapport overdue --count", command(["overdue", "--count"]), database: db))
        // The prompt recipes' line (Resources/shell): the same read as --count, one line of text.
        results.append(try measureProcess("rapport overdue --format", command(["overdue", "--format", "{late} late: {first.title}",
                                                                               "--max-width", "40"]), database: db))
        results.append(try measureProcess("rapport today", command(["today"]), database: db))
        results.append(try measureProcess("rapport show @1", command(["show", "@1"]), database: db))
        results.append(try measureProcess("rapport report", command(["report"]), database: db))
        if wanted("pseudo-terminal") {
            let (first, redraws) = try measurePseudoTerminal(command(["ui"]), database: db)
            results.append(summarize("front end in a pseudo-terminal: first frame", first, memory: nil))
            results.append(summarize("front end in a pseudo-terminal: key to redraw", redraws, memory: nil))
        }
        // Adds go to a copy, so the measured book stays as it was.
        if wanted("rapport add") {
            let copy = NSTemporaryDirectory() + "rapport-bench-add-\(getpid()).sqlite"
            try? FileManager.default.removeItem(atPath: copy)
            try store.backup(to: copy)
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
            results.append(try measureProcess("rapport add", command(["add", "send the deck with @1 fri 14:00"]), database: copy))
        }
        // A 10 MB vCard file as old exporters write it: quoted-printable notes
        // with a soft line break every 76 characters (unfolding must stay linear).
        if wanted("import vcard") {
            let file = NSTemporaryDirectory() + "rapport-bench-\(getpid()).vcf"
            let note = String(repeating: "=C3=A9t=C3=A9 =E2=82=AC lunch notes and family details, kept as typed=\r\n", count: 60)
            var text = ""
            var n = 0
            while text.utf8.count < 10_000_000 {
                n += 1
                text += "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bench Person \(n)\r\nEMAIL:person\(n)@example.com\r\n"
                    + "NOTE;ENCODING=QUOTED-PRINTABLE:" + note + "end\r\nEND:VCARD\r\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            // Into a new book: the first run creates every contact, the others find them all unchanged.
            let book = NSTemporaryDirectory() + "rapport-bench-import-\(getpid()).sqlite"
            defer { for path in [file, book, book + "-wal", book + "-shm"] { try? FileManager.default.removeItem(atPath: path) } }
            results.append(try measureProcess("rapport import vcard (10 MB)", command(["import", "vcard", file]), database: book))
        }

        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
        results.removeAll { $0.runs == 0 }
        print(table(results))
        print("database: \(size / 1_048_576) MiB; machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: json))
        }
    }

    private func measure(_ name: String, _ body: () throws -> Void) throws -> Measurement {
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

    /// Runs a process `runs` times after a warm-up, then once more under GNU
    /// time for its peak resident memory. (A child spawned from this process
    /// would report this process's own peak: Linux carries it across exec.)
    private func measureProcess(_ name: String, _ arguments: [String], database: String) throws -> Measurement {
        guard wanted(name) || name.hasPrefix("floor") else { return summarize(name, [], memory: nil) }
        var times: [Double] = []
        for run in 0...runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let status = try spawn(arguments, database: database)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            guard status == 0 || (arguments.contains("overdue") && status == 1) else {
                throw ValidationError("\(arguments.joined(separator: " ")) exited \(status)")
            }
            if run > 0 { times.append(elapsed) }
        }
        var memory: Double?
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            let report = NSTemporaryDirectory() + "rapport-bench-rss-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: report) }
            _ = try spawn(["/usr/bin/time", "-f", "%M", "-o", report] + arguments, database: database)
            memory = (try? String(contentsOfFile: report, encoding: .utf8))
                .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") }
                .map { $0 / 1024 }
        }
        return summarize(name, times, memory: memory)
    }

    /// Starts the full-screen session in a 100×30 pseudo-terminal `runs`
    /// times (after a warm-up): the time to its first whole screen, and to the
    /// redraw after each of ten keys (j and k in turn) in every run.
    private func measurePseudoTerminal(_ arguments: [String], database: String) throws -> (first: [Double], redraws: [Double]) {
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_DB"] = database
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

    private func spawn(_ arguments: [String], database: String) throws -> Int32 {
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_DB"] = database
        environment["NO_COLOR"] = "1"
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else {
            throw ValidationError("cannot start \(arguments[0]); build it first (swift build -c release)")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xFF
    }

    private func summarize(_ name: String, _ times: [Double], memory: Double?) -> Measurement {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return Measurement(name: name, runs: 0, medianMs: 0, minMs: 0, maxMs: 0, peakMemoryMiB: nil) }
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return Measurement(name: name, runs: times.count, medianMs: median, minMs: sorted.first ?? 0, maxMs: sorted.last ?? 0,
                           peakMemoryMiB: memory)
    }

    private func table(_ results: [Measurement]) -> String {
        let width = results.map(\.name.count).max() ?? 0
        var lines = ["measurement".padding(toLength: width, withPad: " ", startingAt: 0) + "   median      min      max   peak MiB"]
        for result in results {
            lines.append(result.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %8.2f %8.2f %8.2f", result.medianMs, result.minMs, result.maxMs)
                + (result.peakMemoryMiB.map { String(format: " %10.1f", $0) } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
