import Foundation

/// Dates as Rapport shows them: short, unambiguous, English, no locale
/// surprises ("Fri 27 Nov", "Fri 27 Nov 2027" outside the current year).
public enum DateText {
    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Fri 27 Nov".
    public static func shortDay(_ day: CivilDate) -> String {
        "\(day.weekday.shortName) \(day.day) \(monthAbbreviations[day.month - 1])"
    }

    /// "Fri 27 Nov", with the year when it is not `year`.
    public static func day(_ day: CivilDate, relativeToYear year: Int) -> String {
        shortDay(day) + (day.year == year ? "" : " \(day.year)")
    }

    /// "14:05".
    public static func time(_ time: LocalTime) -> String { time.description }

    /// How long ago a touch was: "today", "yesterday", "12 d ago" ("booked" when still to come).
    public static func ago(_ instant: Date, today: CivilDate, calendar: LocalCalendar) -> String {
        let days = calendar.day(of: instant).days(until: today)
        switch days {
        case ..<0: return "booked"
        case 0: return "today"
        case 1: return "yesterday"
        default: return "\(days) d ago"
        }
    }

    /// When a day-dated thing is due, from today: "3 d late", "today", "Fri 27 Nov".
    public static func relative(_ day: CivilDate, today: CivilDate) -> String {
        let days = today.days(until: day)
        if days < 0 { return "\(-days) d late" }
        if days == 0 { return "today" }
        return self.day(day, relativeToYear: today.year)
    }

    /// "Fri 27 Nov 12:30" or "Fri 27 Nov" for a due value.
    public static func due(_ due: Due, in calendar: LocalCalendar, relativeToYear year: Int) -> String {
        switch due {
        case .day(let d): return day(d, relativeToYear: year)
        case .instant(let instant):
            return day(calendar.day(of: instant), relativeToYear: year) + " " + time(calendar.time(of: instant))
        }
    }
}
