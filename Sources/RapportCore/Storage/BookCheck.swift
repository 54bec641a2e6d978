import Foundation
import GRDB

/// What a stored column may hold. A restore checks every value against it
/// before writing; `rapport check` finds the stored values that break it.
enum ColumnRule: Sendable {
    /// An instant (`YYYY-MM-DD HH:MM:SS.SSS`, UTC) within `ValidRange`.
    case instant
    /// A civil day (`YYYY-MM-DD`) within `ValidRange`.
    case day
    /// A birthday (`YYYY-MM-DD` or `--MM-DD`), its year within `ValidRange.birthdayYears`.
    case birthday
    case integer(ClosedRange<Int>)
    case oneOf([String])
    /// A canonical repeat phrase (`Recurrence.phrase`).
    case repeatRule

    /// What is wrong with `value`, or nil when it fits (NULL always fits:
    /// the schema's NOT NULL constraints decide where it may be).
    func problem(_ value: DatabaseValue) -> String? {
        if value.isNull { return nil }
        let years = "\(ValidRange.years.lowerBound)–\(ValidRange.years.upperBound)"
        switch self {
        case .instant:
            guard case .string = value.storage, let date = Date.fromDatabaseValue(value), ValidRange.contains(date) else {
                return "not a date and time in the years \(years)"
            }
        case .day:
            guard let text = String.fromDatabaseValue(value), case .string = value.storage,
                  let day = CivilDate(iso: text), ValidRange.contains(day) else {
                return "not a YYYY-MM-DD date in the years \(years)"
            }
        case .birthday:
            guard case .string(let text) = value.storage, let birthday = Birthday(text: text),
                  birthday.year.map(ValidRange.birthdayYears.contains) ?? true else {
                return "not a birthday (YYYY-MM-DD from the year \(ValidRange.birthdayYears.lowerBound), or --MM-DD)"
            }
        case .integer(let range):
            guard case .int64(let n) = value.storage, n >= Int64(range.lowerBound), n <= Int64(range.upperBound) else {
                return "not a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
        case .oneOf(let words):
            guard case .string(let text) = value.storage, words.contains(text) else {
                return "not one of " + words.joined(separator: ", ")
            }
        case .repeatRule:
            guard case .string(let text) = value.storage, (try? RecurrencePhrase.decode(text)) != nil else {
                return "not a repeat rule"
            }
        }
        return nil
    }
}

/// The rule of each checked column, table by table (the columns not named
/// hold text or ids, which any value fits).
enum BookColumns {
    static func names<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> ColumnRule where T.RawValue == String {
        .oneOf(type.allCases.map(\.rawValue))
    }

    static let flag = ColumnRule.integer(0...1)
    static let cost = ColumnRule.integer(ValidRange.costMinorUnits)
    static let rating = ColumnRule.integer(1...5)

    static let rules: [(table: String, columns: [(String, ColumnRule)])] = [
        ("account", [("createdAt", .instant), ("updatedAt", .instant)]),
        ("segment", [("attractiveness", rating), ("competitiveness", rating), ("appealToBuyers", rating), ("createdAt", .instant)]),
        ("contact", [("tier", names(Tier.self)), ("isFavourite", flag),
                     ("stayInTouchDays", .integer(ValidRange.cadenceDays)), ("lunchCadenceDays", .integer(ValidRange.cadenceDays)),
                     ("birthday", .birthday), ("createdAt", .instant), ("updatedAt", .instant), ("latestTouchAt", .instant)]),
        ("deal", [("stage", names(DealStage.self)), ("buyerTeamSize", .integer(ValidRange.teamSize)),
                  ("closedOn", .day), ("createdAt", .instant)]),
        ("meeting", [("startsAt", .instant), ("endsAt", .instant), ("prepDoneAt", .instant),
                     ("cancelledAt", .instant), ("createdAt", .instant)]),
        ("thankYouNote", [("dueDay", .day), ("state", names(ThankYouState.self)), ("sentAt", .instant),
                          ("channel", names(ThankYouChannel.self)), ("createdAt", .instant)]),
        ("lunch", [("startsAt", .instant), ("state", names(LunchState.self)), ("costMinorUnits", cost), ("createdAt", .instant)]),
        ("gift", [("costMinorUnits", cost), ("state", names(GiftState.self)), ("sendBy", .day), ("sentOn", .day), ("createdAt", .instant)]),
        ("followUp", [("dueDay", .day), ("dueAt", .instant), ("originalDueDay", .day), ("originalDueAt", .instant),
                      ("snoozeCount", .integer(ValidRange.snoozeCount)), ("recurrence", .repeatRule),
                      ("state", names(FollowUpState.self)), ("completedAt", .instant), ("createdAt", .instant)]),
        ("interaction", [("kind", names(InteractionKind.self)), ("occurredAt", .instant), ("createdAt", .instant)]),
        ("touch", [("at", .instant), ("kind", names(TouchKind.self))]),
        ("itemSnooze", [("untilDay", .day), ("count", .integer(ValidRange.snoozeCount))]),
    ]

    static func rules(of table: String) -> [String: ColumnRule] {
        Dictionary(uniqueKeysWithValues: rules.first { $0.table == table }?.columns ?? [])
    }

