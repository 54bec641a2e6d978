import ArgumentParser
import Foundation
import RapportCore

struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List what is late, most overdue first: for a prompt, a login message or cron.",
        discussion: """
            One item a line. On a terminal an empty list says so; in a pipe it prints nothing. \
            This command only reads: it never creates or changes the database.

            --format prints one line from a template, and nothing when nothing is late \
            (for a prompt or a status bar): "{late} late · {thank-you} thank-yous". \
            Write {{ and }} for braces. The fields:
            \(OverdueTemplate.fields.map { "  " + "{\($0.name)}" + String(repeating: " ", count: max(0, 18 - $0.name.count - 2)) + $0.help }.joined(separator: "\n"))
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the items as a JSON array of {id, kind, title, contacts, account, due, overdueDays…}.")
    var json = false

    @Flag(help: "Print only how many items are overdue.")
    var count = false

    @Flag(help: "Exit 1 when anything is overdue, 0 when nothing is (like git diff --exit-code).")
    var exitCode = false

    @Option(help: ArgumentHelp("Only these kinds, comma-separated: \(ItemKind.namesForHelp).",
                               valueName: "kinds"))
    var kind: String?

    @Option(help: ArgumentHelp("One line from this template, or nothing when nothing is late (the fields are below).",
                               valueName: "template"))
    var format: String?

    @Option(help: ArgumentHelp("With --format: at most this many terminal columns, cut with \"…\".", valueName: "N"))
    var maxWidth: Int?

    func validate() throws {
        if json && count { throw ValidationError("--json and --count cannot be used together") }
        if format != nil && (json || count) { throw ValidationError("--format cannot be used with --json or --count") }
        if maxWidth != nil && format == nil { throw ValidationError("--max-width goes with --format") }
        if let maxWidth, maxWidth < 1 { throw ValidationError("--max-width must be at least 1, not \(maxWidth)") }
        _ = try kinds()
    }

    private func kinds() throws -> Set<ItemKind>? {
        guard let kind else { return nil }
        var kinds = Set<ItemKind>()
        for word in kind.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let match = ItemKind(named: word) else {
                throw ValidationError("'\(word)' is not a kind; the kinds are \(ItemKind.namesForHelp)")
            }
            kinds.insert(match)
        }
        return kinds
    }

    func run() throws {
        // The template is read before the book: a bad one is refused whatever is late.
        let template = try format.map { text in try reporting { try OverdueTemplate(parsing: text) } }
        if count {
            let late = try AgendaLoader(options: store).overdueCount(kinds: try kinds())
            say(String(late))
            if exitCode && late > 0 { throw ExitCode(1) }
            return
        }
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: 0)
        var items = agenda.overdue
        if let kinds = try kinds() { items = items.filter { kinds.contains($0.kind) } }
        if let template {
            if let line = template.render(items, in: agenda, calendar: store.calendar, maxWidth: maxWidth) { say(line) }
        } else if json {
            try printJSON(items.map { AgendaItemJSON($0, calendar: store.calendar) })
        } else {
            let style = OutputStyle.detect()
            if items.isEmpty {
                if style.isTerminal { say("Nothing overdue.") }
            } else {
                for line in AgendaPrinter(agenda: agenda, calendar: store.calendar, style: style).lines(items) { say(line) }
            }
        }
        if exitCode && !items.isEmpty { throw ExitCode(1) }
    }
}
