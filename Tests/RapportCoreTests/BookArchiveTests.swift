import Foundation
import GRDB
import Testing
@testable import RapportCore

@Suite("JSON export and restore")
struct BookArchiveTests {
    /// Every row of every table, exactly.
    func rows(_ store: RapportStore) throws -> [String: [String]] {
        try store.writer.read { db in
            var result: [String: [String]] = [:]
            for table in try RapportStore.bookTables(db) {
                result[table] = try Row.fetchAll(db, sql: "SELECT rowid, * FROM \"\(table)\" ORDER BY rowid").map(\.description)
            }
            return result
        }
    }

    @Test("export then restore into an empty book gives back every row of a generated book")
    func roundTrip() throws {
        let original = try RapportStore.inMemory()
        _ = try BookGenerator(contacts: 300, interactions: 3_000, seed: 5, now: at(2026, 11, 24, 9)).generate(into: original, calendar: Zone.berlin)
        try original.addContact(ContactDraft(contact: Contact(name: "Zoë \u{1B}[31m \u{202E}\"quoted\" 李", needs: "a\nb", createdAt: at(2026, 11, 24, 9)),
                                             emails: ["z@example.com"], tags: ["é"]))
        try original.setRule("weekend", to: "fri,sat")
        let document = try BookArchive.export(original, now: at(2026, 11, 24, 9))
        let copy = try RapportStore.inMemory()
        let counts = try BookArchive.restore(document, into: copy)
        #expect(counts["contact"] == 301)
        #expect(try rows(copy) == rows(original))
        #expect(try copy.rules().weekend == [.friday, .saturday])
        // And the copy exports to the same document.
        #expect(try BookArchive.export(copy, now: at(2026, 11, 24, 9)) == document)
    }

    @Test("a restore refuses a book that is not empty, another schema, and broken documents, writing nothing", arguments: [
        ("not json", "this is not a JSON document"),
        (#"{"format":"other"}"#, "this JSON is not a Rapport book"),
        (#"{"format":"rapport-book","version":9,"tables":{}}"#, "document version is 9"),
        (#"{"format":"rapport-book","version":1,"schema":["v0"],"tables":{}}"#, "written with another schema"),
        (#"{"format":"rapport-book","version":1,"schema":["v1: book, meetings, follow-ups, touches"],"tables":{"spaceship":[]}}"#, "does not know: spaceship"),
        (#"{"format":"rapport-book","version":1,"schema":["v1: book, meetings, follow-ups, touches"],"tables":{"contact":[{"id":1}]}}"#, "contact row 1 cannot be restored"),
    ])
    func refusals(document: String, message: String) throws {
        let store = try RapportStore.inMemory()
        #expect { try BookArchive.restore(Data(document.utf8), into: store) } throws: { error in
            "\(error)".contains(message)
        }
        #expect(try store.contactCount() == 0)
        try store.addContact(ContactDraft(contact: Contact(name: "Dana", createdAt: at(2026, 11, 24, 9))))
        let export = try BookArchive.export(store, now: at(2026, 11, 24, 9))
        #expect { try BookArchive.restore(export, into: store) } throws: { error in "\(error)".contains("the book is not empty") }
    }
}
