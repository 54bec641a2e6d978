import ArgumentParser
import RapportCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the scheduler's rules (thank-you delay, weekend, cadences, gifts).",
        discussion: "With no arguments, lists every setting with its value. With a key and a value, sets it."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The setting to change.")
    var key: String?

    @Argument(help: "Its new value.")
    var value: String?

    func validate() throws {
        if key != nil && value == nil { throw ValidationError("give a value for \(key!)") }
    }

    func run() throws {
        if let key, let value {
            let database = try store.openForWriting()
            try reporting { try database.setRule(key, to: value) }
            say("\(key) = \(value)")
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
        say("meeting-minutes = \(rules.meetingMinutes)")
        say("reminders = \(rules.calendarReminders ? "on" : "off")")
        say("completed-days = \(rules.keepCompletedDays)")
    }
}
