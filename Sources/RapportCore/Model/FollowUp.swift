import Foundation
import GRDB

/// A promise made to contacts ("send the pricing deck"), due on an exact day
/// and optionally at an exact time, possibly repeating.
///
/// A date-only follow-up is due at the end of `dueDay`. A timed one is due at
/// the instant `dueAt`; its `dueDay` is the local day it was entered for and
/// anchors its repetitions. Snoozing moves the due date and keeps the first
/// one in `originalDueDay`/`originalDueAt`.
public struct FollowUp: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followUp"

    public var id: Int64?
    public var title: String
    public var dueDay: CivilDate
    public var dueAt: Date?
    public var originalDueDay: CivilDate
    public var originalDueAt: Date?
    public var snoozeCount: Int
    /// The canonical repeat phrase (`Recurrence.phrase`), when it repeats.
    public var recurrence: String?
    /// The first follow-up of the series this one continues.
    public var seriesID: Int64?
    public var state: FollowUpState
    public var completedAt: Date?
    public var accountID: Int64?
    public var notes: String?
    public var createdAt: Date

    public init(id: Int64? = nil, title: String, dueDay: CivilDate, dueAt: Date? = nil,
                recurrence: Recurrence? = nil, seriesID: Int64? = nil, accountID: Int64? = nil,
                notes: String? = nil, createdAt: Date) {
        self.id = id
        self.title = title
        self.dueDay = dueDay
        self.dueAt = dueAt
        self.originalDueDay = dueDay
        self.originalDueAt = dueAt
        self.snoozeCount = 0
        self.recurrence = recurrence?.phrase
        self.seriesID = seriesID
        self.state = .open
        self.accountID = accountID
        self.notes = notes
        self.createdAt = createdAt
    }

    /// The repeat rule, when there is one.
    /// How it repeats, read from the stored phrase; a stored phrase that
    /// cannot be read is an error naming the follow-up, never "no repeat".
    public func repeatRule() throws -> Recurrence? {
        guard let recurrence else { return nil }
        do {
            return try RecurrencePhrase.decode(recurrence)
        } catch {
            throw StoreError.corrupt("follow-up \(ref) holds a repeat rule that cannot be read ('\(recurrence)'): "
                                     + "set it again with rapport edit \(ref) --repeat … (or --repeat none)")
        }
    }

    /// When it is due: a day, or an instant.
    public var due: Due { dueAt.map(Due.instant) ?? .day(dueDay) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contact a follow-up was promised to.
public struct FollowUpContact: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "followUpContact"
    public var followUpID: Int64
    public var contactID: Int64
}
