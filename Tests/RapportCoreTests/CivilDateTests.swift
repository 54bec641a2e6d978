import Foundation
import Testing
@testable import RapportCore

@Suite("Civil dates")
struct CivilDateTests {
    @Test("day counts round-trip and agree with Foundation's Gregorian calendar")
    func roundTrip() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        // 1696…4160: Foundation switches to the Julian calendar before 1582.
        for days in stride(from: -100_000, through: 800_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let components = gregorian.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let expected: [Int] = [components.year!, components.month!, components.day!]
            #expect([date.year, date.month, date.day] == expected)
        }
    }

    @Test func weekdays() {
        #expect(day(2026, 11, 24).weekday == .tuesday)
        #expect(day(1970, 1, 1).weekday == .thursday)
        #expect(day(2000, 2, 29).weekday == .tuesday)
        #expect(day(1969, 12, 31).weekday == .wednesday)
    }

    @Test("days that do not exist are refused")
    func invalid() {
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(iso: "2026-02-30") == nil)
        #expect(CivilDate(iso: "2026-2-3") == nil)
        #expect(CivilDate(iso: "2026-12-01") == day(2026, 12, 1))
    }

    @Test("adding months lands on the month's last day when the day is missing")
    func monthEnds() {
        #expect(day(2026, 1, 31).adding(months: 1) == day(2026, 2, 28))
        #expect(day(2028, 1, 31).adding(months: 1) == day(2028, 2, 29))
        #expect(day(2026, 3, 31).adding(months: 1) == day(2026, 4, 30))
        #expect(day(2026, 12, 15).adding(months: 1) == day(2027, 1, 15))
        #expect(day(2026, 1, 15).adding(months: -1) == day(2025, 12, 15))
        #expect(day(2026, 12, 31).adding(days: 1) == day(2027, 1, 1))
        #expect(day(2026, 11, 24).lastDayOfMonth == day(2026, 11, 30))
    }

    @Test func isoText() {
        #expect(day(2026, 3, 5).iso == "2026-03-05")
        #expect(day(2026, 3, 5) < day(2026, 3, 6))
        #expect(day(2026, 3, 5).days(until: day(2026, 4, 5)) == 31)
    }
}
