import ArgumentParser
import RapportCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the scheduler's rules (thank-you delay, weekend, cadences, gifts).",
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
        if let key, let value {
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
        let rules = try reporting { try store.openForReading()?.rules() } ?? .default
        let weekend = Weekday.allCases.filter { rules.weekend.contains($0) }.map { $0.shortName.lowercased() }
        say("thank-you-days = \(rules.thankYouBusinessDays)")
        say("weekend = \(weekend.isEmpty ? "none" : weekend.joined(separator: ","))")
        for tier in Tier.allCases {
            say("cadence-\(tier.rawValue.lowercased()) = \(rules.tierCadenceDays[tier].map(String.init) ?? "none")")
        }
        say("gift-team-size = \(rules.giftTeamSizeThreshold)")
        say("gift-days = \(rules.giftDelayDays)")
        say("cold-days = \(rules.coldAccountDays)")
        say("meeting-minutes = \(rules.meetingMinutes)")
        say("reminders = \(rules.calendarReminders ? "on" : "off")")
        say("completed-days = \(rules.keepCompletedDays)")
        say("\(onlyStatementKey) = \(statement.map(TerminalText.safe) ?? "none")")
    }
}
