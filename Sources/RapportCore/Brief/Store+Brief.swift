import Foundation
import GRDB

extension RapportStore {
    /// The subject a user named: `m3` or `p3` (a meeting or its
    /// preparation), `l2` (a lunch), `@1` (a contact), an account's name,
    /// or a contact's name, email or nickname.
    public func resolveBriefSubject(_ text: String) throws -> BriefSubject {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.invalid("name a meeting (m3), a lunch (l2), a contact or an account") }
        if let ref = try? ItemRef(parsing: trimmed) {
            switch ref.kind {
            case .meeting, .prep:
                guard try meeting(id: ref.id) != nil else { throw StoreError.notFound("no meeting m\(ref.id)") }
                return .meeting(ref.id)
            case .lunch:
                guard try read({ db in try Lunch.exists(db, key: ref.id) }) else { throw StoreError.notFound("no lunch l\(ref.id)") }
                return .lunch(ref.id)
            default:
                throw StoreError.invalid("'\(trimmed)' is a \(ref.kind.label) item; a brief is for a meeting (m3, p3), a lunch (l2), a contact or an account")
            }
        }
        if trimmed.hasPrefix("#") { return .account(try resolveAccount(String(trimmed.dropFirst())).id!) }
        // An account's whole name first ("Acme"), then a person, then words of an account's name.
        let account = trimmed.hasPrefix("@") ? nil : try findAccount(trimmed)
        if let account, NameResolver.key(account.name) == NameResolver.key(trimmed) { return .account(account.id!) }
        switch try resolveContact(trimmed) {
        case .found(let contact): return .contact(contact.id!)
        case .ambiguous(let candidates): throw PeopleError.ambiguous(name: trimmed, candidates: candidates)
        case .notFound:
            if let account { return .account(account.id!) }
            throw PeopleError.unknown(name: trimmed, suggestion: try suggestion(for: trimmed))
        }
    }

    /// The brief for `subject` as of `now`, read in one transaction.
    public func brief(for subject: BriefSubject, now: Date, calendar: LocalCalendar) throws -> Brief {
        try read { db in try BriefReader(db: db, now: now, calendar: calendar).brief(for: subject) }
    }
}

/// Reads what a brief holds; every query is bounded by the people and accounts concerned.
private struct BriefReader {
    let db: Database
    let now: Date
    let calendar: LocalCalendar
    let today: CivilDate
    let rules: SchedulerRules

    /// Of an account's team, how many a brief lists.
    static let teamLimit = 12

    init(db: Database, now: Date, calendar: LocalCalendar) throws {
        self.db = db
        self.now = now
        self.calendar = calendar
        today = calendar.day(of: now)
        rules = try RuleSettings.load(db)
    }

