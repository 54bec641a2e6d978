import Foundation
import GRDB

/// Changes to a lunch; nil leaves a field as it is.
public struct LunchEdit: Sendable {
    public var startsAt: Date?
    /// `.some(nil)` clears the place.
    public var place: String??
    public var notes: String?

    public init(startsAt: Date? = nil, place: String?? = nil, notes: String? = nil) {
        self.startsAt = startsAt
        self.place = place
        self.notes = notes
    }
}

/// Changes to a logged call, email, message, visit or note.
public struct InteractionEdit: Sendable {
    public var title: String?
    public var occurredAt: Date?
    public var notes: String?
    public var kind: InteractionKind?

    public init(title: String? = nil, occurredAt: Date? = nil, notes: String? = nil, kind: InteractionKind? = nil) {
        self.title = title
        self.occurredAt = occurredAt
        self.notes = notes
        self.kind = kind
    }
}

/// Changes to a gift.
public struct GiftEdit: Sendable {
    public var description: String?
    public var occasion: String?
    public var sendBy: CivilDate?
    /// `.some(nil)` clears the cost.
    public var cost: Money??

    public init(description: String? = nil, occasion: String? = nil, sendBy: CivilDate? = nil, cost: Money?? = nil) {
        self.description = description
        self.occasion = occasion
        self.sendBy = sendBy
        self.cost = cost
    }
}

/// A logged interaction's reference: `i12`. Interactions are history, not
/// agenda items, so they are not an `ItemKind`.
public struct InteractionRef: Hashable, Sendable, CustomStringConvertible {
    public let id: Int64
    public init(_ id: Int64) { self.id = id }
    /// Reads `i12`; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.hasPrefix("i"), let id = Int64(trimmed.dropFirst()), id > 0 else { return nil }
        self.id = id
    }
    public var description: String { "i\(id)" }
}

extension Interaction { public var ref: InteractionRef { InteractionRef(id ?? 0) } }

extension RapportStore {
    // MARK: Lunches

    /// Moves a lunch or changes its place or notes; a held lunch's touches
    /// move with it. A declined or cancelled lunch is not changed.
    public func editLunch(id: Int64, _ edit: LunchEdit) throws -> Lunch {
        try write { db in try RapportStore.editLunch(id: id, edit, db) }
    }

    static func editLunch(id: Int64, _ edit: LunchEdit, _ db: Database) throws -> Lunch {
        guard var lunch = try Lunch.fetchOne(db, key: id) else { throw StoreError.notFound("no lunch l\(id)") }
        guard lunch.state != .declined && lunch.state != .cancelled else {
            throw StoreError.invalid("lunch l\(id) is \(lunch.state.rawValue); offer a new one instead")
        }
        if let start = edit.startsAt {
            lunch.startsAt = start
            if lunch.state == .held { try RapportStore.moveTouches(of: .lunch(id), to: start, db) }
        }
        if let place = edit.place { lunch.place = place.flatMap { $0.isEmpty ? nil : $0 } }
        if let notes = edit.notes { lunch.notes = notes.isEmpty ? nil : notes }
        try lunch.update(db)
        return lunch
    }

    /// What `snooze` does to a lunch: it moves to `day`, at `time` or at the
    /// time it had (12:30 when it had none).
    static func moveLunch(_ ref: ItemRef, to day: CivilDate, time: LocalTime?, calendar: LocalCalendar, _ db: Database) throws -> String {
        guard let lunch = try Lunch.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no lunch \(ref)") }
        guard lunch.state == .offered || lunch.state == .accepted else {
            throw StoreError.invalid("lunch \(ref) is \(lunch.state.rawValue); only an offered or accepted lunch moves")
        }
        let keptTime = time ?? lunch.startsAt.map { calendar.time(of: $0) } ?? LocalTime(hour: 12, minute: 30)!
        let moved = try editLunch(id: ref.id, LunchEdit(startsAt: calendar.instant(on: day, at: keptTime)), db)
        return "lunch moved to \(DateText.due(.instant(moved.startsAt!), in: calendar, relativeToYear: day.year))"
    }

    // MARK: Meeting attendees

