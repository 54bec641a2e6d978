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
    /// a lunch moves to that day; other items are hidden until that day.
    /// Meetings are rescheduled with `edit`, not snoozed.
    public func snooze(_ ref: ItemRef, to day: CivilDate, time: LocalTime?, now: Date, calendar: LocalCalendar) throws -> ItemChange {
        let today = calendar.day(of: now)
        guard day > today || (time != nil && calendar.instant(on: day, at: time!) > now) else {
            throw StoreError.invalid("snooze to a day after today (\(DateText.shortDay(day)) is not)")
        }
        switch ref.kind.spec.snooze {
        case .movesDueDate:
            let followUp = try snoozeFollowUp(id: ref.id, to: day, time: time, calendar: calendar)
            return ItemChange(ref: ref, summary: "follow-up \"\(followUp.title)\" now due \(DateText.due(followUp.due, in: calendar, relativeToYear: today.year))")
        case .moves(let move):
            return ItemChange(ref: ref, summary: try write { db in try move(ref, day, time, calendar, db) })
        case .refused(let reason):
            throw StoreError.invalid("\(ref) is " + reason.replacingOccurrences(of: "REF", with: ref.description))
        case .putsOff:
            guard time == nil else { throw StoreError.invalid("\(ref) is due on a day; snooze it to a day without a time") }
            try write { db in try RapportStore.putOff(ref, to: day, db) }
            return ItemChange(ref: ref, summary: "\(ref.kind.label) put off to \(DateText.day(day, relativeToYear: today.year))")
        }
    }

    /// Hides an item until `day`.
    static func putOff(_ ref: ItemRef, to day: CivilDate, _ db: Database) throws {
        try RapportStore.requireItem(ref, db)
        try db.execute(sql: """
            INSERT INTO itemSnooze (ref, untilDay, count) VALUES (?, ?, 1)
            ON CONFLICT(ref) DO UPDATE SET untilDay = excluded.untilDay, count = count + 1
            """, arguments: [ref.description, day])
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
        try ref.kind.spec.cancel(ref, reason, now, db)
    }

    // What `cancel` does for each kind (the table in `ItemKindSpec` names these).

    static func cancelFollowUp(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        guard var followUp = try FollowUp.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no follow-up \(ref)") }
        guard followUp.state == .open else { throw StoreError.invalid("follow-up \(ref) is already \(followUp.state.rawValue)") }
        followUp.state = .cancelled
        followUp.completedAt = now
        try followUp.update(db)
        return ItemChange(ref: ref, summary: "follow-up \"\(followUp.title)\" cancelled")
    }

    static func cancelThankYou(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        guard var note = try ThankYouNote.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no thank-you note \(ref)") }
        guard note.state == .owed else { throw StoreError.invalid("thank-you note \(ref) is already \(note.state.rawValue)") }
        note.state = .waived
        note.waivedReason = reason ?? "cancelled"
        try note.update(db)
        return ItemChange(ref: ref, summary: "thank-you note waived")
    }

    static func cancelMeeting(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        guard var meeting = try Meeting.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no meeting \(ref)") }
        guard meeting.cancelledAt == nil else { throw StoreError.invalid("meeting \(ref) is already cancelled") }
        meeting.cancelledAt = now
        try meeting.update(db)
        // A meeting that will not happen touches no one and owes no thanks.
        try RapportStore.removeTouches(of: .meeting(ref.id), db)
        try ThankYouNote.all().of(meeting: ref.id).owed()
            .updateAll(db, ThankYouNote.Columns.state.set(to: ThankYouState.waived), Column("waivedReason").set(to: "meeting cancelled"))
        return ItemChange(ref: ref, summary: "meeting \"\(meeting.title)\" cancelled")
    }

    static func cancelLunch(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        _ = try RapportStore.setLunchState(id: ref.id, to: .cancelled, now: now, db)
        return ItemChange(ref: ref, summary: "lunch cancelled")
    }

    static func cancelGift(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        guard let gift = try Gift.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no gift \(ref)") }
        guard gift.state != .sent else { throw StoreError.invalid("gift \(ref) was already sent") }
        try gift.delete(db)
        return ItemChange(ref: ref, summary: "gift \"\(gift.description)\" dropped")
    }

    /// Preparation and gift suggestions are dismissed: hidden for good.
    static func dismiss(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        try RapportStore.requireItem(ref, db)
        try db.execute(sql: "INSERT INTO itemSnooze (ref, untilDay) VALUES (?, NULL) ON CONFLICT(ref) DO UPDATE SET untilDay = NULL",
                       arguments: [ref.description])
        return ItemChange(ref: ref, summary: "\(ref.kind.label) dismissed")
    }

    static func refuseCadenceCancel(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        throw StoreError.invalid("\(ref) follows the contact's cadence: change it with rapport edit @\(ref.id) --every N (or --lunch-every N), or snooze it")
    }
}
