import ArgumentParser
import Foundation
import RapportCore

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "One page to read before a meeting: who, what they need, what is open, the account, its deals, the prep notes.",
        discussion: """
            Name a meeting (m3) or its preparation (p3), a lunch (l2), a contact (@1, a name, an email) or an account \
            (its name; #acme to mean the account). An empty field reads as a question to ask ("needs: unknown — ask"). \
            Never writes.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The meeting, lunch, contact or account.", valueName: "ref"), completion: Completions.itemsAndContacts)
    var subject: [String]

    @Flag(help: "Print the brief as JSON.")
    var json = false

    @Flag(help: "Print the brief as Markdown, for printing or a calendar invite.")
    var markdown = false

    func validate() throws {
        if subject.isEmpty { throw ValidationError("name a meeting (m3), a lunch (l2), a contact or an account: rapport brief m3") }
        if json && markdown { throw ValidationError("--json and --markdown: choose one") }
    }

    func run() throws {
        let context = CommandContext(store)
        let text = subject.joined(separator: " ")
        guard let database = try store.openForReading() else {
            throw CommandFailure("nothing matches '\(text)'; the book is empty", status: CommandFailure.badInput)
        }
        let brief = try reporting {
            try database.brief(for: database.resolveBriefSubject(text), now: context.now, calendar: context.calendar)
        }
        if json {
            try printJSON(brief, calendar: context.calendar)
            return
        }
        let printer = BriefPrinter(lines: BriefLayout.lines(brief, now: context.now, calendar: context.calendar), style: .detect())
        for line in markdown ? printer.markdown : printer.text { say(line) }
    }
}
