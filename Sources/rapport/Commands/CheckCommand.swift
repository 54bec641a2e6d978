import ArgumentParser
import Foundation
import RapportCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List stored values Rapport cannot use, and where the agenda index differs from the rules; --fix repairs them.",
        discussion: """
            Exit status 1 when any is found (and not fixed). With --fix, in one transaction: a value that may be absent \
            is cleared, a creation time (or a meeting's prepared or called-off time) becomes now, and a row whose \
            essential value is unreadable is removed with what depends on it; each change is listed.

            The agenda index (what overdue, today and upcoming read) is compared with the scheduler's rules \
            applied to every open item; --fix rebuilds it.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Repair or remove what is found, saying what was done.")
    var fix = false

    func run() throws {
        if fix {
            let database = try store.openForWriting()
            // Compared before repairing: a repair is a write, which brings marked changes into the index.
            let differences = try reporting { try database.agendaIndexDifferences(now: store.clock.now) }
            let done = try reporting { try database.repair(now: store.clock.now) }
            for line in done { say(TerminalText.safe(line)) }
            if !differences.isEmpty {
                try reporting { try database.rebuildAgendaIndex() }
            }
            say(done.isEmpty && differences.isEmpty ? "The book is sound: nothing to repair."
                : [done.isEmpty ? nil : "Repaired \(ReportText.count(done.count, "value")).",
                   differences.isEmpty ? nil : "Rebuilt the agenda index (\(ReportText.count(differences.count, "difference")))."]
                    .compactMap { $0 }.joined(separator: " "))
            return
        }
        guard let database = try store.openForReading() else {
            say("There is no book at \(TerminalText.safe(store.path)) yet.")
            return
        }
        let bad = try reporting { try database.check() }
        for value in bad { say(TerminalText.safe(value.description)) }
        let differences = try reporting { try database.agendaIndexDifferences(now: store.clock.now) }
        for difference in differences { say(TerminalText.safe(difference)) }
        guard !bad.isEmpty || !differences.isEmpty else {
            say("The book is sound: every stored value is readable and in range, and the agenda index agrees with the rules.")
            return
        }
        OutputBuffer.shared.flush()
        let found = [bad.isEmpty ? nil : ReportText.count(bad.count, "bad value"),
                     differences.isEmpty ? nil : ReportText.count(differences.count, "agenda index difference")].compactMap { $0 }
        throw CommandFailure(found.joined(separator: " and ") + " found; rapport check --fix repairs them", status: CommandFailure.failed)
    }
}
