import Foundation
import GRDB
import Synchronization

/// The book of business on disk: one SQLite database, opened through GRDB.
///
/// All SQL lives in the store and its extensions, so that the scheduler and
/// the front ends only see model values. Every write is one transaction.
public final class RapportStore: Sendable {
    let writer: any DatabaseWriter
    /// The database path, or nil for an in-memory store.
    public let path: String?
    /// What the changes made through this store are called in the undo journal.
    let journal = Mutex(JournalContext())
    /// The clock and zone the agenda index is kept for (`AgendaIndex`):
    /// the user's, or a test's.
    let clock: any Clock
    let calendar: LocalCalendar

    init(writer: any DatabaseWriter, path: String?, clock: any Clock = SystemClock(), calendar: LocalCalendar = .current) {
        self.writer = writer
        self.path = path
        self.clock = clock
        self.calendar = calendar
    }

    /// How long a write waits for another process before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating it, private to the user, when missing) the database at
    /// `path` and brings its schema up to date. Before upgrading a book written
    /// by an earlier version it copies it beside itself
    /// (`rapport.sqlite.before-upgrade-20261124T090000.sqlite`).
    public static func open(path: String, clock: any Clock = SystemClock(), calendar: LocalCalendar = .current) throws -> RapportStore {
        try open(path: path, migrator: Schema.migrator, clock: clock, calendar: calendar)
    }

