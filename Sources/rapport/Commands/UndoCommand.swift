import ArgumentParser
import Foundation
import RapportCore

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the newest change to the book (from the shell or the front end).",
        discussion: """
            rapport undo reverts the newest change not yet undone and says what it was. \
            rapport undo --list shows the last changes with their numbers; rapport undo '#12' \
            reverts an older one, unless a later change touched the same rows (it then names that \
            change: undo it first).
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("A change's number from --list (#12 or 12).", valueName: "change"))
    var change: String?
    @Flag(help: "List the last changes, newest first.") var list = false
    @Option(parsing: .unconditional, help: ArgumentHelp("How many changes --list shows.", valueName: "n")) var limit = 10

    func validate() throws {
        if list && change != nil { throw ValidationError("--list takes no change number") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more, not \(limit)") }
        if let change, Self.number(change) == nil {
            throw ValidationError("'\(change)' is not a change number (rapport undo --list shows them, as #12)")
        }
    }

    static func number(_ text: String) -> Int64? {
        Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text).flatMap { $0 > 0 ? $0 : nil }
    }

    func run() throws {
        let context = CommandContext(store)
        if list {
            let changes = try reporting { try store.openForReading()?.changes(limit: limit) } ?? []
            if changes.isEmpty { say("No changes recorded."); return }
            for change in changes {
                let state = change.undoneAt == nil ? "" : "  (undone)"
                say("#\(change.id)  \(when(change.at, context))  \(TerminalText.safe(change.label))\(state)")
            }
            return
        }
        let database = try store.openForWriting()
        let undone: BookChange
        if let change {
            undone = try reporting { try database.undo(change: Self.number(change)!) }
        } else {
            guard let newest = try reporting({ try database.undoNewest() }) else {
                throw CommandFailure("nothing to undo", status: CommandFailure.failed)
            }
            undone = newest
        }
        say("Undid #\(undone.id): \(TerminalText.safe(undone.label)) (made \(when(undone.at, context)))")
    }

    private func when(_ instant: Date, _ context: CommandContext) -> String {
        let day = context.calendar.day(of: instant)
        let time = DateText.time(context.calendar.time(of: instant))
        return day == context.today ? "today \(time)" : "\(DateText.day(day, relativeToYear: context.today.year)) \(time)"
    }
}
