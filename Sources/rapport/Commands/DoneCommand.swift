import ArgumentParser
import RapportCore

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark agenda items done by their references (f12 t3 p5…).",
        discussion: """
            f: the follow-up is done (a repeating one gets its next date, counted from its due date). \
            t: the thank-you note is sent. p: the meeting's preparation is done. \
            s: a touch with the contact is logged now. ld: a lunch with the contact is logged as held. \
            l: the lunch is marked held. g: a gift for the deal is recorded as sent to the account's team.
            All the items are done together: when one cannot be, none is.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("Item references, as the lists show them.", valueName: "ref"), completion: Completions.items)
    var refs: [String]

    func validate() throws {
        guard !refs.isEmpty else { throw ValidationError("name at least one item, like f12") }
        for ref in refs {
            do { _ = try ItemRef(parsing: ref) } catch { throw ValidationError(error.message) }
        }
    }

    func run() throws {
        let parsed = try refs.map { ref in try reporting { try ItemRef(parsing: ref) } }
        let database = try store.openForWriting()
        let completions = try reporting {
            try database.complete(parsed, now: store.clock.now, calendar: store.calendar)
        }
        for completion in completions {
            say("\(completion.ref): \(TerminalText.safe(completion.summary))")
        }
    }
}
