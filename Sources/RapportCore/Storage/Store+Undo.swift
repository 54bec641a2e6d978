import Foundation
import GRDB
import Synchronization

/// One change to the book as the undo journal keeps it: what the user did,
/// when, and whether it was taken back.
public struct BookChange: Sendable, Equatable, Identifiable {
    public let id: Int64
    /// What the change was, for the user: "done f12", "contact merge Dana Dana2".
    public let label: String
    public let at: Date
    public let undoneAt: Date?
    /// How many rows it inserted, updated or deleted.
    public let rows: Int
}

/// How to take back one change: its entry in the journal.
public struct UndoToken: Sendable, Equatable {
    public let label: String
    /// The journal's change, or nil when nothing in the book changed.
    public let changeID: Int64?

    /// Whether the change touched the book at all.
    public var isEmpty: Bool { changeID == nil }
}

/// The persistent undo journal. Triggers on every table of the book log each
/// inserted, updated and deleted row (with the old row as JSON) while
/// `undoState.recording` is 1; every write transaction of the store seals
/// what it logged into one `undoChange` named by the store's current label.
/// So a change made by any process (a command, the front end, an import) can
/// be taken back by any other, and `rapport undo` and the front end's `u`
/// read the same journal.
///
/// Tables that are bookkeeping rather than the user's book are left out
/// (`unjournaledTables`), so they never block an undo.
enum UndoJournal {
    /// The journal's own tables.
    static let journalTables: Set<String> = ["undoChange", "undoRow", "undoState"]
    /// Tables whose rows are not the user's changes: never journaled.
    static let unjournaledTables: Set<String> = journalTables.union(SyncTables.names)
    /// Changes kept; older ones are forgotten as new ones are sealed.
    static let kept = 200

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE undoChange (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              label TEXT NOT NULL,
              at DATETIME NOT NULL,
              undoneAt DATETIME);
            CREATE TABLE undoRow (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              changeID INTEGER REFERENCES undoChange(id) ON DELETE CASCADE,
              tbl TEXT NOT NULL,
              op TEXT NOT NULL CHECK (op IN ('i', 'u', 'd')),
              rid INTEGER NOT NULL,
              old TEXT);
            CREATE INDEX undoRow_change ON undoRow(changeID);
            CREATE INDEX undoRow_row ON undoRow(tbl, rid);
            CREATE TABLE undoState (recording INTEGER NOT NULL);
            INSERT INTO undoState VALUES (1);
            """)
    }

    static func hasJournal(_ db: Database) throws -> Bool {
        try db.tableExists("undoState")
    }

    /// (Re)creates the journal's triggers for the tables as they are now:
    /// run after every migration, so a column added later is journaled too.
    static func installTriggers(_ db: Database) throws {
        guard try hasJournal(db) else { return }
        let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'")
        for name in existing { try db.execute(sql: "DROP TRIGGER \"\(name)\"") }
        let when = "WHEN (SELECT recording FROM undoState)"
        for table in try RapportStore.bookTables(db) where !unjournaledTables.contains(table) {
            let columns = try db.columns(in: table).map(\.name)
            let old = "json_object(" + columns.map { "'\($0)', OLD.\"\($0)\"" }.joined(separator: ", ") + ")"
            try db.execute(sql: """
                CREATE TRIGGER "undo_\(table)_insert" AFTER INSERT ON "\(table)" \(when)
                BEGIN INSERT INTO undoRow (tbl, op, rid) VALUES ('\(table)', 'i', NEW.rowid); END;
                CREATE TRIGGER "undo_\(table)_update" AFTER UPDATE ON "\(table)" \(when)
                BEGIN INSERT INTO undoRow (tbl, op, rid, old) VALUES ('\(table)', 'u', OLD.rowid, \(old)); END;
                CREATE TRIGGER "undo_\(table)_delete" AFTER DELETE ON "\(table)" \(when)
                BEGIN INSERT INTO undoRow (tbl, op, rid, old) VALUES ('\(table)', 'd', OLD.rowid, \(old)); END;
                """)
        }
    }

    /// Turns recording on or off inside the current transaction.
    static func setRecording(_ on: Bool, _ db: Database) throws {
        guard try hasJournal(db) else { return }
        try db.execute(sql: "UPDATE undoState SET recording = ?", arguments: [on])
    }

    /// Gives the rows this transaction logged to a change: a new one named
    /// `label`, or `group` when the same command already made one that is
    /// still the newest. Returns the change's id, nil when nothing was logged.
    static func seal(_ db: Database, label: String, group: Int64?, now: Date) throws -> Int64? {
        guard try hasJournal(db),
              try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM undoRow WHERE changeID IS NULL)") == true else { return nil }
        let id: Int64
        if let group, try Int64.fetchOne(db, sql: "SELECT max(id) FROM undoChange") == group,
           try Bool.fetchOne(db, sql: "SELECT undoneAt IS NULL FROM undoChange WHERE id = ?", arguments: [group]) == true {
            id = group
        } else {
            try db.execute(sql: "INSERT INTO undoChange (label, at) VALUES (?, ?)", arguments: [label, now])
            id = db.lastInsertedRowID
            try db.execute(sql: "DELETE FROM undoChange WHERE id <= ?", arguments: [id - Int64(kept)])
        }
        try db.execute(sql: "UPDATE undoRow SET changeID = ? WHERE changeID IS NULL", arguments: [id])
        return id
    }

    /// A label for a change nobody named: the tables it changed.
    static func describe(_ db: Database) throws -> String {
        let tables = try String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM undoRow WHERE changeID IS NULL ORDER BY seq")
        return "a change to " + tables.prefix(3).joined(separator: ", ")
    }
}

/// What the store calls its changes: set by the entry point (the command
/// line, the front end) before it writes.
struct JournalContext: Sendable {
    var label: String?
    /// The change this label's writes have gone into so far.
    var group: Int64?
}

extension RapportStore {
    /// Names the changes this store makes from now on (all of them one
    /// change, as long as nothing else changes the book in between): the
    /// command line names them by the command that was typed.
    public func beginChange(_ label: String) {
        journal.withLock { $0 = JournalContext(label: label, group: nil) }
    }

    /// Seals what the current transaction logged; called by `write` and by
    /// every operation that opens its own transaction.
    func sealChange(_ db: Database) throws {
        let context = journal.withLock { $0 }
        let label = try context.label ?? UndoJournal.describe(db)
        try AgendaIndex.refresh(self, db)
        if let id = try UndoJournal.seal(db, label: label, group: context.group, now: Date()), context.label != nil {
            journal.withLock { $0.group = id }
        }
    }

    /// Runs `change` (which writes through this store) as one change named
    /// `label`, and returns how to undo it.
    public func recordingUndo<T>(_ label: String, _ change: () throws -> T) throws -> (T, UndoToken) {
        let saved = journal.withLock { context -> JournalContext in
            defer { context = JournalContext(label: label, group: nil) }
            return context
        }
        defer { journal.withLock { $0 = saved } }
        let result = try change()
        let id = journal.withLock { $0.group }
        return (result, UndoToken(label: label, changeID: id))
    }

    /// The newest changes, newest first.
    public func changes(limit: Int = 20) throws -> [BookChange] {
        try read { db in
            guard try UndoJournal.hasJournal(db) else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT c.id, c.label, c.at, c.undoneAt, (SELECT count(*) FROM undoRow r WHERE r.changeID = c.id)
                FROM undoChange c ORDER BY c.id DESC LIMIT ?
                """, arguments: [limit]).map { BookChange(id: $0[0], label: $0[1], at: $0[2], undoneAt: $0[3], rows: $0[4]) }
        }
    }

    /// Takes back the newest change not yet undone; nil when there is none.
    @discardableResult
    public func undoNewest() throws -> BookChange? {
        try write { db in
            guard try UndoJournal.hasJournal(db),
                  let id = try Int64.fetchOne(db, sql: "SELECT max(id) FROM undoChange WHERE undoneAt IS NULL") else { return nil }
            return try RapportStore.undo(change: id, db)
        }
    }

    /// Takes back change `id`, refusing when a later change (not undone)
    /// touched any of its rows: that change is named in the error.
    @discardableResult
    public func undo(change id: Int64) throws -> BookChange {
        try write { db in try RapportStore.undo(change: id, db) }
    }

    /// Takes back the change `token` recorded.
    public func undo(_ token: UndoToken) throws {
        guard let id = token.changeID else { return }
        try undo(change: id)
    }

    static func undo(change id: Int64, _ db: Database) throws -> BookChange {
        guard try UndoJournal.hasJournal(db),
              let row = try Row.fetchOne(db, sql: "SELECT id, label, at, undoneAt FROM undoChange WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("no change #\(id) in the journal (rapport undo --list shows the last ones)")
        }
        let label: String = row[1]
        if row[3] as Date? != nil { throw StoreError.invalid("change #\(id) (\(label)) was already undone") }
        if let blocker = try Row.fetchOne(db, sql: """
            SELECT c.id, c.label FROM undoRow r
            JOIN undoRow later ON later.tbl = r.tbl AND later.rid = r.rid AND later.changeID > r.changeID
            JOIN undoChange c ON c.id = later.changeID AND c.undoneAt IS NULL
            WHERE r.changeID = ? ORDER BY c.id LIMIT 1
            """, arguments: [id]) {
            let blockerID: Int64 = blocker[0], blockerLabel: String = blocker[1]
            throw StoreError.invalid("cannot undo #\(id) (\(label)): the later change #\(blockerID) (\(blockerLabel)) touched the same rows; undo it first")
        }
        let entries = try Row.fetchAll(db, sql: "SELECT tbl, op, rid, old FROM undoRow WHERE changeID = ? ORDER BY seq DESC", arguments: [id])
        try UndoJournal.setRecording(false, db)
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for entry in entries {
            let table: String = entry[0], operation: String = entry[1], rowID: Int64 = entry[2], old: String? = entry[3]
            guard try db.tableExists(table) else { continue }
            let quoted = "\"\(table)\""
            if operation == "i" {
                try db.execute(sql: "DELETE FROM \(quoted) WHERE rowid = ?", arguments: [rowID])
                continue
            }
            // Only the columns the journal saw: a column added since keeps its value (or default).
            let saved = Set(try String.fetchAll(db, sql: "SELECT key FROM json_each(?)", arguments: [old]))
            let columns = try db.columns(in: table).map(\.name).filter(saved.contains)
            if operation == "u" {
                let assignments = columns.map { "\"\($0)\" = json_extract(:old, '$.\"\($0)\"')" }.joined(separator: ", ")
                try db.execute(sql: "UPDATE \(quoted) SET \(assignments) WHERE rowid = :rid", arguments: ["old": old, "rid": rowID])
            } else {
                try db.execute(sql: """
                    INSERT INTO \(quoted) (rowid, \(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
                    VALUES (:rid, \(columns.map { "json_extract(:old, '$.\"\($0)\"')" }.joined(separator: ", ")))
                    """, arguments: ["old": old, "rid": rowID])
            }
        }
        let now = Date()
        try db.execute(sql: "UPDATE undoChange SET undoneAt = ? WHERE id = ?", arguments: [now, id])
        try UndoJournal.setRecording(true, db)
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM undoRow WHERE changeID = ?", arguments: [id]) ?? 0
        return BookChange(id: id, label: label, at: row[2], undoneAt: now, rows: rows)
    }

    /// The tables that hold the book (not SQLite's or GRDB's own, nor the undo journal).
    static func bookTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table'
              AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
            """).filter { !UndoJournal.journalTables.contains($0) && !AgendaIndex.tables.contains($0) }
    }

    /// A number that changes when another connection commits: poll it to see
    /// another process's writes (GRDB's observation does not see them).
    public func dataVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
