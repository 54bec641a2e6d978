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

    @Test("a failed change records nothing; the next change is journaled on its own")
    func failedChange() throws {
        let book = try TestBook()
        #expect(throws: StoreError.self) {
            try book.store.recordingUndo("bad") { try book.store.complete([ItemRef(.followUp, 9)], now: self.now, calendar: book.calendar) }
        }
        try book.contact("Lee", added: now)
        let (_, token) = try book.store.recordingUndo("nothing") {}
        #expect(token.isEmpty)
    }

    @Test("the journal lives in the file: a second process undoes the first one's change")
    func acrossProcesses() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-undo-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try RapportStore.open(path: path)
        first.beginChange("add follow-up")
        _ = try first.addFollowUp(title: "Send the deck", people: People(), day: day(2026, 11, 25), now: now, calendar: Zone.berlin)
        let second = try RapportStore.open(path: path)
        #expect(try second.changes().map(\.label) == ["add follow-up"])
        let undone = try #require(try second.undoNewest())
        #expect(undone.label == "add follow-up")
        #expect(try first.read { db in try FollowUp.fetchCount(db) } == 0)
        #expect(try second.undoNewest() == nil)
    }

    @Test("an older change is undone only when no later change touched its rows; the refusal names the later one")
    func olderChange() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: now)
        try book.followUp("One", with: [dana], on: day(2026, 11, 25), added: now)
        try book.followUp("Two", with: [dana], on: day(2026, 11, 26), added: now)
        book.store.beginChange("snooze f1")
        _ = try book.store.snooze(ItemRef(.followUp, 1), to: day(2026, 12, 1), time: nil, now: now, calendar: book.calendar)
        book.store.beginChange("snooze f2")
        _ = try book.store.snooze(ItemRef(.followUp, 2), to: day(2026, 12, 1), time: nil, now: now, calendar: book.calendar)
        book.store.beginChange("done f1")
        _ = try book.store.complete([ItemRef(.followUp, 1)], now: now, calendar: book.calendar)
        let changes = try book.store.changes()
        #expect(changes.prefix(3).map(\.label) == ["done f1", "snooze f2", "snooze f1"])
        let snoozeOne = changes[2], snoozeTwo = changes[1]
        // "snooze f1" is blocked by "done f1", which rewrote f1 after it.
        #expect(throws: StoreError.self) { try book.store.undo(change: snoozeOne.id) }
        do { try book.store.undo(change: snoozeOne.id) } catch { #expect("\(error)".contains("(done f1)")) }
        // "snooze f2" touched rows nothing later touched.
        try book.store.undo(change: snoozeTwo.id)
        #expect(try book.store.read { db in try FollowUp.fetchOne(db, key: 2)?.due } == .day(day(2026, 11, 26)))
        // Once "done f1" is undone, "snooze f1" can go too.
        #expect(try book.store.undoNewest()?.label == "done f1")
        try book.store.undo(change: snoozeOne.id)
        #expect(try book.store.read { db in try FollowUp.fetchOne(db, key: 1)?.due } == .day(day(2026, 11, 25)))
        #expect(try book.store.read { db in try FollowUp.fetchOne(db, key: 1)?.state } == .open)
    }

    @Test("undo refuses, changing nothing, when a row it would restore was changed since by another writer")
    func undoRefusesAfterAnotherWrite() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: at(2026, 10, 1, 9))
        // The front end logs a call (a touch: Dana's latest touch changes)…
        let (_, token) = try book.store.recordingUndo("log call") {
            _ = try book.store.logInteraction(kind: .call, title: "Renewal", contactIDs: [dana.id!], at: self.now, now: self.now)
        }
        // …then a shell edits Dana (another process's confirmed write, journaled as a later change).
        _ = try book.store.editContact(id: dana.id!, now: now) { $0.notes = "Budget approved" }
        let before = try snapshot(book.store)
        #expect(throws: StoreError.self) { try book.store.undo(token) }
        #expect(try snapshot(book.store) == before)
        #expect(try book.store.contact(id: dana.id!)?.notes == "Budget approved")
    }
}
