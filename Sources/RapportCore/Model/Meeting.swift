import Foundation
import GRDB

/// An appointment with contacts. One whose start is in the future is
/// scheduled; one whose start has passed happened.
public struct Meeting: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "meeting"

    public var id: Int64?
    public var title: String
    public var startsAt: Date
    public var endsAt: Date?
    public var place: String?
    public var accountID: Int64?
    /// Research before the meeting.
    public var prepNotes: String?
    /// What came of it.
    public var outcomeNotes: String?
    /// When the preparation was marked done; nil while it is due.
    public var prepDoneAt: Date?
    /// When it was called off; a cancelled meeting owes nothing and touches no one.
    public var cancelledAt: Date?
    public var createdAt: Date

    public init(id: Int64? = nil, title: String, startsAt: Date, endsAt: Date? = nil, place: String? = nil,
                accountID: Int64? = nil, prepNotes: String? = nil, outcomeNotes: String? = nil, createdAt: Date) {
        self.id = id
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.accountID = accountID
        self.prepNotes = prepNotes
        self.outcomeNotes = outcomeNotes
        self.createdAt = createdAt
    }

    public func hasHappened(now: Date) -> Bool { startsAt <= now }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contact who attends a meeting.
public struct MeetingAttendee: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meetingAttendee"
    public var meetingID: Int64
    public var contactID: Int64
}

/// A thank-you note owed to a contact: to one attendee of one meeting
/// (created with the meeting, shown once it has happened, due after it), or
/// added by itself for a reason ("for the introduction") with its own day.
public struct ThankYouNote: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "thankYouNote"

    public var id: Int64?
    public var meetingID: Int64?
    public var contactID: Int64
    /// What it thanks for, when it is not for a meeting.
    public var reason: String?
    /// The day it is due, when it is not for a meeting.
    public var dueDay: CivilDate?
    public var state: ThankYouState
    public var sentAt: Date?
    public var channel: ThankYouChannel?
    public var waivedReason: String?
    public var createdAt: Date

    public init(id: Int64? = nil, meetingID: Int64?, contactID: Int64, reason: String? = nil, dueDay: CivilDate? = nil,
                state: ThankYouState = .owed, createdAt: Date) {
        self.id = id
        self.meetingID = meetingID
        self.contactID = contactID
        self.reason = reason
        self.dueDay = dueDay
        self.state = state
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
