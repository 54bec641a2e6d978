import Foundation
import GRDB

/// A small deterministic random generator (SplitMix64), so that a generated
/// book is the same for the same seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes a realistic book of business fast, for benchmarks and tests:
/// accounts with teams, tiers and favourites, and five years of meetings
/// (with their thank-you notes: most sent, some late, some owed), calls and
/// emails, lunches, gifts, deals, and follow-ups — about a tenth of the open
/// items overdue and a hundredth due today.
public struct BookGenerator: Sendable {
    public var contacts: Int
    public var interactions: Int
    public var seed: UInt64
    public var now: Date

    public init(contacts: Int, interactions: Int, seed: UInt64 = 1, now: Date) {
        self.contacts = contacts
        self.interactions = interactions
        self.seed = seed
        self.now = now
    }

    /// What was written.
    public struct Summary: Sendable {
        public var accounts = 0, contacts = 0, meetings = 0, interactions = 0, lunches = 0, gifts = 0, followUps = 0, deals = 0
    }

    static let firstNames = ["Dana", "Lee", "Zoë", "Ana", "Omar", "Mei", "Jonas", "Priya", "Luca", "Sofia", "Kenji", "Amara",
                             "Noah", "Ines", "Tariq", "Hanna", "Mateo", "Yuki", "Elena", "Kofi", "Nora", "Ravi", "Clara", "Finn"]
    static let lastNames = ["Ruiz", "Park", "Ångström", "de la Cruz", "Haddad", "Chen", "Berg", "Sharma", "Rossi", "Moreau",
                            "Tanaka", "Okafor", "Smith", "Novak", "Khan", "Larsen", "García", "Sato", "Ivanova", "Mensah"]
    static let segments: [(String, (Int, Int, Int))] = [
        ("Mid-size logistics, DACH", (5, 4, 4)), ("Regional banks, Nordics", (4, 2, 3)), ("Hospitals, UK", (4, 2, 2)),
        ("Retail chains, Benelux", (2, 4, 4)), ("Start-ups, Berlin", (2, 2, 3)), ("Public sector, France", (3, 3, 2)),
    ]
    static let companies = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell"]
    static let topics = ["Renewal terms", "Pricing question", "Quarterly review", "Intro to finance", "Contract redlines",
                         "Roadmap preview", "Support escalation", "Budget planning", "Reference call", "Pilot results"]

