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

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// How long a write waits for another process before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating it, private to the user, when missing) the database at
    /// `path` and brings its schema up to date. Before upgrading a book written
    /// by an earlier version it copies it beside itself
    /// (`rapport.sqlite.before-upgrade-20261124T090000.sqlite`).
    public static func open(path: String) throws -> RapportStore {
        try open(path: path, migrator: Schema.migrator)
    }

    static func open(path: String, migrator: DatabaseMigrator, now: Date = Date()) throws -> RapportStore {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw StoreError.cannotOpen(path: path, reason: "it is a directory; name a file")
        }
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
            // Refuse a newer schema before opening for writing, which could touch the file.
            let queue = try openReadOnlyQueue(path: path)
            let (superseded, applied, complete) = try mapDatabaseErrors {
                try queue.read { db in
                    (try migrator.hasBeenSuperseded(db), try !migrator.appliedIdentifiers(db).isEmpty,
                     try migrator.hasCompletedMigrations(db))
                }
            }
            if superseded {
                try queue.close()
                throw StoreError.newerSchema(path: path)
            }
            if applied && !complete {
                // An earlier version's book: keep a copy of it as it was before changing its schema.
                try backUpBeforeUpgrade(queue, path: path, now: now)
            }
            try queue.close()
        }
        try createPrivately(url)
        // One connection is all a command needs. (A pool would also write a
        // dummy table at every opening, changing the file for nothing.)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL lets readers (the front end, a prompt's count) go on while a command writes.
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        try migrate(queue, migrator: migrator, path: path)
        return RapportStore(writer: queue, path: path)
    }

    /// Copies the book with the backup API to a private file beside it.
    private static func backUpBeforeUpgrade(_ queue: DatabaseQueue, path: String, now: Date) throws {
        var stamp = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        stamp = stamp.replacingOccurrences(of: ":", with: "")
        let copy = path + ".before-upgrade-\(stamp).sqlite"
        guard FileManager.default.createFile(atPath: copy, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.cannotOpen(path: copy, reason: "cannot write the backup taken before upgrading; nothing was changed")
        }
        let destination = try DatabaseQueue(path: copy)
        try mapDatabaseErrors { try queue.backup(to: destination) }
        try destination.close()
    }

    /// Opens the database at `path` for reading only, or nil when there is no
    /// file yet: commands that only read must never create or change it.
    public static func openForReading(path: String) throws -> RapportStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let queue = try openReadOnlyQueue(path: path)
        let migrator = Schema.migrator
        let (superseded, complete) = try mapDatabaseErrors {
            try queue.read { db in (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db)) }
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        if !complete {
            // An older schema: reading needs the upgrade, which a write does.
            try queue.close()
            return try open(path: path)
        }
        return RapportStore(writer: queue, path: path)
    }

    private static func openReadOnlyQueue(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// An empty store in memory, for tests and previews.
    public static func inMemory() throws -> RapportStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try migrate(queue, path: ":memory:")
        return RapportStore(writer: queue, path: nil)
    }

    private static func migrate(_ writer: any DatabaseWriter, migrator: DatabaseMigrator = Schema.migrator, path: String) throws {
        try mapDatabaseErrors {
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
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotOpen(path: url.path, reason: "cannot create the file (is the directory writable?)")
            }
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
        }
    }
}

extension RapportStore {
    /// Copies the whole database to a new file with SQLite's backup API, safe
    /// while other processes use it.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try RapportStore.mapDatabaseErrors { try writer.backup(to: destination) }
        try destination.close()
    }
}
