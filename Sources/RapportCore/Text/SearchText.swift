import Foundation
import GRDB

/// The one rule for finding a word, said once: `rapport search` applies it
/// in SQL (through `function`) and the front end's search of a card's
/// timeline in Swift. A query is the text trimmed; it is found where it
/// occurs in a field, ignoring case (any script's, not only ASCII's).
public enum SearchText {
    /// What is looked for in `text` as typed: trimmed, in lower case.
    public static func query(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Whether `text` holds `query` (made by `query(_:)`); an empty query finds nothing.
    public static func matches(_ text: String?, _ query: String) -> Bool {
        guard let text, !query.isEmpty else { return false }
        // Plain ASCII on both sides (most fields): compare bytes, without making a lower-case copy.
        if query.utf8.allSatisfy({ $0 < 0x80 }), text.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiContains(Array(text.utf8), Array(query.utf8))
        }
        return text.lowercased().contains(query)
    }

    private static func asciiContains(_ text: [UInt8], _ query: [UInt8]) -> Bool {
        guard query.count <= text.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        outer: for start in 0...(text.count - query.count) {
            for offset in 0..<query.count where lower(text[start + offset]) != query[offset] { continue outer }
            return true
        }
        return false
    }

    /// The rule for SQL: `rapport_contains(field, :query)` is 1 where `matches` is true.
    static let function = DatabaseFunction("rapport_contains", argumentCount: 2, pure: true) { values in
        matches(String.fromDatabaseValue(values[0]), String.fromDatabaseValue(values[1]) ?? "")
    }

    /// The rule as an SQL condition on `field`, for the query in `:q`: text
    /// that is all ASCII (as many characters as bytes) is compared by SQLite
    /// itself — `instr(lower())` folds the ASCII letters, which is all
    /// `matches` does on ASCII text, and a query that is not ASCII is in no
    /// ASCII text — and any other text through `function`. (Calling Swift
    /// for every row made a search of a million interactions twice as slow.)
    static func sqlCondition(_ field: String) -> String {
        "(CASE WHEN \(field) IS NULL THEN 0 WHEN length(\(field)) = length(CAST(\(field) AS BLOB)) THEN instr(lower(\(field)), :q) > 0 "
            + "ELSE rapport_contains(\(field), :q) END)"
    }
}
