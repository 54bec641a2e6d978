import ArgumentParser
import Foundation
import RapportCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List stored values Rapport cannot use (a date outside 1900–2999, text where a number belongs); --fix repairs them.",
        discussion: """
            Exit status 1 when any is found (and not fixed). With --fix, in one transaction: a value that may be absent \
            is cleared, a creation time (or a meeting's prepared or called-off time) becomes now, and a row whose \
            essential value is unreadable is removed with what depends on it; each change is listed.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Repair or remove what is found, saying what was done.")
    var fix = false

    func run() throws {
        if fix {
            let database = try store.openForWriting()
            let done = try reporting { try database.repair(now: store.clock.now) }
            for line in done { say(TerminalText.safe(line)) }
            say(done.isEmpty ? "The book is sound: nothing to repair." : "Repaired \(ReportText.count(done.count, "value")).")
            return
        }
        guard let database = try store.openForReading() else {
            say("There is no book at \(TerminalText.safe(store.path)) yet.")
            return
        }
        let bad = try reporting { try database.check() }
        for value in bad { say(TerminalText.safe(value.description)) }
        guard !bad.isEmpty else {
            say("The book is sound: every stored value is readable and in range.")
            return
        }
        OutputBuffer.shared.flush()
        throw CommandFailure("\(ReportText.count(bad.count, "bad value")) found; rapport check --fix repairs them", status: CommandFailure.failed)
    }
}
