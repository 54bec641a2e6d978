import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Mutated vCard, CSV and JSON documents: reading and importing them never
/// crashes, every problem names its line or what was wrong, and nothing is
/// half-written — a JSON restore is all or nothing, and every contact an
/// import stores is a whole one.
@Suite("Imports, mutated input")
struct ImportFuzzTests {
    static let now = at(2026, 11, 24, 9)

    /// A book to draw valid documents from.
    static func sourceBook() throws -> RapportStore {
        let store = try RapportStore.inMemory()
        _ = try BookGenerator(contacts: 40, interactions: 200, seed: 3, now: now).generate(into: store, calendar: Zone.berlin)
        try store.addContact(ContactDraft(contact: Contact(name: "Zoë \u{1B}[31mÅngström\u{202E}", notes: "line one\nline two; with, commas",
                                                           createdAt: now), accountName: "Acme; \"Quoted\"", emails: ["zoe@example.com"]))
        return store
    }

    /// Applies one to four random edits: cut a range, repeat one, insert
    /// something a format cares about, or truncate.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        let pieces: [[UInt8]] = ["\r\n", "\n", " ", ";", ",", "\"", ":", "=", "=\r\n", "\\", "BEGIN:VCARD\r\n", "END:VCARD\r\n",
                                 "{", "}", "[", "]", "null", "\"id\":", "9999999999999999999999", "-1", "\u{1B}[2J", "\u{202E}"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0xE2, 0x82]]
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { break }
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 0...64, using: &random))
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes.removeSubrange(start..<end)
            case 1: bytes.insert(contentsOf: bytes[start..<end], at: start)
            case 2: bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: start)
            default: bytes.removeSubrange(start...)
            }
        }
        return bytes
    }

    /// The book holds only whole contacts: a name, and emails that belong to one.
    static func expectWhole(_ store: RapportStore, _ note: String) throws {
        let (nameless, orphanEmails, integrity) = try store.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE trim(name) = ''"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM contactEmail WHERE contactID NOT IN (SELECT id FROM contact)"),
             try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(nameless == 0 && orphanEmails == 0 && integrity == "ok", "\(note)")
    }

    @Test("mutated vCard files: read, imported, never half a contact")
    func vCards() throws {
        let text = VCardWriter.write(try Self.sourceBook().exportCards())
        var random = SplitMix(state: 11)
        var imported = 0
        for round in 0..<200 {
            let mutated = String(decoding: Self.mutate(Array(text.utf8), &random), as: UTF8.self)
            let (cards, problems) = VCardReader.read(mutated)
            for problem in problems { #expect(problem.line >= 1 && !problem.message.isEmpty, "round \(round): \(problem)") }
            let store = try RapportStore.inMemory()
            do {
                let summary = try store.importCards(cards, dryRun: false, now: Self.now)
                #expect(try store.contactCount() == summary.created.count, "round \(round)")
                imported += summary.created.count
            } catch {
                #expect(!"\(error)".isEmpty)
                #expect(try store.contactCount() == 0, "round \(round): a failed import wrote contacts")
            }
            try Self.expectWhole(store, "round \(round)")
        }
        #expect(imported > 700) // most mutations leave most cards readable
    }

    @Test("mutated CSV files: read or refused with a reason, never half a contact")
    func csv() throws {
        let source = try Self.sourceBook()
        let text = try CSVExport.contacts(source.exportCards())
        var random = SplitMix(state: 12)
        var refused = 0
        for round in 0..<200 {
            let mutated = String(decoding: Self.mutate(Array(text.utf8), &random), as: UTF8.self)
            let store = try RapportStore.inMemory()
            do {
                let (cards, problems) = try CSVContacts.read(mutated)
                for problem in problems { #expect(problem.line >= 1 && !problem.message.isEmpty, "round \(round): \(problem)") }
                let summary = try store.importCards(cards, dryRun: false, now: Self.now)
                #expect(try store.contactCount() == summary.created.count, "round \(round)")
            } catch let error as PhraseError {
                refused += 1
                #expect(!error.message.isEmpty)
                #expect(try store.contactCount() == 0)
            }
            try Self.expectWhole(store, "round \(round)")
        }
        #expect(refused < 200)
    }

    @Test("mutated JSON books: restored whole or not at all, with a reason")
    func json() throws {
        let document = try BookArchive.export(Self.sourceBook(), now: Self.now)
        var random = SplitMix(state: 13)
        var restored = 0
        for round in 0..<120 {
            // Every tenth round restores the document as it is: the whole path, as a control.
            let mutated = round % 10 == 0 ? document : Data(Self.mutate(Array(document), &random))
            let store = try RapportStore.inMemory()
            do {
                _ = try BookArchive.restore(mutated, into: store)
                restored += 1
            } catch {
                #expect(!"\(error)".isEmpty && !"\(error)".contains("\n"), "round \(round): \(error)")
                let rows = try store.writer.read { db in
                    try RapportStore.bookTables(db).filter { $0 != "setting" }.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\($0)\"")! }
                }
                #expect(rows.allSatisfy { $0 == 0 }, "round \(round): a refused restore wrote rows")
            }
            try Self.expectWhole(store, "round \(round)")
        }
        #expect(restored >= 12 && restored < 120)
    }
}
