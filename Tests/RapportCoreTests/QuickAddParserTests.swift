import Testing
@testable import RapportCore

@Suite("Quick-add grammar")
struct QuickAddParserTests {
    /// Tuesday 24 November 2026; the book knows "dana ruiz" and "lee park".
    let parser = QuickAddParser(dates: DatePhraseParser(today: day(2026, 11, 24)),
                                isKnownName: { ["dana ruiz", "lee park", "dana", "lee", "ruiz", "park"].contains($0) })

    typealias Expected = (kind: QuickAddKind, title: String, people: [String], day: CivilDate?, time: LocalTime?,
                          place: String?, account: String?, cost: Money?)

    static let cases: [(String, QuickAddKind, String, [String], CivilDate?, LocalTime?, String?, String?, Money?)] = [
        // The brief's example.
        ("lunch with Dana Ruiz fri 12:30 at Nobu #acme", .lunch, "", ["Dana Ruiz"], day(2026, 11, 27), time(12, 30), "Nobu", "acme", nil),
        // Kind words.
        ("follow-up send the deck", .followUp, "send the deck", [], nil, nil, nil, nil, nil),
        ("fu send the deck", .followUp, "send the deck", [], nil, nil, nil, nil, nil),
        // "follow up" in two words is the kind (the table of kinds' follow-up), and starts the title as "call" does.
        ("follow up on the contract @dana fri", .followUp, "Follow up on the contract", ["@dana"], day(2026, 11, 27), nil, nil, nil, nil),
        ("Follow up with Dana tomorrow", .followUp, "", ["Dana"], day(2026, 11, 25), nil, nil, nil, nil),
        ("followup send the deck", .followUp, "send the deck", [], nil, nil, nil, nil, nil),
        ("\"follow up\" meeting notes", .followUp, "follow up meeting notes", [], nil, nil, nil, nil, nil),
        ("send the deck", .followUp, "send the deck", [], nil, nil, nil, nil, nil),
        ("meeting Acme kickoff tomorrow 10:00", .meeting, "Acme kickoff", [], day(2026, 11, 25), time(10), nil, nil, nil),
        ("call Dana about renewal tomorrow 3pm", .call, "about renewal", ["Dana"], day(2026, 11, 25), time(15), nil, nil, nil),
        ("call dana ruiz", .call, "", ["dana ruiz"], nil, nil, nil, nil, nil),
        ("call the bank", .call, "the bank", [], nil, nil, nil, nil, nil),
        ("thanks Lee Park for the intro", .thanks, "for the intro", ["Lee Park"], nil, nil, nil, nil, nil),
        ("lunch Dana fri", .lunch, "", ["Dana"], day(2026, 11, 27), nil, nil, nil, nil),
        ("thanks @dana for the intro", .thanks, "for the intro", ["@dana"], nil, nil, nil, nil, nil),
        ("thank-you with Lee Park", .thanks, "", ["Lee Park"], nil, nil, nil, nil, nil),
        ("gift cheese basket for the team #acme $80", .gift, "cheese basket for the team", [], nil, nil, nil, "acme", Money(minorUnits: 8000, currency: "USD")),
        ("gift wine with Dana €75.50 dec 20", .gift, "wine", ["Dana"], day(2026, 12, 20), nil, nil, nil, Money(minorUnits: 7550, currency: "EUR")),
        ("gift flowers 80 EUR with Lee", .gift, "flowers", ["Lee"], nil, nil, nil, nil, Money(minorUnits: 8000, currency: "EUR")),
        ("gift book 25gbp @lee", .gift, "book", ["@lee"], nil, nil, nil, nil, Money(minorUnits: 2500, currency: "GBP")),
        ("gift sake ¥5000 @lee", .gift, "sake", ["@lee"], nil, nil, nil, nil, Money(minorUnits: 5000, currency: "JPY")),
        ("note prefers calls before 9 @dana", .note, "prefers calls before 9", ["@dana"], nil, nil, nil, nil, nil),
        // People.
        ("with Dana and Lee Park send the deck", .followUp, "send the deck", ["Dana", "Lee Park"], nil, nil, nil, nil, nil),
        ("send the deck with Dana, Lee Park", .followUp, "send the deck", ["Dana", "Lee Park"], nil, nil, nil, nil, nil),
        ("send the deck with Dana & Lee", .followUp, "send the deck", ["Dana", "Lee"], nil, nil, nil, nil, nil),
        ("send the deck with dana ruiz fri", .followUp, "send the deck", ["dana ruiz"], day(2026, 11, 27), nil, nil, nil, nil),
        ("send the deck with dana about pricing", .followUp, "send the deck about pricing", ["dana"], nil, nil, nil, nil, nil),
        ("with Dana Ruiz Pricing deck", .followUp, "Pricing deck", ["Dana Ruiz"], nil, nil, nil, nil, nil),
        ("with Ana de la Cruz send contract", .followUp, "send contract", ["Ana de la Cruz"], nil, nil, nil, nil, nil),
        ("with Zoë Ångström send contract", .followUp, "send contract", ["Zoë Ångström"], nil, nil, nil, nil, nil),
        ("@dana @lee send recap", .followUp, "send recap", ["@dana", "@lee"], nil, nil, nil, nil, nil),
        ("@12 send recap", .followUp, "send recap", ["@12"], nil, nil, nil, nil, nil),
        ("send recap with @12 and @lee", .followUp, "send recap", ["@12", "@lee"], nil, nil, nil, nil, nil),
        ("send recap with @dana fri", .followUp, "send recap", ["@dana"], day(2026, 11, 27), nil, nil, nil, nil),
        ("@dana@acme.com send recap", .followUp, "send recap", ["@dana@acme.com"], nil, nil, nil, nil, nil),
        ("@\"Dana Ruiz\" send recap", .followUp, "send recap", ["Dana Ruiz"], nil, nil, nil, nil, nil),
        // When, anywhere.
        ("fri send the deck", .followUp, "send the deck", [], day(2026, 11, 27), nil, nil, nil, nil),
        ("send the deck next tue", .followUp, "send the deck", [], day(2026, 12, 1), nil, nil, nil, nil),
        ("send the deck this fri 9am", .followUp, "send the deck", [], day(2026, 11, 27), time(9), nil, nil, nil),
        ("send the deck in 3 days", .followUp, "send the deck", [], day(2026, 11, 27), nil, nil, nil, nil),
        ("send the deck in 2 weeks", .followUp, "send the deck", [], day(2026, 12, 8), nil, nil, nil, nil),
        ("send the deck +3d", .followUp, "send the deck", [], day(2026, 11, 27), nil, nil, nil, nil),
        ("send the deck +2w", .followUp, "send the deck", [], day(2026, 12, 8), nil, nil, nil, nil),
        ("send the deck eow", .followUp, "send the deck", [], day(2026, 11, 27), nil, nil, nil, nil),
        ("send the deck eom", .followUp, "send the deck", [], day(2026, 11, 30), nil, nil, nil, nil),
        ("send the deck 2026-12-01", .followUp, "send the deck", [], day(2026, 12, 1), nil, nil, nil, nil),
        ("send the deck dec 1", .followUp, "send the deck", [], day(2026, 12, 1), nil, nil, nil, nil),
        ("send the deck 1 dec", .followUp, "send the deck", [], day(2026, 12, 1), nil, nil, nil, nil),
        ("send the deck today", .followUp, "send the deck", [], day(2026, 11, 24), nil, nil, nil, nil),
        ("send the deck tonight", .followUp, "send the deck", [], day(2026, 11, 24), time(19), nil, nil, nil),
        ("send the deck tomorrow noon", .followUp, "send the deck", [], day(2026, 11, 25), time(12), nil, nil, nil),
        ("send the deck at 16:30", .followUp, "send the deck", [], nil, time(16, 30), nil, nil, nil),
        ("send the deck 16:30", .followUp, "send the deck", [], day(2026, 11, 24), time(16, 30), nil, nil, nil),
        // Words that look like dates but are not.
        ("review margins in Berlin", .followUp, "review margins in Berlin", [], nil, nil, nil, nil, nil),
        ("check the may numbers", .followUp, "check the may numbers", [], nil, nil, nil, nil, nil),
        ("book a table at Nobu", .followUp, "book a table at Nobu", [], nil, nil, nil, nil, nil),
        ("\"Friday drinks\" invitations mon", .followUp, "Friday drinks invitations", [], day(2026, 11, 30), nil, nil, nil, nil),
        ("send $80 invoice", .followUp, "send $80 invoice", [], nil, nil, nil, nil, nil),
        ("split 50/50 with Lee", .followUp, "split 50/50", ["Lee"], nil, nil, nil, nil, nil),
        // Places.
        ("meeting Kickoff at Acme HQ mon 10:00 with Dana", .meeting, "Kickoff", ["Dana"], day(2026, 11, 30), time(10), "Acme HQ", nil, nil),
        ("lunch @lee at \"Café de Flore\" thu 13:00", .lunch, "", ["@lee"], day(2026, 11, 26), time(13), "Café de Flore", nil, nil),
        ("lunch @lee at noon at Nobu", .lunch, "", ["@lee"], nil, time(12), "Nobu", nil, nil),
        // Accounts.
        ("send the deck #\"Acme Corp\"", .followUp, "send the deck", [], nil, nil, nil, "Acme Corp", nil),
        ("#acme-corp send the deck", .followUp, "send the deck", [], nil, nil, nil, "acme-corp", nil),
    ]

