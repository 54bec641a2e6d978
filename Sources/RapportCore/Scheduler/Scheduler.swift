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
        items.map { (key: sortKey($0), item: $0) }.sorted { $0.key < $1.key }.map(\.item)
    }

    /// The items one candidate yields (none, one, or for a meeting two). An
    /// item put off to a later day is due on that day instead.
    func items(for candidate: AgendaCandidate, in window: AgendaWindow) -> [AgendaItem] {
        let items = unsnoozedItems(for: candidate, in: window)
        guard let until = candidate.snoozedUntil else { return items }
        return items.map { item in
            guard item.kind != .followUp, item.kind != .meeting, item.dueDay < until else { return item }
            var moved = self.item(item.kind, candidate, due: .day(until), window: window, detail: item.detail, canBeLate: true)
            moved.detail = [item.detail, "put off from \(DateText.shortDay(item.dueDay))"].compactMap { $0 }.joined(separator: "; ")
            return moved
        }
    }

    private func unsnoozedItems(for candidate: AgendaCandidate, in window: AgendaWindow) -> [AgendaItem] {
        switch candidate.basis {
        case .followUp(let due, let snoozes):
            return [item(.followUp, candidate, due: due, window: window,
                         detail: snoozes > 0 ? "snoozed \(snoozes)×" : nil, canBeLate: true)]

        case .thankYou(let meetingStart):
            // Owed once the meeting has happened.
            guard meetingStart <= window.now else { return [] }
            let meetingDay = calendar.day(of: meetingStart)
            let dueDay = policy.thankYouDue(meetingDay: meetingDay)
            return [item(.thankYou, candidate, due: .day(dueDay), window: window,
                         detail: "met \(DateText.day(meetingDay, relativeToYear: window.today.year))", canBeLate: true)]

        case .standaloneThankYou(let due):
            return [item(.thankYou, candidate, due: .day(due), window: window, detail: nil, canBeLate: true)]

        case .meeting(let start, let bookedAt, let prepDone):
            var result: [AgendaItem] = []
            // Research stops being asked for once the meeting has started.
            if !prepDone && start > window.now, let prepDue = policy.preparationDue(meetingStart: start, bookedAt: bookedAt) {
                let meetingDay = calendar.day(of: start)
                result.append(item(.prep, candidate, due: prepDue, window: window,
                                   detail: "meeting \(DateText.shortDay(meetingDay)) \(DateText.time(calendar.time(of: start)))",
                                   canBeLate: true))
            }
            // The meeting itself is an appointment: listed on its day, never late.
            if start >= window.startOfToday {
                result.append(item(.meeting, candidate, due: .instant(start), window: window, detail: nil, canBeLate: false))
            }
            return result

        case .stayInTouch(let lastTouch, let addedAt, let ownCadence):
            guard let cadence = policy.cadence(ownDays: ownCadence, tier: candidate.contacts.first?.tier),
                  let due = policy.touchDue(lastTouch: lastTouch, addedAt: addedAt, cadence: cadence) else { return [] }
            let since = calendar.day(of: lastTouch ?? addedAt)
            let year = window.today.year
            let detail = lastTouch.map { "every \(cadence) d; last touch \(DateText.day(calendar.day(of: $0), relativeToYear: year))" }
                ?? "every \(cadence) d; no touch since added \(DateText.day(since, relativeToYear: year))"
            return [item(.stayInTouch, candidate, due: .day(due), window: window,
                         detail: detail, canBeLate: true)]

        case .lunchDue(let lastLunch, let addedAt, let cadence):
            let detail = lastLunch.map { "every \(cadence) d; last lunch \(DateText.day(calendar.day(of: $0), relativeToYear: window.today.year))" }
                ?? "every \(cadence) d; no lunch yet"
            return [item(.lunchDue, candidate, due: .day(policy.lunchDue(lastLunch: lastLunch, addedAt: addedAt, cadence: cadence)), window: window,
                         detail: detail, canBeLate: true)]

        case .lunch(let start):
            // A lunch whose time has passed and is still only offered or
            // accepted is late: it needs marking held, declined or cancelled.
            return [item(.lunch, candidate, due: .instant(start), window: window, detail: nil, canBeLate: true)]

        case .gift(let sendBy):
            return [item(.gift, candidate, due: .day(sendBy), window: window, detail: nil, canBeLate: true)]

        case .birthday(let birthday, let sentYears):
            let (occasion, due) = policy.birthdayDue(birthday, today: window.today)
            guard !sentYears.contains(occasion.year) else { return [] }
            let turns = birthday.year.map { " (turns \(occasion.year - $0))" } ?? ""
            return [item(.birthday, candidate, due: .day(due), window: window,
                         detail: "birthday \(DateText.shortDay(occasion))\(turns)", canBeLate: true)]

        case .anniversary(let anniversary, let sentYears):
            let (occasion, due) = policy.anniversaryDue(anniversary, today: window.today)
            guard !sentYears.contains(occasion.year) else { return [] }
            let years = anniversary.year.map { occasion.year - $0 }.flatMap { $0 > 0 ? " (\($0) years)" : nil } ?? ""
            return [item(.anniversary, candidate, due: .day(due), window: window,
                         detail: "anniversary \(DateText.shortDay(occasion))\(years)", canBeLate: true)]

        case .giftSuggestion(let closedOn, let teamSize):
            guard let due = policy.giftSuggestionDue(closedOn: closedOn, teamSize: teamSize) else { return [] }
            return [item(.giftSuggestion, candidate, due: .day(due), window: window,
                         detail: "won \(DateText.day(closedOn, relativeToYear: window.today.year)), team of \(teamSize)", canBeLate: true)]
        }
    }

    private func item(_ kind: ItemKind, _ candidate: AgendaCandidate, due: Due, window: AgendaWindow,
                      detail: String?, canBeLate: Bool) -> AgendaItem {
        let dueDay = due.day(in: calendar)
        let late = canBeLate && due.deadline(in: calendar) <= window.now
        return AgendaItem(ref: ItemRef(kind, candidate.id), title: candidate.title, contacts: candidate.contacts,
                          account: candidate.account, due: due, dueDay: dueDay,
                          overdueDays: late ? max(0, dueDay.days(until: window.today)) : 0,
                          isOverdue: late, detail: detail)
    }
}
