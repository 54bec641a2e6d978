import Foundation

/// Every scheduling rule, said once. The scheduler, the report card, the
/// contact cards, the commands, quick-add and the forms ask it; the SQL that
/// narrows the agenda's candidates is bounded by `candidateMarginDays`.
///
/// The settings the rules read (cadences, thank-you days, the weekend, the
/// gift threshold) are `SchedulerRules`, stored in the book.
public struct Policy: Sendable {
    public var rules: SchedulerRules
    public var calendar: LocalCalendar

    public init(rules: SchedulerRules = .default, calendar: LocalCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    /// A meeting's thank-you note is due by the end of the `thank-you-days`-th
    /// business day after the meeting (Friday's meeting → Monday); with 0,
    /// by the end of the meeting's own day.
    public func thankYouDue(meetingDay: CivilDate) -> CivilDate {
        rules.businessDay(after: meetingDay, count: rules.thankYouBusinessDays)
    }

    /// A thank-you note owed by itself ("thanks Dana for the intro") with no
    /// day given is due as a meeting's would be, counted from `today`.
    public func standaloneThankYouDue(today: CivilDate) -> CivilDate {
        thankYouDue(meetingDay: today)
    }

    /// Research before a meeting is due by the end of the business day
    /// before it — but never before the moment the meeting was booked: one
    /// booked after that (the same day, or the evening before) is due at its
    /// start. Nil when nothing is to prepare: the meeting has started, or it
    /// was logged after it happened.
    public func preparationDue(meetingStart: Date, bookedAt: Date) -> Due? {
        guard bookedAt < meetingStart else { return nil }
        let dayBefore = rules.businessDay(before: calendar.day(of: meetingStart))
        if calendar.endOfDay(dayBefore) <= bookedAt {
            return .instant(meetingStart)
        }
        return .day(dayBefore)
    }

    /// A contact's stay-in-touch cadence in days: their own, else their tier's.
    public func cadence(ownDays: Int?, tier: Tier?) -> Int? {
        ownDays ?? tier.flatMap { rules.tierCadenceDays[$0] }
    }

    /// The day a contact is due a touch: the latest touch (a booked meeting
    /// included) or, never touched, the day they were added, plus the
    /// cadence — moved to the next business day when it falls on a weekend
    /// day or a holiday.
    public func touchDue(lastTouch: Date?, addedAt: Date, cadence: Int?) -> CivilDate? {
        cadence.map { rules.businessDay(onOrAfter: calendar.day(of: lastTouch ?? addedAt).adding(days: $0)) }
    }

    /// The day a contact is due a touch, from their own fields.
    public func touchDue(of contact: Contact) -> CivilDate? {
        touchDue(lastTouch: contact.latestTouchAt, addedAt: contact.createdAt,
                 cadence: cadence(ownDays: contact.stayInTouchDays, tier: contact.tier))
    }

    /// A favourite's next lunch: the lunch cadence after the last lunch held
    /// (never: after they were added), on the next business day from there.
    public func lunchDue(lastLunch: Date?, addedAt: Date, cadence: Int) -> CivilDate {
        rules.businessDay(onOrAfter: calendar.day(of: lastLunch ?? addedAt).adding(days: cadence))
    }

    /// A deal won with a buyer team of `gift-team-size` or more suggests a
    /// gift to the team, due `gift-days` after closing; nil for a smaller team.
    public func giftSuggestionDue(closedOn: CivilDate, teamSize: Int) -> CivilDate? {
        teamSize >= rules.giftTeamSizeThreshold ? closedOn.adding(days: rules.giftDelayDays) : nil
    }

    /// A birthday's next occasion on or after `today` (29 February is kept on
    /// the 28th in other years), and the day its card is due: `birthday-lead`
    /// days before, on the business day on or before that, so it arrives in time.
    public func birthdayDue(_ birthday: Birthday, today: CivilDate) -> (occasion: CivilDate, due: CivilDate) {
        let next = Policy.nextOccasion(of: birthday, onOrAfter: today)
        let due = next.adding(days: -rules.birthdayLeadDays)
        return (next, rules.isBusinessDay(due) ? due : rules.businessDay(before: due))
    }

    /// A yearly date's next occasion on or after `today`: 29 February is
    /// kept on the 28th in other years. (Briefs ask it too.)
    public static func nextOccasion(of date: Birthday, onOrAfter today: CivilDate) -> CivilDate {
        func occasion(in year: Int) -> CivilDate {
            CivilDate(year: year, month: date.month, day: date.day) ?? CivilDate(year: year, month: date.month, day: date.day - 1)!
        }
        let this = occasion(in: today.year)
        return this < today ? occasion(in: today.year + 1) : this
    }

    /// An anniversary's card follows the birthday rule: the next occasion on
    /// or after `today`, due `birthday-lead` days before, on a business day.
    public func anniversaryDue(_ anniversary: Birthday, today: CivilDate) -> (occasion: CivilDate, due: CivilDate) {
        birthdayDue(anniversary, today: today)
    }

    /// When something given only a day happened or happens: `time` when one
    /// was given; else now, for today; else `defaultTime`, or noon.
    public func instant(for when: When, now: Date, defaultTime: LocalTime? = nil) -> Date {
        if let time = when.time ?? defaultTime { return calendar.instant(on: when.day, at: time) }
        return when.day == calendar.day(of: now) ? now : calendar.instant(on: when.day, at: .noon)
    }

    /// The instant a thing done on `day` is recorded at (a gift sent on a
    /// day, a note sent on a day): now for today, noon on another day.
    public func instant(on day: CivilDate, now: Date) -> Date {
        instant(for: When(day: day), now: now)
    }

    /// Days of margin the agenda's SQL adds around the window so that no
    /// item the rules would show is left out: a timed item's stored day may
    /// differ from its local day by a change of zone (one day each way).
    /// Cadence days moved to the next business day only move later, so
    /// the SQL's unmoved day never drops one.
    public static let candidateMarginDays = 2
}
