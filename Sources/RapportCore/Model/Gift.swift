import Foundation
import GRDB

/// A gift to one or more contacts, or to an account's team.
public struct Gift: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "gift"

    public var id: Int64?
    /// The account whose team receives it, when it goes to a team.
    public var accountID: Int64?
    /// The deal it celebrates, when there is one.
    public var dealID: Int64?
    public var occasion: String
    public var description: String
    /// Cost in the currency's minor unit (cents), to stay exact.
    public var costMinorUnits: Int?
    /// ISO 4217 code: "USD", "EUR".
    public var currency: String?
    public var state: GiftState
    /// The day to send it by; a gift not yet sent with one is on the agenda.
    public var sendBy: CivilDate?
    public var sentOn: CivilDate?
    public var createdAt: Date

    public init(id: Int64? = nil, accountID: Int64? = nil, dealID: Int64? = nil, occasion: String,
                description: String, costMinorUnits: Int? = nil, currency: String? = nil,
                state: GiftState = .idea, sendBy: CivilDate? = nil, sentOn: CivilDate? = nil, createdAt: Date) {
        self.sendBy = sendBy
        self.id = id
        self.accountID = accountID
        self.dealID = dealID
        self.occasion = occasion
        self.description = description
        self.costMinorUnits = costMinorUnits
        self.currency = currency
        self.state = state
        self.sentOn = sentOn
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contact who receives a gift.
public struct GiftRecipient: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "giftRecipient"
    public var giftID: Int64
    public var contactID: Int64
}
