import Foundation

/// The days a report covers, both ends included, in the user's time zone.
/// Its trends compare it with the period of the same length just before.
public struct ReportPeriod: Hashable, Sendable, Codable {
    public let from: CivilDate
    public let to: CivilDate

    /// A period from `from` to `to`; fails when `to` is before `from` or
    /// when it is longer than `ValidRange.reportDays` (ten years).
    public init(from: CivilDate, to: CivilDate) throws {
        guard from <= to else {
            throw StoreError.invalid("the period ends (\(to.iso)) before it starts (\(from.iso))")
        }
        guard ValidRange.reportDays.contains(from.days(until: to) + 1) else {
            throw StoreError.invalid("the period \(from.iso) to \(to.iso) is longer than \(ValidRange.reportDays.upperBound / 366) years; a report covers at most that")
        }
        self.from = from
        self.to = to
    }

    private init(unchecked from: CivilDate, _ to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// The seven days ending on `day`.
    public static func week(endingOn day: CivilDate) -> ReportPeriod {
        ReportPeriod(unchecked: day.adding(days: -6), day)
    }

    /// The month ending on `day`: from the day after the same date a month
    /// before (25 October – 24 November; 1 – 31 March for 31 March).
    public static func month(endingOn day: CivilDate) -> ReportPeriod {
        months(1, endingOn: day)
    }

    /// The three months ending on `day`.
    public static func quarter(endingOn day: CivilDate) -> ReportPeriod {
        months(3, endingOn: day)
    }

    private static func months(_ count: Int, endingOn day: CivilDate) -> ReportPeriod {
        // adding(months:) clamps to the month's end (31 Mar − 1 month = 28 Feb),
        // so the period starts the day after: 1 March.
        ReportPeriod(unchecked: day.adding(months: -count).adding(days: 1), day)
    }

    /// The lengths a report is usually asked for.
    public enum Length: String, CaseIterable, Sendable {
        case week, month, quarter
    }

    /// The period of `length` ending on `day`.
    public static func ending(on day: CivilDate, length: Length) -> ReportPeriod {
        switch length {
        case .week: return week(endingOn: day)
        case .month: return month(endingOn: day)
        case .quarter: return quarter(endingOn: day)
        }
    }

    /// How many days it covers.
    public var days: Int { from.days(until: to) + 1 }

    /// The period of the same length that ends the day before this one starts.
    public var previous: ReportPeriod {
        ReportPeriod(unchecked: from.adding(days: -days), from.adding(days: -1))
    }

    public func contains(_ day: CivilDate) -> Bool { from <= day && day <= to }

    /// "25 Oct – 24 Nov 2026", "28 Dec 2025 – 3 Jan 2026".
    public var text: String {
        func date(_ day: CivilDate, year: Bool) -> String {
            "\(day.day) \(DateText.monthAbbreviations[day.month - 1])" + (year ? " \(day.year)" : "")
        }
        return date(from, year: from.year != to.year) + " – " + date(to, year: true)
    }
}
