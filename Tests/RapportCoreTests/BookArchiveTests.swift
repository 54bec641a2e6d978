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

    @Test("a document written by schema v1 restores into today's schema, upgraded as a v1 book file would be")
    func restoreV1Document() throws {
        let document = #"{"format":"rapport-book","version":1,"schema":["v1: book, meetings, follow-ups, touches"],"tables":{"#
            + #""account":[{"id":4,"name":"Acme","segment":"Logistics","notes":null,"createdAt":"2026-01-01 09:00:00.000","updatedAt":"2026-01-01 09:00:00.000"}],"#
            + #""contact":[{"id":7,"name":"Dana Ruiz","accountId":4,"isFavourite":0,"createdAt":"2026-01-01 09:00:00.000","updatedAt":"2026-01-01 09:00:00.000","searchName":"dana ruiz"}],"#
            + #""lunch":[{"id":2,"startsAt":"2026-02-01 12:00:00.000","place":"Nobu","accountId":null,"state":"held","notes":null,"createdAt":"2026-02-01 12:00:00.000"}]}}"#
        let store = try RapportStore.inMemory()
        let counts = try BookArchive.restore(Data(document.utf8), into: store)
        #expect(counts["contact"] == 1 && counts["segment"] == 1)
        #expect(try store.contact(id: 7)?.name == "Dana Ruiz")
        #expect(try store.accountList(now: at(2026, 11, 24, 9)).map(\.segmentName) == ["Logistics"])
        #expect(try store.lunch(id: 2)?.place == "Nobu")
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
