import Foundation

/// Where "now" comes from. The library never reads the system clock by
/// itself: callers pass a clock, and tests pass a fixed one.
public protocol Clock: Sendable {
    var now: Date { get }
}

/// The system clock.
public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that always answers the same instant.
public struct FixedClock: Clock {
    public let now: Date
    public init(_ now: Date) { self.now = now }
}
