import Testing
@testable import RapportCore

@Suite("Date phrases")
struct DatePhraseTests {
    /// Tuesday 24 November 2026.
    let parser = DatePhraseParser(today: day(2026, 11, 24))

    @Test("phrases resolve to the documented day and time", arguments: [
        ("today", day(2026, 11, 24), nil),
        ("tomorrow", day(2026, 11, 25), nil),
        ("yesterday", day(2026, 11, 23), nil),
        ("tonight", day(2026, 11, 24), time(19)),
        ("tonight 21:30", day(2026, 11, 24), time(21, 30)),
        ("fri", day(2026, 11, 27), nil),
        ("Friday", day(2026, 11, 27), nil),
        ("tue", day(2026, 12, 1), nil),          // today excluded
        ("this tue", day(2026, 11, 24), nil),    // today included
        ("this fri", day(2026, 11, 27), nil),
        ("next tue", day(2026, 12, 1), nil),     // in next week
        ("next fri", day(2026, 12, 4), nil),
        ("next mon", day(2026, 11, 30), nil),
        ("next week", day(2026, 11, 30), nil),
        ("next month", day(2026, 12, 1), nil),
        ("in 3 days", day(2026, 11, 27), nil),
        ("in 2 weeks", day(2026, 12, 8), nil),
        ("in a week", day(2026, 12, 1), nil),
        ("in 1 month", day(2026, 12, 24), nil),
        ("in 0 days", day(2026, 11, 24), nil),
        ("+3d", day(2026, 11, 27), nil),
        ("+2w", day(2026, 12, 8), nil),
        ("+1m", day(2026, 12, 24), nil),
        ("eow", day(2026, 11, 27), nil),
        ("eom", day(2026, 11, 30), nil),
        ("eoy", day(2026, 12, 31), nil),
        ("2026-12-01", day(2026, 12, 1), nil),
        ("dec 1", day(2026, 12, 1), nil),
        ("1 dec", day(2026, 12, 1), nil),
        ("december 1st", day(2026, 12, 1), nil),
        ("1st december 2027", day(2027, 12, 1), nil),
        ("nov 24", day(2026, 11, 24), nil),      // today
        ("nov 23", day(2027, 11, 23), nil),      // passed: next year
        ("jan 5", day(2027, 1, 5), nil),
        ("feb 29", day(2028, 2, 29), nil),       // the next leap day
        ("sept 3", day(2027, 9, 3), nil),
        ("12:30", day(2026, 11, 24), time(12, 30)),
        ("fri 12:30", day(2026, 11, 27), time(12, 30)),
        ("12:30 fri", day(2026, 11, 27), time(12, 30)),
        ("fri 3pm", day(2026, 11, 27), time(15)),
        ("fri 3 pm", day(2026, 11, 27), time(15)),
        ("fri 3:45pm", day(2026, 11, 27), time(15, 45)),
        ("tomorrow 12am", day(2026, 11, 25), time(0)),
        ("tomorrow 12pm", day(2026, 11, 25), time(12)),
        ("tomorrow noon", day(2026, 11, 25), time(12)),
        ("tomorrow at 9:05", day(2026, 11, 25), time(9, 5)),
        ("tomorrow at 9am", day(2026, 11, 25), time(9)),
        ("  Dec  1,  10:00 ", day(2026, 12, 1), time(10)),
    ] as [(String, CivilDate, LocalTime?)])
    func accepted(phrase: String, expectedDay: CivilDate, expectedTime: LocalTime?) throws {
        let when = try parser.parse(phrase)
        #expect(when.day == expectedDay, "\(phrase)")
        #expect(when.time == expectedTime, "\(phrase)")
    }

    @Test("bad phrases are refused with a message naming the part", arguments: [
        ("feb 30", "February has no day 30"),
        ("31 apr", "April has no day 31"),
        ("feb 29 2027", "February 2027 has no day 29"),
        ("2026-02-30", "not a date on the calendar"),
        ("in -3 days", "the count must be a whole number"),
        ("-3d", "is in the past"),
        ("in 3", "needs a unit"),
        ("25:00", "not a time of day"),
        ("13pm", "hours run 1 to 12"),
        ("someday", "'someday' is not a date or time"),
        ("fri sat", "names two dates"),
        ("10:00 11:00", "names two times"),
        ("", "no date given"),
    ])
    func refused(phrase: String, message: String) {
        #expect {
            try parser.parse(phrase)
        } throws: { error in
            (error as? PhraseError)?.message.contains(message) == true
        }
    }

    @Test("looking back (for reports), a day and month without a year is the latest that has been")
    func looksBack() throws {
        var parser = DatePhraseParser(today: day(2026, 11, 24))
        parser.looksBack = true
        #expect(try parser.parse("1 oct").day == day(2026, 10, 1))
        #expect(try parser.parse("nov 24").day == day(2026, 11, 24))
        #expect(try parser.parse("dec 1").day == day(2025, 12, 1))
        #expect(try parser.parse("feb 29").day == day(2024, 2, 29))
        #expect(try parser.parse("1 oct 2027").day == day(2027, 10, 1)) // a year given is kept
        #expect(try parser.parse("2026-12-01").day == day(2026, 12, 1))
    }

    @Test("eow on a weekend is next week's last business day")
    func endOfWeekOnWeekend() throws {
        let saturday = DatePhraseParser(today: day(2026, 11, 28))
        #expect(try saturday.parse("eow").day == day(2026, 12, 4))
        let friday = DatePhraseParser(today: day(2026, 11, 27))
        #expect(try friday.parse("eow").day == day(2026, 11, 27))
        let sundayToThursdayWeek = DatePhraseParser(today: day(2026, 11, 24), weekend: [.friday, .saturday])
        #expect(try sundayToThursdayWeek.parse("eow").day == day(2026, 11, 29))
    }

    @Test("a phrase parses the same from every day of a year")
    func everyDayOfAYear() throws {
        for offset in 0..<366 {
            let today = day(2026, 1, 1).adding(days: offset)
            let parser = DatePhraseParser(today: today)
            let friday = try parser.parse("fri").day
            #expect(friday.weekday == .friday && friday > today && today.days(until: friday) <= 7)
            let thisFriday = try parser.parse("this fri").day
            #expect(thisFriday.weekday == .friday && thisFriday >= today && today.days(until: thisFriday) < 7)
            #expect(try parser.parse("eom").day == today.lastDayOfMonth)
            #expect(try parser.parse("in 10 days").day == today.adding(days: 10))
        }
    }
}
