import Foundation
import GRDB
import Testing
@testable import RapportCore

@Suite("Generated book")
struct BookGeneratorTests {
    func book(seed: UInt64) throws -> RapportStore {
        let store = try RapportStore.inMemory()
        _ = try BookGenerator(contacts: 200, interactions: 2_000, seed: seed, now: at(2026, 11, 24, 9)).generate(into: store, calendar: Zone.berlin)
        return store
    }

    func fingerprint(_ store: RapportStore) throws -> [String] {
        try store.writer.read { db in
            try RapportStore.bookTables(db).map { table in
                // Every book has an identifier of its own (book-id), whatever the seed.
                let rows = table == "setting" ? "SELECT * FROM setting WHERE key != 'book-id'" : "SELECT * FROM \"\(table)\""
                return "\(table): " + (try Row.fetchAll(db, sql: rows + " ORDER BY rowid").map(\.description).joined().hashValue.description)
            }
        }
    }

    @Test("the same seed writes the same book; another seed another")
    func deterministic() throws {
        #expect(try fingerprint(book(seed: 7)) == fingerprint(book(seed: 7)))
        #expect(try fingerprint(book(seed: 7)) != fingerprint(book(seed: 8)))
    }

    @Test("a tended book: some items late, some today, most not; latest touches kept")
    func realistic() throws {
        let store = try book(seed: 1)
        let agenda = try Scheduler(calendar: Zone.berlin).agenda(from: store, now: at(2026, 11, 24, 9))
        #expect(!agenda.overdue.isEmpty && !agenda.upcoming.isEmpty)
        let (stale, checked) = try store.writer.read { db in
            (try Int.fetchOne(db, sql: """
                SELECT count(*) FROM contact WHERE latestTouchAt IS NOT (SELECT max(at) FROM touch WHERE contactID = contact.id)
                """)!, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'touch%'")!)
        }
        #expect(stale == 0)
        #expect(checked == 3) // the latest-touch triggers are back
        #expect(throws: StoreError.self) {
            try BookGenerator(contacts: 1, interactions: 1, now: at(2026, 11, 24, 9)).generate(into: store, calendar: Zone.berlin)
        }
    }

    @Test("one contact's agenda is exactly the full agenda's items with that contact")
    func contactAgenda() throws {
        let store = try book(seed: 3)
        let scheduler = Scheduler(calendar: Zone.berlin)
        let now = at(2026, 11, 24, 9)
        let full = try scheduler.agenda(from: store, now: now, upcomingDays: 366)
        for id in Int64(1)...40 {
            let expected = full.all.filter { $0.contacts.contains { $0.id == id } }.map(\.ref)
            #expect(try scheduler.agenda(of: id, from: store, now: now).all.map(\.ref) == expected, "@\(id)")
        }
    }
}
