import ArgumentParser
import Foundation
import RapportCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find a word in names, notes, research, outcomes and the history (calls, meetings, follow-ups, lunches, gifts).",
        discussion: "Case is ignored. Each line gives the reference to show or edit it (@3, m2, i5, f1, l4, g2). Never writes."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("What to look for.", valueName: "text")) var text: [String]
    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many results.", valueName: "n")) var limit = 50

    func validate() throws {
        if text.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("say what to search for") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more, not \(limit)") }
    }

    func run() throws {
        let context = CommandContext(store)
        let query = text.joined(separator: " ")
        let hits = try reporting { try store.openForReading()?.search(query, limit: limit) } ?? []
        if hits.isEmpty {
            throw CommandFailure("nothing found for '\(query)'", status: CommandFailure.failed)
        }
        for hit in hits {
            let when = hit.at.map { "  " + context.text($0) } ?? ""
            let found = hit.field == "name" || hit.field == "title" || hit.field == "description" ? ""
                : " — \(hit.field): " + TerminalText.safe(String(hit.text.replacingOccurrences(of: "\n", with: " ").prefix(80)))
            say("\(hit.ref)  \(hit.kind)  \(TerminalText.safe(hit.title))\(found)\(when)")
        }
    }
}
