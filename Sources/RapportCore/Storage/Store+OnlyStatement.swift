import Foundation
import GRDB

/// "We are the ONLY ones that…": what we alone can do for a client. The
/// book has one (the `only-statement` setting) and each segment may have its own.
public enum OnlyStatement {
    public static let maximumLength = 500

    /// The statement for an account in `segment`: the segment's own, else the book's.
    public static func effective(segment: String?, book: String?) -> String? {
        segment ?? book
    }
}

extension RapportStore {
    /// The book's ONLY statement, if one was set.
    public func onlyStatement() throws -> String? {
        try read { db in try RapportStore.onlyStatement(db) }
    }

    static func onlyStatement(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [RuleSettings.onlyStatementKey])
    }

    /// Sets a segment's ONLY statement; nil or blank removes it.
    @discardableResult
    public func setOnlyStatement(_ text: String?, forSegment id: Int64) throws -> Segment {
        let text = text?.trimmedOrNil
        if let text, text.count > OnlyStatement.maximumLength {
            throw StoreError.invalid("an ONLY statement is one sentence, at most \(OnlyStatement.maximumLength) characters")
        }
        return try write { db in
            guard var segment = try Segment.fetchOne(db, key: id) else { throw StoreError.notFound("no segment #\(id)") }
            segment.onlyStatement = text
            try segment.update(db)
            return segment
        }
    }
}