    func brief(for subject: BriefSubject) throws -> Brief {
        var brief = Brief(kind: "", ref: "", title: "", cancelled: false, people: [], morePeople: 0,
                          open: BriefOpen(followUps: [], thankYouNotes: [], gifts: []), accounts: [],
                          bookOnlyStatement: try RapportStore.onlyStatement(db))
        var peopleIDs: [Int64] = []
        var accountIDs: [Int64] = []
        switch subject {
        case .meeting(let id):
            guard let meeting = try Meeting.fetchOne(db, key: id) else { throw StoreError.notFound("no meeting m\(id)") }
            brief.kind = "meeting"
            brief.ref = ItemRef(.meeting, id).description
            brief.title = meeting.title
            brief.startsAt = meeting.startsAt
            brief.endsAt = meeting.endsAt
            brief.place = meeting.place
            brief.cancelled = meeting.cancelledAt != nil
            brief.prep = BriefPrep(ref: ItemRef(.prep, id).description, notes: meeting.prepNotes, doneAt: meeting.prepDoneAt)
            peopleIDs = try Int64.fetchAll(db, sql: "SELECT contactID FROM meetingAttendee WHERE meetingID = ? ORDER BY rowid", arguments: [id])
            accountIDs = meeting.accountID.map { [$0] } ?? []
        case .lunch(let id):
            guard let lunch = try Lunch.fetchOne(db, key: id) else { throw StoreError.notFound("no lunch l\(id)") }
            brief.kind = "lunch"
            brief.ref = ItemRef(.lunch, id).description
            brief.title = "Lunch" + (lunch.place.map { " at \($0)" } ?? "")
            brief.startsAt = lunch.startsAt
            brief.place = lunch.place
            brief.cancelled = lunch.state == .cancelled || lunch.state == .declined
            brief.prep = BriefPrep(ref: nil, notes: lunch.notes, doneAt: nil)
            peopleIDs = try Int64.fetchAll(db, sql: "SELECT contactID FROM lunchGuest WHERE lunchID = ? ORDER BY rowid", arguments: [id])
            accountIDs = lunch.accountID.map { [$0] } ?? []
        case .contact(let id):
            guard let contact = try Contact.fetchOne(db, key: id) else { throw StoreError.notFound("no contact @\(id)") }
            brief.kind = "contact"
            brief.ref = "@\(id)"
            brief.title = contact.name
            peopleIDs = [id]
            brief.next = try nextAppointment(with: [id])
        case .account(let id):
            guard let account = try Account.fetchOne(db, key: id) else { throw StoreError.notFound("no account #\(id)") }
            brief.kind = "account"
            brief.ref = account.name
            brief.title = account.name
            // The team by tier, then by the latest touch: those who matter most first.
            let team = try Int64.fetchAll(db, sql: """
                SELECT id FROM contact WHERE accountID = ?
                ORDER BY coalesce(tier, 'Z'), latestTouchAt IS NULL, latestTouchAt DESC, searchName
                """, arguments: [id])
            peopleIDs = Array(team.prefix(BriefReader.teamLimit))
            brief.morePeople = team.count - peopleIDs.count
            accountIDs = [id]
            brief.next = try nextAppointment(with: team, accountID: id)
        }
        let contacts = try Contact.fetchAll(db, keys: peopleIDs)
        let byID = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id!, $0) })
        let ordered = peopleIDs.compactMap { byID[$0] }
        for contact in ordered where contact.accountID != nil && !accountIDs.contains(contact.accountID!) {
            accountIDs.append(contact.accountID!)
        }
        let accountNames = try accountNames(accountIDs)
        brief.people = try ordered.map { try person($0, account: $0.accountID.flatMap { accountNames[$0] }, forLunch: brief.kind == "lunch") }
        brief.open = try openItems(people: ordered.map { $0.id! }, accounts: accountIDs)
        brief.accounts = try accountIDs.compactMap { try account($0) }
        return brief
    }

    private func accountNames(_ ids: [Int64]) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try Account.fetchAll(db, keys: ids).map { ($0.id!, $0.name) })
    }

    /// "[1,2,3]": a list of ids as one argument, for `json_each`.
    private func list(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    // MARK: People

    private func person(_ contact: Contact, account: String?, forLunch: Bool) throws -> BriefPerson {
        let id = contact.id!
        let firstTouch = try Date.fetchOne(db, sql: "SELECT min(at) FROM touch WHERE contactID = ?", arguments: [id])
        let touches = try RapportStore.touchHistory(ofContact: id, before: now, limit: 3, db).map { touch in
            BriefTouch(at: touch.at, kind: touch.kind, title: touch.title, outcome: touch.outcome?.trimmedOrNil)
        }
        var facts = [BriefFact(label: "needs", value: contact.needs?.trimmedOrNil),
                     BriefFact(label: "wants", value: contact.wants?.trimmedOrNil),
                     BriefFact(label: "cares about", value: contact.caresAbout?.trimmedOrNil),
                     BriefFact(label: "family", value: contact.family?.trimmedOrNil),
                     BriefFact(label: "interests", value: contact.interests?.trimmedOrNil)]
        // Dietary needs matter at a lunch: asked for there, shown elsewhere when known.
        if forLunch || contact.dietaryNeeds?.trimmedOrNil != nil {
            facts.append(BriefFact(label: "dietary", value: contact.dietaryNeeds?.trimmedOrNil))
        }
        return BriefPerson(id: id, name: contact.name, role: contact.title?.trimmedOrNil, tier: contact.tier, account: account,
                           favourite: contact.isFavourite, preferredChannel: contact.preferredChannel?.rawValue,
                           knownSince: min(contact.createdAt, firstTouch ?? contact.createdAt), lastTouches: touches,
                           facts: facts, birthday: contact.birthday.flatMap(upcoming), notes: contact.notes?.trimmedOrNil,
                           anniversary: try RapportStore.anniversary(ofContact: id, db).flatMap(upcoming))
    }

    /// The birthday (or anniversary) when its next occasion (`Policy.nextOccasion`)
    /// falls within the next 30 days, today included.
    private func upcoming(_ birthday: Birthday) -> BriefBirthday? {
        let day = Policy.nextOccasion(of: birthday, onOrAfter: today)
        let days = today.days(until: day)
        guard days <= 30 else { return nil }
        return BriefBirthday(day: day, inDays: days, turns: birthday.year.map { day.year - $0 })
    }

    /// The next meeting or lunch booked with any of the people (or at the account).
    private func nextAppointment(with people: [Int64], accountID: Int64? = nil) throws -> BriefAppointment? {
        let meeting = try Row.fetchOne(db, sql: """
            SELECT id, title, startsAt, place FROM meeting
            WHERE cancelledAt IS NULL AND startsAt > :now
              AND (id IN (SELECT meetingID FROM meetingAttendee WHERE contactID IN (SELECT value FROM json_each(:people)))
                   OR accountID = :account)
            ORDER BY startsAt LIMIT 1
            """, arguments: ["now": now, "people": list(people), "account": accountID])
            .map { BriefAppointment(ref: ItemRef(.meeting, (try $0.decode(forColumn: "id"))).description, title: (try $0.decode(forColumn: "title")), startsAt: (try $0.decode(forColumn: "startsAt")), place: (try $0.decode(forColumn: "place"))) }
        let lunch = try Row.fetchOne(db, sql: """
            SELECT id, startsAt, place FROM lunch
            WHERE state IN ('offered', 'accepted') AND startsAt > :now
              AND (id IN (SELECT lunchID FROM lunchGuest WHERE contactID IN (SELECT value FROM json_each(:people)))
                   OR accountID = :account)
            ORDER BY startsAt LIMIT 1
            """, arguments: ["now": now, "people": list(people), "account": accountID])
            .map { row -> BriefAppointment in
                let place: String? = (try row.decode(forColumn: "place"))
                return BriefAppointment(ref: ItemRef(.lunch, (try row.decode(forColumn: "id"))).description, title: "Lunch" + (place.map { " at \($0)" } ?? ""),
                                        startsAt: (try row.decode(forColumn: "startsAt")), place: place)
            }
        switch (meeting, lunch) {
        case let (m?, l?): return l.startsAt < m.startsAt ? l : m
        default: return meeting ?? lunch
        }
    }

    // MARK: What is open

    private func names(_ sql: String, _ id: Int64) throws -> [String] {
        try String.fetchAll(db, sql: sql, arguments: [id])
    }

    private func openItems(people: [Int64], accounts: [Int64]) throws -> BriefOpen {
        let arguments: StatementArguments = ["people": list(people), "accounts": list(accounts)]
        var followUps = try FollowUp.fetchAll(db, sql: """
            SELECT * FROM followUp
            WHERE state = \(FollowUpState.open.sql)
              AND (id IN (SELECT followUpID FROM followUpContact WHERE contactID IN (SELECT value FROM json_each(:people)))
                   OR accountID IN (SELECT value FROM json_each(:accounts)))
            """, arguments: arguments).map { followUp -> BriefFollowUp in
            // Late as the agenda says it: from the end of its day, or its time.
            let late = followUp.due.deadline(in: calendar) <= now
            return BriefFollowUp(ref: followUp.ref.description, title: followUp.title, dueDay: followUp.dueDay, dueAt: followUp.dueAt, late: late,
                                 people: try names("""
                                     SELECT c.name FROM followUpContact fc JOIN contact c ON c.id = fc.contactID
                                     WHERE fc.followUpID = ? ORDER BY c.searchName
                                     """, followUp.id!))
        }
        followUps.sort { a, b in
            a.late != b.late ? a.late : (a.dueAt ?? calendar.endOfDay(a.dueDay)) < (b.dueAt ?? calendar.endOfDay(b.dueDay))
        }
        // Notes owed for meetings that have happened (and standalone ones).
        let notes = try Row.fetchAll(db, sql: """
            SELECT n.id, c.name, n.reason, n.dueDay, m.title, m.startsAt
            FROM thankYouNote n JOIN contact c ON c.id = n.contactID LEFT JOIN meeting m ON m.id = n.meetingID
            WHERE n.state = \(ThankYouState.owed.sql) AND n.contactID IN (SELECT value FROM json_each(:people))
              AND (n.meetingID IS NULL OR (m.startsAt <= :now AND m.cancelledAt IS NULL))
            ORDER BY coalesce(m.startsAt, n.createdAt), n.id
            """, arguments: ["people": list(people), "now": now]).map { row -> BriefThankYou in
            let met: Date? = (try row.decode(atIndex: 5))
            let metOn = met.map { calendar.day(of: $0) }
            let storedDue: CivilDate? = try row.decode(atIndex: 3)
            guard let due = metOn.map({ Policy(rules: rules, calendar: calendar).thankYouDue(meetingDay: $0) }) ?? storedDue else {
                throw StoreError.unreadable
            }
            let meetingTitle: String? = try row.decode(atIndex: 4), reason: String? = try row.decode(atIndex: 2)
            return BriefThankYou(ref: ItemRef(.thankYou, try row.decode(atIndex: 0)).description, to: try row.decode(atIndex: 1), forWhat: meetingTitle ?? reason ?? "thank-you",
                                 metOn: metOn, dueDay: due, late: Due.day(due).deadline(in: calendar) <= now)
        }
        let gifts = try Gift.fetchAll(db, sql: """
            SELECT * FROM gift
            WHERE state != \(GiftState.sent.sql)
              AND (id IN (SELECT giftID FROM giftRecipient WHERE contactID IN (SELECT value FROM json_each(:people)))
                   OR accountID IN (SELECT value FROM json_each(:accounts)))
            ORDER BY sendBy IS NULL, sendBy, id
            """, arguments: arguments).map { gift in
            BriefGift(ref: gift.ref.description, description: gift.description, occasion: gift.occasion, state: gift.state, sendBy: gift.sendBy,
                      cost: gift.costMinorUnits.map { Money(minorUnits: $0, currency: gift.currency ?? "USD") },
                      recipients: try recipients(ofGift: gift.id!))
        }
        return BriefOpen(followUps: followUps, thankYouNotes: notes, gifts: gifts)
    }

    private func recipients(ofGift id: Int64) throws -> [String] {
        try names("SELECT c.name FROM giftRecipient r JOIN contact c ON c.id = r.contactID WHERE r.giftID = ? ORDER BY c.searchName", id)
    }

    // MARK: The account

    private func account(_ id: Int64) throws -> BriefAccount? {
        guard let account = try Account.fetchOne(db, key: id) else { return nil }
        let segment = try account.segmentID.flatMap { try Segment.fetchOne(db, key: $0) }
        let deals = try Deal.filter(Column("accountID") == id).fetchAll(db).sorted { a, b in
            if (a.stage == .open) != (b.stage == .open) { return a.stage == .open }
            if a.stage == .open { return ((a.fit ?? 0), b.id!) > ((b.fit ?? 0), a.id!) }
            return ((a.closedOn?.daysSinceEpoch ?? 0), a.id!) > ((b.closedOn?.daysSinceEpoch ?? 0), b.id!)
        }.map { deal in
            BriefDeal(ref: deal.ref, title: deal.title, stage: deal.stage, fit: deal.fit, theirWin: deal.theirWin, ourWin: deal.ourWin,
                      closedOn: deal.closedOn, reason: deal.closeReason, teamSize: deal.buyerTeamSize)
        }
        let lastLunch = try Row.fetchOne(db, sql: """
            SELECT id, startsAt, place FROM lunch
            WHERE state = 'held' AND startsAt <= :now
              AND (accountID = :account OR id IN (SELECT g.lunchID FROM lunchGuest g JOIN contact c ON c.id = g.contactID
                                                  WHERE c.accountID = :account))
            ORDER BY startsAt DESC LIMIT 1
            """, arguments: ["now": now, "account": id]).map { row in
            BriefPastLunch(ref: ItemRef(.lunch, (try row.decode(forColumn: "id"))).description, at: (try row.decode(forColumn: "startsAt")), place: (try row.decode(forColumn: "place")),
                           guests: try names("SELECT c.name FROM lunchGuest g JOIN contact c ON c.id = g.contactID WHERE g.lunchID = ? ORDER BY c.searchName",
                                             (try row.decode(forColumn: "id"))))
        }
        let lastGift = try Gift.fetchOne(db, sql: """
            SELECT * FROM gift
            WHERE state = \(GiftState.sent.sql) AND sentOn IS NOT NULL
              AND (accountID = :account OR dealID IN (SELECT id FROM deal WHERE accountID = :account)
                   OR id IN (SELECT r.giftID FROM giftRecipient r JOIN contact c ON c.id = r.contactID WHERE c.accountID = :account))
            ORDER BY sentOn DESC, id DESC LIMIT 1
            """, arguments: ["account": id]).map { gift in
            BriefPastGift(ref: gift.ref.description, description: gift.description, occasion: gift.occasion, sentOn: gift.sentOn!,
                          recipients: try recipients(ofGift: gift.id!))
        }
        return BriefAccount(id: id, name: account.name,
                            segment: segment.map { BriefSegment(name: $0.name, attractiveness: $0.attractiveness, competitiveness: $0.competitiveness,
                                                                appealToBuyers: $0.appealToBuyers, quadrant: $0.quadrant, onlyStatement: $0.onlyStatement) },
                            deals: deals, lastLunch: lastLunch, lastGift: lastGift, notes: account.notes?.trimmedOrNil)
    }
}