    /// Timestamps whose presence is the fact itself (a meeting prepared or
    /// called off): an unreadable one is repaired to the moment of the
    /// repair rather than cleared, which would undo the fact.
    static let factStamps: Set<String> = ["meeting.prepDoneAt", "meeting.cancelledAt", "createdAt", "updatedAt"]
}

/// A stored value that breaks its column's rule.
public struct BadValue: Hashable, Sendable, CustomStringConvertible {
    public var table: String
    public var rowID: Int64
    public var column: String
    /// The value as stored, for the message (quoted text, or a number).
    public var value: String
    public var problem: String

    public var description: String {
        "\(table) \(rowID) \(column): \(value) is \(problem)"
    }

    static func quote(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): return "\"" + (text.count > 60 ? String(text.prefix(60)) + "…" : text) + "\""
        case .blob(let data): return "a blob of \(data.count) bytes"
        default: return value.description
        }
    }
}

extension RapportStore {
    /// Every stored value that breaks its column's rule, table by table.
    public func check() throws -> [BadValue] {
        try read { db in try RapportStore.badValues(db) }
    }

    static func badValues(_ db: Database) throws -> [BadValue] {
        var bad: [BadValue] = []
        for (table, columns) in BookColumns.rules where try db.tableExists(table) {
            let present = Set(try db.columns(in: table).map(\.name))
            let checked = columns.filter { present.contains($0.0) }
            let sql = "SELECT rowid, " + checked.map { "\"\($0.0)\"" }.joined(separator: ", ") + " FROM \"\(table)\" ORDER BY rowid"
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                for (index, (column, rule)) in checked.enumerated() {
                    let value = row[index + 1] as DatabaseValue
                    if let problem = rule.problem(value) {
                        let id = Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0
                        bad.append(BadValue(table: table, rowID: id, column: column, value: BadValue.quote(value), problem: problem))
                    }
                }
            }
        }
        return bad
    }

    /// Repairs or removes every bad value, in one transaction, and says what
    /// it did, one line each: a value that may be absent is cleared, a
    /// creation time (or a meeting's prepared or called-off time) becomes
    /// `now`, and a row whose essential value is unreadable is removed with
    /// what depends on it.
    public func repair(now: Date) throws -> [String] {
        try write { db in
            var done: [String] = []
            var removed = Set<String>()
            for bad in try RapportStore.badValues(db) {
                let key = "\(bad.table) \(bad.rowID)"
                guard !removed.contains(key) else { continue }
                let column = try db.columns(in: bad.table).first { $0.name == bad.column }
                let stamp = BookColumns.factStamps.contains(bad.column) || BookColumns.factStamps.contains("\(bad.table).\(bad.column)")
                if stamp {
                    try db.execute(sql: "UPDATE \"\(bad.table)\" SET \"\(bad.column)\" = ? WHERE rowid = ?", arguments: [now, bad.rowID])
                    done.append("\(bad): set to now")
                } else if column?.isNotNull == false {
                    try db.execute(sql: "UPDATE \"\(bad.table)\" SET \"\(bad.column)\" = NULL WHERE rowid = ?", arguments: [bad.rowID])
                    done.append("\(bad): cleared")
                } else {
                    try db.execute(sql: "DELETE FROM \"\(bad.table)\" WHERE rowid = ?", arguments: [bad.rowID])
                    removed.insert(key)
                    done.append("\(bad): \(bad.table) \(bad.rowID) removed")
                }
            }
            if !done.isEmpty {
                // The latest touch follows the touches that remain.
                try db.execute(sql: "UPDATE contact SET latestTouchAt = (SELECT max(at) FROM touch WHERE contactID = contact.id)")
            }
            return done
        }
    }
}

/// A record whose values are checked against `BookColumns` before every
/// insert and update, whichever operation writes it: nothing outside
/// `ValidRange` reaches the book through a record.
protocol CheckedRecord: MutablePersistableRecord {}

extension CheckedRecord {
    public func willSave(_ db: Database) throws {
        let rules = BookColumns.rules(of: Self.databaseTableName)
        let values = try databaseDictionary
        for (column, value) in values.sorted(by: { $0.key < $1.key }) {
            // SQLite would keep the text only up to a NUL: refuse rather than store it changed.
            if case .string(let text) = value.storage, text.utf8.contains(0) {
                throw StoreError.invalid("\(column) holds a NUL character; nothing was written")
            }
        }
        for (column, rule) in rules {
            // A repeat rule is only ever written from `Recurrence.phrase`; a stored one that
            // does not read is reported by the operation that reads it, naming the item.
            if case .repeatRule = rule { continue }
            if let value = values[column], let problem = rule.problem(value) {
                throw StoreError.invalid("\(column) \(BadValue.quote(value)) is \(problem); nothing was written")
            }
        }
    }
}

extension Account: CheckedRecord {}
extension Segment: CheckedRecord {}
extension Contact: CheckedRecord {}
extension Deal: CheckedRecord {}
extension Meeting: CheckedRecord {}
extension ThankYouNote: CheckedRecord {}
extension Lunch: CheckedRecord {}
extension Gift: CheckedRecord {}
extension FollowUp: CheckedRecord {}
extension Interaction: CheckedRecord {}
extension Touch: CheckedRecord {}
