import Foundation

/// The user's calendar: turns instants into local days and wall-clock times
/// in one time zone, and back.
///
/// The conversion from a local time to an instant follows RFC 5545 (and what
/// calendar users expect): a time that does not exist because the clocks
/// sprang forward takes the offset from before the gap (02:30 becomes 03:30),
/// and a time that happens twice because the clocks fell back means the first
/// of the two. Written by hand because Foundation's `Calendar.date(from:)`
/// leaves both cases unspecified.
public struct LocalCalendar: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The zone named by `TZ` or the system setting.
    public static var current: LocalCalendar { LocalCalendar(timeZone: .current) }

    /// The local day that contains `instant`.
    public func day(of instant: Date) -> CivilDate {
        let local = Int(floor(instant.timeIntervalSince1970)) + timeZone.secondsFromGMT(for: instant)
        return CivilDate(daysSinceEpoch: Int(floor(Double(local) / 86_400)))
    }

    /// The local wall-clock time of `instant`, to the minute.
    public func time(of instant: Date) -> LocalTime {
        let local = Int(floor(instant.timeIntervalSince1970)) + timeZone.secondsFromGMT(for: instant)
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        return LocalTime(minutesSinceMidnight: secondOfDay / 60)!
    }

    /// The instant at which the wall clock shows `time` on `day`.
    public func instant(on day: CivilDate, at time: LocalTime) -> Date {
        let wall = Double(day.daysSinceEpoch * 86_400 + time.minutesSinceMidnight * 60)
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 86_400))
        var candidates: [Double] = []
        for offset in Set([before, after]) {
            let utc = wall - Double(offset)
            if timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utc)) == offset {
                candidates.append(utc)
            }
        }
        if let first = candidates.min() {
            return Date(timeIntervalSince1970: first) // a repeated time: the first occurrence
        }
        return Date(timeIntervalSince1970: wall - Double(before)) // in a gap: the offset from before it
    }

    /// The first instant of `day` (01:00 where midnight does not exist).
    public func startOfDay(_ day: CivilDate) -> Date {
        instant(on: day, at: .midnight)
    }

    /// The first instant after `day`: where a date-only item becomes overdue.
    public func endOfDay(_ day: CivilDate) -> Date {
        startOfDay(day.adding(days: 1))
    }
}
