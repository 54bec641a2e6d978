import Foundation
import GRDB

/// The agenda's reads. Each query starts from an index over open items
/// (open follow-ups, owed notes, upcoming meetings, won deals, pending
/// lunches) or from the contacts, never from the history of touches, so its
/// cost follows what is shown, not how much was logged.
extension RapportStore: AgendaSource {
    /// The candidates involving one contact only (for a contact's card), or every one.
    public func agendaCandidates(in window: AgendaWindow, rules: SchedulerRules, contactID: Int64?) throws -> [AgendaCandidate] {
        try agendaCandidates(in: window, rules: rules, contactID: contactID, bounded: true)
    }

    /// With `bounded` false, every open item is read, whatever the window:
    /// the test that shows the bounds never drop an item the scheduler
    /// would show compares both.
    func agendaCandidates(in window: AgendaWindow, rules: SchedulerRules, contactID: Int64?, bounded: Bool) throws -> [AgendaCandidate] {
        try read { db in
            try self.agendaCandidates(CandidateScope(window: window, bounded: bounded, contactID: contactID), rules: rules, db)
        }
    }

    /// Which candidates a read wants.
    struct CandidateScope {
        /// The window read for; meetings before its first day are never read.
        var window: AgendaWindow
        /// Whether only what the window can show is read (with the policy's
        /// margin), or everything still open.
        var bounded: Bool
        /// Only the candidates involving this contact.
        var contactID: Int64? = nil
        /// Only these rows, by the table each candidate is read from (the
        /// item kinds' tables); nil: every one.
        var sources: [String: Set<Int64>]? = nil
        /// Thank-you notes for meetings still to come are read too (the
        /// agenda index keeps them, to be shown once the meeting starts).
        var notesBeforeTheirMeeting = false

        /// Whether `table`'s candidates are wanted at all.
        func reads(_ table: String) -> Bool { sources.map { $0[table] != nil } ?? true }
        /// The condition keeping only the wanted rows of `table`, by `column`.
        func only(_ table: String, _ column: String) -> String {
            guard let ids = sources?[table] else { return "" }
            return " AND \(column) IN (" + ids.map(String.init).joined(separator: ",") + ")"
        }
    }

