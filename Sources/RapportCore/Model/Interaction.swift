import Foundation
import GRDB

/// A call, email, message, visit or note logged with contacts.
public struct Interaction: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interaction"

    public var id: Int64?
    public var kind: InteractionKind
    public var occurredAt: Date
    public var title: String
    public var notes: String?
    public var createdAt: Date

    public init(id: Int64? = nil, kind: InteractionKind, occurredAt: Date, title: String,
                notes: String? = nil, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.occurredAt = occurredAt
        self.title = title
        self.notes = notes
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contact an interaction was with.
public struct InteractionContact: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "interactionContact"
    public var interactionID: Int64
    public var contactID: Int64
}

/// One contact touched at one instant, by a meeting, a held lunch, a logged
/// interaction, a sent gift or a sent thank-you. Exactly one source column
/// is set; deleting the source deletes the touch.
public struct Touch: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "touch"

    public var id: Int64?
    public var contactID: Int64
    public var at: Date
    public var kind: TouchKind
    public var meetingID: Int64?
    public var lunchID: Int64?
    public var interactionID: Int64?
    public var giftID: Int64?
    public var thankYouNoteID: Int64?

    public init(contactID: Int64, at: Date, kind: TouchKind, meetingID: Int64? = nil, lunchID: Int64? = nil,
                interactionID: Int64? = nil, giftID: Int64? = nil, thankYouNoteID: Int64? = nil) {
        self.contactID = contactID
        self.at = at
        self.kind = kind
        self.meetingID = meetingID
        self.lunchID = lunchID
        self.interactionID = interactionID
        self.giftID = giftID
        self.thankYouNoteID = thankYouNoteID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
