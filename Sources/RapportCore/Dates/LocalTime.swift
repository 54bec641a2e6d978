/// A time of day on the wall clock, to the minute, with no date or zone.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Minutes since midnight: the stored form.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public init?(minutesSinceMidnight m: Int) {
        self.init(hour: m / 60, minute: m % 60)
    }

    /// `HH:MM`, 24-hour.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    public static let midnight = LocalTime(hour: 0, minute: 0)!
    public static let noon = LocalTime(hour: 12, minute: 0)!
}
