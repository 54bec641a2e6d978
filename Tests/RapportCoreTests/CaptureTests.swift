import Foundation
import Testing
@testable import RapportCore

/// Capture never stores a guess: every form the phrase language accepts,
/// every refusal, repeats, people and thank-yous in one phrase. Monday
/// 2 March 2026, 09:00 in Berlin.
@Suite("Capture")
struct CaptureTests {
    let now = at(2026, 3, 2, 9)
    let monday = day(2026, 3, 2)

    func dates(_ order: NumericDateOrder? = nil) -> DatePhraseParser { DatePhraseParser(today: monday, numericOrder: order) }

    func book() throws -> TestBook {
        let book = try TestBook()
        try book.contact("Hank Scorpio", account: "Globex", added: at(2026, 1, 5, 9))
        try book.contact("Jürgen Müller", account: "Müller & Söhne GmbH", added: at(2026, 1, 5, 9))
        try book.contact("Zoé Lefèvre", added: at(2026, 1, 5, 9))
        try book.contact("Sam Okafor", added: at(2026, 1, 5, 9))
        try book.contact("Dana Ruiz", account: "Acme", added: at(2026, 1, 5, 9))
        try book.contact("Dana Scully", account: "Globex", added: at(2026, 1, 5, 9))
        return book
    }

    func plan(_ phrase: String, in book: TestBook, new: [String] = []) throws -> QuickAddPlan {
        let parser = try book.store.quickAddParser(dates: dates())
        return try book.store.plan(try parser.parse(phrase), new: .whenClearlyNew(named: new), now: now,
                                   calendar: book.calendar, rules: try book.store.rules())
    }

    func add(_ phrase: String, in book: TestBook) throws -> (QuickAddPlan, QuickAddOutcome) {
        let plan = try plan(phrase, in: book)
        return (plan, try book.store.perform(plan, now: now, calendar: book.calendar))
    }

    // MARK: Dates and times as people type them

    static let dateForms: [(String, CivilDate, LocalTime?)] = [
        ("15.3.", day(2026, 3, 15), nil),                  // day first, the trailing dot makes it a date
        ("15.03.2026", day(2026, 3, 15), nil),
        ("1.2.", day(2027, 2, 1), nil),                    // 1 February: the next one
        ("2026/03/15", day(2026, 3, 15), nil),             // ISO with slashes
        ("3/15", day(2026, 3, 15), nil),                   // only month/day is a date: 15 March anywhere
        ("15/3", day(2026, 3, 15), nil),                   // only day/month is a date
        ("day after tomorrow", day(2026, 3, 4), nil),
        ("the day after tomorrow", day(2026, 3, 4), nil),
        ("end of week", day(2026, 3, 6), nil),             // the last business day
        ("end of month", day(2026, 3, 31), nil),
        ("end of the month", day(2026, 3, 31), nil),
        ("fri.", day(2026, 3, 6), nil),
        ("thurs", day(2026, 3, 5), nil),
        ("the 20th", day(2026, 3, 20), nil),
        ("the 1st", day(2026, 4, 1), nil),                 // the 1st of March has passed
        ("the 31st", day(2026, 3, 31), nil),
        ("tomorrow 9h30", day(2026, 3, 3), time(9, 30)),
        ("tomorrow 9.30", day(2026, 3, 3), time(9, 30)),
        ("fri 15h", day(2026, 3, 6), time(15)),
        ("fri half past 3", day(2026, 3, 6), time(15, 30)), // a spoken 1–6 is the afternoon
        ("fri quarter to 5", day(2026, 3, 6), time(16, 45)),
        ("fri quarter past 9", day(2026, 3, 6), time(9, 15)),
        ("fri 9:15am", day(2026, 3, 6), time(9, 15)),
    ]

    @Test("every date and time form reads as documented", arguments: dateForms.indices)
    func dateForm(_ index: Int) throws {
        let (phrase, expectedDay, expectedTime) = Self.dateForms[index]
        let when = try dates().parse(phrase)
        #expect(when.day == expectedDay, "\(phrase)")
        #expect(when.time == expectedTime, "\(phrase)")
    }

    @Test("a numeric date both ways valid follows the locale's order, or is refused without one")
    func numericOrder() throws {
        #expect(try dates(.monthDay).parse("3/4").day == day(2026, 3, 4))
        #expect(try dates(.dayMonth).parse("3/4").day == day(2026, 4, 3))
        #expect(throws: PhraseError.self) { try dates().parse("3/4") }
    }

