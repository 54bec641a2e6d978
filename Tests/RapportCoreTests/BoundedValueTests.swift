import Foundation
import GRDB
import Testing
@testable import RapportCore

/// No value can poison the book: every date Rapport accepts lies in
/// 1900–2999 (`ValidRange`), every number has a bound, and a stored value
/// that breaks the rule is left out of what is read, named by `check` and
/// repaired by `repair`.
@Suite("bounded values")
struct BoundedValueTests {
    let parser = DatePhraseParser(today: day(2026, 11, 24))

    @Test("a phrase naming a date outside 1900–2999 is refused, naming the words", arguments: [
        "9999-12-31", "+999999999w", "+9999999999999999w", "+999999d", "+12000m", "dec 1 3000", "1899-12-31",
    ])
    func phraseOutOfRange(_ text: String) {
        // Refused, naming the words (an offset past the parser's own bound says so in its words).
        #expect { try parser.parse(text) } throws: { error in
            (error as? PhraseError)?.message.hasPrefix("'\(text)'") == true
        }
    }

    @Test("the last and first days of the range are accepted")
    func rangeEnds() throws {
        #expect(try parser.parse("2999-12-31 20:00").day == day(2999, 12, 31))
        #expect(try parser.parse("1900-01-01").day == day(1900, 1, 1))
        // 3650 weeks is 70 years: kept; 60,000 weeks (3176) is not, nor is a count that would overflow.
        #expect(try parser.parse("in 3650 weeks").day == day(2096, 11, 6))
        #expect(throws: PhraseError.self) { try parser.parse("+60000w") }
        #expect(throws: PhraseError.self) { try parser.parse("+\(Int.max)w") }
        #expect(throws: PhraseError.self) { try parser.parse("+\(Int.max)d") }
    }

    @Test("the quick-add parser refuses the same dates")
    func quickAddOutOfRange() throws {
        let book = try TestBook()
        let quickAdd = try book.store.quickAddParser(dates: parser)
        #expect(throws: (any Error).self) { try quickAdd.parse("lunch with Dana 9999-12-31 20:00") }
    }

    @Test("monthly and yearly repeats take their day from the date given, not from today")
    func repeatAnchoredOnDueDate() throws {
        // Due 15 December, entered on 30 November: every month on the 15th.
        let (rule, first) = try RecurrencePhrase.parse("monthly", today: day(2026, 12, 15))
        #expect(rule == .months(1, day: 15))
        #expect(first == day(2026, 12, 15))
    }

    @Test("a repeat longer than a century is refused instead of stopping silently later")
    func repeatBound() throws {
        #expect(throws: PhraseError.self) { try RecurrencePhrase.parse("every 305 years", today: day(2026, 11, 24)) }
        let (rule, _) = try RecurrencePhrase.parse("every 100 years", today: day(2026, 11, 24))
        // Whatever parse accepts, the stored phrase reads back.
        #expect(try RecurrencePhrase.decode(rule.phrase) == rule)
    }

    @Test("completing a repeating follow-up at the end of the range ends the series")
    func repeatAtTheEnd() throws {
        let book = try TestBook()
        let followUp = try book.followUp("yearly review", on: day(2999, 12, 31), repeating: .months(12, day: 31), added: at(2026, 11, 24, 9))
        let completions = try book.store.complete([ItemRef(.followUp, followUp.id!)], now: at(2026, 11, 24, 10), calendar: book.calendar)
        #expect(completions.count == 1)
        #expect(try book.store.check().isEmpty)
    }

    @Test("a record outside the range is refused by the store, whatever operation writes it")
    func recordChecked() throws {
        let book = try TestBook()
        #expect(throws: StoreError.self) { try book.contact("Lee", every: Int.max, added: at(2026, 11, 24, 9)) }
        let far = Zone.berlin.instant(on: CivilDate(daysSinceEpoch: CivilDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch + 1), at: time(3))
        #expect(throws: StoreError.self) {
            try book.store.addMeeting(MeetingDraft(title: "x", startsAt: far, attendees: People(existingIDs: [])), now: at(2026, 11, 24, 9))
        }
        #expect(try book.store.contactCount() == 0)
    }

    /// A book holding what an earlier version let in: a date in the year 10000.
    func poisonedBook() throws -> TestBook {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", tier: .a, added: at(2026, 11, 20, 9))
        try book.followUp("send the deck", with: [dana], on: day(2026, 11, 23), added: at(2026, 11, 20, 9))
        let bad = try book.followUp("lunch", with: [dana], on: day(2026, 11, 24), at: time(12), added: at(2026, 11, 20, 9))
        try book.store.writer.write { db in
            try db.execute(sql: "UPDATE followUp SET dueAt = '10000-01-01 04:59:00.000' WHERE id = ?", arguments: [bad.id])
            try db.execute(sql: "UPDATE contact SET stayInTouchDays = 'accepted'")
        }
        return book
    }

    @Test("reading a book with a bad stored value leaves that row out and shows everything else")
    func readingSkipsTheBadRow() throws {
        let book = try poisonedBook()
        let before = UnreadableRows.count
        let agenda = try book.agenda(at: at(2026, 11, 24, 9))
        #expect(agenda.overdueRefs.contains("f1"))
        #expect(agenda.item("f2") == nil)
        #expect(UnreadableRows.count > before)
        #expect(try book.store.contactList(ContactFilter(), now: at(2026, 11, 24, 9),
                                           scheduler: Scheduler(rules: SchedulerRules(), calendar: book.calendar)).isEmpty)
    }

    @Test("an operation on the bad row fails with a message naming check, never a crash")
    func operationOnBadRow() throws {
        let book = try poisonedBook()
        #expect(throws: StoreError.unreadable) {
            try book.store.complete([ItemRef(.followUp, 2)], now: at(2026, 11, 24, 10), calendar: book.calendar)
        }
    }

    @Test("check names each bad value; repair clears or removes it, saying what, and check is then clean")
    func checkAndRepair() throws {
        let book = try poisonedBook()
        let bad = try book.store.check()
        #expect(bad.map(\.description) == [
            "contact 1 stayInTouchDays: \"accepted\" is not a whole number from 1 to 36500",
            "followUp 2 dueAt: \"10000-01-01 04:59:00.000\" is not a date and time in the years 1900–2999",
        ])
        let done = try book.store.repair(now: at(2026, 11, 24, 9))
        #expect(done.count == 2)
        #expect(done.allSatisfy { $0.hasSuffix(": cleared") })
        #expect(try book.store.check().isEmpty)
        // The follow-up keeps its day; the contact its tier's cadence.
        #expect(try book.agenda(at: at(2026, 11, 24, 9)).overdueRefs == ["f1"])
        #expect(try book.agenda(at: at(2026, 11, 24, 9)).todayRefs.contains("f2"))
    }

    @Test("repair removes a row whose essential value is unreadable, with what depends on it")
    func repairRemoves() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: at(2026, 11, 20, 9))
        try book.meeting("kickoff", with: [dana], starts: at(2026, 11, 23, 10), added: at(2026, 11, 20, 9))
        try book.store.writer.write { db in try db.execute(sql: "UPDATE meeting SET startsAt = 'soon'") }
        let done = try book.store.repair(now: at(2026, 11, 24, 9))
        #expect(done == ["meeting 1 startsAt: \"soon\" is not a date and time in the years 1900–2999: meeting 1 removed"])
        #expect(try book.store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM thankYouNote") } == 0)
        #expect(try book.store.check().isEmpty)
    }
}

