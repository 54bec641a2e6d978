import ArgumentParser
import RapportCore

struct ThanksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thanks",
        abstract: "Record thank-you notes as sent or waived.",
        subcommands: [ThanksSentCommand.self, ThanksWaiveCommand.self]
    )
}

struct ThanksSentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        abstract: "Thank-you notes went out: rapport thanks sent t3 t4 --via email, or by the people's names.",
        discussion: """
            References (t3) name notes; a name marks the oldest note owed to that person, saying which \
            (--all: every note owed to them). Several references and names may be given (names \
            separated by commas); all are marked in one change, or none.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Notes (t3) and people thanked.", valueName: "note|name")) var targets: [String]
    @Option(help: ArgumentHelp("How: \(ThankYouChannel.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "channel"))
    var via: String?
    @Flag(help: "For a name, every note owed to that person, not only the oldest.") var all = false

    func validate() throws {
        if targets.isEmpty { throw ValidationError("name the notes (t3) or the people") }
        if let via, ThankYouChannel(rawValue: via.lowercased()) == nil {
            throw ValidationError("--via must be one of \(ThankYouChannel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// References one by one; the words between them are names (commas separate names).
    private func parsedTargets() -> (refs: [ItemRef], names: [String]) {
        var refs: [ItemRef] = [], names: [String] = [], words: [String] = []
        func flushName() {
            names += NameMatcher.splitPeople(words.joined(separator: " "))
            words = []
        }
        for argument in targets {
            if let ref = try? ItemRef(parsing: argument), ref.kind == .thankYou {
                flushName()
                refs.append(ref)
            } else {
                words.append(argument)
            }
        }
        flushName()
        return (refs, names)
    }

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let (refs, names) = parsedTargets()
        var noteIDs = refs.map(\.id)
        for name in names {
            let person = try lookUpContact(name, in: database)
            let notes = try reporting { try database.notesToThank(contact: person.id!, all: all, now: context.now) }
            guard !notes.isEmpty else {
                throw CommandFailure("no thank-you note is owed to \(TerminalText.safe(person.name))", status: CommandFailure.badInput)
            }
            noteIDs += notes.map { $0.id! }
        }
        let channel = via.flatMap { ThankYouChannel(rawValue: $0.lowercased()) }
        let sent = try reporting { try database.markThankYouSent(ids: noteIDs, channel: channel, at: context.now) }
        for note in sent {
            let name = try reporting { try database.contact(id: note.contactID)?.name } ?? ""
            say("\(note.ref): thank-you note to \(TerminalText.safe(name)) sent" + (channel.map { " (\($0.rawValue))" } ?? ""))
        }
    }
}

struct ThanksWaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "waive", abstract: "A thank-you note will not be written, and why.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The note.", valueName: "t…")) var ref: String
    @Option(help: "Why not.") var reason: String

    func validate() throws {
        guard (try? ItemRef(parsing: ref))?.kind == .thankYou else { throw ValidationError("'\(ref)' is not a thank-you note (t3)") }
    }

    func run() throws {
        let database = try store.openForWriting()
        let id = try reporting { try ItemRef(parsing: ref).id }
        try reporting { try database.waiveThankYou(id: id, reason: reason) }
        say("\(ItemRef(.thankYou, id)): thank-you note waived (\(TerminalText.safe(reason)))")
    }
}

struct LunchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lunch",
        abstract: "Lunches: offer one, then accept, held, decline or cancel it.",
        subcommands: [LunchOfferCommand.self, LunchAcceptCommand.self, LunchHeldCommand.self, LunchDeclineCommand.self, LunchCancelCommand.self]
    )
}

struct LunchOfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "offer", abstract: "Offer a lunch: rapport lunch offer --with Dana --at \"fri 12:30\" --place Nobu.")

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("With whom: names, emails or @ids, comma-separated.", valueName: "people")) var with: String
    @Option(help: ArgumentHelp("When (without a time: noon).", valueName: "when")) var at: String?
    @Option(help: "Where.") var place: String?
    @OptionGroup var creation: CreationOptions

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        let start = try at.map { try context.instant($0, rules: rules, defaultTime: .noon) }
        let people = try reporting { try database.resolvePeople(CommandContext.names(with), new: creation.rule) }
        let (lunch, created) = try reporting { try database.addLunch(people: people, startsAt: start, place: place, now: context.now) }
        if let line = createdLine(created) { say(line) }
        say("Added \(lunch.ref) lunch offered to " + (try names(of: people, created: created, in: database))
            + (place.map { " at \(TerminalText.safe($0))" } ?? "") + (start.map { ", \(context.text(.instant($0)))" } ?? ", no date yet"))
    }
}

/// What `lunch accept|held|decline|cancel` share: the lunch, its cost.
struct LunchStateOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The lunch.", valueName: "l…")) var ref: String
    @Option(help: "What a held lunch cost: $80, €75.50, €84,50, 80 EUR.") var cost: String?

    func validate() throws {
        guard (try? ItemRef(parsing: ref))?.kind == .lunch else { throw ValidationError("'\(ref)' is not a lunch (l2)") }
    }

    func move(to state: LunchState, word: String) throws {
        let context = CommandContext(store)
        let money = try CostOption.parse(cost)
        if money != nil && state != .held {
            throw CommandFailure("--cost is for a held lunch: rapport lunch held \(ref) --cost $60 (not lunch \(word))", status: CommandFailure.badInput)
        }
        let database = try store.openForWriting()
        let id = try reporting { try ItemRef(parsing: ref).id }
        let lunch = try reporting { try database.setLunchState(id: id, to: state, cost: money, now: context.now) }
        say("\(ItemRef(.lunch, id)): lunch \(lunch.state.rawValue)" + (money.map { ", \($0)" } ?? ""))
    }
}

struct LunchAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "The lunch was accepted: rapport lunch accept l2.")
    @OptionGroup var options: LunchStateOptions
    func run() throws { try options.move(to: .accepted, word: "accept") }
}

struct LunchHeldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "held", abstract: "The lunch took place: rapport lunch held l2 --cost €60 (it touches each guest).")
    @OptionGroup var options: LunchStateOptions
    func run() throws { try options.move(to: .held, word: "held") }
}

struct LunchDeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decline", abstract: "The lunch was declined: rapport lunch decline l2.")
    @OptionGroup var options: LunchStateOptions
    func run() throws { try options.move(to: .declined, word: "decline") }
}

struct LunchCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "The lunch is called off: rapport lunch cancel l2.")
    @OptionGroup var options: LunchStateOptions
    func run() throws { try options.move(to: .cancelled, word: "cancel") }
}
