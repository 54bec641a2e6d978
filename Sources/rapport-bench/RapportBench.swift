import ArgumentParser
import Foundation
import RapportCore

@main
struct RapportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport-bench",
        abstract: "Generate a book of business and measure Rapport on it.",
        discussion: """
            rapport-bench seed --contacts 10000 --interactions 1000000 --db /tmp/book.sqlite
            rapport-bench run --db /tmp/book.sqlite --json figures.json
            rapport-bench suite --preset full     (what Scripts/benchmark runs)
            Build in release mode first: Scripts/benchmark does.
            """,
        subcommands: [SeedCommand.self, RunCommand.self, SuiteCommand.self, ExportCommand.self, CompareCommand.self]
    )
}

/// The instant both commands treat as now, unless told otherwise.
func benchNow(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let day = CivilDate(iso: String(text.prefix(10))) else { throw ValidationError("--now takes YYYY-MM-DD") }
    return LocalCalendar.current.instant(on: day, at: LocalTime(hour: 9, minute: 0)!)
}

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Write a generated book into a new database.")

    @Option(help: "How many contacts.") var contacts = 1_000
    @Option(help: "How many interactions (meetings, calls, emails, lunches, gifts, follow-ups).") var interactions = 10_000
    @Option(help: "The database to create (must not exist).") var db: String
    @Option(help: "The random seed: the same seed writes the same book.") var seed: UInt64 = 1
    @Option(help: "The day the book ends on (YYYY-MM-DD; default today).") var now: String?

    func validate() throws {
        if contacts < 1 || interactions < 0 { throw ValidationError("--contacts must be 1 or more, --interactions 0 or more") }
        if FileManager.default.fileExists(atPath: db) { throw ValidationError("\(db) exists; seed writes a new database") }
    }

    func run() throws {
        let started = Date()
        let store = try RapportStore.open(path: db)
        let generator = BookGenerator(contacts: contacts, interactions: interactions, seed: seed, now: try benchNow(now))
        let summary = try generator.generate(into: store, calendar: .current)
        let seconds = Date().timeIntervalSince(started)
        // The book and whatever its write-ahead log still holds.
        let size = [db, db + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.reduce(0, +)
        print("""
            Seeded \(db) in \(String(format: "%.1f", seconds)) s: \(summary.accounts) accounts, \(summary.contacts) contacts, \
            \(summary.meetings) meetings, \(summary.interactions) calls/emails/notes, \(summary.lunches) lunches, \
            \(summary.gifts) gifts, \(summary.followUps) follow-ups, \(summary.deals) deals; \
            \(size / 1_048_576) MiB (\(interactions > 0 ? size / interactions : 0) bytes an interaction)
            """)
    }
}