    /// Fills an empty store. Everything is written in one transaction, with
    /// a large page cache so that the indexes are not spilled while it runs.
    public func generate(into store: RapportStore, calendar: LocalCalendar) throws -> Summary {
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -524288") // 512 MiB
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            // A new book written in one transaction: its undo journal can live in
            // memory, which spares writing every page twice (to the WAL, then the file).
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "wal"
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            defer { try? db.execute(sql: "PRAGMA journal_mode = \(journal)") }
            var summary = Summary()
            try db.inTransaction(.immediate) {
                // A generated book is not a change anyone would undo row by row.
                try UndoJournal.setRecording(false, db)
                summary = try generate(db, calendar: calendar)
                try UndoJournal.setRecording(true, db)
                try AgendaIndex.installTriggers(db)
                try AgendaIndex.build(store, rules: try RuleSettings.load(db), now: now, calendar: calendar, db)
                return .commit
            }
            return summary
        }
    }

    /// Tables the generator fills in bulk: their indexes are dropped while it
    /// loads and built once at the end, faster than updating them row by row.
    static let bulkTables = ["touch", "interaction", "interactionContact", "meeting", "meetingAttendee", "thankYouNote",
                             "followUp", "followUpContact", "lunch", "lunchGuest", "gift", "giftRecipient"]

    private func generate(_ db: Database, calendar: LocalCalendar) throws -> Summary {
        guard try Contact.fetchCount(db) == 0 else { throw StoreError.invalid("the book is not empty; generate into a new database") }
        // The latest-touch triggers would update a contact for every touch:
        // drop them while loading, compute the column once at the end.
        try db.execute(sql: "DROP TRIGGER touch_inserted; DROP TRIGGER touch_deleted; DROP TRIGGER touch_updated")
        try AgendaIndex.dropTriggers(db)
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(databaseQuestionMarks(count: Self.bulkTables.count)))
            """, arguments: StatementArguments(Self.bulkTables))
        for index in indexes { try db.execute(sql: "DROP INDEX \"\(index["name"] as String)\"") }
        var random = SeededRandom(seed: seed)
        var summary = Summary()
        let nowSeconds = now.timeIntervalSince1970
        let start = nowSeconds - 5 * 365 * 86_400
        func instant(_ from: Double, _ to: Double) -> Date { Date(timeIntervalSince1970: Double.random(in: from..<to, using: &random)) }
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
        let today = calendar.day(of: now)

        // Accounts, each with its team.
        let accountCount = max(1, contacts / 8)
        // Segments with their ratings; most accounts are in one.
        let insertSegment = try db.cachedStatement(sql: """
            INSERT INTO segment (name, attractiveness, competitiveness, appealToBuyers, createdAt) VALUES (?, ?, ?, ?, ?)
            """)
        for (name, ratings) in Self.segments {
            try insertSegment.execute(arguments: [name, ratings.0, ratings.1, ratings.2, Date(timeIntervalSince1970: start)])
        }
        let insertAccount = try db.cachedStatement(sql: "INSERT INTO account (name, segmentID, createdAt, updatedAt) VALUES (?, ?, ?, ?)")
        for index in 0..<accountCount {
            let name = "\(Self.companies[index % Self.companies.count]) \(index / Self.companies.count + 1)"
            let created = instant(start, start + 365 * 86_400)
            let segmentID: Int64? = pick(Array(1...Int64(Self.segments.count)) + [nil])
            try insertAccount.execute(arguments: [name, segmentID, created, created])
        }
        summary.accounts = accountCount

        let insertContact = try db.cachedStatement(sql: """
            INSERT INTO contact (name, accountID, tier, isFavourite, stayInTouchDays, lunchCadenceDays, createdAt, updatedAt, searchName)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertEmail = try db.cachedStatement(sql: "INSERT INTO contactEmail (contactID, address, label) VALUES (?, ?, 'work')")
        var team: [[Int64]] = Array(repeating: [], count: accountCount + 1)
        for index in 1...max(contacts, 1) {
            let name = "\(pick(Self.firstNames)) \(pick(Self.lastNames)) \(index)"
            let accountID = Int64(Int.random(in: 1...accountCount, using: &random))
            let roll = Double.random(in: 0..<1, using: &random)
            let tier: String? = roll < 0.1 ? "A" : roll < 0.4 ? "B" : roll < 0.8 ? "C" : nil
            let favourite = Double.random(in: 0..<1, using: &random) < 0.05
            let created = instant(start, start + 2 * 365 * 86_400)
            try insertContact.execute(arguments: [name, accountID, tier, favourite, nil,
                                                  favourite ? pick([30, 45, 60, 90]) : nil, created, created, Contact.searchKey(name: name, nickname: nil)])
            try insertEmail.execute(arguments: [Int64(index), "contact\(index)@example.com"])
            team[Int(accountID)].append(Int64(index))
        }
        summary.contacts = contacts
        func people(_ most: Int) -> [Int64] {
            let accountTeam = team[Int.random(in: 1...accountCount, using: &random)]
            guard !accountTeam.isEmpty else { return [Int64(Int.random(in: 1...max(contacts, 1), using: &random))] }
            return Array(Set((0..<Int.random(in: 1...most, using: &random)).map { _ in pick(accountTeam) })).sorted()
        }

        let insertMeeting = try db.cachedStatement(sql: "INSERT INTO meeting (title, startsAt, place, accountID, prepDoneAt, createdAt) VALUES (?, ?, ?, ?, ?, ?)")
        let insertAttendee = try db.cachedStatement(sql: "INSERT INTO meetingAttendee (meetingID, contactID) VALUES (?, ?)")
        let insertNote = try db.cachedStatement(sql: """
            INSERT INTO thankYouNote (meetingID, contactID, state, sentAt, channel, waivedReason, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertTouch = try db.cachedStatement(sql: """
            INSERT INTO touch (contactID, at, kind, meetingID, lunchID, interactionID, giftID, thankYouNoteID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertInteraction = try db.cachedStatement(sql: "INSERT INTO interaction (kind, occurredAt, title, createdAt) VALUES (?, ?, ?, ?)")
        let insertInteractionContact = try db.cachedStatement(sql: "INSERT INTO interactionContact (interactionID, contactID) VALUES (?, ?)")
        // A lunch's cost follows from its row number, so adding it draws no random number.
        let insertLunch = try db.cachedStatement(sql: """
            INSERT INTO lunch (startsAt, place, state, createdAt, costMinorUnits, currency)
            VALUES (?, ?, ?, ?, 3000 + (SELECT coalesce(max(id), 0) FROM lunch) * 1237 % 9000, 'EUR')
            """)
        let insertGuest = try db.cachedStatement(sql: "INSERT INTO lunchGuest (lunchID, contactID) VALUES (?, ?)")
        let insertGift = try db.cachedStatement(sql: """
            INSERT INTO gift (accountID, occasion, description, costMinorUnits, currency, state, sentOn, createdAt) VALUES (?, ?, ?, ?, ?, 'sent', ?, ?)
            """)
        let insertRecipient = try db.cachedStatement(sql: "INSERT INTO giftRecipient (giftID, contactID) VALUES (?, ?)")
        let insertFollowUp = try db.cachedStatement(sql: """
            INSERT INTO followUp (title, dueDay, dueAt, originalDueDay, recurrence, state, completedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertFollowUpContact = try db.cachedStatement(sql: "INSERT INTO followUpContact (followUpID, contactID) VALUES (?, ?)")

        // The events come in time order, as a real book fills up (rows of a
        // month sit together on disk): each takes the next of these sorted
        // points along its own span (a meeting's reaches a month ahead).
        let order = (0..<interactions).map { _ in Double.random(in: 0..<1, using: &random) }.sorted()
        func orderedInstant(_ index: Int, to end: Double) -> Date { Date(timeIntervalSince1970: start + order[index] * (end - start)) }
        for index in 0..<interactions {
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.25 {
                // A meeting: mostly past, a few to come; thank-you notes per attendee.
                let at = orderedInstant(index, to: nowSeconds + 30 * 86_400)
                let past = at.timeIntervalSince1970 <= nowSeconds
                let attendees = people(6)
                try insertMeeting.execute(arguments: [pick(Self.topics), at, pick([nil, "HQ", "Video call", "Their office"]),
                                                      nil, past ? at.addingTimeInterval(-86_400) : nil, at.addingTimeInterval(-7 * 86_400)])
                let meetingID = db.lastInsertedRowID
                summary.meetings += 1
                for contactID in attendees {
                    try insertAttendee.execute(arguments: [meetingID, contactID])
                    try insertTouch.execute(arguments: [contactID, at, "meeting", meetingID, nil, nil, nil, nil])
                    let age = nowSeconds - at.timeIntervalSince1970
                    let noteRoll = Double.random(in: 0..<1, using: &random)
                    if past && (age > 10 * 86_400 ? noteRoll < 0.9995 : noteRoll < 0.6) {
                        let sent = at.addingTimeInterval(Double.random(in: 3600..<(4 * 86_400), using: &random))
                        try insertNote.execute(arguments: [meetingID, contactID, "sent", sent, pick(["handwritten", "email", "card"]), nil, at])
                        try insertTouch.execute(arguments: [contactID, sent, "thank-you", nil, nil, nil, nil, db.lastInsertedRowID])
                    } else {
                        try insertNote.execute(arguments: [meetingID, contactID, "owed", nil, nil, nil, at])
                    }
                }
            } else if roll < 0.80 {
                let at = orderedInstant(index, to: nowSeconds)
                try insertInteraction.execute(arguments: [pick(["call", "email", "email", "message", "note"]), at, pick(Self.topics), at])
                let interactionID = db.lastInsertedRowID
                summary.interactions += 1
                for contactID in people(2) {
                    try insertInteractionContact.execute(arguments: [interactionID, contactID])
                    try insertTouch.execute(arguments: [contactID, at, "interaction", nil, nil, interactionID, nil, nil])
                }
            } else if roll < 0.88 {
                let at = orderedInstant(index, to: nowSeconds)
                try insertLunch.execute(arguments: [at, pick(["Nobu", "Le Bistro", "The Deli", nil]), "held", at])
                let lunchID = db.lastInsertedRowID
                summary.lunches += 1
                for contactID in people(2) {
                    try insertGuest.execute(arguments: [lunchID, contactID])
                    try insertTouch.execute(arguments: [contactID, at, "lunch", nil, lunchID, nil, nil, nil])
                }
            } else if roll < 0.90 {
                let at = orderedInstant(index, to: nowSeconds)
                let recipients = people(4)
                try insertGift.execute(arguments: [nil, pick(["closed deal", "birthday", "holidays"]), pick(["Cheese basket", "Wine", "Book", "Flowers"]),
                                                   Int.random(in: 2_000...20_000, using: &random), pick(["EUR", "USD"]), calendar.day(of: at), at])
                let giftID = db.lastInsertedRowID
                summary.gifts += 1
                for contactID in recipients {
                    try insertRecipient.execute(arguments: [giftID, contactID])
                    try insertTouch.execute(arguments: [contactID, at, "gift", nil, nil, nil, giftID, nil])
                }
            } else {
                // A follow-up: most done long ago; the open ones spread around today.
                let open = Double.random(in: 0..<1, using: &random) < 0.04
                let dueDay: CivilDate
                if open {
                    let spot = Double.random(in: 0..<1, using: &random)
                    dueDay = spot < 0.10 ? today.adding(days: -Int.random(in: 1...30, using: &random))
                        : spot < 0.11 ? today : today.adding(days: Int.random(in: 1...120, using: &random))
                } else {
                    dueDay = calendar.day(of: instant(start, nowSeconds))
                }
                let timed = Double.random(in: 0..<1, using: &random) < 0.3
                let dueAt = timed ? calendar.instant(on: dueDay, at: LocalTime(hour: Int.random(in: 8...17, using: &random), minute: 0)!) : nil
                let repeats = Double.random(in: 0..<1, using: &random) < 0.05 ? pick(["every month on day 1", "every 2 weeks", "every first monday"]) : nil
                let created = calendar.startOfDay(dueDay).addingTimeInterval(-7 * 86_400)
                try insertFollowUp.execute(arguments: [pick(Self.topics), dueDay, dueAt, dueDay, repeats, open ? "open" : "done",
                                                       open ? nil : calendar.endOfDay(dueDay).addingTimeInterval(-3600), min(created, now)])
                let followUpID = db.lastInsertedRowID
                summary.followUps += 1
                for contactID in people(2) { try insertFollowUpContact.execute(arguments: [followUpID, contactID]) }
            }
        }

        // Deals: a few per account, some won by large teams with a gift still to send.
        let insertDeal = try db.cachedStatement(sql: """
            INSERT INTO deal (accountID, title, stage, buyerTeamSize, closedOn, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for accountID in 1...accountCount {
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let stage = pick(["open", "open", "won", "lost", "not-a-fit"])
                let closed = stage == "open" ? nil : today.adding(days: -Int.random(in: 0...700, using: &random))
                try insertDeal.execute(arguments: [Int64(accountID), pick(["Platform", "Pilot", "Expansion", "Renewal"]), stage,
                                                   Int.random(in: 1...20, using: &random), closed, instant(start, nowSeconds)])
                summary.deals += 1
                // Most won deals got their gift.
                if stage == "won", Double.random(in: 0..<1, using: &random) < 0.95 {
                    try db.execute(sql: """
                        INSERT INTO gift (accountID, dealID, occasion, description, state, sentOn, createdAt)
                        VALUES (?, ?, 'closed deal', 'Team gift', 'sent', ?, ?)
                        """, arguments: [Int64(accountID), db.lastInsertedRowID, closed, now])
                }
            }
        }
        // A tended book: most contacts were touched within their cadence and
        // most favourites had lunch within theirs, so about a tenth are due.
        let tierCadence = ["A": 14, "B": 30, "C": 90]
        let contactRows = try Row.fetchAll(db, sql: "SELECT id, tier, isFavourite, lunchCadenceDays FROM contact")
        for row in contactRows {
            let id: Int64 = row[0]
            if let tier: String = row[1], let cadence = tierCadence[tier], Double.random(in: 0..<1, using: &random) < 0.9 {
                let at = Date(timeIntervalSince1970: nowSeconds - Double.random(in: 3600..<Double(cadence - 1) * 86_400, using: &random))
                try insertInteraction.execute(arguments: [pick(["call", "email", "message"]), at, pick(Self.topics), at])
                let interactionID = db.lastInsertedRowID
                try insertInteractionContact.execute(arguments: [interactionID, id])
                try insertTouch.execute(arguments: [id, at, "interaction", nil, nil, interactionID, nil, nil])
            }
            if row[2] as Bool, let cadence: Int = row[3], Double.random(in: 0..<1, using: &random) < 0.9 {
                let at = Date(timeIntervalSince1970: nowSeconds - Double.random(in: 3600..<Double(cadence - 1) * 86_400, using: &random))
                try insertLunch.execute(arguments: [at, "Nobu", "held", at])
                let lunchID = db.lastInsertedRowID
                try insertGuest.execute(arguments: [lunchID, id])
                try insertTouch.execute(arguments: [id, at, "lunch", nil, lunchID, nil, nil, nil])
            }
        }
        for index in indexes { try db.execute(sql: index["sql"] as String) }
        try db.execute(sql: "UPDATE contact SET latestTouchAt = (SELECT max(at) FROM touch WHERE contactID = contact.id)")
        try db.execute(sql: Schema.touchTriggers)
        return summary
    }
}

extension BookGenerator {
    /// Adds `count` open follow-ups to a generated book, each with one of
    /// its contacts, spread as the generator spreads its open ones: a tenth
    /// late by up to a month, a hundredth due today, the rest within four
    /// months, some at a time of day. One write transaction through the
    /// store's own insert, outside the undo journal (a benchmark's task list
    /// is not a change anyone would undo).
    public func addOpenFollowUps(_ count: Int, into store: RapportStore, calendar: LocalCalendar) throws {
        var random = SeededRandom(seed: seed &+ 17)
        let today = calendar.day(of: now)
        let titles = ["Send the deck", "Call back about pricing", "Share the case study", "Confirm the pilot scope",
                      "Introduce to finance", "Send the contract redlines", "Book the quarterly review", "Follow up on the quote"]
        try store.write { db in
            try UndoJournal.setRecording(false, db)
            for _ in 0..<count {
                let spot = Double.random(in: 0..<1, using: &random)
                let day = spot < 0.10 ? today.adding(days: -Int.random(in: 1...30, using: &random))
                    : spot < 0.11 ? today : today.adding(days: Int.random(in: 1...120, using: &random))
                let time = Double.random(in: 0..<1, using: &random) < 0.3 ? LocalTime(hour: Int.random(in: 8...17, using: &random), minute: 0) : nil
                let followUp = FollowUp(title: titles[Int.random(in: 0..<titles.count, using: &random)], dueDay: day,
                                        dueAt: time.map { calendar.instant(on: day, at: $0) }, createdAt: now)
                _ = try RapportStore.insertFollowUp(followUp, contactIDs: [Int64.random(in: 1...Int64(max(contacts, 1)), using: &random)], db)
            }
            try UndoJournal.setRecording(true, db)
        }
    }
}