@Suite("JSON restore validates every value")
struct RestoreValidationTests {
    func document(_ tables: String) -> Data {
        Data("""
            {"format":"rapport-book","version":1,"schema":["v1: book, meetings, follow-ups, touches","v2: segments, lunch costs"],
             "tables":{\(tables)}}
            """.utf8)
    }

    let contact = #""contact":[{"id":1,"name":"Dana","isFavourite":0,"searchName":"dana","createdAt":"2026-11-24 08:00:00.000","updatedAt":"2026-11-24 08:00:00.000"}]"#

    @Test("a restore is refused whole on the first bad value, naming the table, row, column and value", arguments: [
        (#""followUp":[{"id":1,"title":"x","dueDay":"accepted","originalDueDay":"2026-11-24","snoozeCount":0,"state":"open","createdAt":"2026-11-24 08:00:00.000"}]"#,
         "followUp row 1 (id 1), column dueDay: \"accepted\" is not a YYYY-MM-DD date in the years 1900–2999; nothing was restored"),
        (#""followUp":[{"id":1,"title":"x","dueDay":"2026-11-24","dueAt":"10000-01-01 04:59:00.000","originalDueDay":"2026-11-24","snoozeCount":0,"state":"open","createdAt":"2026-11-24 08:00:00.000"}]"#,
         "followUp row 1 (id 1), column dueAt: \"10000-01-01 04:59:00.000\" is not a date and time in the years 1900–2999; nothing was restored"),
        (#""followUp":[{"id":1,"title":"x","dueDay":"2026-11-24","originalDueDay":"2026-11-24","snoozeCount":0,"state":"later","createdAt":"2026-11-24 08:00:00.000"}]"#,
         "followUp row 1 (id 1), column state: \"later\" is not one of open, done, cancelled; nothing was restored"),
        (#""account":[{"id":1,"name":"Acme","createdAt":"2026-11-24 08:00:00.000","updatedAt":"2026-11-24 08:00:00.000"}],"deal":[{"id":1,"accountId":1,"title":"x","stage":"open","buyerTeamSize":9223372036854775807,"createdAt":"2026-11-24 08:00:00.000"}]"#,
         "deal row 1 (id 1), column buyerTeamSize: 9223372036854775807 is not a whole number from 0 to 1000000; nothing was restored"),
        (#""interaction":[{"id":1,"kind":"call","occurredAt":"2026-11-24 08:00:00.000","title":"a\u0000b","createdAt":"2026-11-24 08:00:00.000"}]"#,
         "interaction row 1 (id 1), column title: the text holds a NUL character; nothing was restored"),
        (#""interaction":[{"id":1,"kind":"call","occurredAt":{"a":1},"title":"x","createdAt":"2026-11-24 08:00:00.000"}]"#,
         "interaction row 1 (id 1), column occurredAt: a JSON object is not a value; nothing was restored"),
    ])
    func refused(_ table: String, _ message: String) throws {
        let store = try RapportStore.inMemory()
        #expect(throws: StoreError.invalid(message)) {
            try BookArchive.restore(document(contact + "," + table), into: store)
        }
        #expect(try store.contactCount() == 0)
    }

    @Test("a sound document restores")
    func accepted() throws {
        let store = try RapportStore.inMemory()
        let counts = try BookArchive.restore(document(contact), into: store)
        #expect(counts["contact"] == 1)
    }
}
