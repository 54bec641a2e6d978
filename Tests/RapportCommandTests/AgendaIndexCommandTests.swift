import Foundation
import Testing

/// The agenda index end to end: the counts and lists the binary prints
/// agree with each other through writes; a change made behind Rapport's
/// back is still read right, `check` names it and `check --fix` rebuilds.
@Suite("the agenda as an index, end to end")
struct AgendaIndexCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test("overdue --count agrees with overdue's lines after adds, done, snooze and undo, at later moments too")
    func countAgrees() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "call Dana Ruiz yesterday"], at: tuesday)
        try rapport.run(["add", "meeting with Dana Ruiz and Lee Park today 8:00"], at: tuesday)
        try rapport.run(["add", "email Lee Park today 8:30"], at: tuesday)
        try rapport.run(["add", "send the deck to Dana Ruiz fri"], at: tuesday)
        func agree(at clock: String, _ expected: Int) throws {
            let count = try rapport.run(["overdue", "--count"], at: clock)
            let list = try rapport.run(["overdue"], at: clock)
            #expect(count.stdout == "\(expected)\n", "\(clock): \(count.stdout) \(count.stderr)")
            #expect(lines(list.stdout).count == expected, "\(clock): \(list.stdout)")
        }
        try agree(at: tuesday, 2) // the call from yesterday, the 08:30 email
        try agree(at: "2026-11-26 09:00:00", 4) // and the two thank-you notes owed since the meeting, due Wednesday
        try rapport.run(["done", "f1"], at: tuesday)
        try rapport.run(["snooze", "f2", "thu"], at: tuesday)
        try agree(at: tuesday, 0)
        try rapport.run(["undo"], at: tuesday)
        try agree(at: tuesday, 1)
        #expect(try rapport.run(["overdue", "--count", "--kind", "thanks"], at: "2026-11-26 09:00:00").stdout == "2\n")
        #expect(try rapport.run(["check"], at: tuesday).status == 0)
    }

    @Test("a follow-up moved by another program is read right at once; check lists the index's difference and check --fix rebuilds it")
    func changedBehindItsBack() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "send the deck to Dana Ruiz fri"], at: tuesday)
        #expect(try rapport.run(["overdue", "--count"], at: tuesday).stdout == "0\n")
        _ = try spawnAndWait("/usr/bin/sqlite3", [rapport.databasePath, "UPDATE followUp SET dueDay = '2026-11-20' WHERE id = 1"])
        #expect(try rapport.run(["overdue", "--count"], at: tuesday).stdout == "1\n")
        #expect(try rapport.run(["overdue"], at: tuesday).stdout.contains("send the deck"))
        let check = try rapport.run(["check"], at: tuesday)
        #expect(check.status == 1)
        #expect(check.stdout.contains("agenda index has f1 due 2026-11-27"), "\(check.stdout)")
        #expect(check.stdout.contains("agenda index lacks f1 due 2026-11-20"), "\(check.stdout)")
        #expect(check.stderr == "rapport: 2 agenda index differences found; rapport check --fix repairs them\n", "\(check.stderr)")
        let fix = try rapport.run(["check", "--fix"], at: tuesday)
        #expect(fix.status == 0)
        #expect(fix.stdout == "Rebuilt the agenda index (2 differences).\n", "\(fix.stdout)")
        let again = try rapport.run(["check"], at: tuesday)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(try rapport.run(["overdue", "--count"], at: tuesday).stdout == "1\n")
    }
}
