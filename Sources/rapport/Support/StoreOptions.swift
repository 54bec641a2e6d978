import ArgumentParser
import Foundation
import RapportCore

/// The options every command that touches the database shares, and the
/// environment it runs in: the clock, the user's time zone.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    var path: String {
        DatabaseLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database for writing, creating it when missing.
    /// Its changes are named in the undo journal by the command typed.
    func openForWriting() throws -> RapportStore {
        let store = try reporting { try RapportStore.open(path: path, clock: clock, calendar: calendar) }
        store.beginChange(Self.commandLine)
        return store
    }

    /// The command as typed, without the program's path or `--db FILE`.
    static var commandLine: String {
        var words: [String] = [], arguments = CommandLine.arguments.dropFirst()[...]
        while let word = arguments.popFirst() {
            if word == "--db" { _ = arguments.popFirst(); continue }
            if word.hasPrefix("--db=") { continue }
            words.append(word.contains(" ") || word.isEmpty ? "\"\(word)\"" : word)
        }
        return (["rapport"] + words).joined(separator: " ")
    }

    /// Whether there is a book (a file with something in it) at the path.
    func bookExists() throws -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
    }

    /// Opens the database for reading; nil when there is none yet.
    func openForReading() throws -> RapportStore? {
        try reporting { try RapportStore.openForReading(path: path, clock: clock, calendar: calendar) }
    }

    /// The user's clock: the system's (tests pin it with faketime).
    var clock: any RapportCore.Clock { SystemClock() }

    /// The user's calendar: the zone named by TZ, else the system's.
    var calendar: LocalCalendar { .current }
}
