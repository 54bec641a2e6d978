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
        try ref.kind.spec.complete(ref, now, calendar, db)
    }

    // What `done` does for each kind (the table in `ItemKindSpec` names these).

    static func completeFollowUpItem(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        let followUp = try FollowUp.fetchOne(db, key: ref.id)
        let next = try RapportStore.completeFollowUp(id: ref.id, now: now, calendar: calendar, db)
        let nextText = next.map { "; next due \(DateText.due($0.due, in: calendar, relativeToYear: calendar.day(of: now).year))" } ?? ""
        return Completion(ref: ref, summary: "follow-up \"\(followUp?.title ?? "")\" done\(nextText)", next: next)
    }

    static func completeThankYou(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        try RapportStore.markThankYouSent(id: ref.id, channel: nil, at: now, db)
        let name = try String.fetchOne(db, sql: "SELECT c.name FROM thankYouNote n JOIN contact c ON c.id = n.contactID WHERE n.id = ?", arguments: [ref.id]) ?? ""
        return Completion(ref: ref, summary: "thank-you note to \(name) marked sent", next: nil)
    }

    static func completePreparation(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        try RapportStore.markPrepDone(meetingID: ref.id, at: now, db)
        let title = try String.fetchOne(db, sql: "SELECT title FROM meeting WHERE id = ?", arguments: [ref.id]) ?? ""
        return Completion(ref: ref, summary: "preparation for \"\(title)\" done", next: nil)
    }

    static func completeStayInTouch(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        guard let contact = try Contact.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no contact @\(ref.id)") }
        _ = try RapportStore.logInteraction(kind: .other, title: "Touched base", contactIDs: [ref.id], at: now,
                                            notes: nil, now: now, db)
        return Completion(ref: ref, summary: "touch with \(contact.name) logged", next: nil)
    }

    static func completeLunchDue(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        guard let contact = try Contact.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no contact @\(ref.id)") }
        _ = try RapportStore.insertLunch(guestIDs: [ref.id], startsAt: now, place: nil, state: .held, notes: nil, cost: nil, now: now, db)
        return Completion(ref: ref, summary: "lunch with \(contact.name) logged as held", next: nil)
    }

    static func completeLunch(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        _ = try RapportStore.setLunchState(id: ref.id, to: .held, now: now, db)
        return Completion(ref: ref, summary: "lunch \(ref) marked held", next: nil)
    }

    static func completeGift(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        let gift = try setGiftState(id: ref.id, to: .sent, on: calendar.day(of: now), now: now, db)
        return Completion(ref: ref, summary: "gift \"\(gift.description)\" marked sent", next: nil)
    }

    static func completeGiftSuggestion(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        guard let deal = try Deal.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no deal \(ref)") }
        guard try Gift.all().of(deal: ref.id).isEmpty(db) else {
            throw StoreError.invalid("deal \(ref) already has a gift")
        }
        let gift = try RapportStore.insertGift(
            Gift(accountID: deal.accountID, dealID: deal.id, occasion: "closed deal", description: "Gift for \(deal.title)",
                 state: .sent, sentOn: calendar.day(of: now), createdAt: now), recipientIDs: [], sentAt: now, db)
        let team = try Int.fetchOne(db, sql: "SELECT count(*) FROM giftRecipient WHERE giftID = ?", arguments: [gift.id]) ?? 0
        return Completion(ref: ref, summary: "gift for \"\(deal.title)\" recorded as sent to \(team) people", next: nil)
    }

    static func refuseMeetingDone(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        throw StoreError.invalid("\(ref) is a meeting: it is not done, it happens (its thank-you notes and prep are items of their own)")
    }
}
