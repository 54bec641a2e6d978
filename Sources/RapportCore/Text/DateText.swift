/// Dates as Rapport shows them: short, unambiguous, English, no locale
/// surprises ("Fri 27 Nov", "Fri 27 Nov 2027" outside the current year).
public enum DateText {
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
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

    /// "Fri 27 Nov 12:30" or "Fri 27 Nov" for a due value.
    public static func due(_ due: Due, in calendar: LocalCalendar, relativeToYear year: Int) -> String {
        switch due {
        case .day(let d): return day(d, relativeToYear: year)
        case .instant(let instant):
            return day(calendar.day(of: instant), relativeToYear: year) + " " + time(calendar.time(of: instant))
        }
    }
}
