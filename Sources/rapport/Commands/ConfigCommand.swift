import ArgumentParser
import Foundation
import RapportCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the scheduler's rules (thank-you delay, weekend, holidays, cadences, gifts, birthdays).",
        discussion: """
            With no arguments, lists every setting with its value; with a key, shows it; with a key and a value, sets it. \
            only-statement is the book's ONLY statement ("We are the ONLY ones that…"), shown in briefs; "" clears it.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The setting to change.")
    var key: String?

    @Argument(help: "Its new value.")
    var value: String?

    func validate() throws {
        if let key, value == nil, key != onlyStatementKey { throw ValidationError("give a value for \(key)") }
    }

    private let onlyStatementKey = "only-statement"

    func run() throws {
        if let key, var value {
            if key == "holidays", value.lowercased().hasSuffix(".ics") {
                value = try holidaysFromFile(value)
            }
            let database = try store.openForWriting()
            try reporting { try database.setRule(key, to: value) }
            let cleared = key == onlyStatementKey && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            say(cleared ? "\(key) cleared" : "\(key) = \(TerminalText.safe(value))")
            return
        }
        let statement = try reporting { try store.openForReading()?.onlyStatement() }
        if key == onlyStatementKey {
            if let statement { say(TerminalText.safe(statement)) }
            else if OutputStyle.detect().isTerminal { say("No ONLY statement yet: rapport config only-statement \"We are the ONLY ones that…\"") }
            return
        }
        let settings = try reporting { try (store.openForReading() ?? RapportStore.inMemory()).settings() }
        for setting in settings { say("\(setting.key) = \(TerminalText.safe(setting.value))") }
    }

    /// The days of a .ics file of holidays, as the setting stores them.
    private func holidaysFromFile(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path)", status: CommandFailure.failed)
        }
        do {
            return try HolidayCalendar.days(fromICS: String(decoding: data, as: UTF8.self)).map(\.iso).joined(separator: ",")
        } catch {
            throw CommandFailure("holidays: \(path): \(error)", status: CommandFailure.badInput)
        }
    }
}
