import ArgumentParser
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure one book: the scheduler in process and the rapport commands as whole processes.",
        discussion: "Prints a table; --json writes the same figures for comparing before and after a change. "
            + "`rapport-bench suite` measures every size side by side with taskwarrior and remind."
    )

    @Option(help: "The database to measure (from rapport-bench seed).") var db: String
    @Option(help: "Runs of each measurement, after one warm-up.") var runs = 20
    @Option(help: "Write the figures as JSON to this file.") var json: String?
    @Option(help: ArgumentHelp("Measure only what has this in its name (\"report\", \"overdue\").", valueName: "text"))
    var only: String?

    func validate() throws {
        if !FileManager.default.fileExists(atPath: db) { throw ValidationError("no database at \(db); run rapport-bench seed first") }
        if runs < 1 { throw ValidationError("--runs must be 1 or more") }
    }

    func run() throws {
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let measurement = BookMeasurement(db: db, measurer: Measurer(runs: runs, only: only), binaries: binaries, includeImport: true)
        let results = try measurement.run(now: Date())
        print(Measurer.table(results))
        print("database: \(fileSize(db) / 1_048_576) MiB; machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: json))
        }
    }
}