    @Test("a bare hour after the day is the time of a meeting or a call (was: refused, 'a meeting needs a time')")
    func bareHour() throws {
        let book = try book()
        #expect(try plan("meeting review with hank fri 10", in: book).instant == at(2026, 3, 6, 10))
        #expect(try plan("call @hank fri 3", in: book).instant == at(2026, 3, 6, 15))
        // A follow-up keeps the number as title.
        #expect(try plan("order 10 boxes @hank fri", in: book).title == "order 10 boxes")
    }

    // MARK: Refusals

    static let misspellings: [(String, String)] = [
        ("send contract @hank tomorow", "tomorrow"), ("call @hank tommorrow", "tomorrow"), ("call @hank wendesday", "wednesday"),
        ("call @hank fridya", "friday"), ("call @hank yesterdya", "yesterday"), ("call @hank decmber 3", "december"),
        ("call @hank thrusday", "thursday"), ("call @hank todya", "today"),
    ]

    @Test("a slip of a date word is refused with a did-you-mean, never stored as title with the item due today",
          arguments: misspellings.indices)
    func misspelling(_ index: Int) throws {
        let (phrase, meant) = Self.misspellings[index]
        let book = try book()
        let error = try #require(throws: PhraseError.self) { try plan(phrase, in: book) }
        #expect(error.message.contains("did you mean '\(meant)'?"), "\(error.message)")
    }

    @Test("date-shaped words that do not read are refused; quoted words are always title; ratios and codes are title")
    func dateShaped() throws {
        let book = try book()
        for word in ["25:70", "9h75", "32.13.", "13/13", "2026-13-45", "1.5", "24h"] {
            #expect(throws: PhraseError.self, "\(word)") { try plan("review \(word) @hank", in: book) }
        }
        #expect(try plan("send \"tomorow\" draft @hank fri", in: book).title == "send tomorow draft")
        #expect(try plan("split 50/50 @hank", in: book).title == "split 50/50")
        #expect(try plan("ticket 1-1 @hank", in: book).title == "ticket 1-1")
        // Words that only look near a date word are fine.
        #expect(try plan("send money and notes @hank", in: book).title == "send money and notes")
    }

    @Test("found in review: day 0, huge offsets, am/pm after a bare hour, 'at 3', 'by fri', ordinals and adjectives in titles")
    func reviewCases() throws {
        #expect(throws: PhraseError.self) { try dates().parse("0.3.") }      // was: an endless loop
        #expect(throws: PhraseError.self) { try dates().parse("+99999m") }   // was: a crash
        let book = try book()
        let early = try plan("meeting sync @hank fri 3 am", in: book)
        #expect(early.instant == at(2026, 3, 6, 3) && early.title == "sync")
        #expect(try plan("call @hank fri at 3", in: book).instant == at(2026, 3, 6, 15))
        let by = try plan("send the report @hank by fri", in: book)
        #expect(by.title == "send the report" && by.day == day(2026, 3, 6))
        #expect(try plan("send the report @hank eod", in: book).day == monday)
        #expect(try plan("send the report @hank this week", in: book).day == day(2026, 3, 6))
        #expect(try plan("send 1st draft @hank fri", in: book).title == "send 1st draft")
        let adjective = try plan("prepare quarterly review deck @hank fri", in: book)
        #expect(adjective.title == "prepare quarterly review deck" && adjective.entry.recurrence == nil)
        #expect(try plan("meeting daily standup @hank fri 10", in: book).title == "daily standup")
        #expect(try plan("report @hank quarterly", in: book).entry.recurrence == .months(3, day: 2))
        #expect(try plan("call Acme about renewal fri", in: book).title == "Call Acme about renewal")
        for phrase in ["renew the licence @hank next year", "reply @hank within 3 days", "reply @hank in 3 business days"] {
            #expect(throws: PhraseError.self, "\(phrase)") { try plan(phrase, in: book) }
        }
    }

    @Test("a literal ae, oe or ue is not an umlaut: Michael is not Michal, Joel is not Jol")
    func literalVowels() throws {
        let book = try TestBook()
        try book.contact("Michal Novak", added: now)
        #expect(try book.store.resolveContact("Michael") == .notFound)
        #expect(NameMatcher.fold("Joel") != NameMatcher.fold("Jol"))
    }

    // MARK: Repeats in the phrase

    static let repeats: [(String, Recurrence, CivilDate)] = [
        ("every first monday", .monthlyWeekday(ordinal: 1, weekday: .monday), day(2026, 3, 2)),
        ("every 2 weeks", .weeks(2), day(2026, 3, 2)),
        ("every other week", .weeks(2), day(2026, 3, 2)),
        ("fortnightly", .weeks(2), day(2026, 3, 2)),
        ("biweekly", .weeks(2), day(2026, 3, 2)),           // every two weeks, as in the US
        ("weekly on tuesday", .weeks(1), day(2026, 3, 3)),
        ("every weekday", .onWeekdays([.monday, .tuesday, .wednesday, .thursday, .friday]), day(2026, 3, 2)),
        ("every mon and thu", .onWeekdays([.monday, .thursday]), day(2026, 3, 2)),
        ("every quarter", .months(3, day: 2), day(2026, 3, 2)),
        ("monthly on the 31st", .months(1, day: 31), day(2026, 3, 31)),
        ("every other tuesday", .weeks(2), day(2026, 3, 3)),
        ("every second tuesday", .monthlyWeekday(ordinal: 2, weekday: .tuesday), day(2026, 3, 10)),
    ]

