import Foundation
import GRDB

/// What a calendar export needs beyond the agenda: the book's identifier
/// (for UIDs), where and until when meetings and lunches are, the people's
/// emails (for ATTENDEE), and what was completed lately (kept in the
/// calendar, marked completed, for `keepCompletedDays`).
public struct CalendarDetails: Sendable, Equatable {
    public var bookID: String
    public var places: [ItemRef: String] = [:]
    public var ends: [ItemRef: Date] = [:]
    /// Each contact's first email.
    public var emails: [Int64: String] = [:]
    public var completed: [CompletedItem] = []

    public init(bookID: String) {
        self.bookID = bookID
    }
}

/// Something done lately (a follow-up done, a note sent, a meeting
/// prepared, a gift sent), or an appointment that happened (a meeting, a held lunch).
public struct CompletedItem: Sendable, Equatable {
    public var ref: ItemRef
    public var title: String
    public var contacts: [ContactSummary]
    /// When it was done (for an appointment: when it began).
    public var completedAt: Date
    /// When it was due, for a to-do.
    public var due: Due?
}

extension RapportStore {
    /// The details for exporting `agenda`, with what was completed from `since` to `now`.
    public func calendarDetails(for agenda: Agenda, since: Date, now: Date) throws -> CalendarDetails {
        try read { db in
            var details = CalendarDetails(bookID: try RapportStore.bookID(db))
            let meetings = agenda.all.filter { $0.kind == .meeting }.map(\.ref.id)
            let lunches = agenda.all.filter { $0.kind == .lunch }.map(\.ref.id)
            for row in try Row.fetchAll(db, sql: "SELECT id, place, endsAt FROM meeting WHERE id IN (\(list(meetings)))") {
                if let place: String = row[1] { details.places[ItemRef(.meeting, row[0])] = place }
                if let end: Date = row[2] { details.ends[ItemRef(.meeting, row[0])] = end }
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, place FROM lunch WHERE id IN (\(list(lunches))) AND place IS NOT NULL") {
                details.places[ItemRef(.lunch, row[0])] = row[1]
            }
            details.completed = try completed(since: since, now: now, places: &details.places, ends: &details.ends, db)
            let people = Set(agenda.all.flatMap { $0.contacts.map(\.id) } + details.completed.flatMap { $0.contacts.map(\.id) })
            for row in try Row.fetchAll(db, sql: """
                SELECT contactID, address FROM contactEmail WHERE contactID IN (\(list(Array(people)))) ORDER BY id DESC
                """) {
                details.emails[row[0]] = row[1]
            }
            return details
        }
    }

    private func completed(since: Date, now: Date, places: inout [ItemRef: String], ends: inout [ItemRef: Date],
                           _ db: Database) throws -> [CompletedItem] {
        var items: [CompletedItem] = []
        func people(_ table: String, _ key: String, _ id: Int64) throws -> [ContactSummary] {
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, c.tier, a.name FROM \(table) x JOIN contact c ON c.id = x.contactID
                LEFT JOIN account a ON a.id = c.accountID WHERE x.\(key) = ? ORDER BY c.name
                """, arguments: [id]).map { ContactSummary(id: $0[0], name: $0[1], tier: $0[2], accountName: $0[3]) }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, title, completedAt, dueDay, dueAt FROM followUp WHERE state = 'done' AND completedAt >= ? ORDER BY completedAt
            """, arguments: [since]) {
            let dueAt: Date? = row[4]
            let dueDay: CivilDate = row[3]
            items.append(CompletedItem(ref: ItemRef(.followUp, row[0]), title: row[1], contacts: try people("followUpContact", "followUpID", row[0]),
                                       completedAt: row[2], due: dueAt.map(Due.instant) ?? .day(dueDay)))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT t.id, coalesce(m.title, t.reason, 'Thank-you'), t.sentAt, t.contactID FROM thankYouNote t
            LEFT JOIN meeting m ON m.id = t.meetingID WHERE t.state = 'sent' AND t.sentAt >= ? ORDER BY t.sentAt
            """, arguments: [since]) {
            let contact: Int64 = row[3]
            let summary = try Row.fetchOne(db, sql: "SELECT c.id, c.name, c.tier, a.name FROM contact c LEFT JOIN account a ON a.id = c.accountID WHERE c.id = ?",
                                           arguments: [contact]).map { ContactSummary(id: $0[0], name: $0[1], tier: $0[2], accountName: $0[3]) }
            items.append(CompletedItem(ref: ItemRef(.thankYou, row[0]), title: row[1], contacts: summary.map { [$0] } ?? [], completedAt: row[2]))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, title, prepDoneAt FROM meeting WHERE prepDoneAt >= ? AND cancelledAt IS NULL ORDER BY prepDoneAt
            """, arguments: [since]) {
            items.append(CompletedItem(ref: ItemRef(.prep, row[0]), title: row[1], contacts: try people("meetingAttendee", "meetingID", row[0]),
                                       completedAt: row[2]))
        }
        let sinceDay = CivilDate(daysSinceEpoch: Int((since.timeIntervalSince1970 / 86_400).rounded(.down)))
        for row in try Row.fetchAll(db, sql: "SELECT id, description, sentOn FROM gift WHERE state = 'sent' AND sentOn >= ? ORDER BY sentOn",
                                    arguments: [sinceDay]) {
            let day: CivilDate = row[2]
            items.append(CompletedItem(ref: ItemRef(.gift, row[0]), title: row[1], contacts: try people("giftRecipient", "giftID", row[0]),
                                       completedAt: Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200)))
        }
        // Appointments that happened stay in the calendar as events.
        for row in try Row.fetchAll(db, sql: """
            SELECT id, title, startsAt, place, endsAt FROM meeting WHERE startsAt >= ? AND startsAt < ? AND cancelledAt IS NULL ORDER BY startsAt
            """, arguments: [since, now]) {
            let ref = ItemRef(.meeting, row[0])
            if let place: String = row[3] { places[ref] = place }
            if let end: Date = row[4] { ends[ref] = end }
            items.append(CompletedItem(ref: ref, title: row[1], contacts: try people("meetingAttendee", "meetingID", row[0]), completedAt: row[2]))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT id, place, startsAt FROM lunch WHERE state = 'held' AND startsAt >= ? AND startsAt < ? ORDER BY startsAt
            """, arguments: [since, now]) {
            let ref = ItemRef(.lunch, row[0])
            if let place: String = row[1] { places[ref] = place }
            items.append(CompletedItem(ref: ref, title: "Lunch", contacts: try people("lunchGuest", "lunchID", row[0]), completedAt: row[2]))
        }
        return items
    }

    private func list(_ ids: [Int64]) -> String {
        ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
    }
}
