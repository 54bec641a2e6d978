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

/// The thank-you note owed to one attendee of one meeting. It is created
/// with the meeting and shows on the agenda once the meeting has happened.
public struct ThankYouNote: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "thankYouNote"

    public var id: Int64?
    public var meetingID: Int64
    public var contactID: Int64
    public var state: ThankYouState
    public var sentAt: Date?
    public var channel: ThankYouChannel?
    public var waivedReason: String?

    public init(id: Int64? = nil, meetingID: Int64, contactID: Int64, state: ThankYouState = .owed) {
        self.id = id
        self.meetingID = meetingID
        self.contactID = contactID
        self.state = state
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
