import Foundation

/// The dates and numbers Rapport keeps: one home for the rule, asked where a
/// value enters the book (phrases, options, repeats, imports, restores) and
/// by `rapport check`, which finds stored values outside it.
///
/// Any date in the book lies in the years 1900–2999 (a birthday may be
/// older: 1000–2999). Outside it, arithmetic on days and SQLite's date text
/// stop being exact, and a value there is a typo, never a plan.
public enum ValidRange {
    public static let years: ClosedRange<Int> = 1900...2999
    public static let birthdayYears: ClosedRange<Int> = 1000...2999
    public static let firstDay = CivilDate(year: years.lowerBound, month: 1, day: 1)!
    public static let lastDay = CivilDate(year: years.upperBound, month: 12, day: 31)!

    /// A cadence (keep in touch, lunch) or a repeat's interval, in days: at most a century.
    public static let cadenceDays: ClosedRange<Int> = 1...36_500
    /// A repeat's count of days or weeks (as a phrase reads it), and of months: a century.
    public static let repeatCount: ClosedRange<Int> = 1...3650
    public static let repeatMonths: ClosedRange<Int> = 1...1200
    /// People on a buyer's team.
    public static let teamSize: ClosedRange<Int> = 0...1_000_000
    /// A cost, in minor units (cents): under ten thousand billion.
    public static let costMinorUnits: ClosedRange<Int> = 0...999_999_999_999_99
    /// How many days a list looks ahead (`--days`), and a report's longest period.
    public static let lookAheadDays: ClosedRange<Int> = 0...3660
    public static let reportDays: ClosedRange<Int> = 1...3660
    /// How many times an item was put off.
    public static let snoozeCount: ClosedRange<Int> = 0...1_000_000

    public static func contains(_ day: CivilDate) -> Bool {
        years.contains(day.year)
    }

    public static func containsBirthday(_ day: CivilDate) -> Bool {
        birthdayYears.contains(day.year)
    }

    /// Instants are kept in UTC: a day's instants in any zone lie within a day of it.
    public static func contains(_ instant: Date) -> Bool {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite else { return false }
        return seconds >= Double((firstDay.daysSinceEpoch - 1) * 86_400)
            && seconds < Double((lastDay.daysSinceEpoch + 2) * 86_400)
    }

    /// Refuses a day outside the range, naming the words that gave it.
    public static func check(_ day: CivilDate, from text: String) throws(PhraseError) {
        guard contains(day) else { throw outOfRange(text) }
    }

    public static func outOfRange(_ text: String) -> PhraseError {
        PhraseError("'\(text)' is outside the dates Rapport keeps (the years \(years.lowerBound) to \(years.upperBound))")
    }

    /// A count of days from `today` that stays in the range: nil beyond it.
    /// (Checked before adding, so that no count overflows.)
    public static func day(_ today: CivilDate, plusDays n: Int) -> CivilDate? {
        guard n >= today.days(until: firstDay) - 1, n <= today.days(until: lastDay) + 1 else { return nil }
        let day = today.adding(days: n)
        return contains(day) ? day : nil
    }

    /// `today` plus n months (landing on the month's last day when shorter); nil beyond the range.
    public static func day(_ today: CivilDate, plusMonths n: Int) -> CivilDate? {
        guard abs(n) <= (years.upperBound - years.lowerBound + 1) * 12 else { return nil }
        let day = today.adding(months: n)
        return contains(day) ? day : nil
    }
}
