import Foundation
import GRDB

extension RapportStore {
    /// Contacts (not archived) with an anniversary detail that reads as a
    /// date, with the years its card was sent or skipped. Bounded, only
    /// those whose card is due by the window's horizon (`Policy.anniversaryDue`).
    /// A detail that is not a date (an import's free text) puts nothing on the agenda.
    static func anniversaryCandidates(window: AgendaWindow, rules: SchedulerRules, contactID: Int64?, bounded: Bool, only: String = "",
                                      _ db: Database) throws -> [(id: Int64, title: String, contactIDs: [Int64], account: String?,
                                                                 basis: AgendaCandidate.Basis)] {
        let policy = Policy(rules: rules, calendar: .current)
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.contactID, d.value,
                   (SELECT group_concat(year) FROM occasionSent s WHERE s.contactID = d.contactID AND s.occasion = 'anniversary') AS years
            FROM contactDetail d JOIN contact c ON c.id = d.contactID
            WHERE d.kind = 'anniversary' AND c.archivedAt IS NULL\(contactID.map { " AND c.id = \($0)" } ?? "")\(only)
            ORDER BY d.id
            """)
        var seen: Set<Int64> = []
        return rows.compactMap { row in
            let id: Int64 = row[0]
            guard let anniversary = Birthday(text: (row[1] as String?) ?? ""), seen.insert(id).inserted else { return nil }
            if bounded && policy.anniversaryDue(anniversary, today: window.today).due > window.horizon { return nil }
            let years = Set((row[2] as String?)?.split(separator: ",").compactMap { Int($0) } ?? [])
            return (id, "Anniversary card", [id], nil, .anniversary(anniversary, sentYears: years))
        }
    }

    /// `done` on an anniversary: this year's card is sent.
    static func completeAnniversary(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        try completeOccasion(.anniversary, ref, now: now, calendar: calendar, db)
    }

    /// `cancel` on an anniversary: no card this year; next year's comes as usual.
    static func skipAnniversary(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        try skipOccasion(.anniversary, ref, now: now, db)
    }

    /// A contact's anniversary, when their `anniversary` detail reads as a date.
    public func anniversary(ofContact id: Int64) throws -> Birthday? {
        try read { db in try RapportStore.anniversary(ofContact: id, db) }
    }

    /// A contact's anniversary, when their `anniversary` detail reads as a date.
    static func anniversary(ofContact id: Int64, _ db: Database) throws -> Birthday? {
        try String.fetchOne(db, sql: "SELECT value FROM contactDetail WHERE contactID = ? AND kind = 'anniversary' ORDER BY id LIMIT 1",
                            arguments: [id]).flatMap(Birthday.init(text:))
    }

    /// Sets (or with nil removes) a contact's anniversary: their one `anniversary` detail.
    static func setAnniversary(_ anniversary: Birthday?, ofContact id: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM contactDetail WHERE contactID = ? AND kind = 'anniversary'", arguments: [id])
        guard let anniversary else { return }
        var detail = ContactDetail(contactID: id, kind: .anniversary, value: anniversary.description)
        try detail.insert(db)
    }
}