    /// The candidates `scope` asks for, in one read transaction.
    func agendaCandidates(_ scope: CandidateScope, rules: SchedulerRules, _ db: Database) throws -> [AgendaCandidate] {
        let window = scope.window, bounded = scope.bounded, contactID = scope.contactID
        // An id is an integer: safe to write into the SQL.
        func only(_ condition: String) -> String { contactID.map { " AND " + condition.replacingOccurrences(of: "?", with: "\($0)") } ?? "" }
        // A bound narrows what is read to what the window can show, with the policy's margin.
        func bound(_ condition: String) -> String { bounded ? " AND " + condition : "" }
        let margin = Policy.candidateMarginDays
        var raw: [(id: Int64, title: String, contactIDs: [Int64], account: String?, basis: AgendaCandidate.Basis)] = []

        // Open follow-ups due by the horizon. A timed follow-up's dueDay is
        // the day it was entered for; two days' margin covers any change of zone.
        if scope.reads("followUp") {
            let followUps = try Row.fetchCursor(db, sql: """
                SELECT f.id, f.title, f.dueDay, f.dueAt, f.snoozeCount, a.name AS account,
                       (SELECT group_concat(contactID) FROM followUpContact WHERE followUpID = f.id) AS contactIDs
                FROM followUp f LEFT JOIN account a ON a.id = f.accountID
                WHERE f.state = \(FollowUpState.open.sql)\(bound("f.dueDay <= :horizon"))\(only("f.id IN (SELECT followUpID FROM followUpContact WHERE contactID = ?)"))\(scope.only("followUp", "f.id"))
                """, arguments: ["horizon": window.horizon.adding(days: margin)])
            try followUps.forEachReadable { row in
                let due: Due = try (row.decode(atIndex: 3) as Date?).map(Due.instant) ?? .day(row.decode(atIndex: 2))
                raw.append(((try row.decode(atIndex: 0)), (try row.decode(atIndex: 1)), ids((try row.decode(atIndex: 6))), (try row.decode(atIndex: 5)), .followUp(due: due, snoozeCount: (try row.decode(atIndex: 4)))))
            }
        }

        // Thank-you notes still owed: for meetings that have happened (or
        // all of them, for the index), or by themselves.
        if scope.reads("thankYouNote") {
            let held = scope.notesBeforeTheirMeeting ? "" : " AND m.startsAt <= :now"
            let notes = try Row.fetchCursor(db, sql: """
                SELECT n.id, n.contactID, n.reason, n.dueDay, m.title, m.startsAt, a.name AS account
                FROM thankYouNote n INDEXED BY thankYouNote_owed
                LEFT JOIN meeting m ON m.id = n.meetingID
                LEFT JOIN account a ON a.id = m.accountID
                WHERE n.state = \(ThankYouState.owed.sql) AND (n.meetingID IS NULL OR (m.cancelledAt IS NULL\(held)))\(only("n.contactID = ?"))\(scope.only("thankYouNote", "n.id"))
                """, arguments: ["now": window.now])
            try notes.forEachReadable { row in
                if let start = (try row.decode(atIndex: 5)) as Date? {
                    raw.append(((try row.decode(atIndex: 0)), (try row.decode(atIndex: 4)), [(try row.decode(atIndex: 1))], (try row.decode(atIndex: 6)), .thankYou(meetingStart: start)))
                } else {
                    let reason: String? = (try row.decode(atIndex: 2))
                    raw.append(((try row.decode(atIndex: 0)), reason.map { "Thank you \($0)" } ?? "Thank you", [(try row.decode(atIndex: 1))], nil,
                                .standaloneThankYou(due: (try row.decode(atIndex: 3)))))
                }
            }
        }

        // Meetings from the start of today to a week past the horizon
        // (preparation is due the business day before, across a weekend).
        if scope.reads("meeting") {
            let meetings = try Row.fetchCursor(db, sql: """
                SELECT m.id, m.title, m.startsAt, m.prepDoneAt, a.name AS account, m.createdAt,
                       (SELECT group_concat(contactID) FROM meetingAttendee WHERE meetingID = m.id) AS contactIDs
                FROM meeting m LEFT JOIN account a ON a.id = m.accountID
                WHERE m.startsAt >= :start\(bound("m.startsAt < :end")) AND m.cancelledAt IS NULL\(only("m.id IN (SELECT meetingID FROM meetingAttendee WHERE contactID = ?)"))\(scope.only("meeting", "m.id"))
                """, arguments: ["start": window.startOfToday, "end": window.endOfHorizon.addingTimeInterval(8 * 86_400)])
            try meetings.forEachReadable { row in
                raw.append(((try row.decode(atIndex: 0)), (try row.decode(atIndex: 1)), ids((try row.decode(atIndex: 6))), (try row.decode(atIndex: 4)), .meeting(start: (try row.decode(atIndex: 2)), bookedAt: (try row.decode(atIndex: 5)), prepDone: !row.hasNull(atIndex: 3))))
            }
        }

        if scope.reads("contact") {
            // Contacts whose last touch (or creation) plus cadence falls by the horizon.
            let contacts = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.name, c.latestTouchAt, c.createdAt, c.stayInTouchDays
                FROM contact c
                WHERE c.archivedAt IS NULL AND coalesce(c.stayInTouchDays, CASE c.tier WHEN 'A' THEN :a WHEN 'B' THEN :b WHEN 'C' THEN :c END) IS NOT NULL
                \(bound("""
                    julianday(coalesce(c.latestTouchAt, c.createdAt))
                      + coalesce(c.stayInTouchDays, CASE c.tier WHEN 'A' THEN :a WHEN 'B' THEN :b WHEN 'C' THEN :c END)
                      <= julianday(:end) + :margin
                    """))\(only("c.id = ?"))\(scope.only("contact", "c.id"))
                """, arguments: ["a": rules.tierCadenceDays[.a], "b": rules.tierCadenceDays[.b],
                                 "c": rules.tierCadenceDays[.c], "end": window.endOfHorizon, "margin": margin])
            try contacts.forEachReadable { row in
                raw.append(((try row.decode(atIndex: 0)), "Keep in touch", [(try row.decode(atIndex: 0))], nil,
                            .stayInTouch(lastTouch: (try row.decode(atIndex: 2)), addedAt: (try row.decode(atIndex: 3)), cadenceDays: (try row.decode(atIndex: 4)))))
            }

            // Favourites with a lunch cadence and no lunch offered or accepted.
            // The last lunch held is the latest lunch touch (a held lunch touches
            // each guest at its time), read from its own index.
            let favourites = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.createdAt, c.lunchCadenceDays,
                       (SELECT max(t.at) FROM touch t INDEXED BY touch_lunch WHERE t.contactID = c.id AND t.kind = \(TouchKind.lunch.sql)) AS lastLunch
                FROM contact c INDEXED BY contact_lunchCadence
                WHERE c.isFavourite AND c.lunchCadenceDays IS NOT NULL AND c.archivedAt IS NULL\(only("c.id = ?"))\(scope.only("contact", "c.id"))
                  AND NOT EXISTS (SELECT 1 FROM lunch l INDEXED BY lunch_pending JOIN lunchGuest g ON g.lunchID = l.id AND g.contactID = c.id
                                  WHERE l.state IN (\(LunchState.offered.sql), \(LunchState.accepted.sql)))
                """)
            try favourites.forEachReadable { row in
                raw.append(((try row.decode(atIndex: 0)), "Lunch", [(try row.decode(atIndex: 0))], nil, .lunchDue(lastLunch: (try row.decode(atIndex: 3)), addedAt: (try row.decode(atIndex: 1)), cadenceDays: (try row.decode(atIndex: 2)))))
            }

            raw += try RapportStore.birthdayCandidates(window: window, rules: rules, contactID: contactID, bounded: bounded,
                                                       only: scope.only("contact", "c.id"), db)
            raw += try RapportStore.anniversaryCandidates(window: window, rules: rules, contactID: contactID, bounded: bounded,
                                                          only: scope.only("contact", "c.id"), db)
        }

