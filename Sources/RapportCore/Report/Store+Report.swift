import Foundation
import GRDB

extension RapportStore {
    /// The report card for `period` as of `now`, with the period before it
    /// for trends. Reads one consistent snapshot of the book.
    public func reportCard(for period: ReportPeriod, now: Date, calendar: LocalCalendar) throws -> ReportCard {
        try read { db in
            var builder = ReportBuilder(period: period, now: now, calendar: calendar, rules: try RuleSettings.load(db))
            return try builder.build(db)
        }
    }
}

/// Computes a report card: reads what the periods need (each query bounded by
/// an index on the period's dates) and counts it in one pass per table.
struct ReportBuilder {
    let period: ReportPeriod
    let previous: ReportPeriod
    let now: Date
    let today: CivilDate
    let calendar: LocalCalendar
    let rules: SchedulerRules
    /// The weeks of the touch series, oldest first, by their last day.
    let weekEnds: [CivilDate]
    /// Local days from the earliest one read to the period's end, by their first instant.
    let days: DayIndex
    /// The first instant of the period before: where the figures' reading starts.
    let periodsStart: Date

    var current = PeriodFigures()
    var before = PeriodFigures()

    init(period: ReportPeriod, now: Date, calendar: LocalCalendar, rules: SchedulerRules) {
        self.period = period
        self.previous = period.previous
        self.now = now
        self.today = calendar.day(of: now)
        self.calendar = calendar
        self.rules = rules
        let weeks = max(12, (period.days + 6) / 7)
        weekEnds = (0..<weeks).reversed().map { period.to.adding(days: -7 * $0) }
        // From the first day anything read can fall on: a week of the series,
        // or a meeting whose thank-you note is due in the period before.
        let firstDay = min(previous.from.adding(days: -ReportBuilder.noteMarginDays(rules)), weekEnds[0].adding(days: -6))
        days = DayIndex(from: firstDay, to: period.to, calendar: calendar)
        periodsStart = calendar.startOfDay(previous.from)
    }

    /// How many days before its due day a thank-you note's meeting can be, at most.
    static func noteMarginDays(_ rules: SchedulerRules) -> Int { rules.thankYouBusinessDays * 3 + 14 }

    /// The local day of an instant given in seconds since 1970.
    private func localDay(seconds: Double) -> CivilDate {
        days.index(ofSeconds: seconds).map { days.firstDay.adding(days: $0) } ?? calendar.day(of: Date(timeIntervalSince1970: seconds))
    }

    /// Which period a day falls in: the report's, the one before, or neither.
    private func figures(for day: CivilDate) -> WritableKeyPath<ReportBuilder, PeriodFigures>? {
        if period.contains(day) { return \.current }
        if previous.contains(day) { return \.before }
        return nil
    }

    private var first: Date { days.start }
    private var end: Date { days.end }

    mutating func build(_ db: Database) throws -> ReportCard {
        var standing = Standing(asOf: now, coldAfterDays: rules.coldAccountDays)
        try countThankYouNotes(db, &standing)
        try countFollowUps(db, &standing)
        let book = try BookFacts(db)
        let touches = try countTouches(db, book)
        try countLunches(db)
        try countGifts(db)
        try countMeetings(db)
        countDeals(book, &standing)
        countLapses(book, &standing)
        current.spend.sort { ($0.month, $0.currency) < ($1.month, $1.currency) }
        before.spend.sort { ($0.month, $0.currency) < ($1.month, $1.currency) }
        let segments = segmentFigures(book, touches: touches, standing: standing)
        return ReportCard(period: period, previousPeriod: previous, current: current, previous: before, standing: standing,
                          weeklyTouches: zip(weekEnds, touches.weekly).map { WeekCount(lastDay: $0, count: $1) },
                          accountWeeks: touches.accountWeeks(book), segments: segments,
                          dealFit: DealFitSummary.of(book.deals.map { ($0, book.accounts[$0.accountID]?.name ?? "") },
                                                     counting: period.contains))
    }

    // MARK: Thank-you notes

