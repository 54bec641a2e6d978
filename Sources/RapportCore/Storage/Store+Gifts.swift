import Foundation
import GRDB

extension RapportStore {
    /// Stores a gift to contacts and/or an account's whole team (its current
    /// members become recipients). A gift stored as sent touches each recipient.
    @discardableResult
    public func addGift(_ gift: Gift, recipientIDs: [Int64]) throws -> Gift {
        guard !gift.description.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("a gift needs a description")
        }
        return try write { db in try RapportStore.insertGift(gift, recipientIDs: recipientIDs, sentAt: nil, db) }
    }

    /// `sentAt`: when a gift stored as sent was sent (its recipients are
    /// touched then); nil means when it was recorded.
    static func insertGift(_ gift: Gift, recipientIDs: [Int64], sentAt: Date?, _ db: Database) throws -> Gift {
        var gift = gift
        if let cost = gift.costMinorUnits, cost < 0 { throw StoreError.invalid("a gift cannot cost less than nothing") }
        try requireContacts(recipientIDs, db)
        var recipients = recipientIDs
        if let accountID = gift.accountID {
            recipients += try Int64.fetchAll(db, sql: "SELECT id FROM contact WHERE accountID = ? ORDER BY id", arguments: [accountID])
        }
        guard !recipients.isEmpty else { throw StoreError.invalid("a gift needs a recipient: a contact or an account's team") }
        if gift.dealID == nil { gift.dealID = try suggestionSettled(byGiftTo: gift.accountID, recipients: recipients, db) }
        try gift.insert(db)
        for contactID in uniqued(recipients) {
            try GiftRecipient(giftID: gift.id!, contactID: contactID).insert(db)
        }
        if gift.state == .sent { try touchRecipients(of: gift, at: sentAt ?? gift.createdAt, db) }
        return gift
    }

    /// The won deal whose team-gift suggestion a gift settles: a gift to an
    /// account's team, or to every member of one account's team, is the
    /// gift the suggestion asked for (the latest such deal without a gift).
    static func suggestionSettled(byGiftTo accountID: Int64?, recipients: [Int64], _ db: Database) throws -> Int64? {
        var account = accountID
        if account == nil {
            let people = Set(recipients)
            let accounts = Set(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT accountID FROM contact WHERE accountID IS NOT NULL AND id IN (\(people.map(String.init).joined(separator: ",")))
                """))
            for candidate in accounts.sorted() {
                let team = try Int64.fetchAll(db, sql: "SELECT id FROM contact WHERE accountID = ?", arguments: [candidate])
                if team.count > 1 && Set(team).isSubset(of: people) { account = candidate; break }
            }
        }
        guard let account else { return nil }
        // Only a deal whose suggestion the policy makes (a large enough team).
        let policy = Policy(rules: try RuleSettings.load(db), calendar: .current)
        let deals = try Row.fetchAll(db, sql: """
            SELECT id, closedOn, buyerTeamSize FROM deal WHERE accountID = ? AND stage = \(DealStage.won.sql)
              AND closedOn IS NOT NULL AND buyerTeamSize IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM gift WHERE gift.dealID = deal.id)
            ORDER BY closedOn DESC, id DESC
            """, arguments: [account])
        return deals.first { policy.giftSuggestionDue(closedOn: $0[1], teamSize: $0[2]) != nil }?[0]
    }

    /// Stores a gift to people (new ones created in the same transaction)
    /// and/or an account's team. A gift stored as sent touches its recipients
    /// at `sentAt` (the moment it was sent, not the moment it was logged).
    public func addGift(_ gift: Gift, people: People, sentAt: Date? = nil) throws -> (Gift, [Contact]) {
        guard !gift.description.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("a gift needs a description")
        }
        return try write { db in
            let (ids, created) = try RapportStore.materialize(people, now: gift.createdAt, db)
            return (try RapportStore.insertGift(gift, recipientIDs: ids, sentAt: sentAt, db), created)
        }
    }

    /// The people a gift went (or goes) to.
    public func giftRecipients(_ id: Int64) throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT contactID FROM giftRecipient WHERE giftID = ?", arguments: [id]) }
    }

    /// Moves a gift along idea → ordered → sent; sending touches each recipient.
    @discardableResult
    public func setGiftState(id: Int64, to state: GiftState, on day: CivilDate, now: Date) throws -> Gift {
        try write { db in try RapportStore.setGiftState(id: id, to: state, on: day, now: now, db) }
    }

    static func setGiftState(id: Int64, to state: GiftState, on day: CivilDate, now: Date, _ db: Database) throws -> Gift {
        guard var gift = try Gift.fetchOne(db, key: id) else { throw StoreError.notFound("no gift g\(id)") }
        let order: [GiftState] = [.idea, .ordered, .sent]
        guard order.firstIndex(of: state)! > order.firstIndex(of: gift.state)! else {
            throw StoreError.invalid("gift g\(id) is already \(gift.state.rawValue)")
        }
        gift.state = state
        if state == .sent {
            gift.sentOn = day
            try RapportStore.touchRecipients(of: gift, at: now, db)
        }
        try gift.update(db)
        return gift
    }

    public func gift(id: Int64) throws -> Gift? {
        try read { db in try Gift.fetchOne(db, key: id) }
    }

    static func touchRecipients(of gift: Gift, at: Date, _ db: Database) throws {
        let recipients = try Int64.fetchAll(db, sql: "SELECT contactID FROM giftRecipient WHERE giftID = ?", arguments: [gift.id])
        try recordTouches(recipients, at: at, from: .gift(gift.id!), db)
    }
}