        // Lunches offered or accepted for a time before the horizon's end.
        if scope.reads("lunch") {
            let lunches = try Row.fetchCursor(db, sql: """
                SELECT l.id, l.startsAt, l.place, a.name AS account,
                       (SELECT group_concat(contactID) FROM lunchGuest WHERE lunchID = l.id) AS contactIDs
                FROM lunch l INDEXED BY lunch_pending LEFT JOIN account a ON a.id = l.accountID
                WHERE l.state IN (\(LunchState.offered.sql), \(LunchState.accepted.sql)) AND l.startsAt IS NOT NULL\(bound("l.startsAt < :end"))\(only("l.id IN (SELECT lunchID FROM lunchGuest WHERE contactID = ?)"))\(scope.only("lunch", "l.id"))
                """, arguments: ["end": window.endOfHorizon])
            try lunches.forEachReadable { row in
                let place: String? = (try row.decode(atIndex: 2))
                raw.append(((try row.decode(atIndex: 0)), place.map { "Lunch at \($0)" } ?? "Lunch", ids((try row.decode(atIndex: 4))), (try row.decode(atIndex: 3)), .lunch(start: (try row.decode(atIndex: 1)))))
            }
        }

        // Gifts not yet sent that have a day to be sent by.
        if scope.reads("gift") {
            let gifts = try Row.fetchCursor(db, sql: """
                SELECT g.id, g.description, g.sendBy, a.name AS account,
                       (SELECT group_concat(contactID) FROM giftRecipient WHERE giftID = g.id) AS contactIDs
                FROM gift g INDEXED BY gift_pending LEFT JOIN account a ON a.id = g.accountID
                WHERE g.state != \(GiftState.sent.sql) AND g.sendBy IS NOT NULL\(bound("g.sendBy <= :horizon"))\(only("g.id IN (SELECT giftID FROM giftRecipient WHERE contactID = ?)"))\(scope.only("gift", "g.id"))
                """, arguments: ["horizon": window.horizon])
            try gifts.forEachReadable { row in
                raw.append(((try row.decode(atIndex: 0)), (try row.decode(atIndex: 1)), ids((try row.decode(atIndex: 4))), (try row.decode(atIndex: 3)), .gift(sendBy: (try row.decode(atIndex: 2)))))
            }
        }

