import Foundation
import GRDB

/// What is needed to store a meeting.
public struct MeetingDraft: Sendable {
    public var title: String
    public var startsAt: Date
    public var endsAt: Date?
    public var place: String?
    public var accountID: Int64?
    public var attendees: People
    public var prepNotes: String?
    public var outcomeNotes: String?

    public init(title: String, startsAt: Date, endsAt: Date? = nil, place: String? = nil, accountID: Int64? = nil,
                attendees: People, prepNotes: String? = nil, outcomeNotes: String? = nil) {
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.accountID = accountID
        self.attendees = attendees
        self.prepNotes = prepNotes
        self.outcomeNotes = outcomeNotes
    }
}

extension RapportStore {
    /// Stores a meeting, its attendees, one thank-you note owed to each
    /// attendee (shown once the meeting has happened) and a touch for each.
    @discardableResult
    public func addMeeting(_ draft: MeetingDraft, now: Date) throws -> (meeting: Meeting, thankYouNotes: [ThankYouNote], created: [Contact]) {
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid("a meeting needs a title") }
        if let end = draft.endsAt, end < draft.startsAt {
            throw StoreError.invalid("a meeting cannot end before it starts")
        }
        return try write { db in
            let (attendeeIDs, created) = try RapportStore.materialize(draft.attendees, accountID: draft.accountID, now: now, db)
            var draft = draft
            draft.title = title
            let (meeting, notes) = try RapportStore.insertMeeting(draft, attendeeIDs: attendeeIDs, now: now, db)
            return (meeting, notes, created)
        }
    }

    /// The one way a meeting is stored, from every entry point: the meeting,
    /// its attendees, one thank-you note owed to each (shown once the meeting
    /// has happened) and a touch for each at the meeting's start.
    static func insertMeeting(_ draft: MeetingDraft, attendeeIDs: [Int64], now: Date, _ db: Database) throws -> (Meeting, [ThankYouNote]) {
        var meeting = Meeting(title: draft.title, startsAt: draft.startsAt, endsAt: draft.endsAt, place: draft.place,
                              accountID: draft.accountID, prepNotes: draft.prepNotes,
                              outcomeNotes: draft.outcomeNotes, createdAt: now)
        try meeting.insert(db)
        var notes: [ThankYouNote] = []
        for contactID in uniqued(attendeeIDs) {
            try MeetingAttendee(meetingID: meeting.id!, contactID: contactID).insert(db)
            var note = ThankYouNote(meetingID: meeting.id!, contactID: contactID, createdAt: now)
            try note.insert(db)
            notes.append(note)
        }
        try recordTouches(attendeeIDs, at: meeting.startsAt, from: .meeting(meeting.id!), db)
        return (meeting, notes)
    }

    public func meeting(id: Int64) throws -> Meeting? {
        try read { db in try Meeting.fetchOne(db, key: id) }
    }

    public func thankYouNotes(ofMeeting id: Int64) throws -> [ThankYouNote] {
        try read { db in try ThankYouNote.filter(Column("meetingID") == id).order(Column("id")).fetchAll(db) }
    }

    public func thankYouNote(id: Int64) throws -> ThankYouNote? {
        try read { db in try ThankYouNote.fetchOne(db, key: id) }
    }

    /// Records a thank-you note as sent; sending it touches the contact.
    public func markThankYouSent(id: Int64, channel: ThankYouChannel?, at: Date) throws {
        try write { db in try RapportStore.markThankYouSent(id: id, channel: channel, at: at, db) }
    }

    /// Records several notes as sent in one transaction: all of them, or none.
    @discardableResult
    public func markThankYouSent(ids: [Int64], channel: ThankYouChannel?, at: Date) throws -> [ThankYouNote] {
        try write { db in
            try uniqued(ids).map { id in
                try RapportStore.markThankYouSent(id: id, channel: channel, at: at, db)
                guard let note = try ThankYouNote.fetchOne(db, key: id) else { throw StoreError.notFound("no thank-you note t\(id)") }
                return note
            }
        }
    }

    static func markThankYouSent(id: Int64, channel: ThankYouChannel?, at: Date, _ db: Database) throws {
        guard var note = try ThankYouNote.fetchOne(db, key: id) else { throw StoreError.notFound("no thank-you note t\(id)") }
        guard note.state == .owed else { throw StoreError.invalid("thank-you note t\(id) is already \(note.state.rawValue)") }
        note.state = .sent
        note.sentAt = at
        note.channel = channel
        try note.update(db)
        try recordTouches([note.contactID], at: at, from: .thankYou(note.id!), db)
    }

    /// Waives a thank-you note that will not be written, with the reason.
    public func waiveThankYou(id: Int64, reason: String) throws {
        try write { db in
            guard var note = try ThankYouNote.fetchOne(db, key: id) else { throw StoreError.notFound("no thank-you note t\(id)") }
            guard note.state == .owed else { throw StoreError.invalid("thank-you note t\(id) is already \(note.state.rawValue)") }
            note.state = .waived
            note.waivedReason = reason
            try note.update(db)
        }
    }

    static func markPrepDone(meetingID: Int64, at: Date, _ db: Database) throws {
        guard var meeting = try Meeting.fetchOne(db, key: meetingID) else { throw StoreError.notFound("no meeting m\(meetingID)") }
        guard meeting.prepDoneAt == nil else { throw StoreError.invalid("the preparation for m\(meetingID) is already done") }
        meeting.prepDoneAt = at
        try meeting.update(db)
    }
}

/// The elements in their first order, without repeats.
func uniqued<T: Hashable>(_ values: [T]) -> [T] {
    var seen = Set<T>()
    return values.filter { seen.insert($0).inserted }
}
