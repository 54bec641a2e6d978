import Foundation

/// When something is due: by the end of a local day, or at an exact instant.
public enum Due: Hashable, Sendable {
    case day(CivilDate)
    case instant(Date)

    /// The local day it falls on.
    public func day(in calendar: LocalCalendar) -> CivilDate {
        switch self {
        case .day(let day): return day
        case .instant(let instant): return calendar.day(of: instant)
        }
    }

    /// The first instant at which it is late: the end of its day, or its instant.
    public func deadline(in calendar: LocalCalendar) -> Date {
        switch self {
        case .day(let day): return calendar.endOfDay(day)
        case .instant(let instant): return instant
        }
    }
}