        // Deals won with a large buyer team and no gift yet.
        if scope.reads("deal") {
            let deals = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.title, d.closedOn, d.buyerTeamSize, a.name AS account,
                       (SELECT group_concat(id) FROM contact WHERE accountID = d.accountID) AS contactIDs
                FROM deal d INDEXED BY deal_won JOIN account a ON a.id = d.accountID
                WHERE d.stage = \(DealStage.won.sql) AND d.closedOn IS NOT NULL AND d.buyerTeamSize IS NOT NULL\(bound("d.closedOn <= :closedBy AND d.buyerTeamSize >= :team"))
                  AND NOT EXISTS (SELECT 1 FROM gift WHERE gift.dealID = d.id)\(only("d.accountID = (SELECT accountID FROM contact WHERE id = ?)"))\(scope.only("deal", "d.id"))
                """, arguments: ["closedBy": window.horizon.adding(days: -rules.giftDelayDays), "team": rules.giftTeamSizeThreshold])
            try deals.forEachReadable { row in
                raw.append(((try row.decode(atIndex: 0)), (try row.decode(atIndex: 1)), ids((try row.decode(atIndex: 5))), (try row.decode(atIndex: 4)), .giftSuggestion(closedOn: (try row.decode(atIndex: 2)), teamSize: (try row.decode(atIndex: 3)))))
            }
        }

        // Items put off or dismissed by the user (a small table, read whole).
        var snoozes: [String: CivilDate?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT ref, untilDay FROM itemSnooze") {
            snoozes[(try row.decode(forColumn: "ref"))] = (try row.decode(forColumn: "untilDay")) as CivilDate?
        }

        let summaries = try contactSummaries(Set(raw.flatMap(\.contactIDs)), db)
        return raw.compactMap { entry in
            let people = entry.contactIDs.compactMap { summaries[$0] }.sorted { $0.name < $1.name }
            let account = entry.account ?? (people.count == 1 ? people[0].accountName : nil)
            var candidate = AgendaCandidate(id: entry.id, title: entry.title, contacts: people, account: account, basis: entry.basis)
            if !snoozes.isEmpty {
                for ref in candidate.refs {
                    guard let snooze = snoozes[ref.description] else { continue }
                    guard let until = snooze else { return nil } // dismissed
                    candidate.snoozedUntil = until
                }
            }
            return candidate
        }
    }

    /// The scheduler's rules as stored in the database, defaults otherwise.
    public func rules() throws -> SchedulerRules {
        try read { db in try RuleSettings.load(db) }
    }

    /// Every setting and its value, in the order `config` lists them.
    public func settings() throws -> [(key: String, value: String, help: String)] {
        try read { db in
            let rules = try RuleSettings.load(db)
            let statement = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [RuleSettings.onlyStatementKey])
            return zip(RuleSettings.values(rules, onlyStatement: statement), RuleSettings.keys).map { ($0.key, $0.value, $1.help) }
        }
    }

    /// The settings' keys and what each means, for help and completions.
    public static var settingKeys: [(key: String, help: String)] { RuleSettings.keys }

    /// Changes one rule (`thank-you-days`, `weekend`, `cadence-a`, …) after validating it.
    public func setRule(_ key: String, to value: String) throws {
        try write { db in try RuleSettings.set(key, value, db) }
    }
}

private func ids(_ list: String?) -> [Int64] {
    list?.split(separator: ",").compactMap { Int64($0) } ?? []
}
