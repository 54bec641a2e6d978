import Testing
@testable import RapportCore

@Suite("Repeating follow-ups")
struct RecurrenceTests {
    let today = day(2026, 11, 24)

    @Test("every month on the 31st lands on each month's last day, and returns to the 31st")
    func monthEnd() {
        let rule = Recurrence.months(1, day: 31)
        var due = day(2027, 1, 31)
        var seen: [CivilDate] = []
        for _ in 0..<4 {
            due = rule.next(after: due)
            seen.append(due)
        }
        #expect(seen == [day(2027, 2, 28), day(2027, 3, 31), day(2027, 4, 30), day(2027, 5, 31)])
        #expect(rule.next(after: day(2028, 1, 31)) == day(2028, 2, 29))
        #expect(rule.firstOccurrence(onOrAfter: today) == day(2026, 11, 30))
    }

    @Test("first Monday and last Friday of the month")
    func monthlyWeekdays() {
        let firstMonday = Recurrence.monthlyWeekday(ordinal: 1, weekday: .monday)
        #expect(firstMonday.firstOccurrence(onOrAfter: today) == day(2026, 12, 7))
        #expect(firstMonday.next(after: day(2026, 12, 7)) == day(2027, 1, 4))
        #expect(firstMonday.firstOccurrence(onOrAfter: day(2026, 11, 2)) == day(2026, 11, 2))
        let lastFriday = Recurrence.monthlyWeekday(ordinal: -1, weekday: .friday)
        #expect(lastFriday.firstOccurrence(onOrAfter: today) == day(2026, 11, 27))
        #expect(lastFriday.next(after: day(2026, 11, 27)) == day(2026, 12, 25))
        let fourthThursday = Recurrence.monthlyWeekday(ordinal: 4, weekday: .thursday)
        #expect(fourthThursday.firstOccurrence(onOrAfter: today) == day(2026, 11, 26))
    }

    @Test("days and weeks count from the due date")
    func counted() {
        #expect(Recurrence.days(3).next(after: day(2026, 12, 30)) == day(2027, 1, 2))
        #expect(Recurrence.weeks(2).next(after: day(2026, 11, 27)) == day(2026, 12, 11))
    }

    @Test("phrases", arguments: [
        ("daily", Recurrence.days(1), day(2026, 11, 24)),
        ("every 3 days", .days(3), day(2026, 11, 24)),
        ("weekly", .weeks(1), day(2026, 11, 24)),
        ("every fri", .weeks(1), day(2026, 11, 27)),
        ("every 2 weeks", .weeks(2), day(2026, 11, 24)),
        ("fortnightly", .weeks(2), day(2026, 11, 24)),
        ("monthly", .months(1, day: 24), day(2026, 11, 24)),
        ("every month on the 31st", .months(1, day: 31), day(2026, 11, 30)),
        ("every 3 months on day 5", .months(3, day: 5), day(2026, 12, 5)),
        ("quarterly", .months(3, day: 24), day(2026, 11, 24)),
        ("every first monday", .monthlyWeekday(ordinal: 1, weekday: .monday), day(2026, 12, 7)),
        ("first monday of the month", .monthlyWeekday(ordinal: 1, weekday: .monday), day(2026, 12, 7)),
        ("every last friday of the month", .monthlyWeekday(ordinal: -1, weekday: .friday), day(2026, 11, 27)),
    ] as [(String, Recurrence, CivilDate)])
    func phrases(text: String, rule: Recurrence, first: CivilDate) throws {
        let (parsed, firstDue) = try RecurrencePhrase.parse(text, today: today)
        #expect(parsed == rule)
        #expect(firstDue == first)
    }

    @Test("a rule's canonical phrase reads back to the same rule")
    func roundTrip() throws {
        let rules: [Recurrence] = [.days(1), .days(10), .weeks(1), .weeks(3), .months(1, day: 31), .months(6, day: 1),
                                   .monthlyWeekday(ordinal: 2, weekday: .wednesday), .monthlyWeekday(ordinal: -1, weekday: .sunday)]
        for rule in rules {
            #expect(try RecurrencePhrase.parse(rule.phrase, today: today).0 == rule)
            #expect(try RecurrencePhrase.decode(rule.phrase) == rule)
        }
    }

    @Test("bad rules are refused", arguments: ["every", "every 0 days", "every -2 weeks", "every 2 fortnights",
                                                "sometimes", "every month on the 32nd"])
    func refused(text: String) {
        #expect(throws: PhraseError.self) { try RecurrencePhrase.parse(text, today: today) }
    }
}
