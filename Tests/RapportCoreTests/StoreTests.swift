import Foundation
import GRDB
import Testing
@testable import RapportCore

@Suite("Storage")
struct StoreTests {
    let now = at(2026, 11, 24, 9)

    /// A fresh directory under the system's temporary one.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue & 0o777
    }

    @Test("a new database is private: directory 0700, file 0600, even with a permissive umask")
    func privateFiles() throws {
        let root = try temporaryDirectory()
        let path = root.appendingPathComponent("data dir/rapport ü/rapport.sqlite").path
        let previous = umask(0)
        defer { umask(previous) }
        let store = try RapportStore.open(path: path)
        try store.addContact(ContactDraft(contact: Contact(name: "Dana", createdAt: now)))
        #expect(try mode(path) == 0o600)
        #expect(try mode((path as NSString).deletingLastPathComponent) == 0o700)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(try mode(path + suffix) == 0o600)
        }
    }

    @Test("reading a missing database creates nothing")
    func readingCreatesNothing() throws {
        let root = try temporaryDirectory()
        let path = root.appendingPathComponent("nothing/rapport.sqlite").path
        #expect(try RapportStore.openForReading(path: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    @Test("a read-only store cannot write")
    func readOnly() throws {
        let path = try temporaryDirectory().appendingPathComponent("r.sqlite").path
        try RapportStore.open(path: path).addContact(ContactDraft(contact: Contact(name: "Dana", createdAt: now)))
        let reader = try #require(try RapportStore.openForReading(path: path))
        #expect(try reader.contactCount() == 1)
        #expect(throws: (any Error).self) {
            try reader.addContact(ContactDraft(contact: Contact(name: "Lee", createdAt: now)))
        }
    }

    @Test("a database from a newer Rapport is refused and left untouched")
    func newerSchema() throws {
        let path = try temporaryDirectory().appendingPathComponent("r.sqlite").path
        _ = try RapportStore.open(path: path)
        let future = try DatabaseQueue(path: path)
        try future.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        try future.writeWithoutTransaction { db in try db.checkpoint(.truncate) } // all in the main file
        try future.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path)) { try RapportStore.open(path: path) }
        #expect(throws: StoreError.newerSchema(path: path)) { try RapportStore.openForReading(path: path) }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        let changed = (0..<min(before.count, after.count)).filter { before[$0] != after[$0] }
        #expect(before.count == after.count && changed.isEmpty, "\(before.count) → \(after.count) bytes; changed at \(changed.prefix(10))")
    }

    @Test("a file that is not a database gets a clear error")
    func notADatabase() throws {
        let path = try temporaryDirectory().appendingPathComponent("r.sqlite").path
        try Data("this is not SQLite".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try RapportStore.open(path: path) } throws: { error in
            guard case StoreError.cannotOpen = error else { return false }
            return true
        }
    }

    @Test("two processes' worth of connections: a writer waits for the other instead of failing")
    func busyTimeout() throws {
        let path = try temporaryDirectory().appendingPathComponent("r.sqlite").path
        let first = try RapportStore.open(path: path)
        let second = try RapportStore.open(path: path)
        let holding = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? first.writer.write { db in
                var held = Contact(name: "Held", createdAt: at(2026, 11, 24, 9))
                try held.insert(db)
                holding.signal()
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        thread.start()
        holding.wait()
        try second.addContact(ContactDraft(contact: Contact(name: "Waited", createdAt: now)))
        #expect(try second.contactCount() == 2)
    }

    @Test("names resolve by full name, first or last name, nickname, email and id, ignoring case and accents")
    func resolution() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", email: "dana@acme.com", added: now)
        let zoe = try book.contact("Zoë Ångström", nickname: "Zo", added: now)
        try book.contact("Dana Scully", added: now)
        try book.contact("Lee Park", added: now)
        #expect(try book.store.resolveContact("dana ruiz") == .found(dana))
        #expect(try book.store.resolveContact("RUIZ") == .found(dana))
        #expect(try book.store.resolveContact("DANA@acme.com") == .found(dana))
        #expect(try book.store.resolveContact("zoe angstrom") == .found(zoe))
        #expect(try book.store.resolveContact("zo") == .found(zoe))
        #expect(try book.store.resolveContact("@\(zoe.id!)") == .found(zoe))
        #expect(try book.store.resolveContact("@999") == .notFound)
        #expect(try book.store.resolveContact("Nobody") == .notFound)
        #expect(try book.store.resolveContact("%") == .notFound)
        guard case .ambiguous(let both) = try book.store.resolveContact("dana") else {
            Issue.record("'dana' should be ambiguous")
            return
        }
        #expect(both.map(\.name) == ["Dana Ruiz", "Dana Scully"])
    }

    @Test("unknown names become new contacts only in the entry's transaction, and only when allowed")
    func peopleResolution() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        let people = try book.store.resolvePeople(["Dana Ruiz", "Lee Park", "lee park"], new: .whenClearlyNew())
        #expect(people == People(existingIDs: [1], newNames: ["Lee Park"]))
        #expect(try book.store.contactCount() == 1) // resolving writes nothing
        #expect(throws: PeopleError.unknown(name: "Dnaa Ruiz", suggestion: "Dana Ruiz")) {
            try book.store.resolvePeople(["Dnaa Ruiz"], new: .refuse)
        }
        // A follow-up that fails (empty title) creates no contact.
        #expect(throws: StoreError.self) {
            try book.store.addFollowUp(title: "  ", people: people, day: day(2026, 11, 27), now: now, calendar: book.calendar)
        }
        #expect(try book.store.contactCount() == 1)
        let (_, created) = try book.store.addFollowUp(title: "Deck", people: people, day: day(2026, 11, 27), now: now, calendar: book.calendar)
        #expect(created.map(\.name) == ["Lee Park"])
        #expect(try book.store.contactCount() == 2)
    }

    @Test("done is all or nothing")
    func completionIsAtomic() throws {
        let book = try TestBook()
        try book.followUp("One", on: day(2026, 11, 20), added: now)
        #expect(throws: StoreError.notFound("no follow-up f99")) {
            try book.store.complete([ItemRef(.followUp, 1), ItemRef(.followUp, 99)], now: now, calendar: book.calendar)
        }
        #expect(try book.store.followUp(id: 1)?.state == .open)
        #expect(throws: StoreError.self) {
            try book.store.complete([ItemRef(.followUp, 1), ItemRef(.followUp, 1)].dropLast() + [ItemRef(.thankYou, 5)],
                                    now: now, calendar: book.calendar)
        }
        #expect(try book.store.followUp(id: 1)?.state == .open)
    }

    @Test("done on each kind does what it says")
    func completionKinds() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", tier: .a, favourite: true, lunchEvery: 30, added: at(2026, 1, 1, 9))
        try book.meeting("Kickoff", with: [dana], starts: at(2026, 11, 20, 10), added: at(2026, 11, 1, 9))
        let results = try book.store.complete([ItemRef(.thankYou, 1), ItemRef(.stayInTouch, dana.id!), ItemRef(.lunchDue, dana.id!)],
                                              now: now, calendar: book.calendar)
        #expect(results.map(\.summary) == ["thank-you note to Dana Ruiz marked sent", "touch with Dana Ruiz logged",
                                           "lunch with Dana Ruiz logged as held"])
        let agenda = try book.agenda(at: now.addingTimeInterval(60))
        #expect(agenda.item("t1") == nil && agenda.item("s1") == nil && agenda.item("ld1") == nil)
        #expect(throws: StoreError.self) { try book.store.complete([ItemRef(.thankYou, 1)], now: now, calendar: book.calendar) }
    }

    @Test("bad entries are refused before anything is written")
    func validation() throws {
        let book = try TestBook()
        #expect(throws: StoreError.self) { try book.store.addContact(ContactDraft(contact: Contact(name: " ", createdAt: now))) }
        #expect(throws: StoreError.self) {
            try book.store.addContact(ContactDraft(contact: Contact(name: "X", createdAt: now), emails: ["not-an-email"]))
        }
        #expect(throws: StoreError.self) {
            try book.store.addMeeting(MeetingDraft(title: "M", startsAt: now, endsAt: now.addingTimeInterval(-60), attendees: People()), now: now)
        }
        #expect(throws: StoreError.self) { try book.store.addLunch(guestIDs: [], startsAt: now, now: now) }
        #expect(throws: StoreError.self) { try book.store.addLunch(guestIDs: [42], startsAt: now, now: now) }
        #expect(try book.store.contactCount() == 0)
        #expect(try book.store.lunch(id: 1) == nil)
    }

    @Test("stored text is kept exactly as given")
    func hostileTextStored() throws {
        let book = try TestBook()
        let name = "Evil\u{1B}]52;c;aGk=\u{07} \u{202E}Name\u{1} \u{9B}31m"
        let contact = try book.contact(name, added: now)
        #expect(try book.store.contact(id: contact.id!)?.name == name)
    }

    @Test("gifts to a team reach its members and touch them when sent")
    func teamGift() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", account: "Acme", added: now)
        try book.contact("Lee Park", account: "Acme", added: now)
        let acme = try book.store.resolveAccount("Acme")
        let gift = try book.store.addGift(Gift(accountID: acme.id!, occasion: "closed deal", description: "Cheese basket",
                                               costMinorUnits: 8000, currency: "EUR", createdAt: now), recipientIDs: [])
        #expect(try book.store.contact(id: 1)?.latestTouchAt == nil)
        try book.store.setGiftState(id: gift.id!, to: .sent, on: day(2026, 11, 24), now: now)
        #expect(try book.store.contact(id: 2)?.latestTouchAt == now)
        #expect(throws: StoreError.self) { try book.store.setGiftState(id: gift.id!, to: .ordered, on: day(2026, 11, 24), now: now) }
    }

    @Test("a book from an earlier schema is copied before it is upgraded, and opens upgraded")
    func upgradeBackup() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("rapport.sqlite").path
        try RapportStore.open(path: path).addContact(ContactDraft(contact: Contact(name: "Dana", createdAt: now)))
        // A later version adds a migration.
        var later = Schema.migrator
        later.registerMigration("v2: a test column") { db in
            try db.alter(table: "contact") { t in t.add(column: "testColumn", .text) }
        }
        let upgraded = try RapportStore.open(path: path, migrator: later, clock: FixedClock(utc(2026, 11, 24, 9)))
        #expect(try upgraded.contactCount() == 1)
        let backup = path + ".before-upgrade-20261124T090000.sqlite"
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try mode(backup) == 0o600)
        let old = try #require(try RapportStore.openForReading(path: backup))
        #expect(try old.contactCount() == 1)
        #expect(try old.writer.read { db in try db.columns(in: "contact").contains { $0.name == "testColumn" } } == false)
        // Opening again, already upgraded, copies nothing more.
        _ = try RapportStore.open(path: path, migrator: later, clock: FixedClock(utc(2026, 11, 25, 9)))
        let copies = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("before-upgrade") && $0.hasSuffix(".sqlite") }
        #expect(copies.count == 1)
    }

    @Test("a book written by schema v1 (kept as a fixture) opens and reads as it was written")
    func fixtureV1() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/book-v1.sqlite")
        let path = try temporaryDirectory().appendingPathComponent("rapport.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let store = try RapportStore.open(path: path)
        #expect(try store.contactCount() == 20)
        let checksum = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT group_concat(name || '|' || coalesce(latestTouchAt, ''), ',') FROM (SELECT * FROM contact ORDER BY id)")
        }
        let original = try DatabaseQueue(path: fixture.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        #expect(try original.read { db in
            try String.fetchOne(db, sql: "SELECT group_concat(name || '|' || coalesce(latestTouchAt, ''), ',') FROM (SELECT * FROM contact ORDER BY id)")
        } == checksum)
        let agenda = try Scheduler(calendar: Zone.berlin).agenda(from: store, now: at(2026, 11, 24, 9))
        #expect(!agenda.all.isEmpty)
        // v2: its accounts' segment names became segments; a copy of the v1 book was kept.
        #expect(try store.accountList(now: at(2026, 11, 24, 9)).map(\.segmentName) == ["SMB", "Mid-market"])
        #expect(try store.segments().map(\.name) == ["Mid-market", "SMB"])
        let copies = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(copies.contains { $0.hasPrefix("rapport.sqlite.before-upgrade-") })
        _ = try store.reportCard(for: .month(endingOn: day(2026, 11, 24)), now: at(2026, 11, 24, 9), calendar: Zone.berlin)
    }
}
