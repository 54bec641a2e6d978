/// The rules the scheduler applies, with their defaults. They are stored in
/// the database (`RapportStore.rules()`), so every front end uses the same.
public struct SchedulerRules: Sendable, Equatable {
    /// Days that are not business days.
    public var weekend: Set<Weekday> = [.saturday, .sunday]
    /// Public holidays: not business days either.
    public var holidays: Set<CivilDate> = []
    /// Business days after a meeting by whose end a thank-you note is due (0: the same day).
    public var thankYouBusinessDays = 1
    /// Days before a birthday or anniversary that its card is due.
    public var birthdayLeadDays = 3
    /// Stay-in-touch cadence in days for contacts without their own.
    public var tierCadenceDays: [Tier: Int] = [.a: 14, .b: 30, .c: 90]
    /// A won deal with at least this many people on the buyer's side suggests a gift.
    public var giftTeamSizeThreshold = 5
    /// Days after closing by which the suggested gift is due.
    public var giftDelayDays = 7
    /// Days without a touch with anyone at an account after which the report counts it cold.
    public var coldAccountDays = 60
    /// How long a meeting lasts in an exported calendar when its end is not known (lunches: 90 minutes).
    public var meetingMinutes = 60
    /// Whether exported calendar events and to-dos carry a reminder (VALARM).
    public var calendarReminders = true
    /// Days a completed item stays in an exported calendar, marked completed.
    public var keepCompletedDays = 14

    public init() {}

    public static let `default` = SchedulerRules()

    public func isBusinessDay(_ day: CivilDate) -> Bool { !weekend.contains(day.weekday) && !holidays.contains(day) }

    /// The `count`-th business day after `day` (Friday + 1 → Monday); `day`
    /// itself for a count of 0.
    public func businessDay(after day: CivilDate, count: Int = 1) -> CivilDate {
        guard weekend.count < 7 else { return day.adding(days: count) }
        var result = day
        var remaining = max(count, 0)
        while remaining > 0 {
            result = result.adding(days: 1)
            if isBusinessDay(result) { remaining -= 1 }
        }
        return result
    }

    /// `day` when it is a business day, else the next one (Saturday → Monday).
    public func businessDay(onOrAfter day: CivilDate) -> CivilDate {
        guard weekend.count < 7 else { return day }
        var result = day
        while !isBusinessDay(result) { result = result.adding(days: 1) }
        return result
    }

    /// The last business day before `day` (Monday → Friday).
    public func businessDay(before day: CivilDate) -> CivilDate {
        guard weekend.count < 7 else { return day.adding(days: -1) }
        var result = day.adding(days: -1)
        while !isBusinessDay(result) { result = result.adding(days: -1) }
        return result
    }
}