    /// Adds people to a meeting: each is owed a thank-you note (due once it
    /// has happened) and touched at its time, as if they had been logged with it.
    static func addAttendees(_ ids: [Int64], toMeeting meeting: Meeting, now: Date, _ db: Database) throws -> [ThankYouNote] {
        try requireContacts(ids, db)
        let present = Set(try Int64.fetchAll(db, sql: "SELECT contactID FROM meetingAttendee WHERE meetingID = ?", arguments: [meeting.id]))
        let added = uniqued(ids).filter { !present.contains($0) }
        var notes: [ThankYouNote] = []
        for contactID in added {
            try MeetingAttendee(meetingID: meeting.id!, contactID: contactID).insert(db)
            var note = ThankYouNote(meetingID: meeting.id!, contactID: contactID, createdAt: now)
            try note.insert(db)
            notes.append(note)
        }
        try recordTouches(added, at: meeting.startsAt, from: .meeting(meeting.id!), db)
        return notes
    }

    /// Removes people from a meeting: their note, if still owed, is dropped,
    /// and so is the touch the meeting counted as. A note already sent stays.
    static func removeAttendees(_ ids: [Int64], fromMeeting meeting: Meeting, _ db: Database) throws {
        for contactID in uniqued(ids) {
            try db.execute(sql: "DELETE FROM meetingAttendee WHERE meetingID = ? AND contactID = ?", arguments: [meeting.id, contactID])
            guard db.changesCount > 0 else {
                let name = try String.fetchOne(db, sql: "SELECT name FROM contact WHERE id = ?", arguments: [contactID]) ?? "@\(contactID)"
                throw StoreError.invalid("\(name) is not an attendee of \(meeting.ref)")
            }
            try db.execute(sql: "DELETE FROM thankYouNote WHERE meetingID = ? AND contactID = ? AND state = \(ThankYouState.owed.sql)",
                           arguments: [meeting.id, contactID])
            try RapportStore.removeTouches(of: .meeting(meeting.id!), contact: contactID, db)
        }
    }

    // MARK: Logged interactions and gifts

    public func interaction(id: Int64) throws -> Interaction? {
        try read { db in try Interaction.fetchOne(db, key: id) }
    }

    /// Corrects a logged interaction; moving it moves its touches.
    public func editInteraction(id: Int64, _ edit: InteractionEdit) throws -> Interaction {
        if let title = edit.title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError.invalid("a logged interaction needs a title")
        }
        return try write { db in
            guard var interaction = try Interaction.fetchOne(db, key: id) else { throw StoreError.notFound("no logged interaction i\(id)") }
            if let title = edit.title { interaction.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let notes = edit.notes { interaction.notes = notes.isEmpty ? nil : notes }
            if let kind = edit.kind { interaction.kind = kind }
            if let at = edit.occurredAt {
                interaction.occurredAt = at
                try RapportStore.moveTouches(of: .interaction(id), to: at, db)
            }
            try interaction.update(db)
            return interaction
        }
    }

    /// Deletes a logged interaction and the touches it made.
    @discardableResult
    public func deleteInteraction(id: Int64) throws -> Interaction {
        try write { db in
            guard let interaction = try Interaction.fetchOne(db, key: id) else { throw StoreError.notFound("no logged interaction i\(id)") }
            try Interaction.deleteOne(db, key: id)
            return interaction
        }
    }

    /// Corrects a gift: what it is, its occasion, when to send it by, its cost.
    public func editGift(id: Int64, _ edit: GiftEdit) throws -> Gift {
        if let description = edit.description, description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError.invalid("a gift needs a description")
        }
        return try write { db in
            guard var gift = try Gift.fetchOne(db, key: id) else { throw StoreError.notFound("no gift g\(id)") }
            if let description = edit.description { gift.description = description.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let occasion = edit.occasion { gift.occasion = occasion }
            if let sendBy = edit.sendBy { gift.sendBy = sendBy }
            if let cost = edit.cost {
                gift.costMinorUnits = cost?.minorUnits
                gift.currency = cost?.currency
            }
            try gift.update(db)
            return gift
        }
    }

    /// Deletes a gift (planned or sent) and the touches it made.
    @discardableResult
    public func deleteGift(id: Int64) throws -> Gift {
        try write { db in
            guard let gift = try Gift.fetchOne(db, key: id) else { throw StoreError.notFound("no gift g\(id)") }
            try Gift.deleteOne(db, key: id)
            return gift
        }
    }
}
