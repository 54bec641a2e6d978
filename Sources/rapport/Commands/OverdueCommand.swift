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

    func validate() throws {
        if json && count { throw ValidationError("--json and --count cannot be used together") }
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
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: 0)
        var items = agenda.overdue
        if let kinds = try kinds() { items = items.filter { kinds.contains($0.kind) } }
        if count {
            say(String(items.count))
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
