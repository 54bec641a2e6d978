import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Undo takes back exactly one recorded change, whatever it touched.
@Suite("Undo")
struct UndoTests {
    let now = at(2026, 11, 24, 9)

    /// Every row of every table of the book, to compare before and after.
    func snapshot(_ store: RapportStore) throws -> [String: [String]] {
        try store.writer.read { db in
            var result: [String: [String]] = [:]
            for table in try RapportStore.bookTables(db) {
                result[table] = try Row.fetchAll(db, sql: "SELECT rowid, * FROM \"\(table)\" ORDER BY rowid").map(\.description)
            }
            return result
        }
    }

    @Test("done, snooze, cancel, edit and quick-add each undo to the exact book before them")
    func undoRestores() throws {
        let book = try TestBook()
        try book.store.enableUndo()
        let dana = try book.contact("Dana Ruiz", account: "Acme", tier: .a, added: at(2026, 10, 1, 9))
        try book.followUp("Monthly report", with: [dana], on: day(2026, 11, 20), repeating: .months(1, day: 31), added: now)
        try book.meeting("Kickoff", with: [dana], starts: at(2026, 11, 23, 10), added: now)

        let changes: [(String, () throws -> Void)] = [
            ("done", { _ = try book.store.complete([ItemRef(.followUp, 1), ItemRef(.thankYou, 1), ItemRef(.stayInTouch, 1)],
                                                   now: self.now, calendar: book.calendar) }),
            ("snooze", { _ = try book.store.snooze(ItemRef(.followUp, 1), to: day(2026, 12, 1), time: nil, now: self.now, calendar: book.calendar) }),
            ("snooze item", { _ = try book.store.snooze(ItemRef(.stayInTouch, 1), to: day(2026, 12, 1), time: nil, now: self.now, calendar: book.calendar) }),
            ("cancel", { _ = try book.store.cancel([ItemRef(.meeting, 1)], reason: nil, now: self.now) }),
            ("edit", { _ = try book.store.editContact(id: 1, now: self.now, extras: ContactExtras(accountName: .some("Globex"), addTags: ["golf"])) {
                $0.tier = .c
                $0.name = "Dana R."
            } }),
            ("quick-add", {
                let parser = try book.store.quickAddParser(dates: DatePhraseParser(today: day(2026, 11, 24)))
                let plan = try book.store.plan(try parser.parse("meeting Review with Dana Ruiz and Lee Park yesterday 10:00 #newco"),
                                               new: .whenClearlyNew(), now: self.now, calendar: book.calendar, rules: .default)
                _ = try book.store.perform(plan, now: self.now, calendar: book.calendar)
            }),
        ]
        for (label, change) in changes {
            let before = try snapshot(book.store)
            let (_, token) = try book.store.recordingUndo(label, change)
            #expect(!token.isEmpty, "\(label)")
            #expect(try snapshot(book.store) != before, "\(label) changed nothing")
            try book.store.undo(token)
            #expect(try snapshot(book.store) == before, "\(label) was not undone exactly")
        }
    }

    @Test("a failed change records nothing and leaves recording off")
    func failedChange() throws {
        let book = try TestBook()
        try book.store.enableUndo()
        #expect(throws: StoreError.self) {
            try book.store.recordingUndo("bad") { try book.store.complete([ItemRef(.followUp, 9)], now: self.now, calendar: book.calendar) }
        }
        try book.contact("Lee", added: now)
        let (_, token) = try book.store.recordingUndo("nothing") {}
        #expect(token.isEmpty)
    }
}
