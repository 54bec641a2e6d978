import Foundation
import GRDB
import Testing
@testable import RapportCore

/// The book's files: private from birth, durable once confirmed, never
/// another program's database, never written by a command that only reads.
@Suite("book files")
struct BookFileTests {
    let now = at(2026, 11, 24, 9)

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a published file is 0600 from its creation and appears at its name only complete, whatever the umask")
    func privateFromBirth() throws {
        let path = try temporaryDirectory().appendingPathComponent("export.json").path
        let previous = umask(0)
        defer { umask(previous) }
        var seen: [Int] = []
        try PrivateFile.publish(to: path) { temporary in
            // While it is being written: private already, and not yet at its name.
            seen.append(try mode(temporary) & 0o777)
            #expect(!FileManager.default.fileExists(atPath: path))
            try Data("{}".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(seen == [0o600])
        #expect(try mode(path) & 0o777 == 0o600)
        #expect(try bytes(path) == Data("{}".utf8))
        // Nothing is left beside it, and an existing file is not replaced.
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["export.json"])
        #expect(throws: PrivateFile.Failure.self) { try PrivateFile.write(Data("[]".utf8), to: path) }
        #expect(try bytes(path) == Data("{}".utf8))
    }

    @Test("a backup is one self-contained private file in rollback-journal mode, with no -wal or -shm beside it")
    func selfContainedBackup() throws {
        let directory = try temporaryDirectory()
        let book = directory.appendingPathComponent("rapport.sqlite").path
        let store = try RapportStore.open(path: book)
        try store.addContact(ContactDraft(contact: Contact(name: "Dana", createdAt: now)))
        let copy = directory.appendingPathComponent("backups/copy.sqlite").path
        try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try store.backup(to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (copy as NSString).deletingLastPathComponent) == ["copy.sqlite"])
        #expect(try mode(copy) & 0o777 == 0o600)
        // The header says rollback journal (file format 1), not WAL (2): a reader needs no -shm.
        let header = try bytes(copy).prefix(20)
        #expect(header[18] == 1 && header[19] == 1)
        #expect(try RapportStore.openForReading(path: copy)?.contactCount() == 1)
    }

    @Test("another program's SQLite file is refused by every way of opening, unchanged")
    func foreignFileRefused() throws {
        let path = try temporaryDirectory().appendingPathComponent("places.sqlite").path
        let firefox = try DatabaseQueue(path: path)
        try firefox.write { db in
            try db.execute(sql: "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.com')")
        }
        try firefox.close()
        let before = try bytes(path)
        #expect { try RapportStore.openForReading(path: path) } throws: { error in
            guard case StoreError.cannotOpen(_, let reason) = error else { return false }
            return reason.contains("not a Rapport book")
        }
        #expect(throws: StoreError.self) { try RapportStore.open(path: path) }
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a book is marked with Rapport's application id when created, and an older book when first written")
    func applicationID() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("rapport.sqlite").path
        _ = try RapportStore.open(path: path)
        let id = { (path: String) in try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            .read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } }
        #expect(try id(path) == RapportStore.applicationID)
        // A book from before the id: known by its migrations, marked by the first command that writes.
        let older = directory.appendingPathComponent("older.sqlite").path
        let queue = try DatabaseQueue(path: older)
        try Schema.migrator.migrate(queue)
        try queue.close()
        #expect(try id(older) == 0)
        #expect(try RapportStore.openForReading(path: older) != nil)
        #expect(try id(older) == 0)
        _ = try RapportStore.open(path: older)
        #expect(try id(older) == RapportStore.applicationID)
    }

    @Test("reading a book from an earlier schema writes nothing: it is refused with the command that upgrades it")
    func readingAnOlderBookWritesNothing() throws {
        let path = try temporaryDirectory().appendingPathComponent("rapport.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1: book, meetings, follow-ups, touches")
        try queue.close()
        let before = try bytes(path)
        #expect(throws: StoreError.olderSchema(path: path)) { try RapportStore.openForReading(path: path) }
        #expect(try bytes(path) == before)
        #expect(StoreError.olderSchema(path: path).description.contains("rapport check --fix"))
        // The next write upgrades it, after its copy.
        _ = try RapportStore.open(path: path)
        #expect(try RapportStore.openForReading(path: path) != nil)
    }

    @Test("a write is confirmed only once it is on disk: synchronous = FULL")
    func synchronousFull() throws {
        let store = try RapportStore.open(path: try temporaryDirectory().appendingPathComponent("rapport.sqlite").path)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test("an upgrade that fails on every run keeps one copy of the book, not one a run")
    func oneCopyPerFailingVersion() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("rapport.sqlite").path
        try RapportStore.open(path: path).addContact(ContactDraft(contact: Contact(name: "Dana", createdAt: now)))
        var failing = Schema.migrator
        failing.registerMigration("v99: fails") { db in try db.execute(sql: "SELECT * FROM no_such_table") }
        for hour in [9, 10, 11] {
            #expect(throws: (any Error).self) { try RapportStore.open(path: path, migrator: failing, clock: FixedClock(utc(2026, 11, 24, hour))) }
        }
        let copies = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("before-upgrade") }
        #expect(copies == ["rapport.sqlite.before-upgrade-20261124T090000.sqlite"])
    }
}
