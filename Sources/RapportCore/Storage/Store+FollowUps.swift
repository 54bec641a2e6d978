import Foundation
import GRDB

extension RapportStore {
    /// Adds a follow-up promised to `people`, due on `day` (at `time`
    /// when given, in `calendar`'s zone).
    @discardableResult
    public func addFollowUp(title: String, people: People, day: CivilDate, time: LocalTime? = nil,
                            recurrence: Recurrence? = nil, accountID: Int64? = nil, notes: String? = nil,
                            now: Date, calendar: LocalCalendar) throws -> (followUp: FollowUp, created: [Contact]) {
        let followUp = FollowUp(title: title, dueDay: day, dueAt: time.map { calendar.instant(on: day, at: $0) },
                                recurrence: recurrence, accountID: accountID, notes: notes, createdAt: now)
        return try write { db in
            let (contactIDs, created) = try RapportStore.materialize(people, accountID: accountID, now: now, db)
            return (try RapportStore.insertFollowUp(followUp, contactIDs: contactIDs, db), created)
        }
    }

    /// The one way a follow-up is stored: the follow-up and its people.
    static func insertFollowUp(_ followUp: FollowUp, contactIDs: [Int64], _ db: Database) throws -> FollowUp {
        var followUp = followUp
        followUp.title = followUp.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !followUp.title.isEmpty else { throw StoreError.invalid("a follow-up needs a title (what was promised)") }
        try requireContacts(contactIDs, db)
        try followUp.insert(db)
        for contactID in uniqued(contactIDs) {
            try FollowUpContact(followUpID: followUp.id!, contactID: contactID).insert(db)
        }
        return followUp
    }

    public func followUp(id: Int64) throws -> FollowUp? {
        try read { db in try FollowUp.fetchOne(db, key: id) }
    }

    public func contactIDs(ofFollowUp id: Int64) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT contactID FROM followUpContact WHERE followUpID = ? ORDER BY contactID", arguments: [id])
        }
    }

    /// Moves an open follow-up to a new day (and time); the first due date
    /// stays in `originalDueDay` for the record.
    @discardableResult
    public func snoozeFollowUp(id: Int64, to day: CivilDate, time: LocalTime?, calendar: LocalCalendar) throws -> FollowUp {
        try write { db in
            guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw StoreError.notFound("no follow-up f\(id)") }
            guard followUp.state == .open else { throw StoreError.invalid("follow-up f\(id) is \(followUp.state.rawValue), not open") }
            followUp.dueDay = day
            followUp.dueAt = time.map { calendar.instant(on: day, at: $0) }
            followUp.snoozeCount += 1
            try followUp.update(db)
            return followUp
        }
    }

    /// Cancels an open follow-up; a repeating one stops repeating.
    public func cancelFollowUp(id: Int64, now: Date) throws {
        try write { db in
            guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw StoreError.notFound("no follow-up f\(id)") }
            guard followUp.state == .open else { throw StoreError.invalid("follow-up f\(id) is \(followUp.state.rawValue), not open") }
            followUp.state = .cancelled
            followUp.completedAt = now
            try followUp.update(db)
        }
    }

    /// Marks an open follow-up done; a repeating one gets its next
    /// occurrence, counted from this one's due day. Returns the next one.
    static func completeFollowUp(id: Int64, now: Date, calendar: LocalCalendar, _ db: Database) throws -> FollowUp? {
        guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw StoreError.notFound("no follow-up f\(id)") }
        guard followUp.state == .open else { throw StoreError.invalid("follow-up f\(id) is already \(followUp.state.rawValue)") }
        followUp.state = .done
        followUp.completedAt = now
        try followUp.update(db)
        guard let rule = try followUp.repeatRule() else { return nil }
        let nextDay = rule.next(after: followUp.dueDay)
        let nextAt = followUp.dueAt.map { calendar.instant(on: nextDay, at: calendar.time(of: $0)) }
        var next = FollowUp(title: followUp.title, dueDay: nextDay, dueAt: nextAt, recurrence: rule,
                            seriesID: followUp.seriesID ?? followUp.id, accountID: followUp.accountID,
                            notes: followUp.notes, createdAt: now)
        try next.insert(db)
        try db.execute(sql: """
            INSERT INTO followUpContact (followUpID, contactID)
            SELECT ?, contactID FROM followUpContact WHERE followUpID = ?
            """, arguments: [next.id, followUp.id])
        return next
    }

    static func requireContacts(_ ids: [Int64], _ db: Database) throws {
        for id in Set(ids) where try !Contact.exists(db, key: id) {
            throw StoreError.notFound("no contact @\(id)")
        }
    }
}
