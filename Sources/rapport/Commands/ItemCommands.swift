import ArgumentParser
import RapportCore

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Put an item off: rapport snooze f12 next mon (a follow-up keeps its first due date for the record)."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The item, as the lists show it.", valueName: "ref"), completion: Completions.items)
    var ref: String

    @Argument(help: ArgumentHelp("Until when: tomorrow, next mon, in 2 weeks, dec 1 9:00…", valueName: "when"))
    var when: [String]

    func validate() throws {
        do { _ = try ItemRef(parsing: ref) } catch { throw ValidationError(error.message) }
        if when.isEmpty { throw ValidationError("say until when, like: rapport snooze \(ref) next mon") }
    }

    func run() throws {
        let context = CommandContext(store)
        let item = try reporting { try ItemRef(parsing: ref) }
        let rules = try reporting { try store.openForReading()?.rules() } ?? .default
        let until = try context.when(when.joined(separator: " "), rules: rules)
        let database = try store.openForWriting()
        let change = try reporting {
            try database.snooze(item, to: until.day, time: until.time, now: context.now, calendar: context.calendar)
        }
        say("\(change.ref): \(TerminalText.safe(change.summary))")
    }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel items: a follow-up, a thank-you (waived), a meeting or lunch (called off), a gift, a suggestion.",
        discussion: "All the items are cancelled together: when one cannot be, none is."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("Item references, as the lists show them.", valueName: "ref"), completion: Completions.items)
    var refs: [String]

    @Option(help: "Why (kept with a waived thank-you note).")
    var reason: String?

    func validate() throws {
        guard !refs.isEmpty else { throw ValidationError("name at least one item, like f12") }
        for ref in refs {
            do { _ = try ItemRef(parsing: ref) } catch { throw ValidationError(error.message) }
        }
    }

    func run() throws {
        let context = CommandContext(store)
        let parsed = try refs.map { ref in try reporting { try ItemRef(parsing: ref) } }
        let database = try store.openForWriting()
        let changes = try reporting { try database.cancel(parsed, reason: reason, now: context.now) }
        for change in changes { say("\(change.ref): \(TerminalText.safe(change.summary))") }
    }
}