    static func open(path: String, migrator: DatabaseMigrator, clock: any Clock = SystemClock(),
                     calendar: LocalCalendar = .current) throws -> RapportStore {
        let now = clock.now
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError.cannotOpen(path: path, reason: "it is a directory; name a file")
        }
        let existing = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        try createPrivately(url)
        // One connection is all a command needs. (A pool would also write a
        // dummy table at every opening, changing the file for nothing.)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // An existing file is checked on the connection itself, before
        // anything could write to it: another program's file or a newer
        // schema is refused unchanged (one opening, not two).
        let upgrade = Mutex(false)
        configuration.prepareDatabase { db in
            if existing {
                let check = try checkBook(db, path: path, migrator: migrator)
                upgrade.withLock { $0 = check.needsUpgrade }
            }
            // WAL lets readers (the front end, a prompt's count) go on while a command writes.
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            // FULL: a commit is on disk before Rapport says "Added", even with other connections open.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            let directory = url.deletingLastPathComponent().path
            if access(directory, W_OK) != 0 || access(path, W_OK) != 0 {
                throw StoreError.cannotOpen(path: path, reason: "it or its directory is read-only; commands that only read still work, nothing was changed")
            }
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        if upgrade.withLock({ $0 }) {
            // An earlier version's book: keep a copy of it as it was before changing its schema.
            do {
                try backUpBeforeUpgrade(queue, path: path, now: now)
            } catch {
                try? queue.close()
                throw error
            }
        }
        let store = RapportStore(writer: queue, path: path, clock: clock, calendar: calendar)
        try store.migrate(migrator: migrator)
        try mapDatabaseErrors {
            try queue.writeWithoutTransaction { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
                    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                }
            }
        }
        return store
    }

    /// Marks a Rapport book in its SQLite header ("Rapp"), so that Rapport,
    /// and `file(1)`, tell it from another program's database.
    static let applicationID: Int32 = 0x5261_7070

    /// Refuses, without changing it, a file that is not a Rapport book: not
    /// SQLite at all, or another program's database (its application id, or
    /// no Rapport migrations), or a book of a newer Rapport. A book from
    /// before the application id was set is known by its migrations.
    /// Returns whether the database is still empty (no tables at all), and
    /// whether it is an earlier version's book that opening will upgrade.
    static func checkBook(_ db: Database, path: String, migrator: DatabaseMigrator) throws -> (empty: Bool, needsUpgrade: Bool) {
        let foreign = StoreError.cannotOpen(path: path, reason: "it is not a Rapport book (another program's file?); it was not changed")
        let (id, first, objects): (Int32, String?, Int)
        do {
            (id, first, objects) = (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                                    try db.tableExists("grdb_migrations")
                                        ? try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid LIMIT 1") : nil,
                                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw foreign
        }
        // A database with nothing in it yet (a book another rapport is creating this instant) is no one else's.
        let empty = id == 0 && objects == 0
        guard empty || id == applicationID || (id == 0 && first != nil && first == migrator.migrations.first) else {
            throw foreign
        }
        if empty { return (true, false) }
        if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
        let applied = try !migrator.appliedIdentifiers(db).isEmpty
        let complete = try migrator.hasCompletedMigrations(db)
        return (false, applied && !complete)
    }

    /// Copies the book with the backup API to a private file beside it, once
    /// per schema version: a book whose upgrade fails on every run is copied
    /// the first time only.
    private static func backUpBeforeUpgrade(_ queue: DatabaseQueue, path: String, now: Date) throws {
        var stamp = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        stamp = stamp.replacingOccurrences(of: ":", with: "")
        let copy = path + ".before-upgrade-\(stamp).sqlite"
        let migrations = try mapDatabaseErrors { try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") } }
        if try earlierCopies(of: path).contains(where: { $0 == migrations }) { return }
        do {
            try copyBook(queue, to: copy)
        } catch {
            throw StoreError.cannotOpen(path: copy, reason: "cannot write the backup taken before upgrading (\(error)); nothing was changed")
        }
    }

    /// The schema versions of the before-upgrade copies beside `path`.
    private static func earlierCopies(of path: String) throws -> [[String]] {
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + ".before-upgrade-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".sqlite") }.compactMap { name in
            let copy = url.deletingLastPathComponent().appendingPathComponent(name).path
            guard let queue = try? openReadOnlyQueue(path: copy) else { return nil }
            defer { try? queue.close() }
            return try? queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        }
    }

    /// Copies a database with SQLite's backup API into a new private file
    /// at `path`: one self-contained file in rollback-journal mode (no
    /// -wal/-shm beside it, readable in a read-only directory), synced and
    /// moved into place.
    static func copyBook(_ source: any DatabaseReader, to path: String) throws {
        try PrivateFile.publish(to: path) { temporary in
            let destination = try DatabaseQueue(path: temporary)
            do {
                try mapDatabaseErrors { try source.backup(to: destination) }
                try destination.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                }
                try destination.close()
            } catch {
                try? destination.close()
                throw error
            }
        }
    }

    /// Opens the database at `path` for reading only, or nil when there is no
    /// file yet: commands that only read must never create or change it.
    ///
    /// It never writes, whatever the file: another program's database is
    /// refused unchanged, and a book from an earlier Rapport is refused with
    /// the one command that upgrades it (after keeping a copy).
    public static func openForReading(path: String, clock: any Clock = SystemClock(), calendar: LocalCalendar = .current) throws -> RapportStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size == 0 {
            return nil // created, never written: an empty book
        }
        let queue = try openReadOnlyQueue(path: path)
        let check: (empty: Bool, needsUpgrade: Bool)
        do {
            check = try mapDatabaseErrors { try queue.read { db in try checkBook(db, path: path, migrator: Schema.migrator) } }
        } catch {
            try? queue.close()
            throw error
        }
        if check.empty {
            try queue.close()
            return nil // being created: nothing in it yet
        }
        if check.needsUpgrade {
            try queue.close()
            throw StoreError.olderSchema(path: path)
        }
        return RapportStore(writer: queue, path: path, clock: clock, calendar: calendar)
    }

    private static func openReadOnlyQueue(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: readOnlyLocation(path), configuration: configuration)
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                throw StoreError.cannotOpen(path: path, reason: "it is not a Rapport book (not an SQLite database); it was not changed")
            }
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Where SQLite should read `path`: the path itself, or, for a book in a
    /// directory Rapport cannot write (where SQLite could not create the
    /// shared-memory file a WAL reader needs), the file as immutable: with
    /// no -wal beside it, every commit is in the file, and no writer can
    /// add one there.
    private static func readOnlyLocation(_ path: String) -> String {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let manager = FileManager.default
        let walSize = (try? manager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil
        guard access(directory, W_OK) != 0, !manager.fileExists(atPath: path + "-shm"), (walSize ?? 0) == 0 else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// An empty store in memory, for tests and previews.
    public static func inMemory(clock: any Clock = SystemClock(), calendar: LocalCalendar = .current) throws -> RapportStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        let store = RapportStore(writer: queue, path: nil, clock: clock, calendar: calendar)
        try store.migrate()
        return store
    }

    /// Brings the schema up to date; then the undo journal's and the agenda
    /// index's triggers follow the tables, and the index is built.
    private func migrate(migrator: DatabaseMigrator = Schema.migrator) throws {
        let path = self.path ?? ":memory:"
        try RapportStore.mapDatabaseErrors {
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.newerSchema(path: path)
            }
            let complete = try writer.read { try migrator.hasCompletedMigrations($0) }
            guard !complete else { return }
            try writer.write { db in try UndoJournal.setRecording(false, db) }
            try migrator.migrate(writer)
            try writer.write { db in
                try UndoJournal.installTriggers(db)
                try UndoJournal.setRecording(true, db)
                try AgendaIndex.installTriggers(db)
                try AgendaIndex.refresh(self, db)
            }
        }
    }

    /// Creates the directory (0700) and an empty file (0600) before SQLite
    /// does, so that neither they nor the -wal/-shm files, which copy the
    /// database's mode, are readable by others whatever the umask.
    private static func createPrivately(_ url: URL) throws {
        let manager = FileManager.default
        let directory = url.deletingLastPathComponent()
        if !manager.fileExists(atPath: directory.path) {
            do {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotOpen(path: url.path, reason: "cannot create the directory \(directory.path)")
            }
        }
        do {
            try PrivateFile.createEmpty(url.path)
        } catch {
            throw StoreError.cannotOpen(path: url.path, reason: "cannot create the file (\(error.reason))")
        }
    }

    // MARK: - Transactions

    /// Runs `updates` in one write transaction; a busy database becomes `StoreError.busy`.
    /// Each is one change in the undo journal.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try RapportStore.mapDatabaseErrors {
            try writer.write { db in
                let result = try updates(db)
                try sealChange(db)
                return result
            }
        }
    }

    /// Runs `value` in a read transaction.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try RapportStore.mapDatabaseErrors { try writer.read(value) }
    }

    /// Runs `body`, turning the database errors a user can meet into
    /// `StoreError`s: another writer holding on, a full disk, a failed write.
    /// SQLite rolls the transaction back in each case, so nothing was changed.
    static func mapDatabaseErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy
            case .SQLITE_FULL: throw StoreError.cannotWrite("the disk is full")
            case .SQLITE_IOERR: throw StoreError.cannotWrite("the disk refused the write: \(error.message ?? "I/O error")")
            case .SQLITE_READONLY: throw StoreError.cannotWrite("the file or its disk is read-only")
            default: throw error
            }
        } catch {
            throw StoreError.from(error)
        }
    }
}

extension RapportStore {
    /// Copies the whole database to a new file with SQLite's backup API, safe
    /// while other processes use it.
    /// The copy is one private, self-contained file (rollback-journal mode),
    /// written beside `path` and moved into place; an existing file is refused.
    public func backup(to path: String) throws {
        do {
            try RapportStore.copyBook(writer, to: path)
        } catch let failure as PrivateFile.Failure {
            throw StoreError.cannotOpen(path: path, reason: failure.reason)
        }
    }
}
