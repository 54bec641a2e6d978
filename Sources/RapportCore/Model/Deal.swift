import Foundation
import GRDB

/// A deal with an account, qualified for mutual benefit: what the client
/// wins, what we win, and how well it fits (1–5). A won deal with a large
/// team suggests a gift; a lost or not-a-fit one keeps why.
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
    /// What the client wins: the need of theirs the deal meets.
    public var theirWin: String?
    /// What we win.
    public var ourWin: String?
    /// How well the deal fits both sides, 1 (poorly) to 5 (very well).
    public var fit: Int?
    /// Why it was lost or was not a fit.
    public var closeReason: String?

    public init(id: Int64? = nil, accountID: Int64, title: String, stage: DealStage = .open,
                buyerTeamSize: Int? = nil, closedOn: CivilDate? = nil, createdAt: Date,
                theirWin: String? = nil, ourWin: String? = nil, fit: Int? = nil, closeReason: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.title = title
        self.stage = stage
        self.buyerTeamSize = buyerTeamSize
        self.closedOn = closedOn
        self.createdAt = createdAt
        self.theirWin = theirWin
        self.ourWin = ourWin
        self.fit = fit
        self.closeReason = closeReason
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The range a fit is rated in.
    public static let fitRange = 1...5

    /// "d3".
    public var ref: String { "d\(id ?? 0)" }
}

extension DealStage {
    /// How lists and briefs name the stage: "open", "won", "lost", "not a fit".
    public var text: String { self == .notAFit ? "not a fit" : rawValue }
}
