import Foundation
import GRDB

/// A company or organisation: the account a contact belongs to. Its team is
/// the contacts whose `accountID` points here.
public struct Account: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "account"

    public var id: Int64?
    public var name: String
    /// The market segment the account is assigned to.
    public var segmentID: Int64?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, name: String, segmentID: Int64? = nil, notes: String? = nil, createdAt: Date) {
        self.id = id
        self.name = name
        self.segmentID = segmentID
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