    @Test("phrases parse as documented", arguments: cases)
    func parses(_ c: (String, QuickAddKind, String, [String], CivilDate?, LocalTime?, String?, String?, Money?)) throws {
        let entry = try parser.parse(c.0)
        #expect(entry.kind == c.1, "\(c.0)")
        #expect(entry.title == c.2, "\(c.0)")
        #expect(entry.people == c.3, "\(c.0)")
        #expect(entry.when?.day == (c.4 ?? (c.5 != nil ? day(2026, 11, 24) : nil)), "\(c.0)")
        #expect(entry.when?.time == c.5, "\(c.0)")
        #expect(entry.place == c.6, "\(c.0)")
        #expect(entry.account == c.7, "\(c.0)")
        #expect(entry.cost == c.8, "\(c.0)")
    }

    @Test("parse → phrase → parse gives the same entry", arguments: cases.map(\.0))
    func roundTrip(phrase: String) throws {
        let entry = try parser.parse(phrase)
        let again = try parser.parse(entry.phrase)
        #expect(again == entry, "\(phrase) → \(entry.phrase)")
    }

    @Test("bad phrases are refused naming the part", arguments: [
        ("send the deck feb 30", "February has no day 30"),
        ("send the deck in -3 days", "the count must be a whole number"),
        ("send the deck fri mon", "names two dates"),
        ("send the deck 10:00 11:00", "names two times"),
        ("send the deck #acme #globex", "names two accounts"),
        ("gift wine $80 €20 @lee", "names two costs"),
        ("gift wine $8.123 @lee", "USD has 2 decimal places"),
        ("gift wine $-5 @lee", "cannot be negative"),
        ("send the \"deck", "a quote is not closed"),
        ("", "the phrase is empty"),
        ("send the deck 12/1", "could be day/month or month/day"),
        ("send the deck 25:00", "not a time of day"),
    ])
    func refused(phrase: String, message: String) {
        #expect {
            try parser.parse(phrase)
        } throws: { error in
            (error as? PhraseError)?.message.contains(message) == true
        }
    }

    @Test("numeric dates follow the locale's order")
    func numericDates() throws {
        let european = QuickAddParser(dates: DatePhraseParser(today: day(2026, 11, 24), numericOrder: .dayMonth))
        let american = QuickAddParser(dates: DatePhraseParser(today: day(2026, 11, 24), numericOrder: .monthDay))
        #expect(try european.parse("deck 12/1").when?.day == day(2027, 1, 12))
        #expect(try american.parse("deck 12/1").when?.day == day(2026, 12, 1))
        #expect(try american.parse("deck 12/1/2027").when?.day == day(2027, 12, 1))
        #expect(throws: PhraseError.self) { try american.parse("deck 2/30") }
        #expect(NumericDateOrder.from(environment: ["LANG": "en_US.UTF-8"]) == .monthDay)
        #expect(NumericDateOrder.from(environment: ["LANG": "de_DE.UTF-8"]) == .dayMonth)
        #expect(NumericDateOrder.from(environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "en_US.UTF-8"]) == .dayMonth)
        #expect(NumericDateOrder.from(environment: ["LANG": "C.UTF-8"]) == nil)
        #expect(NumericDateOrder.from(environment: ["LANG": "C.UTF-8", "RAPPORT_DATE_ORDER": "mdy"]) == .monthDay)
    }

    @Test("every form combines with every other, in any order")
    func combinations() throws {
        let pieces: [(text: String, check: (QuickAddEntry) -> Bool)] = [
            ("with Dana Ruiz", { $0.people == ["Dana Ruiz"] }),
            ("fri 12:30", { $0.when == When(day: day(2026, 11, 27), time: time(12, 30)) }),
            ("#acme", { $0.account == "acme" }),
            ("at Nobu", { $0.place == "Nobu" }),
            ("\"Quarterly review\"", { $0.title == "Quarterly review" }),
        ]
        var count = 0
        for permutation in permutations(Array(pieces.indices)) {
            let phrase = "meeting " + permutation.map { pieces[$0].text }.joined(separator: " ")
            let entry = try parser.parse(phrase)
            #expect(entry.kind == .meeting, "\(phrase)")
            for piece in pieces { #expect(piece.check(entry), "\(phrase): \(piece.text)") }
            count += 1
        }
        #expect(count == 120)
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let head = rest.remove(at: i)
            return permutations(rest).map { [head] + $0 }
        }
    }

    @Test("every kind × every date form × every way of naming people", arguments: QuickAddKind.allCases)
    func grid(kind: QuickAddKind) throws {
        let dates: [(String, CivilDate, LocalTime?)] = [
            ("today", day(2026, 11, 24), nil), ("tomorrow", day(2026, 11, 25), nil), ("tonight", day(2026, 11, 24), time(19)),
            ("fri", day(2026, 11, 27), nil), ("this fri", day(2026, 11, 27), nil), ("next tue", day(2026, 12, 1), nil),
            ("in 3 days", day(2026, 11, 27), nil), ("in 2 weeks", day(2026, 12, 8), nil), ("+3d", day(2026, 11, 27), nil),
            ("+2w", day(2026, 12, 8), nil), ("eow", day(2026, 11, 27), nil), ("eom", day(2026, 11, 30), nil),
            ("2026-12-01", day(2026, 12, 1), nil), ("dec 1", day(2026, 12, 1), nil), ("1 dec", day(2026, 12, 1), nil),
            ("fri 12:30", day(2026, 11, 27), time(12, 30)), ("fri 3pm", day(2026, 11, 27), time(15)),
            ("tomorrow noon", day(2026, 11, 25), time(12)), ("dec 1 9:15", day(2026, 12, 1), time(9, 15)),
            ("mon at 8am", day(2026, 11, 30), time(8)),
        ]
        let people: [(String, [String])] = [
            ("with Dana Ruiz", ["Dana Ruiz"]), ("with Dana and Lee Park", ["Dana", "Lee Park"]),
            ("@dana", ["@dana"]), ("with dana ruiz, lee park", ["dana ruiz", "lee park"]),
        ]
        var checked = 0
        for (dateText, expectedDay, expectedTime) in dates {
            for (peopleText, expectedPeople) in people {
                for phrase in ["\(kind.rawValue) \"the item\" \(peopleText) \(dateText)",
                               "\(kind.rawValue) \(dateText) \(peopleText) \"the item\""] {
                    let entry = try parser.parse(phrase)
                    #expect(entry.kind == kind, "\(phrase)")
                    #expect(entry.title == "the item", "\(phrase)")
                    #expect(entry.people == expectedPeople, "\(phrase)")
                    // A note records what happened: its weekdays and month days look back.
                    var lookingBack = DatePhraseParser(today: day(2026, 11, 24))
                    lookingBack.looksBack = true
                    let expected = kind == .note ? try lookingBack.parse(dateText) : When(day: expectedDay, time: expectedTime)
                    #expect(entry.when == expected, "\(phrase)")
                    #expect(try parser.parse(entry.phrase) == entry, "\(phrase)")
                    checked += 1
                }
            }
        }
        #expect(checked == 160)
    }
}
