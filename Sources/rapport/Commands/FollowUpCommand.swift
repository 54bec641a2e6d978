import ArgumentParser
import RapportCore

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up",
        abstract: "Add follow-ups: what you promised, to whom, by when.",
        subcommands: [FollowUpAddCommand.self]
    )
}

struct FollowUpAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a follow-up.",
        discussion: """
            Examples:
              rapport follow-up add "Send the pricing deck" --with "Dana Ruiz" --due "fri 14:00"
              rapport follow-up add "Quarterly review" --with dana --repeat "every first monday"
            Dates: today, tomorrow, tonight, mon…sun (the next one, today excluded), this fri \
            (today included), next fri (in next week), in 3 days, +2w, eow, eom, 2026-12-01, \
            dec 1, 1 dec 2027; times 14:00, 3pm, noon. Without a time the follow-up is due by \
            the end of the day.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "What was promised.")
    var title: String

    @Option(help: ArgumentHelp("Who it was promised to: names, emails or @ids, comma-separated.", valueName: "people"))
    var with: String?

    @Option(help: ArgumentHelp("When it is due (default: today, or the first repeat).", valueName: "date"))
    var due: String?

    @Option(name: .customLong("repeat"), help: ArgumentHelp("How it repeats: every 2 weeks, monthly, every month on the 31st, every first monday…", valueName: "rule"))
    var repeatRule: String?

    @Option(help: "The account it concerns; created when new.", completion: Completions.accounts)
    var account: String?

    @Option(help: "Notes.")
    var notes: String?

    @OptionGroup var creation: CreationOptions

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty: say what was promised") }
    }

    func run() throws {
        let now = store.clock.now
        let calendar = store.calendar
        let today = calendar.day(of: now)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        let parser = DatePhraseParser(today: today, weekend: rules.weekend)
        var when = try reporting { try due.map(parser.parse) }
        var recurrence: Recurrence?
        if let repeatRule {
            // "monthly" keeps the due date's day of the month, not today's.
            let (rule, first) = try reporting { try RecurrencePhrase.parse(repeatRule, today: when?.day ?? today) }
            recurrence = rule
            if when == nil { when = When(day: first) }
        }
        let dueWhen = when ?? When(day: today)
        let accountID = try account.map { name in try reporting { try database.addAccount(named: name, now: now).id! } }
        let people = try reporting {
            try database.resolvePeople(CommandContext.names(with), account: accountID, new: creation.rule)
        }
        let (followUp, created) = try reporting {
            try database.addFollowUp(title: title, people: people, day: dueWhen.day, time: dueWhen.time,
                                     recurrence: recurrence, accountID: accountID, notes: notes, now: now, calendar: calendar)
        }
        for contact in created {
            say("Created contact @\(contact.id!) \(TerminalText.safe(contact.name))")
        }
        let who = try reporting { try database.contactIDs(ofFollowUp: followUp.id!).compactMap { try database.contact(id: $0)?.name } }
        let whoText = who.isEmpty ? "" : " with " + who.map(TerminalText.safe).joined(separator: ", ")
        let repeatText = recurrence.map { ", repeats \($0.phrase)" } ?? ""
        say("Added \(followUp.ref) follow-up \"\(TerminalText.safe(followUp.title))\"\(whoText), due "
            + DateText.due(followUp.due, in: calendar, relativeToYear: today.year) + repeatText)
    }
}
