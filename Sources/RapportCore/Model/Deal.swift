import Foundation
import GRDB

/// A deal with an account, light: enough to suggest a gift to a large team
/// when it is won.
public struct Deal: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "deal"

    public var id: Int64?
    public var accountID: Int64
    public var title: String
    public var stage: DealStage
    /// People on the buyer's side.
    public var buyerTeamSize: Int?
    public var closedOn: CivilDate?
    public var createdAt: Date

    public init(id: Int64? = nil, accountID: Int64, title: String, stage: DealStage = .open,
                buyerTeamSize: Int? = nil, closedOn: CivilDate? = nil, createdAt: Date) {
        self.id = id
        self.accountID = accountID
        self.title = title
        self.stage = stage
        self.buyerTeamSize = buyerTeamSize
        self.closedOn = closedOn
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
