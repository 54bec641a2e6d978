import Foundation
import Testing
@testable import RapportCore

@Suite("Local time and daylight saving")
struct LocalCalendarTests {
    @Test("a time in the spring-forward gap takes the offset from before it (02:30 → 03:30)")
    func springForwardGap() {
        // Berlin moves from 02:00 CET to 03:00 CEST on 29 March 2026.
        let instant = Zone.berlin.instant(on: day(2026, 3, 29), at: time(2, 30))
        #expect(instant == utc(2026, 3, 29, 1, 30))
        #expect(Zone.berlin.time(of: instant) == time(3, 30))
        // New York springs forward on 8 March 2026 at 02:00.
        let newYork = Zone.newYork.instant(on: day(2026, 3, 8), at: time(2, 30))
        #expect(Zone.newYork.time(of: newYork) == time(3, 30))
    }

    @Test("a repeated fall-back time means its first occurrence")
    func fallBackRepeat() {
        // Berlin goes from 03:00 CEST back to 02:00 CET on 25 October 2026: 02:30 happens twice.
        let instant = Zone.berlin.instant(on: day(2026, 10, 25), at: time(2, 30))
        #expect(instant == utc(2026, 10, 25, 0, 30)) // 02:30 CEST, not CET
        let newYork = Zone.newYork.instant(on: day(2026, 11, 1), at: time(1, 30))
        #expect(newYork == utc(2026, 11, 1, 5, 30)) // 01:30 EDT
    }

    @Test("Lord Howe's half-hour shift")
    func lordHowe() {
        // Lord Howe moves from +10:30 to +11 at 02:00 on 4 October 2026.
        let gap = Zone.lordHowe.instant(on: day(2026, 10, 4), at: time(2, 15))
        #expect(Zone.lordHowe.time(of: gap) == time(2, 45))
        #expect(Zone.lordHowe.day(of: gap) == day(2026, 10, 4))
        // The day is 23.5 hours long.
        let length = Zone.lordHowe.endOfDay(day(2026, 10, 4)).timeIntervalSince(Zone.lordHowe.startOfDay(day(2026, 10, 4)))
        #expect(length == 23.5 * 3600)
    }

    @Test("days are the user's local days, far east and far west of UTC")
    func localDays() {
        let instant = utc(2026, 11, 24, 11, 0)
        #expect(Zone.kiritimati.day(of: instant) == day(2026, 11, 25)) // 01:00 on the 25th
        #expect(Zone.newYork.day(of: instant) == day(2026, 11, 24))
        #expect(Zone.newYork.day(of: utc(2026, 11, 25, 3, 0)) == day(2026, 11, 24)) // 22:00 on the 24th
        #expect(Zone.kiritimati.startOfDay(day(2026, 11, 25)) == utc(2026, 11, 24, 10, 0))
    }

    @Test("days around a change are 23 and 25 hours long")
    func dayLengths() {
        let spring = Zone.berlin.endOfDay(day(2026, 3, 29)).timeIntervalSince(Zone.berlin.startOfDay(day(2026, 3, 29)))
        let autumn = Zone.berlin.endOfDay(day(2026, 10, 25)).timeIntervalSince(Zone.berlin.startOfDay(day(2026, 10, 25)))
        #expect(spring == 23 * 3600)
        #expect(autumn == 25 * 3600)
    }

    @Test("where midnight does not exist, the day starts at the first instant that does")
    func missingMidnight() {
        // Chile springs forward at 24:00 on Saturday 5 September 2026: Sunday starts at 01:00.
        let santiago = LocalCalendar(timeZone: TimeZone(identifier: "America/Santiago")!)
        let start = santiago.startOfDay(day(2026, 9, 6))
        #expect(santiago.time(of: start) == time(1, 0))
        #expect(santiago.day(of: start) == day(2026, 9, 6))
        #expect(santiago.day(of: start.addingTimeInterval(-1)) == day(2026, 9, 5))
    }
}
