import Foundation
import GRDB

/// What putting off or cancelling an item did, for the user to read.
public struct ItemChange: Sendable, Equatable {
    public var ref: ItemRef
    public var summary: String
}

extension RapportStore {
    /// Puts an agenda item off to `day` (and `time`, for follow-ups). A
    /// follow-up moves its due date (keeping the first for the record);
    /// other items are hidden until that day. Meetings and lunches are
    /// rescheduled with `edit`, not snoozed.
    public func snooze(_ ref: ItemRef, to day: CivilDate, time: LocalTime?, now: Date, calendar: LocalCalendar) throws -> ItemChange {
        let today = calendar.day(of: now)
        guard day > today || (time != nil && calendar.instant(on: day, at: time!) > now) else {
            throw StoreError.invalid("snooze to a day after today (\(DateText.shortDay(day)) is not)")
        }
        switch ref.kind {
        case .followUp:
            let followUp = try snoozeFollowUp(id: ref.id, to: day, time: time, calendar: calendar)
            return ItemChange(ref: ref, summary: "follow-up \"\(followUp.title)\" now due \(DateText.due(followUp.due, in: calendar, relativeToYear: today.year))")
        case .meeting, .lunch:
            throw StoreError.invalid("\(ref) is an appointment: move it with rapport edit \(ref) --at …")
        default:
            guard time == nil else { throw StoreError.invalid("\(ref) is due on a day; snooze it to a day without a time") }
            try write { db in
                try RapportStore.requireItem(ref, db)
                try db.execute(sql: """
                    INSERT INTO itemSnooze (ref, untilDay, count) VALUES (?, ?, 1)
                    ON CONFLICT(ref) DO UPDATE SET untilDay = excluded.untilDay, count = count + 1
                    """, arguments: [ref.description, day])
            }
            return ItemChange(ref: ref, summary: "\(ref.kind.label) put off to \(DateText.day(day, relativeToYear: today.year))")
        }
    }

    /// Cancels an item: a follow-up is cancelled (a repeating one stops), a
    /// thank-you waived, a meeting or lunch called off, a planned gift
    /// dropped, preparation or a gift suggestion dismissed. Keeping in touch
    /// and lunch cadences are changed on the contact instead.
    /// All are cancelled in one transaction: when one cannot be, none is.
    public func cancel(_ refs: [ItemRef], reason: String?, now: Date) throws -> [ItemChange] {
        try write { db in try uniqued(refs).map { try RapportStore.cancel($0, reason: reason, now: now, db) } }
    }

    static func cancel(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        switch ref.kind {
        case .followUp:
            guard var followUp = try FollowUp.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no follow-up \(ref)") }
            guard followUp.state == .open else { throw StoreError.invalid("follow-up \(ref) is already \(followUp.state.rawValue)") }
            followUp.state = .cancelled
            followUp.completedAt = now
            try followUp.update(db)
            return ItemChange(ref: ref, summary: "follow-up \"\(followUp.title)\" cancelled")
        case .thankYou:
            guard var note = try ThankYouNote.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no thank-you note \(ref)") }
            guard note.state == .owed else { throw StoreError.invalid("thank-you note \(ref) is already \(note.state.rawValue)") }
            note.state = .waived
            note.waivedReason = reason ?? "cancelled"
            try note.update(db)
            return ItemChange(ref: ref, summary: "thank-you note waived")
        case .meeting:
            guard var meeting = try Meeting.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no meeting \(ref)") }
            guard meeting.cancelledAt == nil else { throw StoreError.invalid("meeting \(ref) is already cancelled") }
            meeting.cancelledAt = now
            try meeting.update(db)
            // A meeting that will not happen touches no one and owes no thanks.
            try db.execute(sql: "DELETE FROM touch WHERE meetingID = ?", arguments: [ref.id])
            try db.execute(sql: "UPDATE thankYouNote SET state = 'waived', waivedReason = 'meeting cancelled' WHERE meetingID = ? AND state = 'owed'",
                           arguments: [ref.id])
            return ItemChange(ref: ref, summary: "meeting \"\(meeting.title)\" cancelled")
        case .lunch:
            _ = try RapportStore.setLunchState(id: ref.id, to: .cancelled, now: now, db)
            return ItemChange(ref: ref, summary: "lunch cancelled")
        case .gift:
            guard let gift = try Gift.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no gift \(ref)") }
            guard gift.state != .sent else { throw StoreError.invalid("gift \(ref) was already sent") }
            try gift.delete(db)
            return ItemChange(ref: ref, summary: "gift \"\(gift.description)\" dropped")
        case .prep, .giftSuggestion:
            try RapportStore.requireItem(ref, db)
            try db.execute(sql: "INSERT INTO itemSnooze (ref, untilDay) VALUES (?, NULL) ON CONFLICT(ref) DO UPDATE SET untilDay = NULL",
                           arguments: [ref.description])
            return ItemChange(ref: ref, summary: "\(ref.kind.label) dismissed")
        case .stayInTouch, .lunchDue:
            throw StoreError.invalid("\(ref) follows the contact's cadence: change it with rapport edit @\(ref.id) --every N (or --lunch-every N), or snooze it")
        }
    }

    /// Throws when the thing a reference points at does not exist.
    static func requireItem(_ ref: ItemRef, _ db: Database) throws {
        let table: String
        switch ref.kind {
        case .followUp: table = "followUp"
        case .thankYou: table = "thankYouNote"
        case .prep, .meeting: table = "meeting"
        case .gift: table = "gift"
        case .giftSuggestion: table = "deal"
        case .stayInTouch, .lunchDue: table = "contact"
        case .lunch: table = "lunch"
        }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [ref.id]) == true else {
            throw StoreError.notFound("no \(ref.kind.label) \(ref)")
        }
    }
}
