/// How a recurring follow-up repeats. The next occurrence is always counted
/// from the previous due date, never from when it was done, so a monthly
/// report stays on its day however late it was finished.
public enum Recurrence: Hashable, Sendable {
    /// Every N days.
    case days(Int)
    /// Every N weeks, on the weekday of the due date.
    case weeks(Int)
    /// Every N months on day `day` of the month; in a month too short for
    /// that day it lands on the month's last day ("every month on the 31st"
    /// is due on 30 April and 28 February).
    case months(Int, day: Int)
    /// The n-th (1…4) or last (-1) given weekday of every month:
    /// "every first Monday", "every last Friday".
    case monthlyWeekday(ordinal: Int, weekday: Weekday)
    /// Every week on each of these weekdays: "every mon and thu", "every weekday".
    case onWeekdays(Set<Weekday>)

    /// The first occurrence after `due`.
    public func next(after due: CivilDate) -> CivilDate {
        switch self {
        case .days(let n):
            return due.adding(days: n)
        case .weeks(let n):
            return due.adding(days: 7 * n)
        case .months(let n, let day):
            let month = due.firstOfMonth.adding(months: n)
            return CivilDate(existing: month.year, month: month.month,
                             day: min(day, CivilDate.daysIn(month: month.month, year: month.year)))
        case .monthlyWeekday(let ordinal, let weekday):
            var month = due.firstOfMonth
            while true {
                let candidate = Recurrence.weekday(ordinal, weekday, inMonthOf: month)
                if candidate > due { return candidate }
                month = month.adding(months: 1)
            }
        case .onWeekdays:
            return firstOccurrence(onOrAfter: due.adding(days: 1))
        }
    }

    /// The first occurrence on or after `day`: where a new series starts.
    public func firstOccurrence(onOrAfter day: CivilDate) -> CivilDate {
        switch self {
        case .days, .weeks:
            return day
        case .months(_, let dayOfMonth):
            let here = CivilDate(existing: day.year, month: day.month,
                                 day: min(dayOfMonth, CivilDate.daysIn(month: day.month, year: day.year)))
            if here >= day { return here }
            let nextMonth = day.firstOfMonth.adding(months: 1)
            return CivilDate(existing: nextMonth.year, month: nextMonth.month,
                             day: min(dayOfMonth, CivilDate.daysIn(month: nextMonth.month, year: nextMonth.year)))
        case .monthlyWeekday(let ordinal, let weekday):
            let here = Recurrence.weekday(ordinal, weekday, inMonthOf: day)
            if here >= day { return here }
            return Recurrence.weekday(ordinal, weekday, inMonthOf: day.firstOfMonth.adding(months: 1))
        case .onWeekdays(let days):
            guard !days.isEmpty else { return day }
            var candidate = day
            while !days.contains(candidate.weekday) { candidate = candidate.adding(days: 1) }
            return candidate
        }
    }

    /// The canonical phrase, which `RecurrencePhrase.parse` reads back to the same value.
    public var phrase: String {
        switch self {
        case .days(1): return "every day"
        case .days(let n): return "every \(n) days"
        case .weeks(1): return "every week"
        case .weeks(let n): return "every \(n) weeks"
        case .months(1, let day): return "every month on day \(day)"
        case .months(let n, let day): return "every \(n) months on day \(day)"
        case .monthlyWeekday(let ordinal, let weekday):
            let word = ordinal == -1 ? "last" : ["first", "second", "third", "fourth"][ordinal - 1]
            return "every \(word) \(weekday.name.lowercased())"
        case .onWeekdays(let days):
            if days == Recurrence.workWeek { return "every weekday" }
            return "every " + days.sorted { $0.rawValue < $1.rawValue }.map { $0.name.lowercased() }.joined(separator: " and ")
        }
    }

    /// Monday to Friday: what "every weekday" means.
    static let workWeek: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    static func weekday(_ ordinal: Int, _ weekday: Weekday, inMonthOf date: CivilDate) -> CivilDate {
        if ordinal == -1 {
            let last = date.lastDayOfMonth
            let back = (last.weekday.rawValue - weekday.rawValue + 7) % 7
            return last.adding(days: -back)
        }
        let first = date.firstOfMonth
        let forward = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: forward + 7 * (ordinal - 1))
    }
}
