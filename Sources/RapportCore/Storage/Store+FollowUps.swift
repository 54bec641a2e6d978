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
        try write { db in try RapportStore.snoozeFollowUp(id: id, to: day, time: time, calendar: calendar, db) }
    }

    static func snoozeFollowUp(id: Int64, to day: CivilDate, time: LocalTime?, calendar: LocalCalendar, _ db: Database) throws -> FollowUp {
        guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw StoreError.notFound("no follow-up f\(id)") }
        guard followUp.state == .open else { throw StoreError.invalid("follow-up f\(id) is \(followUp.state.rawValue), not open") }
        // Without a new time, a timed follow-up keeps its time of day.
        let keptTime = time ?? followUp.dueAt.map { calendar.time(of: $0) }
        followUp.dueDay = day
        followUp.dueAt = keptTime.map { calendar.instant(on: day, at: $0) }
        followUp.snoozeCount += 1
        try followUp.update(db)
        return followUp
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

    /// Marks an open follow-up done. A repeating one keeps its reference for
    /// the whole series: the occurrence done is kept as a done follow-up of
    /// its own (its `seriesID` names the series, its due date says which
    /// occurrence it was), and the series moves on to its next date, counted
    /// from this one's due day. Returns the series' next occurrence.
    static func completeFollowUp(id: Int64, now: Date, calendar: LocalCalendar, _ db: Database) throws -> FollowUp? {
        guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw StoreError.notFound("no follow-up f\(id)") }
        guard followUp.state == .open else { throw StoreError.invalid("follow-up f\(id) is already \(followUp.state.rawValue)") }
        let rule = try followUp.repeatRule()
        let nextDay = rule.map { $0.next(after: followUp.dueDay) }
        // A one-off, or a series at the end of the dates Rapport keeps: done, and no next one.
        guard let rule, let nextDay, ValidRange.contains(nextDay) else {
            _ = rule
            followUp.state = .done
            followUp.completedAt = now
            try followUp.update(db)
            return nil
        }
        var done = followUp
        done.id = nil
        done.recurrence = nil
        done.seriesID = followUp.seriesID ?? id
        done.state = .done
        done.completedAt = now
        done.createdAt = now
        try done.insert(db)
        try db.execute(sql: """
            INSERT INTO followUpContact (followUpID, contactID)
            SELECT ?, contactID FROM followUpContact WHERE followUpID = ?
            """, arguments: [done.id, id])
        _ = rule
        followUp.dueDay = nextDay
        followUp.dueAt = followUp.dueAt.map { calendar.instant(on: nextDay, at: calendar.time(of: $0)) }
        followUp.originalDueDay = followUp.dueDay
        followUp.originalDueAt = followUp.dueAt
        followUp.snoozeCount = 0
        try followUp.update(db)
        return followUp
    }

    static func requireContacts(_ ids: [Int64], _ db: Database) throws {
        for id in Set(ids) where try !Contact.exists(db, key: id) {
            throw StoreError.notFound("no contact @\(id)")
        }
    }
}
