import Foundation
import Testing
@testable import RapportCore

/// The scheduler's day arithmetic against an independent reference:
/// Foundation's `Calendar`, over thousands of random instants and zones.
@Suite("Scheduler against a reference")
struct SchedulerPropertyTests {
    static let zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati",
                        "Pacific/Tongatapu", "America/Santiago", "Asia/Kolkata", "America/St_Johns",
                        "Pacific/Chatham", "Africa/Casablanca", "UTC", "Pacific/Niue"]

    @Test("'due today' and 'overdue' agree with Foundation's calendar for date-only and timed items")
    func agreesWithReference() {
        var random = SplitMix(state: 20_261_124)
        for zoneName in Self.zones {
            let zone = TimeZone(identifier: zoneName)!
            var reference = Calendar(identifier: .gregorian)
            reference.timeZone = zone
            let calendar = LocalCalendar(timeZone: zone)
            let scheduler = Scheduler(calendar: calendar)
            for _ in 0..<400 {
                // Any instant in 2025–2027, to the second.
                let now = Date(timeIntervalSince1970: Double(Int.random(in: 1_735_689_600...1_830_297_600, using: &random)))
                let components = reference.dateComponents([.year, .month, .day], from: now)
                let referenceToday = CivilDate(year: components.year!, month: components.month!, day: components.day!)!
                #expect(calendar.day(of: now) == referenceToday, "\(zoneName) \(now)")

                let dueDay = referenceToday.adding(days: Int.random(in: -3...3, using: &random))
                let dueTime = LocalTime(hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random))!
                let candidates = [
                    AgendaCandidate(id: 1, title: "day", contacts: [], account: nil, basis: .followUp(due: .day(dueDay), snoozeCount: 0)),
                    AgendaCandidate(id: 2, title: "timed", contacts: [], account: nil,
                                    basis: .followUp(due: .instant(calendar.instant(on: dueDay, at: dueTime)), snoozeCount: 0)),
                ]
                let agenda = scheduler.agenda(for: candidates, in: scheduler.window(now: now, upcomingDays: 7))

                // Date-only: overdue from the reference's start of the next day.
                let nextDayStart = reference.startOfDay(for: reference.date(from: DateComponents(
                    year: dueDay.year, month: dueDay.month, day: dueDay.day, hour: 12))!.addingTimeInterval(86_400))
                let dayItem = agenda.item("f1")
                #expect(dayItem?.isOverdue == (now >= nextDayStart), "\(zoneName) \(now) due \(dueDay)")
                #expect(agenda.todayRefs.contains("f1") == (dueDay == referenceToday), "\(zoneName) \(now) due \(dueDay)")

                // Timed: overdue from its instant; today when its local day is today.
                let instant = calendar.instant(on: dueDay, at: dueTime)
                let timedItem = agenda.item("f2")
                #expect(timedItem?.isOverdue == (now >= instant))
                let instantDay = reference.dateComponents([.year, .month, .day], from: instant)
                let isToday = now < instant && CivilDate(year: instantDay.year!, month: instantDay.month!, day: instantDay.day!) == referenceToday
                #expect(agenda.todayRefs.contains("f2") == isToday, "\(zoneName) \(now) due \(instant)")
            }
        }
    }

    @Test("local times map to instants that show the same wall clock, except in gaps")
    func wallClockRoundTrip() {
        var random = SplitMix(state: 7)
        for zoneName in Self.zones {
            let calendar = LocalCalendar(timeZone: TimeZone(identifier: zoneName)!)
            for _ in 0..<300 {
                let day = CivilDate(daysSinceEpoch: Int.random(in: 20_089...21_184, using: &random)) // 2025–2027
                let time = LocalTime(hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random))!
                let instant = calendar.instant(on: day, at: time)
                if calendar.day(of: instant) == day && calendar.time(of: instant) == time { continue }
                // Only a time in a gap may move, and only forward, by the gap's length.
                let shown = calendar.instant(on: calendar.day(of: instant), at: calendar.time(of: instant))
                #expect(shown == instant, "\(zoneName) \(day) \(time)")
                let wall = Double(day.daysSinceEpoch * 86_400 + time.minutesSinceMidnight * 60)
                let offsetAfter = Double(calendar.timeZone.secondsFromGMT(for: instant))
                #expect(instant.timeIntervalSince1970 + offsetAfter > wall, "\(zoneName) \(day) \(time) moved backwards")
            }
        }
    }
}
