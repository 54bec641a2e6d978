import Foundation
import GRDB

/// Rows left out of a listing because a stored value in them cannot be
/// read (a date outside `ValidRange`, text where a number belongs): the
/// rest of the book still shows, and the command says how many were left
/// out so that `rapport check` can name them.
public enum UnreadableRows {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var skipped = 0

    /// How many rows were left out since the process started.
    public static var count: Int { lock.withLock { skipped } }

    static func note() { lock.withLock { skipped += 1 } }

    /// The one line a command prints when rows were left out, or nil.
    public static var warning: String? {
        let n = count
        guard n > 0 else { return nil }
        return "\(n) stored \(n == 1 ? "row holds a value" : "rows hold values") that cannot be read and \(n == 1 ? "was" : "were") left out; rapport check names \(n == 1 ? "it" : "them"), rapport check --fix repairs"
    }

    /// Whether `error` says a stored value could not be decoded.
    static func isUnreadable(_ error: any Error) -> Bool {
        error is RowDecodingError || error is DecodingError
    }
}

extension RowCursor {
    /// Calls `body` with each row; a row whose values cannot be read is left out and counted.
    func forEachReadable(_ body: (Row) throws -> Void) throws {
        while let row = try next() {
            do {
                try body(row)
            } catch where UnreadableRows.isUnreadable(error) {
                UnreadableRows.note()
            }
        }
    }
}

extension Array where Element == Row {
    /// The rows mapped by `transform`, leaving out (and counting) those whose values cannot be read.
    func compactMapReadable<T>(_ transform: (Row) throws -> T?) throws -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for row in self {
            do {
                if let value = try transform(row) { result.append(value) }
            } catch where UnreadableRows.isUnreadable(error) {
                UnreadableRows.note()
            }
        }
        return result
    }
}