    private mutating func countThankYouNotes(_ db: Database, _ standing: inout Standing) throws {
        // Notes sent in the periods, notes of meetings that could be due in
        // them (a note is due at most a few weeks after its meeting), standalone
        // notes due in them, and every note still owed; each read once.
        let margin = Double(ReportBuilder.noteMarginDays(rules)) * 86_400
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT n.state, \(epoch("n.sentAt")), n.dueDay, \(epoch("n.createdAt")), \(epoch("m.startsAt")), m.cancelledAt IS NOT NULL
            FROM thankYouNote n LEFT JOIN meeting m ON m.id = n.meetingID
            WHERE n.id IN (
              SELECT id FROM thankYouNote WHERE sentAt >= ?1 AND sentAt < ?2
              UNION SELECT n2.id FROM meeting m2 JOIN thankYouNote n2 ON n2.meetingID = m2.id
                    WHERE m2.startsAt >= ?3 AND m2.startsAt < ?2
              UNION SELECT id FROM thankYouNote WHERE dueDay >= ?4 AND dueDay <= ?5
              UNION SELECT id FROM thankYouNote WHERE state = \(ThankYouState.owed.sql))
            """, arguments: [periodsStart, end, periodsStart.addingTimeInterval(-margin), previous.from, period.to])
        let nowSeconds = now.timeIntervalSince1970
        var daysToSend: [[Int]] = [[], []]
        while let row = try cursor.next() {
            do {
                let meetingAt: Double? = (try row.decode(atIndex: 4))
                if let meetingAt, meetingAt > nowSeconds { continue } // not owed until the meeting has happened
                if (try row.decode(atIndex: 5)) as Bool { continue } // nor for a meeting that did not happen
                let state: ThankYouState = (try row.decode(atIndex: 0))
                let storedDue: CivilDate? = try row.decode(atIndex: 2)
                guard let dueDay = storedDue ?? meetingAt.map({ Policy(rules: rules, calendar: calendar).thankYouDue(meetingDay: localDay(seconds: $0)) }) else {
                    UnreadableRows.note() // neither its own day nor a readable meeting time
                    continue
                }
                if let key = figures(for: dueDay) {
                    self[keyPath: key].thankYouNotes.due += 1
                    if state == .owed { self[keyPath: key].thankYouNotes.stillOwed += 1 }
                    if state == .waived { self[keyPath: key].thankYouNotes.waived += 1 }
                }
                if let sentAt: Double = (try row.decode(atIndex: 1)), state == .sent {
                    let sentDay = localDay(seconds: sentAt)
                    if let key = figures(for: sentDay) {
                        self[keyPath: key].thankYouNotes.sent += 1
                        if sentDay <= dueDay { self[keyPath: key].thankYouNotes.sentOnTime += 1 }
                        let startDay = try localDay(seconds: meetingAt ?? row.decode(atIndex: 3))
                        daysToSend[key == \.current ? 0 : 1].append(max(0, startDay.days(until: sentDay)))
                    }
                }
                if state == .owed {
                    standing.thankYouNotesOwed += 1
                    if dueDay < today { standing.thankYouNotesLate += 1 }
                }
            } catch where UnreadableRows.isUnreadable(error) {
                UnreadableRows.note() // the rest of the report still counts
            }
        }
        current.thankYouNotes.medianDaysToSend = median(daysToSend[0])
        before.thankYouNotes.medianDaysToSend = median(daysToSend[1])
    }

    // MARK: Follow-ups

    private mutating func countFollowUps(_ db: Database, _ standing: inout Standing) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT originalDueDay, originalDueAt, state, completedAt, snoozeCount FROM followUp
            WHERE originalDueDay >= ? AND originalDueDay <= ?
            """, arguments: [previous.from, period.to])
        for row in rows {
            let promised: CivilDate = (try row.decode(forColumn: "originalDueDay"))
            guard let key = figures(for: promised) else { continue }
            let state: FollowUpState = (try row.decode(forColumn: "state"))
            let snoozes: Int = (try row.decode(forColumn: "snoozeCount"))
            self[keyPath: key].followUps.due += 1
            switch state {
            case .open: self[keyPath: key].followUps.stillOpen += 1
            case .cancelled: self[keyPath: key].followUps.cancelled += 1
            case .done:
                // Late as the agenda says it: a timed promise from its instant, a day's after its day.
                let doneAt: Date = (try row.decode(forColumn: "completedAt")) ?? now
                let promisedAt: Date? = try row.decode(forColumn: "originalDueAt")
                let onTime = promisedAt.map { doneAt < $0 } ?? (calendar.day(of: doneAt) <= promised)
                if onTime { self[keyPath: key].followUps.keptOnTime += 1 } else { self[keyPath: key].followUps.doneLate += 1 }
            }
            if snoozes > 0 {
                self[keyPath: key].followUps.snoozed += 1
                self[keyPath: key].followUps.snoozes += snoozes
            }
        }
        let open = try Row.fetchOne(db, sql: """
            SELECT count(*) AS open, total(dueDay < ?1 OR (dueAt IS NOT NULL AND dueAt <= ?2)) AS overdue
            FROM followUp WHERE state = \(FollowUpState.open.sql)
            """, arguments: [today, now])!
        standing.followUpsOpen = open["open"]
        standing.followUpsOverdue = Int(open["overdue"] as Double)
    }

    // MARK: Touches

    private mutating func countTouches(_ db: Database, _ book: BookFacts) throws -> TouchCounts {
        /// What one period's touches add up to. (Tallied by period index, not
        /// key path: this loop runs once a touch, a hundred thousand times.)
        struct Tally {
            var total = 0
            var contacts = Set<Int64>()
            var accounts: [Int64: Int] = [:]
            var tierTouches = [0, 0, 0, 0]
            var tierContacts = [Set<Int64>](repeating: [], count: 4)
        }
        var tallies = [Tally(), Tally()]
        var counts = TouchCounts(weeks: weekEnds.count)
        let firstDay = days.firstDay, periodStart = firstDay.days(until: period.from), previousStart = firstDay.days(until: previous.from)
        let lastDay = firstDay.days(until: period.to)
        // The instant as seconds since 1970 (to the millisecond, as stored),
        // computed by SQLite from the stored text: no date parsing in Swift a row.
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT \(epoch("at")), contactID FROM touch WHERE at >= ? AND at < ? AND at <= ?
            """, arguments: [first, end, now])
        while let row = try cursor.next() {
            do {
                guard let dayIndex = days.index(ofSeconds: (try row.decode(atIndex: 0))) else { continue }
                let contactID: Int64 = (try row.decode(atIndex: 1))
                let contact = book.contacts[contactID]
                let accountID = contact?.accountID
                let weekIndex = weekEnds.count - 1 - (lastDay - dayIndex) / 7
                if weekIndex >= 0 {
                    counts.weekly[weekIndex] += 1
                    if let accountID { counts.accountWeeks[accountID, default: Array(repeating: 0, count: weekEnds.count)][weekIndex] += 1 }
                }
                let bucket = dayIndex >= periodStart ? 0 : dayIndex >= previousStart ? 1 : -1
                guard bucket >= 0 else { continue }
                let tier = contact?.tier.map { Tier.allCases.firstIndex(of: $0)! } ?? 3
                tallies[bucket].total += 1
                tallies[bucket].contacts.insert(contactID)
                tallies[bucket].tierTouches[tier] += 1
                tallies[bucket].tierContacts[tier].insert(contactID)
                if let accountID { tallies[bucket].accounts[accountID, default: 0] += 1 }
            } catch where UnreadableRows.isUnreadable(error) {
                UnreadableRows.note() // the rest of the report still counts
            }
        }
        counts.byAccountInPeriod = tallies[0].accounts
        for (key, tally) in [(\ReportBuilder.current, tallies[0]), (\ReportBuilder.before, tallies[1])] {
            self[keyPath: key].touches.total = tally.total
            self[keyPath: key].touches.contacts = tally.contacts.count
            self[keyPath: key].touches.accounts = tally.accounts.count
            self[keyPath: key].touches.byTier = ([Tier.a, .b, .c] as [Tier?] + [nil]).enumerated().map { index, tier in
                TierTouches(tier: tier, touches: tally.tierTouches[index], contactsTouched: tally.tierContacts[index].count,
                            contacts: book.contactsByTier[tier] ?? 0)
            }
            self[keyPath: key].touches.byAccount = tally.accounts
                .map { AccountTouches(accountID: $0.key, name: book.accounts[$0.key]?.name ?? "", touches: $0.value) }
                .sorted { ($1.touches, $0.name) < ($0.touches, $1.name) }
        }
        return counts
    }

    // MARK: Lunches, gifts, meetings

    private mutating func countLunches(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT startsAt, state, createdAt, costMinorUnits, currency FROM lunch
            WHERE id IN (SELECT id FROM lunch WHERE startsAt >= ?1 AND startsAt < ?2
                         UNION SELECT id FROM lunch WHERE state IN (\(LunchState.offered.sql), \(LunchState.accepted.sql))
                         UNION SELECT id FROM lunch WHERE createdAt >= ?1 AND createdAt < ?2)
            """, arguments: [periodsStart, end])
        for row in rows {
            let state: LunchState = (try row.decode(forColumn: "state"))
            if let createdDay = days.day(of: (try row.decode(forColumn: "createdAt"))), let key = figures(for: createdDay) {
                self[keyPath: key].lunches.offered += 1
                if state == .declined { self[keyPath: key].lunches.declined += 1 }
            }
            guard state == .held, let startsAt: Date = (try row.decode(forColumn: "startsAt")), startsAt <= now,
                  let day = days.day(of: startsAt), let key = figures(for: day) else { continue }
            self[keyPath: key].lunches.held += 1
            if let cost: Int = (try row.decode(forColumn: "costMinorUnits")), let currency: String = (try row.decode(forColumn: "currency")) {
                addSpend(cost, currency, day: day, lunch: true, to: key)
            }
        }
    }

    private mutating func countGifts(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT sentOn, costMinorUnits, currency FROM gift WHERE sentOn >= ? AND sentOn <= ? AND state = \(GiftState.sent.sql)
            """, arguments: [previous.from, period.to])
        for row in rows {
            let day: CivilDate = (try row.decode(forColumn: "sentOn"))
            guard let key = figures(for: day) else { continue }
            self[keyPath: key].gifts.sent += 1
            if let cost: Int = (try row.decode(forColumn: "costMinorUnits")), let currency: String = (try row.decode(forColumn: "currency")) {
                addSpend(cost, currency, day: day, lunch: false, to: key)
            }
        }
    }

    private mutating func addSpend(_ cost: Int, _ currency: String, day: CivilDate, lunch: Bool,
                                   to key: WritableKeyPath<ReportBuilder, PeriodFigures>) {
        let month = String(day.iso.prefix(7))
        let index = self[keyPath: key].spend.firstIndex { $0.month == month && $0.currency == currency } ?? {
            self[keyPath: key].spend.append(MonthlySpend(month: month, currency: currency, lunchesMinorUnits: 0, giftsMinorUnits: 0))
            return self[keyPath: key].spend.count - 1
        }()
        if lunch { self[keyPath: key].spend[index].lunchesMinorUnits += cost } else { self[keyPath: key].spend[index].giftsMinorUnits += cost }
    }

    private mutating func countMeetings(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT startsAt, prepDoneAt, cancelledAt FROM meeting WHERE startsAt >= ? AND startsAt < ?
            """, arguments: [periodsStart, end])
        for row in rows {
            let startsAt: Date = (try row.decode(forColumn: "startsAt"))
            guard let day = days.day(of: startsAt), let key = figures(for: day) else { continue }
            if ((try row.decode(forColumn: "cancelledAt")) as Date?) != nil {
                self[keyPath: key].meetings.cancelled += 1
            } else if startsAt <= now {
                self[keyPath: key].meetings.held += 1
                if let prep: Date = (try row.decode(forColumn: "prepDoneAt")), prep <= startsAt { self[keyPath: key].meetings.prepared += 1 }
            }
        }
    }

    // MARK: Deals, cadences, cold accounts

    private mutating func countDeals(_ book: BookFacts, _ standing: inout Standing) {
        for deal in book.deals {
            if deal.stage == .open { standing.openDeals += 1 }
            if let openedDay = days.day(of: deal.createdAt), let key = figures(for: openedDay) {
                self[keyPath: key].deals.opened += 1
            }
            guard let closed = deal.closedOn, let key = figures(for: closed) else { continue }
            switch deal.stage {
            case .won: self[keyPath: key].deals.won += 1
            case .lost: self[keyPath: key].deals.lost += 1
            case .notAFit: self[keyPath: key].deals.notAFit += 1
            case .open: break
            }
        }
    }

    private func countLapses(_ book: BookFacts, _ standing: inout Standing) {
        let policy = Policy(rules: rules, calendar: calendar)
        var lapses: [CadenceLapse] = []
        for contact in book.contacts.values {
            guard let cadence = policy.cadence(ownDays: contact.stayInTouchDays, tier: contact.tier),
                  let due = policy.touchDue(lastTouch: contact.latestTouchAt, addedAt: contact.createdAt, cadence: cadence),
                  due < today else { continue }
            lapses.append(CadenceLapse(contactID: contact.id, name: contact.name, tier: contact.tier, cadenceDays: cadence,
                                       lastTouch: contact.latestTouchAt, daysPast: due.days(until: today)))
        }
        standing.pastCadence = lapses.sorted { ($1.daysPast, $0.name, $0.contactID) < ($0.daysPast, $1.name, $1.contactID) }
        standing.medianDaysPastCadence = median(lapses.map(\.daysPast))

        var latest: [Int64: (team: Int, last: Date?)] = [:]
        for contact in book.contacts.values {
            guard let accountID = contact.accountID else { continue }
            var entry = latest[accountID] ?? (0, nil)
            entry.team += 1
            if let touch = contact.latestTouchAt, touch > (entry.last ?? .distantPast) { entry.last = touch }
            latest[accountID] = entry
        }
        var cold: [ColdAccount] = []
        for (accountID, entry) in latest {
            guard let account = book.accounts[accountID] else { continue }
            let since = calendar.day(of: entry.last ?? account.createdAt)
            let idle = since.days(until: today)
            if idle >= rules.coldAccountDays {
                cold.append(ColdAccount(accountID: accountID, name: account.name, teamSize: entry.team, lastTouch: entry.last, daysSinceTouch: idle))
            }
        }
        standing.coldAccounts = cold.sorted { ($1.daysSinceTouch, $0.name) < ($0.daysSinceTouch, $1.name) }
    }

    // MARK: Segments

    private func segmentFigures(_ book: BookFacts, touches: TouchCounts, standing: Standing) -> [SegmentFigures] {
        var bySegment: [Int64?: SegmentFigures] = [:]
        for segment in book.segments { bySegment[segment.id] = SegmentFigures(segment: segment) }
        func add(_ accountID: Int64?, _ change: (inout SegmentFigures) -> Void) {
            guard let accountID, let account = book.accounts[accountID] else { return }
            change(&bySegment[account.segmentID, default: SegmentFigures(segment: nil)])
        }
        for account in book.accounts.values { add(account.id) { $0.accounts += 1 } }
        for contact in book.contacts.values { add(contact.accountID) { $0.contacts += 1 } }
        for deal in book.deals {
            add(deal.accountID) { figures in
                if deal.stage == .open { figures.openDeals += 1 }
                guard let closed = deal.closedOn, period.contains(closed) else { return }
                switch deal.stage {
                case .won: figures.deals.won += 1
                case .lost: figures.deals.lost += 1
                case .notAFit: figures.deals.notAFit += 1
                case .open: break
                }
            }
        }
        for (accountID, count) in touches.byAccountInPeriod { add(accountID) { $0.touches += count } }
        for lapse in standing.pastCadence { add(book.contacts[lapse.contactID]?.accountID) { $0.pastCadence += 1 } }
        for account in standing.coldAccounts { add(account.accountID) { $0.coldAccounts += 1 } }
        let total = max(current.touches.total, 1)
        var result = book.segments.compactMap { bySegment[$0.id] }
        if let unassigned = bySegment[nil], unassigned.accounts > 0 { result.append(unassigned) }
        let evenShare = 1 / Double(max(result.count, 1))
        for index in result.indices {
            result[index].shareOfTouches = Double(result[index].touches) / Double(total)
            if current.touches.total > 0 {
                result[index].effort = SegmentEffort.judge(result[index].segment?.quadrant, share: result[index].shareOfTouches, evenShare: evenShare)
            }
        }
        return result
    }
}

