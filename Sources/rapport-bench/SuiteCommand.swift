import ArgumentParser
import Foundation
import RapportCore

/// The figures of one book.
struct SizeFigures: Codable {
    var size: BookSize
    var book: BookInfo
    var measurements: [Measurement]

    func figure(_ name: String) -> Measurement? { measurements.first { $0.name == name } }
}

/// The whole run, as written to `run.json`.
struct SuiteRun: Codable {
    var preset: String
    var startedAt: Date
    var wallSeconds: Double
    var machine: String
    var runs: Int
    var toolRuns: Int
    var missingTools: [String]
    var sizes: [SizeFigures]
    var targets: [TargetCheck]
}

struct SuiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite",
        abstract: "Measure every size of a preset side by side with taskwarrior and remind, and check the targets.",
        discussion: """
            Seeds the books it lacks (cached in the output folder by size, day and schema), writes the same open \
            items as a taskwarrior data set and a remind file, measures each book, and prints a table a size, the \
            comparison with `task overdue` and `remind -q`, and the targets with PASS or MISS. Writes run.json, \
            figures-SIZE.json and README-figures.md (the README's figures section) to the output folder.
            """
    )

    @Option(help: "quick (1k items), full (1k/10k/100k items; 10k contacts with 10k/100k/1M interactions) or large (full and 10M).")
    var preset = "quick"
    @Option(help: "The folder for books, data sets and figures.") var out = ".build-benchmark"
    @Option(help: "Runs of each Rapport measurement, after one warm-up.") var runs = 20
    @Option(help: "Runs of `task overdue` and `remind -q` (taskwarrior takes seconds a run at 100k items).") var toolRuns = 5
    @Option(help: ArgumentHelp("Measure only what has this in its name (\"overdue\").", valueName: "text"))
    var only: String?

    func validate() throws {
        if BookSize.presets[preset] == nil { throw ValidationError("--preset is quick, full or large, not \(preset)") }
        if runs < 1 || toolRuns < 1 { throw ValidationError("--runs and --tool-runs must be 1 or more") }
    }

    func run() throws {
        let started = Date()
        // Other programs running at the same time slow every figure: the load says how much.
        let load = loadAverage()
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let catalog = BookCatalog(folder: folder)
        let schema = try catalog.schemaKey()
        let task = OtherTools.installed("task"), remind = OtherTools.installed("remind")
        var missing: [String] = []
        if task == nil { missing.append("taskwarrior") }
        if remind == nil { missing.append("remind") }
        for name in missing {
            say("\(name) is not installed (Debian package `\(name)`): measuring without it")
        }
        let measurer = Measurer(runs: runs, only: only)
        var figures: [SizeFigures] = []
        for (index, size) in BookSize.presets[preset]!.enumerated() {
            let (path, info) = try catalog.book(for: size, schema: schema, log: say) { path in
                // A generated book is measured only if Rapport finds it sound (`rapport check` exits 0).
                let report = folder.appendingPathComponent("check.txt").path
                defer { try? FileManager.default.removeItem(atPath: report) }
                let check = Measurer.Process(arguments: [binaries.appendingPathComponent("rapport").path, "check"], environment: ["RAPPORT_DB": path])
                let status = try measurer.spawn(check, output: report)
                guard status == 0 else {
                    let found = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").prefix(5).joined(separator: "\n") ?? ""
                    throw BenchError("the seeded book \(size.label) fails `rapport check` (exit \(status)); not measured:\n\(found)")
                }
            }
            var results = try BookMeasurement(db: path, measurer: measurer, binaries: binaries, includeImport: index == 0).run(now: Date())
            if task != nil || remind != nil {
                let day = LocalCalendar.current.day(of: info.seededAt).iso
                let tools = OtherTools(folder: folder.appendingPathComponent("tools-\(size.slug)-\(day)-\(schema)"))
                try tools.prepare(book: path, now: info.seededAt)
                if let task, measurer.wanted(Name.task) {
                    let before = tools.taskDataState()
                    results.append(try measurer.measureProcess(Name.task, tools.taskOverdue(task), runs: toolRuns))
                    guard tools.taskDataState() == before else { throw BenchError("task overdue changed its data in \(tools.taskData)") }
                }
                if let remind, measurer.wanted(Name.remind) {
                    results.append(try measurer.measureProcess(Name.remind, tools.remindQ(remind), runs: toolRuns))
                }
            }
            let sized = SizeFigures(size: size, book: info, measurements: results.filter { $0.runs > 0 })
            figures.append(sized)
            print("== \(size.label): \(size.contacts) contacts, \(size.interactions) interactions, \(info.openItems) open items, "
                  + "\(info.databaseBytes / 1_048_576) MiB")
            print(Measurer.table(sized.measurements))
            print("")
            try write(sized, to: folder.appendingPathComponent("figures-\(size.slug).json"))
        }

        let targets = Targets(figures: figures).checks()
        let wall = Date().timeIntervalSince(started)
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, "
            + "load average \(load) at the start, \(loadAverage()) at the end"
        print(Report.sideBySide(figures))
        print("")
        print(Report.targetTable(targets, markdown: false))
        print(String(format: "\nmeasured in %.0f s (%@); machine: %@", wall, preset, machine))
        let run = SuiteRun(preset: preset, startedAt: started, wallSeconds: wall, machine: machine, runs: runs, toolRuns: toolRuns,
                           missingTools: missing, sizes: figures, targets: targets)
        try write(run, to: folder.appendingPathComponent("run.json"))
        let markdown = Report.markdown(run)
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("README-figures.md"))
        say("figures written to \(out)/run.json and \(out)/README-figures.md")
    }

    private func write(_ value: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(value).write(to: url)
    }
}

/// The one-minute load average (how many processes wanted a core).
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap { $0.split(separator: " ").first.map(String.init) } ?? "unknown"
}

/// Progress, on standard error (standard output is the tables).
func say(_ line: String) {
    fflush(nil) // the tables printed so far come first
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