    @Test("repeats in the phrase: the rule, the first due day, and none of its words in the title", arguments: repeats.indices)
    func repeatForm(_ index: Int) throws {
        let (words, rule, first) = Self.repeats[index]
        let book = try book()
        let plan = try plan("pipeline review @sam \(words)", in: book)
        #expect(plan.entry.recurrence == rule, "\(words)")
        #expect(plan.day == first, "\(words)")
        #expect(plan.title == "pipeline review", "\(words)")
        // The same grammar for --repeat, and the stored phrase reads back.
        #expect(try RecurrencePhrase.parse(words, today: monday).0 == rule)
        #expect(try RecurrencePhrase.decode(rule.phrase) == rule)
    }

    @Test("every weekday skips the weekend; every mon and thu alternates")
    func weekdayRepeats() {
        let weekdays = Recurrence.onWeekdays(Recurrence.workWeek)
        #expect(weekdays.next(after: day(2026, 3, 6)) == day(2026, 3, 9)) // Friday → Monday
        let twice = Recurrence.onWeekdays([.monday, .thursday])
        #expect(twice.next(after: day(2026, 3, 2)) == day(2026, 3, 5))
        #expect(twice.next(after: day(2026, 3, 5)) == day(2026, 3, 9))
    }

    @Test("a repeat on a meeting is refused: only follow-ups repeat")
    func repeatOnlyForFollowUps() throws {
        let book = try book()
        #expect(throws: StoreError.self) { try plan("meeting sync @sam fri 10:00 every week", in: book) }
    }

    // MARK: People

    @Test("a kind word or with/to/for followed by a known name links them, for every kind (was: only call)")
    func peopleAfterKinds() throws {
        let book = try book()
        let zoe: Int64 = 3
        #expect(try plan("email zoe fri", in: book).people.existingIDs == [zoe])
        #expect(try plan("email zoe fri", in: book).title == "Email")
        #expect(try plan("gift zoe €40 fri", in: book).people.existingIDs == [zoe])
        #expect(try plan("meeting zoe fri 10:00", in: book).people.existingIDs == [zoe])
        #expect(try plan("send the deck to zoe fri", in: book).people.existingIDs == [zoe])
        #expect(try plan("send the deck to zoe fri", in: book).title == "send the deck")
        // "meeting Acme kickoff": an unknown capitalised word after a kind is title.
        #expect(try plan("meeting Acme kickoff with hank fri 10:00", in: book).title == "Acme kickoff")
        #expect(try plan("lunch with dana #acme fri", in: book).people.existingIDs == [5])
    }

    @Test("no item has an empty or linking-word title: the kind's title with the people stands in")
    func titles() throws {
        let book = try book()
        #expect(try plan("gift for hank fri", in: book).title == "Gift for Hank Scorpio")
        #expect(try plan("gift #globex fri", in: book).title == "Gift for the Globex team")
        #expect(try plan("@hank fri", in: book).title == "Follow up with Hank Scorpio")
        #expect(try plan("meeting with hank fri 10", in: book).title == "Meeting with Hank Scorpio")
        #expect(throws: StoreError.self) { try plan("with fri", in: book) }
    }

    // MARK: Thank-yous

    @Test("'thanks @jurgen' marks the oldest note owed to him sent (was: a second, empty note); none owed: a new note")
    func thanksMarksOwed() throws {
        let book = try book()
        let jurgen = try #require(try book.store.contact(id: 2))
        try book.meeting("Kickoff", with: [jurgen], starts: at(2026, 2, 20, 10), added: at(2026, 2, 19, 9))
        try book.meeting("Review", with: [jurgen], starts: at(2026, 2, 27, 10), added: at(2026, 2, 26, 9))
        let (plan, outcome) = try add("thanks @jurgen", in: book)
        #expect(outcome.markedSent == [ItemRef(.thankYou, 1)]) // the Kickoff's, the older
        #expect(outcome.refs.isEmpty)
        #expect(plan.description(calendar: book.calendar, today: monday) == "thank-you notes sent t1 to Jürgen Müller")
        #expect(try book.store.thankYouNote(id: 2)?.state == .owed)
        _ = try add("thanks @jurgen", in: book)
        let (_, third) = try add("thanks @jurgen for the referral", in: book)
        #expect(third.refs.count == 1) // nothing owed any more: a note of its own
        #expect(try book.store.thankYouNote(id: third.refs[0].id)?.reason == "for the referral")
    }

