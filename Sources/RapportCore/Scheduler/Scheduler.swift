import Foundation

/// Computes the agenda: what is overdue, due today and coming up.
///
/// The rules (each documented on the case that applies it):
/// - a date-only item is due by the end of its local day and overdue from
///   the next day; a timed item is overdue from its instant;
/// - "today" is the user's local day in `calendar`, whatever the offset;
/// - the agenda is in time order: by due day (most overdue first); within
///   a day, timed items by their time, then the date-only items; the
///   highest tier among the item's contacts (A, B, C, none), then kind (the
///   order of `ItemKind`), then reference only break ties.
public struct Scheduler: Sendable {
    public var rules: SchedulerRules { didSet { policy = Policy(rules: rules, calendar: calendar) } }
    public var calendar: LocalCalendar { didSet { policy = Policy(rules: rules, calendar: calendar) } }
    /// The rules this scheduler applies (made once, not for every item).
    public private(set) var policy: Policy

    public init(rules: SchedulerRules = .default, calendar: LocalCalendar) {
        self.rules = rules
        self.calendar = calendar
        policy = Policy(rules: rules, calendar: calendar)
    }

    /// The window for `now`, upcoming `days` days after today.
    public func window(now: Date, upcomingDays days: Int) -> AgendaWindow {
        let today = calendar.day(of: now)
        let horizon = today.adding(days: max(days, 0))
        return AgendaWindow(now: now, today: today, horizon: horizon,
                            startOfToday: calendar.startOfDay(today), endOfHorizon: calendar.endOfDay(horizon))
    }

    /// The agenda at `now` from `source`, with `upcomingDays` days ahead.
    public func agenda(from source: any AgendaSource, now: Date, upcomingDays: Int = 7) throws -> Agenda {
        let window = window(now: now, upcomingDays: upcomingDays)
        let candidates = try source.agendaCandidates(in: window, rules: rules)
        return agenda(for: candidates, in: window)
    }

    /// The agenda of one contact's items.
    public func agenda(of contactID: Int64, from source: any AgendaSource, now: Date, upcomingDays: Int = 366) throws -> Agenda {
        let window = window(now: now, upcomingDays: upcomingDays)
        let candidates = try source.agendaCandidates(in: window, rules: rules, contactID: contactID)
        let agenda = agenda(for: candidates, in: window)
        // A gift suggested to the whole team includes this contact only if they are on it.
        func mine(_ items: [AgendaItem]) -> [AgendaItem] { items.filter { $0.contacts.contains { $0.id == contactID } } }
        return Agenda(now: agenda.now, today: agenda.today, overdue: mine(agenda.overdue), dueToday: mine(agenda.dueToday),
                      upcoming: mine(agenda.upcoming), horizon: agenda.horizon)
    }

    /// The agenda from candidates already read: the pure heart of the scheduler.
    public func agenda(for candidates: [AgendaCandidate], in window: AgendaWindow) -> Agenda {
        var overdue: [AgendaItem] = [], today: [AgendaItem] = [], upcoming: [AgendaItem] = []
        for candidate in candidates {
            for item in items(for: candidate, in: window) {
                if item.isOverdue {
                    overdue.append(item)
                } else if item.dueDay == window.today {
                    today.append(item)
                } else if item.dueDay > window.today && item.dueDay <= window.horizon {
                    upcoming.append(item)
                }
            }
        }
        return Agenda(now: window.now, today: window.today, overdue: sorted(overdue), dueToday: sorted(today),
                      upcoming: sorted(upcoming), horizon: window.horizon)
    }


    /// The agenda's order; see the type's documentation.
    public func order(_ a: AgendaItem, _ b: AgendaItem) -> Bool {
        sortKey(a) < sortKey(b)
    }

