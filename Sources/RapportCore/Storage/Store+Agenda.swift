import Foundation
import GRDB

/// The agenda's reads. Each query starts from an index over open items
/// (open follow-ups, owed notes, upcoming meetings, won deals, pending
/// lunches) or from the contacts, never from the history of touches, so its
/// cost follows what is shown, not how much was logged.
extension RapportStore: AgendaSource {
    public func agendaCandidates(in window: AgendaWindow, rules: SchedulerRules) throws -> [AgendaCandidate] {
        try read { db in
            var raw: [(id: Int64, title: String, contactIDs: [Int64], account: String?, basis: AgendaCandidate.Basis)] = []

            // Open follow-ups due by the horizon. A timed follow-up's dueDay is
            // the day it was entered for; two days' margin covers any change of zone.
            let followUps = try Row.fetchAll(db, sql: """
                SELECT f.id, f.title, f.dueDay, f.dueAt, f.snoozeCount, a.name AS account,
                       (SELECT group_concat(contactID) FROM followUpContact WHERE followUpID = f.id) AS contactIDs
                FROM followUp f LEFT JOIN account a ON a.id = f.accountID
                WHERE f.state = 'open' AND f.dueDay <= ?
                """, arguments: [window.horizon.adding(days: 2)])
            for row in followUps {
                let due: Due = (row["dueAt"] as Date?).map(Due.instant) ?? .day(row["dueDay"])
                raw.append((row["id"], row["title"], ids(row["contactIDs"]), row["account"],
                            .followUp(due: due, snoozeCount: row["snoozeCount"])))
            }

            // Thank-you notes still owed: for meetings that have happened, or by themselves.
            let notes = try Row.fetchAll(db, sql: """
                SELECT n.id, n.contactID, n.reason, n.dueDay, m.title, m.startsAt, a.name AS account
                FROM thankYouNote n INDEXED BY thankYouNote_owed
                LEFT JOIN meeting m ON m.id = n.meetingID
                LEFT JOIN account a ON a.id = m.accountID
                WHERE n.state = 'owed' AND (n.meetingID IS NULL OR (m.startsAt <= ? AND m.cancelledAt IS NULL))
                """, arguments: [window.now])
            for row in notes {
                if let start = row["startsAt"] as Date? {
                    raw.append((row["id"], row["title"], [row["contactID"]], row["account"], .thankYou(meetingStart: start)))
                } else {
                    let reason: String? = row["reason"]
                    raw.append((row["id"], reason.map { "Thank you \($0)" } ?? "Thank you", [row["contactID"]], nil,
                                .standaloneThankYou(due: row["dueDay"])))
                }
            }

            // Meetings from the start of today to a week past the horizon
            // (preparation is due the business day before, across a weekend).
            let meetings = try Row.fetchAll(db, sql: """
                SELECT m.id, m.title, m.startsAt, m.prepDoneAt, a.name AS account,
                       (SELECT group_concat(contactID) FROM meetingAttendee WHERE meetingID = m.id) AS contactIDs
                FROM meeting m LEFT JOIN account a ON a.id = m.accountID
                WHERE m.startsAt >= ? AND m.startsAt < ? AND m.cancelledAt IS NULL
                """, arguments: [window.startOfToday, window.endOfHorizon.addingTimeInterval(8 * 86_400)])
            for row in meetings {
                raw.append((row["id"], row["title"], ids(row["contactIDs"]), row["account"],
                            .meeting(start: row["startsAt"], prepDone: (row["prepDoneAt"] as Date?) != nil)))
            }

            // Contacts whose last touch (or creation) plus cadence falls by the horizon.
            let contacts = try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, c.latestTouchAt, c.createdAt, c.stayInTouchDays
                FROM contact c
                WHERE julianday(coalesce(c.latestTouchAt, c.createdAt))
                      + coalesce(c.stayInTouchDays, CASE c.tier WHEN 'A' THEN :a WHEN 'B' THEN :b WHEN 'C' THEN :c END)
                      <= julianday(:end) + 2
                """, arguments: ["a": rules.tierCadenceDays[.a], "b": rules.tierCadenceDays[.b],
                                 "c": rules.tierCadenceDays[.c], "end": window.endOfHorizon])
            for row in contacts {
                raw.append((row["id"], "Keep in touch", [row["id"]], nil,
                            .stayInTouch(lastTouch: row["latestTouchAt"], addedAt: row["createdAt"],
                                         cadenceDays: row["stayInTouchDays"])))
            }

            // Favourites with a lunch cadence and no lunch offered or accepted.
            let favourites = try Row.fetchAll(db, sql: """
                SELECT c.id, c.createdAt, c.lunchCadenceDays,
                       (SELECT max(l.startsAt) FROM lunchGuest g JOIN lunch l ON l.id = g.lunchID
                        WHERE g.contactID = c.id AND l.state = 'held') AS lastLunch
                FROM contact c INDEXED BY contact_lunchCadence
                WHERE c.isFavourite AND c.lunchCadenceDays IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM lunchGuest g JOIN lunch l ON l.id = g.lunchID
                                  WHERE g.contactID = c.id AND l.state IN ('offered', 'accepted'))
                """)
            for row in favourites {
                raw.append((row["id"], "Lunch", [row["id"]], nil,
                            .lunchDue(lastLunch: row["lastLunch"], addedAt: row["createdAt"],
                                      cadenceDays: row["lunchCadenceDays"])))
            }

            // Lunches offered or accepted for a time before the horizon's end.
            let lunches = try Row.fetchAll(db, sql: """
                SELECT l.id, l.startsAt, l.place, a.name AS account,
                       (SELECT group_concat(contactID) FROM lunchGuest WHERE lunchID = l.id) AS contactIDs
                FROM lunch l INDEXED BY lunch_pending LEFT JOIN account a ON a.id = l.accountID
                WHERE l.state IN ('offered', 'accepted') AND l.startsAt < ?
                """, arguments: [window.endOfHorizon])
            for row in lunches {
                let place: String? = row["place"]
                raw.append((row["id"], place.map { "Lunch at \($0)" } ?? "Lunch", ids(row["contactIDs"]), row["account"],
                            .lunch(start: row["startsAt"])))
            }

            // Gifts not yet sent that have a day to be sent by.
            let gifts = try Row.fetchAll(db, sql: """
                SELECT g.id, g.description, g.sendBy, a.name AS account,
                       (SELECT group_concat(contactID) FROM giftRecipient WHERE giftID = g.id) AS contactIDs
                FROM gift g INDEXED BY gift_pending LEFT JOIN account a ON a.id = g.accountID
                WHERE g.state != 'sent' AND g.sendBy IS NOT NULL AND g.sendBy <= ?
                """, arguments: [window.horizon])
            for row in gifts {
                raw.append((row["id"], row["description"], ids(row["contactIDs"]), row["account"], .gift(sendBy: row["sendBy"])))
            }

            // Deals won with a large buyer team and no gift yet.
            let deals = try Row.fetchAll(db, sql: """
                SELECT d.id, d.title, d.closedOn, d.buyerTeamSize, a.name AS account,
                       (SELECT group_concat(id) FROM contact WHERE accountID = d.accountID) AS contactIDs
                FROM deal d INDEXED BY deal_won JOIN account a ON a.id = d.accountID
                WHERE d.stage = 'won' AND d.closedOn <= ? AND d.buyerTeamSize >= ?
                  AND NOT EXISTS (SELECT 1 FROM gift WHERE gift.dealID = d.id)
                """, arguments: [window.horizon.adding(days: -rules.giftDelayDays), rules.giftTeamSizeThreshold])
            for row in deals {
                raw.append((row["id"], row["title"], ids(row["contactIDs"]), row["account"],
                            .giftSuggestion(closedOn: row["closedOn"], teamSize: row["buyerTeamSize"])))
            }

            // Items put off or dismissed by the user (a small table, read whole).
            var snoozes: [String: CivilDate?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT ref, untilDay FROM itemSnooze") {
                snoozes[row["ref"]] = row["untilDay"] as CivilDate?
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
    }

    /// The scheduler's rules as stored in the database, defaults otherwise.
    public func rules() throws -> SchedulerRules {
        try read { db in try RuleSettings.load(db) }
    }

    /// Changes one rule (`thank-you-days`, `weekend`, `cadence-a`, …) after validating it.
    public func setRule(_ key: String, to value: String) throws {
        try write { db in try RuleSettings.set(key, value, db) }
    }
}

private func ids(_ list: String?) -> [Int64] {
    list?.split(separator: ",").compactMap { Int64($0) } ?? []
}
