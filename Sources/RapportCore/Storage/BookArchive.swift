import Foundation
import GRDB

/// The whole book as one JSON document, and back: a full backup that any
/// tool can read, and a restore into an empty book that gives back every row
/// with its id.
///
/// The document:
/// ```json
/// { "format": "rapport-book", "version": 1,
///   "schema": ["v1: book, meetings, follow-ups, touches"],
///   "exportedAt": "2026-11-24T09:00:00Z",
///   "tables": { "contact": [ { "id": 1, "name": "Dana Ruiz", … } ], "account": [ … ], … } }
/// ```
/// Each table is an array of rows, each row an object of its columns as
/// stored: dates as `YYYY-MM-DD HH:MM:SS.SSS` (UTC) or `YYYY-MM-DD`, flags as
/// 0/1, money in minor units. `schema` names the migrations the book had: a
/// document from an earlier schema is upgraded on restore as a book file
/// would be; one from a later or unknown schema is refused rather than guessed at.
public enum BookArchive {
    public static let format = "rapport-book"
    public static let version = 1

    /// Writes the book as JSON (keys sorted, one table after another).
    public static func export(_ store: RapportStore, now: Date) throws -> Data {
        try store.read { db in
            let schema = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            let header = "\"format\":\(quoted(format)),\"version\":\(version),\"schema\":[\(schema.map(quoted).joined(separator: ","))],"
                + "\"exportedAt\":\(quoted(ISO8601DateFormatter().string(from: now)))"
            return Data(("{" + header + ",\"tables\":" + (try tablesJSON(db)) + "}\n").utf8)
        }
    }

    /// Every book table as a JSON object of row arrays.
    private static func tablesJSON(_ db: Database) throws -> String {
        var tables: [String] = []
        for table in try RapportStore.bookTables(db) {
            let columns = try db.columns(in: table).map(\.name)
            let object = "json_object(" + columns.map { "'\($0)', \"\($0)\"" }.joined(separator: ", ") + ")"
            let rows = try String.fetchOne(db, sql: "SELECT coalesce(json_group_array(json(\(object))), '[]') FROM (SELECT * FROM \"\(table)\" ORDER BY rowid)") ?? "[]"
            tables.append("\(quoted(table)):\(rows)")
        }
        return "{" + tables.joined(separator: ",") + "}"
    }

    /// Restores a document into an empty book, in one transaction: every row
    /// comes back with its id, or nothing is written.
    public static func restore(_ data: Data, into store: RapportStore) throws -> [String: Int] {
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw StoreError.invalid("this is not a JSON document")
        }
        guard document["format"] as? String == format else { throw StoreError.invalid("this JSON is not a Rapport book (no \"format\": \"\(format)\")") }
        guard (document["version"] as? NSNumber)?.intValue == version else {
            throw StoreError.invalid("this book's document version is \(document["version"] ?? "missing"); this Rapport reads version \(version)")
        }
        guard var tables = document["tables"] as? [String: Any] else { throw StoreError.invalid("the document has no \"tables\"") }
        return try store.write { db in
            let schema = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            let written = document["schema"] as? [String] ?? []
            if written != schema {
                guard let last = written.last, written.count < schema.count, Array(schema.prefix(written.count)) == written else {
                    throw StoreError.invalid("the document was written with another schema (\(written.last ?? "none")); this Rapport has \(schema.last ?? "none")")
                }
                tables = try upgraded(tables, from: last)
            }
            return try insert(tables, db)
        }
    }

    /// The tables of a document written by an earlier schema, as the current
    /// schema has them: restored into a scratch book of that schema in memory,
    /// which the later migrations then upgrade as they would a file.
    private static func upgraded(_ tables: [String: Any], from migration: String) throws -> [String: Any] {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let scratch = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(scratch, upTo: migration)
        _ = try scratch.write { db in try insert(tables, db) }
        try Schema.migrator.migrate(scratch)
        let json = try scratch.read { db in try tablesJSON(db) }
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    /// Inserts every row of `tables` into an empty book.
    private static func insert(_ tables: [String: Any], _ db: Database) throws -> [String: Int] {
        let known = try RapportStore.bookTables(db)
        for table in known where try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"")! > 0 && table != "setting" {
            throw StoreError.invalid("the book is not empty (\(table) has rows); restore into a new database (--db NEW.sqlite)")
        }
        for name in tables.keys where !known.contains(name) {
            throw StoreError.invalid("the document has a table this Rapport does not know: \(name)")
        }
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        // Restoring fills a new book: nothing there to undo to.
        try UndoJournal.setRecording(false, db)
        defer { try? UndoJournal.setRecording(true, db) }
        try db.execute(sql: "DELETE FROM setting")
        var counts: [String: Int] = [:]
        for table in known {
            guard let rows = tables[table] as? [[String: Any]] else {
                if tables[table] == nil { continue }
                throw StoreError.invalid("table \(table) is not an array of rows")
            }
            let columns = try db.columns(in: table).map(\.name)
            let statement = try db.makeStatement(sql: """
                INSERT INTO "\(table)" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))
                """)
            let rules = BookColumns.rules(of: table)
            for (index, row) in rows.enumerated() {
                for key in row.keys where !columns.contains(key) {
                    throw StoreError.invalid("\(table) row \(index + 1) has a column this Rapport does not know: \(key)")
                }
                var values: [(any DatabaseValueConvertible)?] = []
                for column in columns {
                    // Every value is checked before any is written: the first bad one refuses the whole document.
                    let where_ = "\(table) row \(index + 1) (id \(row["id"].map { "\($0)" } ?? "none")), column \(column)"
                    guard let stored = try value(row[column], where_) else { values.append(nil); continue }
                    if let problem = rules[column]?.problem(stored.databaseValue) {
                        throw StoreError.invalid("\(where_): \(BadValue.quote(stored.databaseValue)) is \(problem); nothing was restored")
                    }
                    values.append(stored)
                }
                do {
                    try statement.execute(arguments: StatementArguments(values))
                } catch let error as DatabaseError {
                    throw StoreError.invalid("\(table) row \(index + 1) cannot be restored: \(error.message ?? "\(error.resultCode)")")
                }
            }
            counts[table] = rows.count
        }
        return counts
    }

    /// A JSON value as it is stored: text, a number or NULL; anything else
    /// (an object, an array, text holding NUL, which SQLite would cut short) is refused.
    private static func value(_ json: Any?, _ place: String) throws -> (any DatabaseValueConvertible)? {
        switch json {
        case nil, is NSNull: return nil
        case let text as String:
            if text.contains("\u{0}") { throw StoreError.invalid("\(place): the text holds a NUL character; nothing was restored") }
            return text
        case let number as NSNumber:
            let text = number.stringValue
            if text.contains(".") || text.contains("e") {
                guard number.doubleValue.isFinite else { throw StoreError.invalid("\(place): \(text) is not a number Rapport keeps; nothing was restored") }
                return number.doubleValue
            }
            guard let whole = Int64(text) else { throw StoreError.invalid("\(place): \(text) is not a whole number Rapport keeps; nothing was restored") }
            return whole
        default:
            throw StoreError.invalid("\(place): a JSON \(json is [Any] ? "array" : "object") is not a value; nothing was restored")
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
