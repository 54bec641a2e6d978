import Foundation
import GRDB

/// How to take back one change: the rows it inserted, and the rows it
/// updated or deleted as they were before.
public struct UndoToken: Sendable, Equatable {
    /// What the change was, for the user: "done f12".
    public let label: String
    let entries: [Entry]
    /// Each row the change touched, as the change left it (nil: absent),
    /// by "table rowid": undo restores only a book still in that state.
    var after: [String: String?] = [:]

    struct Entry: Sendable, Equatable {
        var table: String
        var operation: String // "i", "u" or "d"
        var rowID: Int64
        var old: String?
    }

    /// Whether the change touched the book at all.
    public var isEmpty: Bool { entries.isEmpty }
}

/// Records changes so they can be undone, with temporary triggers on this
/// connection: while recording, every insert, update and delete on the
/// book's tables is logged with the old row. Only the front end, which keeps
/// one connection open, records; the command line never does.
extension RapportStore {
    /// Installs the temporary triggers (once per store).
    public func enableUndo() throws {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_temp_master WHERE name = 'undo_log'") == 0 else { return }
            try db.execute(sql: """
                CREATE TEMP TABLE undo_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, rid INTEGER NOT NULL, old TEXT);
                CREATE TEMP TABLE undo_state (active INTEGER NOT NULL);
                INSERT INTO undo_state VALUES (0);
                """)
            for table in try RapportStore.bookTables(db) {
                let columns = try db.columns(in: table).map(\.name)
                let old = "json_object(" + columns.map { "'\($0)', OLD.\"\($0)\"" }.joined(separator: ", ") + ")"
                let when = "WHEN (SELECT active FROM temp.undo_state)"
                try db.execute(sql: """
                    CREATE TEMP TRIGGER undo_\(table)_insert AFTER INSERT ON main."\(table)" \(when)
                    BEGIN INSERT INTO undo_log (tbl, op, rid) VALUES ('\(table)', 'i', NEW.rowid); END;
                    CREATE TEMP TRIGGER undo_\(table)_update AFTER UPDATE ON main."\(table)" \(when)
                    BEGIN INSERT INTO undo_log (tbl, op, rid, old) VALUES ('\(table)', 'u', OLD.rowid, \(old)); END;
                    CREATE TEMP TRIGGER undo_\(table)_delete AFTER DELETE ON main."\(table)" \(when)
                    BEGIN INSERT INTO undo_log (tbl, op, rid, old) VALUES ('\(table)', 'd', OLD.rowid, \(old)); END;
                    """)
            }
        }
    }

    /// Runs `change` (which writes through this store) and returns how to undo it.
    public func recordingUndo<T>(_ label: String, _ change: () throws -> T) throws -> (T, UndoToken) {
        try write { db in
            try db.execute(sql: "DELETE FROM temp.undo_log; UPDATE temp.undo_state SET active = 1")
        }
        let result: T
        do {
            result = try change()
        } catch {
            try? write { db in try db.execute(sql: "UPDATE temp.undo_state SET active = 0; DELETE FROM temp.undo_log") }
            throw error
        }
        let entries = try write { db -> [UndoToken.Entry] in
            try db.execute(sql: "UPDATE temp.undo_state SET active = 0")
            let rows = try Row.fetchAll(db, sql: "SELECT tbl, op, rid, old FROM temp.undo_log ORDER BY seq")
            try db.execute(sql: "DELETE FROM temp.undo_log")
            return try rows.map { UndoToken.Entry(table: (try $0.decode(atIndex: 0)), operation: (try $0.decode(atIndex: 1)), rowID: (try $0.decode(atIndex: 2)), old: (try $0.decode(atIndex: 3))) }
        }
        var token = UndoToken(label: label, entries: entries)
        token.after = try read { db in
            var after: [String: String?] = [:]
            for entry in entries where after["\(entry.table) \(entry.rowID)"] == nil {
                after["\(entry.table) \(entry.rowID)"] = .some(try RapportStore.rowJSON(entry.table, entry.rowID, db))
            }
            return after
        }
        return (result, token)
    }

    /// A row as JSON (every column), or nil when there is none.
    private static func rowJSON(_ table: String, _ rowID: Int64, _ db: Database) throws -> String? {
        let columns = try db.columns(in: table).map(\.name)
        let object = "json_object(" + columns.map { "'\($0)', \"\($0)\"" }.joined(separator: ", ") + ")"
        return try String.fetchOne(db, sql: "SELECT \(object) FROM \"\(table)\" WHERE rowid = ?", arguments: [rowID])
    }

    /// Takes a change back, in one transaction, newest row first; refuses,
    /// changing nothing, when any row it would restore has changed since
    /// (another process's confirmed write is never reverted).
    public func undo(_ token: UndoToken) throws {
        try write { db in
            for (key, expected) in token.after {
                let parts = key.split(separator: " ")
                guard parts.count == 2, let rowID = Int64(parts[1]) else { continue }
                if try RapportStore.rowJSON(String(parts[0]), rowID, db) != expected {
                    throw StoreError.invalid("cannot undo \(token.label): the book was changed since (by another rapport?); nothing was undone")
                }
            }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for entry in token.entries.reversed() {
                let table = "\"\(entry.table)\""
                switch entry.operation {
                case "i":
                    try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [entry.rowID])
                case "u":
                    let columns = try db.columns(in: entry.table).map(\.name)
                    let assignments = columns.map { "\"\($0)\" = json_extract(:old, '$.\($0)')" }.joined(separator: ", ")
                    try db.execute(sql: "UPDATE \(table) SET \(assignments) WHERE rowid = :rid",
                                   arguments: ["old": entry.old, "rid": entry.rowID])
                default:
                    let columns = try db.columns(in: entry.table).map(\.name)
                    try db.execute(sql: """
                        INSERT INTO \(table) (rowid, \(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
                        VALUES (:rid, \(columns.map { "json_extract(:old, '$.\($0)')" }.joined(separator: ", ")))
                        """, arguments: ["old": entry.old, "rid": entry.rowID])
                }
            }
        }
    }

    /// The tables that hold the book (not SQLite's or GRDB's own).
    static func bookTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table'
              AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
            """)
    }

    /// A number that changes when another connection commits: poll it to see
    /// another process's writes (GRDB's observation does not see them).
    public func dataVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
