import ArgumentParser
import RapportCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log what happened: a meeting, a call, an email, a lunch, a gift sent…",
        subcommands: [LogMeetingCommand.self, LogCallCommand.self, LogEmailCommand.self, LogMessageCommand.self, LogVisitCommand.self,
                      LogNoteCommand.self, LogLunchCommand.self, LogGiftCommand.self]
    )
}

/// The options every `log` command shares.
struct LogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Who was there: names, emails or @ids, comma-separated.", valueName: "people"))
    var with: String?

    @Option(name: .customLong("at"), help: ArgumentHelp("When (default: now): today 10:00, yesterday 3pm, mon 9:30…", valueName: "when"))
    var when: String?

    @Option(help: "Notes.")
    var notes: String?

    @OptionGroup var creation: CreationOptions
}

struct LogMeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Log a meeting: it owes a thank-you note to each attendee once it has happened.",
        discussion: "Example: rapport log meeting \"Acme kickoff\" --with \"Dana Ruiz, Lee Park\" --at \"today 10:00\""
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions
    @Argument(help: "The meeting's title.") var title: String
    @Option(help: "Where it is.") var place: String?
    @Option(help: "Research before it.") var prep: String?
    @Option(help: "The account it is with.", completion: Completions.accounts) var account: String?

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        // A meeting is at a time: "--at fri" alone is refused, as in a phrase or the form.
        if let phrase = log.when, try context.when(phrase, rules: rules).time == nil {
            throw CommandFailure("a meeting needs a time, like --at \"fri 14:00\"", status: CommandFailure.badInput)
        }
        let start = try context.instant(log.when, rules: rules)
        let accountID = try account.map { name in try reporting { try database.addAccount(named: name, now: context.now).id! } }
        let people = try reporting { try database.resolvePeople(CommandContext.names(log.with), account: accountID, new: log.creation.rule) }
        let (meeting, notes, created) = try reporting {
            try database.addMeeting(MeetingDraft(title: title, startsAt: start, place: place, accountID: accountID, attendees: people,
                                                 prepNotes: prep, outcomeNotes: log.notes), now: context.now)
        }
        if let line = createdLine(created) { say(line) }
        var line = "Logged \(meeting.ref) meeting \"\(TerminalText.safe(meeting.title))\", \(context.text(.instant(meeting.startsAt)))"
        if !notes.isEmpty {
            let names = try reporting { try notes.compactMap { try database.contact(id: $0.contactID)?.name } }
            line += " with " + names.map(TerminalText.safe).joined(separator: ", ")
            line += meeting.startsAt <= context.now
                ? "; thank-you notes owed: " + notes.map { $0.ref.description }.joined(separator: " ")
                : "; \(notes.count) thank-you note\(notes.count == 1 ? "" : "s") owed after it"
        }
        say(line)
    }
}

/// What `log call|email|message|visit|note` share.
struct LogInteractionOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions
    @Argument(help: "What it was about.") var title: String

    func validate() throws {
        if log.with == nil { throw ValidationError("say who it was with: --with \"Dana Ruiz\"") }
    }

    func log(_ interactionKind: InteractionKind) throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        let at = try context.instant(log.when, rules: rules, looksBack: true)
        guard at <= context.now else {
            throw CommandFailure("a log records what happened; \(context.text(.instant(at))) is still to come (add a follow-up instead)", status: CommandFailure.badInput)
        }
        let people = try reporting { try database.resolvePeople(CommandContext.names(log.with), new: log.creation.rule) }
        let (interaction, created) = try reporting {
            try database.logInteraction(kind: interactionKind, title: title, people: people, at: at, notes: log.notes, now: context.now)
        }
        if let line = createdLine(created) { say(line) }
        say("Logged \(interaction.ref) \(interaction.kind.rawValue) \"\(TerminalText.safe(interaction.title))\" with "
            + (try names(of: people, created: created, in: database)) + ", \(context.text(.instant(at)))")
    }
}

