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
    func openForWriting() throws -> RapportStore {
        try reporting { try RapportStore.open(path: path) }
    }

    /// Opens the database for reading; nil when there is none yet.
    func openForReading() throws -> RapportStore? {
        try reporting { try RapportStore.openForReading(path: path) }
    }

    /// The user's clock: the system's (tests pin it with faketime).
    var clock: any RapportCore.Clock { SystemClock() }

    /// The user's calendar: the zone named by TZ, else the system's.
    var calendar: LocalCalendar { .current }
}