    @Test("'thanks #acme' means the attendees of Acme's latest meeting with notes owed, not everyone at Acme")
    func thanksAccount() throws {
        let book = try book()
        let dana = try #require(try book.store.contact(id: 5))
        let lee = try book.contact("Lee Park", account: "Acme", added: at(2026, 1, 5, 9))
        try book.contact("Ann Other", account: "Acme", added: at(2026, 1, 5, 9))
        try book.meeting("Old review", with: [dana], starts: at(2026, 2, 2, 10), added: at(2026, 2, 1, 9))
        try book.store.addMeeting(MeetingDraft(title: "Kickoff", startsAt: at(2026, 2, 27, 10), accountID: dana.accountID,
                                               attendees: People(existingIDs: [dana.id!, lee.id!])), now: at(2026, 2, 26, 9))
        let (_, outcome) = try add("thanks #acme", in: book)
        #expect(Set(outcome.markedSent) == [ItemRef(.thankYou, 2), ItemRef(.thankYou, 3)])
        #expect(try book.store.thankYouNote(id: 1)?.state == .owed) // the old meeting was not at the account
        #expect(throws: StoreError.self) { try add("thanks #acme", in: book) } // none owed any more
    }

    @Test("'thanks sent NAME' and quick-add follow one rule: the oldest owed; a meeting still to come owes nothing yet")
    func notesToThank() throws {
        let book = try book()
        let hank = try #require(try book.store.contact(id: 1))
        try book.meeting("Future", with: [hank], starts: at(2026, 3, 9, 10), added: now)
        try book.meeting("Past", with: [hank], starts: at(2026, 2, 27, 10), added: at(2026, 2, 26, 9))
        #expect(try book.store.notesToThank(contact: 1, all: false, now: now).map(\.id) == [2])
        #expect(try book.store.notesToThank(contact: 1, all: true, now: now).map(\.id) == [2])
    }

    // MARK: The property

    @Test("property: random phrases of titles, people, and every accepted date, time and repeat form store a title without date words; misspellings are refused (2,000 phrases)")
    func property() throws {
        let book = try book()
        let parser = try book.store.quickAddParser(dates: dates())
        var random = SplitMix(state: 2026_03_02)
        let titles = ["send the deck", "review contract", "pricing call prep", "ship samples", "budget questions"]
        let people = ["@hank", "@jurgen", "@sam", "@zoe", "with hank", "to sam"]
        let dateWords = Self.dateForms.map(\.0) + ["today", "tomorrow", "mon", "next fri", "in 3 days", "+2w", "eom", "dec 1"]
        // Phrases that read as a repeat wherever they stand ("biweekly ship samples" is a title adjective).
        let repeatWords = Self.repeats.map(\.0).filter { $0.hasPrefix("every") || $0.contains(" on ") }
        let dateVocabulary = Set(["today", "tomorrow", "after", "end", "week", "month", "fri", "fri.", "thurs", "mon", "every",
                                  "weekly", "biweekly", "fortnightly", "monthly", "quarter", "other", "weekday", "half", "past",
                                  "quarter", "eom", "dec", "+2w", "15.3.", "9h30", "15h", "3/15"])
        for round in 0..<2_000 {
            let title = titles[Int.random(in: 0..<titles.count, using: &random)]
            var parts = [title, people[Int.random(in: 0..<people.count, using: &random)]]
            let misspelt = round % 5 == 0
            if misspelt {
                let (phrase, meant) = Self.misspellings[Int.random(in: 0..<Self.misspellings.count, using: &random)]
                parts.append(String(phrase.split(separator: " ").first { DatePhraseParser.misspelling(of: String($0)) == meant }!))
            } else {
                parts.append(dateWords[Int.random(in: 0..<dateWords.count, using: &random)])
                if Bool.random(using: &random) { parts.append(repeatWords[Int.random(in: 0..<repeatWords.count, using: &random)]) }
            }
            parts.shuffle(using: &random)
            let phrase = parts.joined(separator: " ")
            if misspelt {
                #expect(throws: PhraseError.self, "\(phrase)") { try parser.parse(phrase) }
                continue
            }
            let entry = try parser.parse(phrase)
            let stored = Set(entry.title.lowercased().split(separator: " ").map(String.init))
            #expect(stored.isDisjoint(with: dateVocabulary), "\(phrase) → \(entry.title)")
            #expect(entry.title == title, "\(phrase) → '\(entry.title)'")
            #expect(entry.when != nil, "\(phrase)")
        }
    }
}
