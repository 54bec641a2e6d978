import Foundation
import GRDB

extension RapportStore {
    @discardableResult
    public func addDeal(accountID: Int64, title: String, buyerTeamSize: Int? = nil, now: Date) throws -> Deal {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid("a deal needs a title") }
        if let size = buyerTeamSize, size < 0 { throw StoreError.invalid("a team cannot have fewer than 0 people") }
        return try write { db in
            guard try Account.exists(db, key: accountID) else { throw StoreError.notFound("no account #\(accountID)") }
            var deal = Deal(accountID: accountID, title: title, buyerTeamSize: buyerTeamSize, createdAt: now)
            try deal.insert(db)
            return deal
        }
    }

    /// Closes an open deal as won, lost or not a fit, on `day`.
    @discardableResult
    public func closeDeal(id: Int64, as stage: DealStage, on day: CivilDate, buyerTeamSize: Int? = nil) throws -> Deal {
        guard stage != .open else { throw StoreError.invalid("a deal is closed as won, lost or not a fit") }
        return try write { db in
            guard var deal = try Deal.fetchOne(db, key: id) else { throw StoreError.notFound("no deal d\(id)") }
            guard deal.stage == .open else { throw StoreError.invalid("deal d\(id) is already \(deal.stage.rawValue)") }
            deal.stage = stage
            deal.closedOn = day
            if let buyerTeamSize { deal.buyerTeamSize = buyerTeamSize }
            try deal.update(db)
            return deal
        }
    }

    public func deal(id: Int64) throws -> Deal? {
        try read { db in try Deal.fetchOne(db, key: id) }
    }
}