struct LogCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Log a call; it touches each person.")
    @OptionGroup var options: LogInteractionOptions
    func run() throws { try options.log(.call) }
}

struct LogEmailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "email", abstract: "Log an email; it touches each person.")
    @OptionGroup var options: LogInteractionOptions
    func run() throws { try options.log(.email) }
}

struct LogMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "message", abstract: "Log a message; it touches each person.")
    @OptionGroup var options: LogInteractionOptions
    func run() throws { try options.log(.message) }
}

struct LogVisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "visit", abstract: "Log a visit; it touches each person.")
    @OptionGroup var options: LogInteractionOptions
    func run() throws { try options.log(.visit) }
}

struct LogNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Log a note about people; it touches each person.")
    @OptionGroup var options: LogInteractionOptions
    func run() throws { try options.log(.note) }
}

struct LogLunchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lunch", abstract: "Log a lunch that was held.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions
    @Option(help: "Where.") var place: String?
    @Option(help: "What it cost: $80, €75.50, 80 EUR.") var cost: String?

    func validate() throws {
        if log.with == nil { throw ValidationError("say who it was with: --with \"Dana Ruiz\"") }
    }

    func run() throws {
        let context = CommandContext(store)
        let money = try CostOption.parse(cost)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        let at = try context.instant(log.when, rules: rules, defaultTime: .noon, looksBack: true)
        guard at <= context.now else {
            throw CommandFailure("a lunch to come is offered: rapport lunch offer --with … --at …", status: CommandFailure.badInput)
        }
        let people = try reporting { try database.resolvePeople(CommandContext.names(log.with), new: log.creation.rule) }
        let (lunch, created) = try reporting {
            try database.addLunch(people: people, startsAt: at, place: place, state: .held, notes: log.notes, cost: money, now: context.now)
        }
        if let line = createdLine(created) { say(line) }
        say("Logged \(lunch.ref) lunch held with " + (try names(of: people, created: created, in: database))
            + (place.map { " at \(TerminalText.safe($0))" } ?? "") + (money.map { ", \($0)" } ?? "") + ", \(context.text(.instant(at)))")
    }
}

struct LogGiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gift", abstract: "Log a gift that was sent, to people or an account's team.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions
    @Argument(help: "What it was.") var description: String
    @Option(help: "The account whose whole team received it.") var account: String?
    @Option(help: "The occasion: closed deal, birthday…") var occasion: String = ""
    @Option(help: "What it cost: $80, €75.50, 80 EUR.") var cost: String?

    func validate() throws {
        if log.with == nil && account == nil { throw ValidationError("say who received it: --with \"Dana Ruiz\" or --account Acme") }
    }

    func run() throws {
        let context = CommandContext(store)
        let money = try CostOption.parse(cost)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        let day = try log.when.map { try context.when($0, rules: rules, looksBack: true).day } ?? context.today
        guard day <= context.today else {
            throw CommandFailure("a gift to send later is planned with: rapport add \"gift … by \(DateText.shortDay(day))\"", status: CommandFailure.badInput)
        }
        let people = try reporting { try database.resolvePeople(CommandContext.names(log.with), new: log.creation.rule) }
        let accountID = try account.map { name in try reporting { try database.resolveAccount(name).id! } }
        let (gift, created) = try reporting {
            try database.addGift(Gift(accountID: accountID, occasion: occasion, description: description,
                                      costMinorUnits: money?.minorUnits, currency: money?.currency, state: .sent,
                                      sentOn: day, createdAt: context.now), people: people,
                                 sentAt: Policy(rules: rules, calendar: context.calendar).instant(on: day, now: context.now))
        }
        if let line = createdLine(created) { say(line) }
        let recipients = try reporting { try database.giftRecipients(gift.id!) }
        say("Logged \(gift.ref) gift \"\(TerminalText.safe(gift.description))\" sent to \(recipients.count) "
            + (recipients.count == 1 ? "person" : "people") + (money.map { ", \($0)" } ?? "") + ", \(DateText.day(day, relativeToYear: context.today.year))")
    }
}
