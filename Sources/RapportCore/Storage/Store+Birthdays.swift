import Foundation
import GRDB

extension RapportStore {
    /// Contacts with a birthday (not archived), with the years their card
    /// was sent or skipped. Bounded, only those whose card is due by the
    /// window's horizon (`Policy.birthdayDue`, which needs no time zone).
    static func birthdayCandidates(window: AgendaWindow, rules: SchedulerRules, contactID: Int64?, bounded: Bool, only: String = "",
                                   _ db: Database) throws -> [(id: Int64, title: String, contactIDs: [Int64], account: String?,
                                                              basis: AgendaCandidate.Basis)] {
        let policy = Policy(rules: rules, calendar: .current)
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.birthday,
                   (SELECT group_concat(year) FROM occasionSent s WHERE s.contactID = c.id AND s.occasion = 'birthday') AS years
            FROM contact c INDEXED BY contact_birthday
            WHERE c.birthday IS NOT NULL AND c.archivedAt IS NULL\(contactID.map { " AND c.id = \($0)" } ?? "")\(only)
            """)
        return rows.compactMap { row in
            guard let birthday = row[1] as Birthday? else { return nil }
            if bounded && policy.birthdayDue(birthday, today: window.today).due > window.horizon { return nil }
            let years = Set((row[2] as String?)?.split(separator: ",").compactMap { Int($0) } ?? [])
            return (row[0], "Birthday card", [row[0]], nil, .birthday(birthday, sentYears: years))
        }
    }

    /// `done` on a birthday: this year's card is sent.
    static func completeBirthday(_ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        try completeOccasion(.birthday, ref, now: now, calendar: calendar, db)
    }

    /// `cancel` on a birthday: no card this year; next year's comes as usual.
    static func skipBirthday(_ ref: ItemRef, reason: String?, now: Date, _ db: Database) throws -> ItemChange {
        try skipOccasion(.birthday, ref, now: now, db)
    }

    /// `done` on a yearly occasion's card: this year's is sent.
    static func completeOccasion(_ kind: Occasion, _ ref: ItemRef, now: Date, calendar: LocalCalendar, _ db: Database) throws -> Completion {
        let (contact, occasion) = try nextOccasion(kind, ref, now: now, calendar: calendar, db)
        try recordOccasion(kind, contactID: ref.id, year: occasion.year, now: now, db)
        return Completion(ref: ref, summary: "\(kind.rawValue) card to \(contact.name) sent (\(kind.rawValue) \(DateText.shortDay(occasion)))", next: nil)
    }

    /// `cancel` on a yearly occasion's card: none this year; next year's comes as usual.
    static func skipOccasion(_ kind: Occasion, _ ref: ItemRef, now: Date, _ db: Database) throws -> ItemChange {
        let (contact, occasion) = try nextOccasion(kind, ref, now: now, calendar: .current, db)
        try recordOccasion(kind, contactID: ref.id, year: occasion.year, now: now, db)
        return ItemChange(ref: ref, summary: "no \(kind.rawValue) card to \(contact.name) this year")
    }

    /// The contact and the occasion the agenda shows now: the next on or after today.
    private static func nextOccasion(_ kind: Occasion, _ ref: ItemRef, now: Date, calendar: LocalCalendar,
                                     _ db: Database) throws -> (Contact, CivilDate) {
        guard let contact = try Contact.fetchOne(db, key: ref.id) else { throw StoreError.notFound("no contact for \(ref)") }
        let date: Birthday?
        switch kind {
        case .birthday: date = contact.birthday
        case .anniversary: date = try anniversary(ofContact: ref.id, db)
        }
        guard let date else { throw StoreError.invalid("\(contact.name) has no \(kind.rawValue) in the book") }
        return (contact, Policy.nextOccasion(of: date, onOrAfter: calendar.day(of: now)))
    }

    /// The occasions a card is sent for, as `occasionSent` names them.
    enum Occasion: String { case birthday, anniversary }

    /// This year's card for an occasion is settled (sent, or skipped): the
    /// agenda shows none until next year's.
    static func recordOccasion(_ occasion: Occasion, contactID: Int64, year: Int, now: Date, _ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO occasionSent (contactID, occasion, year, sentAt) VALUES (?, ?, ?, ?)",
                       arguments: [contactID, occasion.rawValue, year, now])
    }
}
