import Foundation
import GRDB

/// What marking an item done did, for the user to read.
public struct Completion: Sendable, Equatable {
    public var ref: ItemRef
    /// One line: "thank-you note to Dana Ruiz marked sent".
    public var summary: String
    /// The next occurrence of a repeating follow-up.
    public var next: FollowUp?
}

extension RapportStore {
    /// Marks the agenda item `ref` done, in one transaction:
    /// - a follow-up is done (a repeating one gets its next occurrence);
    /// - a thank-you note is sent (channel unrecorded);
    /// - a meeting's preparation is done;
    /// - keeping in touch logs a touch with the contact now;
    /// - a lunch due logs a lunch held now; a scheduled lunch is marked held;
    /// - a gift is marked sent; a gift suggestion records a gift sent today
    ///   to the account's team.
    /// A meeting itself cannot be done: it happens.
    ///
    /// All items are done in one transaction: when one cannot be, none is.
    public func complete(_ refs: [ItemRef], now: Date, calendar: LocalCalendar) throws -> [Completion] {
        try write { db in
            try uniqued(refs).map { try RapportStore.complete($0, now: now, calendar: calendar, db) }
        }
    }

    static func complete(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        switch ref.kind {
        case .followUp:
            let followUp = try FollowUp.fetchOne(db, key: ref.id)
            let next = try RapportStore.completeFollowUp(id: ref.id, now: now, calendar: calendar, db)
            let nextText = next.map { "; next due \(DateText.due($0.due, in: calendar, relativeToYear: calendar.day(of: now).year))" } ?? ""
            return Completion(ref: ref, summary: "follow-up \"\(followUp?.title ?? "")\" done\(nextText)", next: next)
        case .thankYou:
            try RapportStore.markThankYouSent(id: ref.id, channel: nil, at: now, db)
            let name = try String.fetchOne(db, sql: "SELECT c.name FROM thankYouNote n JOIN contact c ON c.id = n.contactID WHERE n.id = ?", arguments: [ref.id]) ?? ""
            return Completion(ref: ref, summary: "thank-you note to \(name) marked sent", next: nil)
        case .prep:
            try RapportStore.markPrepDone(meetingID: ref.id, at: now, db)
            let title = try String.fetchOne(db, sql: "SELECT title FROM meeting WHERE id = ?", arguments: [ref.id]) ?? ""
            return Completion(ref: ref, summary: "preparation for \"\(title)\" done", next: nil)
        case .stayInTouch:
            guard let contact = try Contact.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no contact @\(ref.id)") }
            _ = try RapportStore.logInteraction(kind: .other, title: "Touched base", contactIDs: [ref.id], at: now,
                                                notes: nil, now: now, db)
            return Completion(ref: ref, summary: "touch with \(contact.name) logged", next: nil)
        case .lunchDue:
            guard let contact = try Contact.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no contact @\(ref.id)") }
            var lunch = Lunch(startsAt: now, state: .held, createdAt: now)
            try lunch.insert(db)
            try LunchGuest(lunchID: lunch.id!, contactID: ref.id).insert(db)
            try RapportStore.touchGuests(of: lunch, at: now, db)
            return Completion(ref: ref, summary: "lunch with \(contact.name) logged as held", next: nil)
        case .lunch:
            _ = try RapportStore.setLunchState(id: ref.id, to: .held, now: now, db)
            return Completion(ref: ref, summary: "lunch l\(ref.id) marked held", next: nil)
        case .gift:
            let gift = try setGiftState(id: ref.id, to: .sent, on: calendar.day(of: now), now: now, db)
            return Completion(ref: ref, summary: "gift \"\(gift.description)\" marked sent", next: nil)
        case .giftSuggestion:
            guard let deal = try Deal.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no deal gd\(ref.id)") }
            guard try Gift.filter(Column("dealID") == ref.id).isEmpty(db) else {
                throw StoreError.invalid("deal gd\(ref.id) already has a gift")
            }
            var gift = Gift(accountID: deal.accountID, dealID: deal.id, occasion: "closed deal",
                            description: "Gift for \(deal.title)", state: .sent,
                            sentOn: calendar.day(of: now), createdAt: now)
            try gift.insert(db)
            let team = try Int64.fetchAll(db, sql: "SELECT id FROM contact WHERE accountID = ?", arguments: [deal.accountID])
            for contactID in team { try GiftRecipient(giftID: gift.id!, contactID: contactID).insert(db) }
            try RapportStore.touchRecipients(of: gift, at: now, db)
            return Completion(ref: ref, summary: "gift for \"\(deal.title)\" recorded as sent to \(team.count) people", next: nil)
        case .meeting:
            throw StoreError.invalid("m\(ref.id) is a meeting: it is not done, it happens (its thank-you notes and prep are items of their own)")
        }
    }
}