/// What the report needs of every contact, account, segment and deal: read
/// once, small next to the history.
struct BookFacts {
    struct ContactFacts {
        var id: Int64, name: String, accountID: Int64?, tier: Tier?, stayInTouchDays: Int?, latestTouchAt: Date?, createdAt: Date
    }
    var contacts: [Int64: ContactFacts] = [:]
    var contactsByTier: [Tier?: Int] = [:]
    var accounts: [Int64: Account] = [:]
    var segments: [Segment]
    var deals: [Deal]

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, accountID, tier, stayInTouchDays, latestTouchAt, createdAt FROM contact")
        while let row = try rows.next() {
            do {
                let contact = ContactFacts(id: (try row.decode(atIndex: 0)), name: (try row.decode(atIndex: 1)), accountID: (try row.decode(atIndex: 2)), tier: (try row.decode(atIndex: 3)), stayInTouchDays: (try row.decode(atIndex: 4)),
                                           latestTouchAt: (try row.decode(atIndex: 5)), createdAt: (try row.decode(atIndex: 6)))
                contacts[contact.id] = contact
                contactsByTier[contact.tier, default: 0] += 1
            } catch where UnreadableRows.isUnreadable(error) {
                UnreadableRows.note() // the rest of the report still counts
            }
        }
        for account in try Account.fetchAll(db) { accounts[account.id!] = account }
        segments = try Segment.order(sql: "name COLLATE NOCASE").fetchAll(db)
        deals = try Deal.fetchAll(db)
    }
}