    /// What the agenda is ordered by, in that order.
    struct SortKey: Comparable {
        /// `time` is the instant of a timed item; date-only items sort after
        /// every timed item of their day (`timed` false) and tie on time.
        var day: Int, timed: Bool, time: Double, tier: Int, kind: Int, ref: ItemRef

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.day != b.day { return a.day < b.day }
            if a.timed != b.timed { return a.timed }
            if a.time != b.time { return a.time < b.time }
            if a.tier != b.tier { return a.tier < b.tier }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.ref < b.ref
        }
    }

    func sortKey(_ item: AgendaItem) -> SortKey {
        let tier = item.tier.map { Tier.allCases.firstIndex(of: $0)! } ?? Tier.allCases.count
        switch item.due {
        case .instant(let instant):
            return SortKey(day: item.dueDay.daysSinceEpoch, timed: true, time: instant.timeIntervalSince1970,
                           tier: tier, kind: item.kind.rank, ref: item.ref)
        case .day:
            return SortKey(day: item.dueDay.daysSinceEpoch, timed: false, time: 0, tier: tier, kind: item.kind.rank, ref: item.ref)
        }
    }

    /// Sorts by `order`, computing each key once (deadlines need the time zone).
    private func sorted(_ items: [AgendaItem]) -> [AgendaItem] {
        // Positions are sorted, not the items: an item is large, and moving it costs.
        let keys = items.map(sortKey)
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }

    /// The items one candidate yields in `window` (none, one, or for a
    /// meeting two): its placements shown at the window's moment.
    func items(for candidate: AgendaCandidate, in window: AgendaWindow) -> [AgendaItem] {
        placements(for: candidate, today: window.today).compactMap { placement in
            guard placement.isShown(at: window.now) else { return nil }
            return item(placement, candidate, window: window)
        }
    }

    /// Where the rules place a candidate's items, whatever the moment: when
    /// each is due, whether it can be late, and from when until when it is
    /// shown at all. `today` only picks a birthday's occasions (the next one
    /// on or after it, and the one after that). The agenda index stores
    /// these; `items(for:in:)` shows them at a moment — one rule for both.
    public func placements(for candidate: AgendaCandidate, today: CivilDate) -> [Placement] {
        let placements = unsnoozedPlacements(for: candidate, today: today)
        guard let until = candidate.snoozedUntil else { return placements }
        // An item put off to a later day is due on that day instead.
        return placements.map { placement in
            guard placement.kind != .followUp, placement.kind != .meeting, placement.due.day(in: calendar) < until else { return placement }
            var moved = placement
            moved.due = .day(until)
            moved.canBeLate = true
            let original = placement.due.day(in: calendar)
            moved.detail = { year in
                [placement.detail(year), "put off from \(DateText.shortDay(original))"].compactMap { $0 }.joined(separator: "; ")
            }
            return moved
        }
    }

    private func unsnoozedPlacements(for candidate: AgendaCandidate, today: CivilDate) -> [Placement] {
        switch candidate.basis {
        case .followUp(let due, let snoozes):
            return [Placement(.followUp, due: due, detail: { _ in snoozes > 0 ? "snoozed \(snoozes)×" : nil })]

        case .thankYou(let meetingStart):
            // Owed once the meeting has happened.
            let meetingDay = calendar.day(of: meetingStart)
            let dueDay = policy.thankYouDue(meetingDay: meetingDay)
            return [Placement(.thankYou, due: .day(dueDay), shownFrom: meetingStart,
                              detail: { year in "met \(DateText.day(meetingDay, relativeToYear: year))" })]

        case .standaloneThankYou(let due):
            return [Placement(.thankYou, due: .day(due))]

        case .meeting(let start, let bookedAt, let prepDone):
            var result: [Placement] = []
            let meetingDay = calendar.day(of: start)
            // Research stops being asked for once the meeting has started.
            if !prepDone, let prepDue = policy.preparationDue(meetingStart: start, bookedAt: bookedAt) {
                let time = DateText.time(calendar.time(of: start))
                result.append(Placement(.prep, due: prepDue, shownUntil: start,
                                        detail: { _ in "meeting \(DateText.shortDay(meetingDay)) \(time)" }))
            }
            // The meeting itself is an appointment: listed on its day, never late.
            result.append(Placement(.meeting, due: .instant(start), canBeLate: false, shownUntil: calendar.endOfDay(meetingDay)))
            return result

        case .stayInTouch(let lastTouch, let addedAt, let ownCadence):
            guard let cadence = policy.cadence(ownDays: ownCadence, tier: candidate.contacts.first?.tier),
                  let due = policy.touchDue(lastTouch: lastTouch, addedAt: addedAt, cadence: cadence) else { return [] }
            let since = calendar.day(of: lastTouch ?? addedAt)
            let touched = lastTouch != nil
            return [Placement(.stayInTouch, due: .day(due), detail: { year in
                touched ? "every \(cadence) d; last touch \(DateText.day(since, relativeToYear: year))"
                    : "every \(cadence) d; no touch since added \(DateText.day(since, relativeToYear: year))"
            })]

        case .lunchDue(let lastLunch, let addedAt, let cadence):
            let last = lastLunch.map { calendar.day(of: $0) }
            return [Placement(.lunchDue, due: .day(policy.lunchDue(lastLunch: lastLunch, addedAt: addedAt, cadence: cadence)),
                              detail: { year in
                last.map { "every \(cadence) d; last lunch \(DateText.day($0, relativeToYear: year))" } ?? "every \(cadence) d; no lunch yet"
            })]

        case .lunch(let start):
            // A lunch whose time has passed and is still only offered or
            // accepted is late: it needs marking held, declined or cancelled.
            return [Placement(.lunch, due: .instant(start))]

        case .gift(let sendBy):
            return [Placement(.gift, due: .day(sendBy))]

        case .birthday(let birthday, let sentYears):
            return occasionPlacements(.birthday, birthday, sentYears: sentYears, today: today) { occasion in
                "birthday \(DateText.shortDay(occasion))" + (birthday.year.map { " (turns \(occasion.year - $0))" } ?? "")
            }

        case .anniversary(let anniversary, let sentYears):
            return occasionPlacements(.anniversary, anniversary, sentYears: sentYears, today: today) { occasion in
                let years = anniversary.year.map { occasion.year - $0 }.flatMap { $0 > 0 ? " (\($0) years)" : nil } ?? ""
                return "anniversary \(DateText.shortDay(occasion))\(years)"
            }

        case .giftSuggestion(let closedOn, let teamSize):
            guard let due = policy.giftSuggestionDue(closedOn: closedOn, teamSize: teamSize) else { return [] }
            return [Placement(.giftSuggestion, due: .day(due), detail: { year in
                "won \(DateText.day(closedOn, relativeToYear: year)), team of \(teamSize)"
            })]
        }
    }

    /// A yearly occasion's card (a birthday, an anniversary), due as
    /// `Policy.birthdayDue` says. Each occasion is shown from the day after
    /// the one before it until its own day ends; a year whose card was sent
    /// (or skipped) has none. The next two occasions from `today`.
    private func occasionPlacements(_ kind: ItemKind, _ date: Birthday, sentYears: Set<Int>, today: CivilDate,
                                    detail: @escaping @Sendable (CivilDate) -> String) -> [Placement] {
        var result: [Placement] = []
        let rule = kind == .anniversary ? policy.anniversaryDue : policy.birthdayDue
        var (occasion, due) = rule(date, today)
        var previous = rule(date, CivilDate(year: occasion.year - 1, month: 1, day: 1)!).occasion
        for _ in 0..<2 {
            if !sentYears.contains(occasion.year) {
                let shown = occasion
                result.append(Placement(kind, due: .day(due), shownFrom: calendar.startOfDay(previous.adding(days: 1)),
                                        shownUntil: calendar.endOfDay(occasion), detail: { _ in detail(shown) }))
            }
            previous = occasion
            (occasion, due) = rule(date, occasion.adding(days: 1))
        }
        return result
    }

    private func item(_ placement: Placement, _ candidate: AgendaCandidate, window: AgendaWindow) -> AgendaItem {
        let dueDay = placement.due.day(in: calendar)
        let late = placement.canBeLate && placement.due.deadline(in: calendar) <= window.now
        return AgendaItem(ref: ItemRef(placement.kind, candidate.id), title: candidate.title, contacts: candidate.contacts,
                          account: candidate.account, due: placement.due, dueDay: dueDay,
                          overdueDays: late ? max(0, dueDay.days(until: window.today)) : 0,
                          isOverdue: late, detail: placement.detail(window.today.year))
    }
}

