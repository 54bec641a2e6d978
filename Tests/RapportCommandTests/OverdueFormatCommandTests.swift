import Foundation
import Testing

/// `rapport overdue --format` as a prompt calls it.
@Suite("rapport overdue --format")
struct OverdueFormatCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    @Test("one line from the template; nothing at all when nothing is late; --kind narrows the counts")
    func line() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: tuesday)
        try rapport.run(["follow-up", "add", "send the pricing deck", "--with", "Dana Ruiz", "--due", "2026-11-20"], at: tuesday)
        try rapport.run(["follow-up", "add", "call back", "--with", "Dana Ruiz", "--due", "2026-11-30"], at: tuesday)
        let template = "{late} late · {follow-up} follow-ups · {first.ref} {first.title} ({first.who} · {first.account}, {first.late})"
        let result = try rapport.run(["overdue", "--format", template], at: tuesday)
        #expect(result.status == 0 && result.stdout == "1 late · 1 follow-ups · f1 send the pricing deck (Dana Ruiz · Acme, 4 d late)\n")
        let none = try rapport.run(["overdue", "--format", template, "--kind", "thank-you"], at: tuesday)
        #expect(none.status == 0 && none.stdoutBytes.isEmpty)
        let cut = try rapport.run(["overdue", "--format", template, "--max-width", "12"], at: tuesday)
        #expect(cut.stdout == "1 late · 1 …\n")
        // Without a book at all: nothing, and no book created.
        let empty = try RapportProcess()
        #expect(try empty.run(["overdue", "--format", template], at: tuesday).stdoutBytes.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: empty.databasePath))
    }

    @Test("a bad template or width is refused with status 2 and one line naming it")
    func refused() throws {
        let rapport = try RapportProcess()
        let unknown = try rapport.run(["overdue", "--format", "{late} late · {thankyous}"], at: tuesday)
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "rapport: the template has no field {thankyous}; did you mean {thank-you}?\n")
        let open = try rapport.run(["overdue", "--format", "{late"], at: tuesday)
        #expect(open.status == 2 && open.stderr == "rapport: the template has a '{' that is never closed (write '{{' for a brace)\n")
        let zero = try rapport.run(["overdue", "--format", "{late}", "--max-width", "0"], at: tuesday)
        #expect(zero.status == 2 && zero.stderr.hasPrefix("rapport: --max-width must be at least 1, not 0"))
        let both = try rapport.run(["overdue", "--format", "{late}", "--count"], at: tuesday)
        #expect(both.status == 2 && both.stderr.hasPrefix("rapport: --format cannot be used with --json or --count"))
    }
}