/// Touch counts that are not per period: the weekly series and per account.
struct TouchCounts {
    var weekly: [Int]
    var accountWeeks: [Int64: [Int]] = [:]
    var byAccountInPeriod: [Int64: Int] = [:]

    init(weeks: Int) { weekly = Array(repeating: 0, count: weeks) }

    func accountWeeks(_ book: BookFacts) -> [AccountWeeks] {
        accountWeeks.map { AccountWeeks(accountID: $0.key, name: book.accounts[$0.key]?.name ?? "", counts: $0.value) }
            .sorted { ($1.counts.reduce(0, +), $0.name) < ($0.counts.reduce(0, +), $1.name) }
    }
}

/// The local day of an instant by binary search over the first instants of
/// a range of days: one time-zone computation a day, not one a row.
struct DayIndex {
    let firstDay: CivilDate
    /// The first instant of each day and of the day after the last, in seconds since 1970.
    let starts: [Double]

    init(from: CivilDate, to: CivilDate, calendar: LocalCalendar) {
        firstDay = from
        starts = (0...(from.days(until: to) + 1)).map { calendar.startOfDay(from.adding(days: $0)).timeIntervalSince1970 }
    }

    var start: Date { Date(timeIntervalSince1970: starts[0]) }
    var end: Date { Date(timeIntervalSince1970: starts[starts.count - 1]) }

    /// Days after `firstDay` of the instant `seconds` since 1970; nil outside the range.
    func index(ofSeconds seconds: Double) -> Int? {
        guard seconds >= starts[0], seconds < starts[starts.count - 1] else { return nil }
        var low = 0, high = starts.count - 1 // starts[low] <= seconds < starts[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= seconds { low = middle } else { high = middle }
        }
        return low
    }

    /// The local day of an instant; nil outside the range.
    func day(of instant: Date) -> CivilDate? {
        index(ofSeconds: instant.timeIntervalSince1970).map { firstDay.adding(days: $0) }
    }
}

/// SQL for a stored instant as seconds since 1970, to the millisecond
/// (NULL stays NULL): cheaper than parsing the text into a Date in Swift.
func epoch(_ column: String) -> String {
    "round((julianday(\(column)) - 2440587.5) * 86400000.0) / 1000.0"
}

/// The median of whole numbers; nil for none.
func median(_ values: [Int]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
}