/// One item as the rules place it, before a moment is chosen.
public struct Placement: Sendable {
    public var kind: ItemKind
    public var due: Due
    /// False for an appointment (a meeting), which is listed but never late.
    public var canBeLate: Bool
    /// Shown from this instant on (a thank-you once its meeting has started).
    public var shownFrom: Date?
    /// Shown only before this instant (preparation until its meeting starts,
    /// a meeting until its day ends, a birthday until its occasion's day ends).
    public var shownUntil: Date?
    /// The detail line, given the year the agenda is read in (dates of that year are written without it).
    public var detail: @Sendable (Int) -> String?

    init(_ kind: ItemKind, due: Due, canBeLate: Bool = true, shownFrom: Date? = nil, shownUntil: Date? = nil,
         detail: @escaping @Sendable (Int) -> String? = { _ in nil }) {
        self.kind = kind
        self.due = due
        self.canBeLate = canBeLate
        self.shownFrom = shownFrom
        self.shownUntil = shownUntil
        self.detail = detail
    }

    public func isShown(at now: Date) -> Bool {
        (shownFrom.map { $0 <= now } ?? true) && (shownUntil.map { now < $0 } ?? true)
    }

    /// The first instant it is late, nil for an appointment.
    public func deadline(in calendar: LocalCalendar) -> Date? {
        canBeLate ? due.deadline(in: calendar) : nil
    }
}
