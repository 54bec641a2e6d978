import Foundation
import GRDB

/// A lunch with one or more contacts.
public struct Lunch: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "lunch"

    public var id: Int64?
    public var startsAt: Date?
    public var place: String?
    public var accountID: Int64?
    public var state: LunchState
    public var notes: String?
    /// What the lunch cost, in the currency's minor units (cents).
    public var costMinorUnits: Int?
    /// ISO 4217 code of the cost ("EUR").
    public var currency: String?
    public var createdAt: Date

    public init(id: Int64? = nil, startsAt: Date?, place: String? = nil, accountID: Int64? = nil,
                state: LunchState = .offered, notes: String? = nil, cost: Money? = nil, createdAt: Date) {
        self.costMinorUnits = cost?.minorUnits
        self.currency = cost?.currency
        self.id = id
        self.accountID = accountID
        self.startsAt = startsAt
        self.place = place
        self.state = state
        self.notes = notes
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contact invited to a lunch.
public struct LunchGuest: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "lunchGuest"
    public var lunchID: Int64
    public var contactID: Int64
}
