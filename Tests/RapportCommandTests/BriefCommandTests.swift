import Foundation
import Testing

/// End-to-end: `rapport brief`, deals qualified for mutual benefit, and the
/// ONLY statements, on a book built by the commands a user would type.
@Suite("rapport brief and deals")
struct BriefCommandTests {
    /// Friday 27 November 2026, 09:00 in Berlin: the kickoff is on Monday.
    let friday = "2026-11-27 09:00:00"

    /// The README's book: Dana and Lee at Acme, a discovery meeting and a
    /// kickoff, a call, a lunch, a follow-up, a segment with its ONLY
    /// statement and deals each way.
    func book() throws -> RapportProcess {
        let rapport = try RapportProcess()
        let steps: [([String], String)] = [
            (["contact", "add", "Dana Ruiz", "--account", "Acme", "--tier", "A", "--role", "Head of Operations", "--favourite"], "2026-11-02 09:00:00"),
            (["add", "meeting Acme discovery with Dana and Lee Park tue 10:00 #acme"], "2026-11-02 09:00:00"),
            (["edit", "m1", "--outcome", "Wants a pilot in the Hamburg depot before January"], "2026-11-03 12:00:00"),
            (["thanks", "sent", "dana", "--via", "handwritten"], "2026-11-03 17:00:00"),
            (["edit", "dana", "--needs", "one view of stock across 4 warehouses", "--cares-about", "her team's overtime",
              "--family", "two kids, Leo and Mia", "--birthday", "1985-12-03"], "2026-11-04 09:00:00"),
            (["edit", "lee", "--role", "CFO", "--tier", "B", "--wants", "a fixed price for three years"], "2026-11-04 09:00:00"),
            (["lunch", "offer", "--with", "dana", "--at", "fri 12:30", "--place", "Nobu"], "2026-11-10 09:00:00"),
            (["lunch", "held", "l1", "--cost", "€84.50"], "2026-11-13 15:00:00"),
            (["log", "call", "Renewal terms", "--with", "dana", "--at", "today 8:30", "--notes", "Budget approved for Q1"], "2026-11-24 09:00:00"),
            (["add", "meeting Acme kickoff with Dana and Lee mon 10:00 at HQ #acme"], "2026-11-24 09:00:00"),
            (["add", "send the pricing deck @dana wed"], "2026-11-24 09:00:00"),
            (["edit", "m2", "--prep", "Ask about the January freeze"], "2026-11-24 09:00:00"),
            (["segment", "add", "Mid-size logistics, DACH", "--attractiveness", "5", "--competitiveness", "4", "--appeal", "4"], "2026-11-24 09:00:00"),
            (["segment", "assign", "mid", "Acme"], "2026-11-24 09:00:00"),
            (["segment", "only-statement", "mid", "We are the ONLY ones that plan stock and staff together"], "2026-11-24 09:00:00"),
            (["deal", "add", "Warehouse platform", "--account", "Acme", "--their-win", "one view of stock", "--our-win", "a 3-year contract",
              "--fit", "4"], "2026-11-24 09:00:00"),
            (["deal", "add", "Staff planning add-on", "--account", "Acme"], "2026-11-24 09:00:00"),
            (["deal", "add", "Hamburg pilot", "--account", "Acme", "--fit", "2"], "2026-11-24 09:00:00"),
            (["deal", "not-a-fit", "hamburg", "--reason", "they need it on-premise"], "2026-11-25 09:00:00"),
        ]
        for (arguments, clock) in steps {
            let result = try rapport.run(arguments, at: clock)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        }
        return rapport
    }

    /// What `rapport brief m2` prints on Friday (the README shows it).
    static let kickoffBrief = """
        Acme kickoff · m2 · Mon 30 Nov 10:00 at HQ
          when          in 3 days

        Who
          Dana Ruiz @1 · Head of Operations at Acme · tier A · ★ favourite
            known         25 days, since Mon 2 Nov
            last touches  Tue 24 Nov 08:30 · call · Renewal terms
                          → Budget approved for Q1
                          Fri 13 Nov 12:30 · lunch · Lunch at Nobu
                          Tue 3 Nov 17:00 · thank-you · Thank-you sent (handwritten)
          Lee Park @2 · CFO at Acme · tier B
            known         25 days, since Mon 2 Nov
            last touches  Tue 3 Nov 10:00 · meeting · Acme discovery
                          → Wants a pilot in the Hamburg depot before January

        What they need and care about
          Dana Ruiz
            needs         one view of stock across 4 warehouses
            wants         unknown — ask
            cares about   her team's overtime
            family        two kids, Leo and Mia
            interests     unknown — ask
            birthday      Thu 3 Dec (in 6 days, turns 41)
          Lee Park
            needs         unknown — ask
            wants         a fixed price for three years
            cares about   unknown — ask
            family        unknown — ask
            interests     unknown — ask

        Open between you
          f1            promised: send the pricing deck — 2 d late, due Wed 25 Nov · Dana Ruiz
          t2            thank-you note owed to Lee Park for Acme discovery (met Tue 3 Nov) — late, due Wed 4 Nov

        Account · Acme
          segment       Mid-size logistics, DACH · invest: most of the effort
                        attractiveness 5 · competitiveness 4 · appeal 4
          ONLY          We are the ONLY ones that plan stock and staff together
          deals         d1 Warehouse platform · open · fit 4/5
                          they win: one view of stock
                          we win: a 3-year contract
                        d2 Staff planning add-on · open · fit not rated
                          they win: what do they win? — ask
                        d3 Hamburg pilot · not a fit Wed 25 Nov · fit 2/5 · why: they need it on-premise
          last lunch    Fri 13 Nov 12:30 at Nobu with Dana Ruiz
          last gift     none yet

        Prep notes · not done yet
          Ask about the January freeze

        """

    @Test("rapport brief m2 prints the meeting's brief: who, what they need, what is open, the account, the prep notes; it never writes")
    func text() throws {
        let rapport = try book()
        let before = try rapport.databaseBytes()
        let result = try rapport.run(["brief", "m2"], at: friday)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == Self.kickoffBrief, "\(result.stdout)")
        // The preparation item names the same meeting.
        #expect(try rapport.run(["brief", "p2"], at: friday).stdout == Self.kickoffBrief)
        #expect(try rapport.databaseBytes() == before)
    }

    @Test("the README's brief is this output")
    func readme() throws {
        let text = try String(contentsOf: ReadmeTourTests.readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Before a meeting").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```console\n$ rapport brief m2\n").dropFirst().first?.components(separatedBy: "```").first)
        #expect(block == Self.kickoffBrief)
    }

    @Test("rapport brief --json: the same facts for scripts, instants in the user's zone")
    func json() throws {
        let rapport = try book()
        let result = try rapport.run(["brief", "m2", "--json"], at: friday)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "meeting" && object["ref"] as? String == "m2" && object["title"] as? String == "Acme kickoff")
        #expect(object["startsAt"] as? String == "2026-11-30T10:00:00+01:00")
        let people = try #require(object["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Dana Ruiz", "Lee Park"])
        let facts = try #require(people[0]["facts"] as? [[String: Any]])
        #expect(facts.first?["label"] as? String == "needs" && facts.first?["value"] as? String == "one view of stock across 4 warehouses")
        #expect(facts[1]["label"] as? String == "wants" && facts[1]["value"] == nil)
        let touches = try #require(people[0]["lastTouches"] as? [[String: Any]])
        #expect(touches.first?["outcome"] as? String == "Budget approved for Q1" && touches.first?["at"] as? String == "2026-11-24T08:30:00+01:00")
        let open = try #require(object["open"] as? [String: Any])
        #expect((open["followUps"] as? [[String: Any]])?.first?["late"] as? Bool == true)
        let accounts = try #require(object["accounts"] as? [[String: Any]])
        let segment = try #require(accounts.first?["segment"] as? [String: Any])
        #expect(segment["onlyStatement"] as? String == "We are the ONLY ones that plan stock and staff together" && segment["quadrant"] as? String == "invest")
        let deals = try #require(accounts.first?["deals"] as? [[String: Any]])
        #expect(deals.map { $0["ref"] as? String } == ["d1", "d2", "d3"])
        #expect(deals[2]["stage"] as? String == "not-a-fit" && deals[2]["reason"] as? String == "they need it on-premise")
        #expect((object["prep"] as? [String: Any])?["notes"] as? String == "Ask about the January freeze")
    }

    @Test("rapport brief --markdown: headings and fields for a calendar invite, stored text escaped")
    func markdown() throws {
        let rapport = try book()
        try rapport.run(["edit", "lee", "--interests", "*golf* and <b>sailing</b>"], at: friday)
        let result = try rapport.run(["brief", "m2", "--markdown"], at: friday)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.first == "# Acme kickoff · m2 · Mon 30 Nov 10:00 at HQ")
        for line in ["## Who", "### Dana Ruiz @1 · Head of Operations at Acme · tier A · ★ favourite", "## What they need and care about",
                     "- **wants**: unknown — ask", "- **needs**: one view of stock across 4 warehouses",
                     "- **interests**: \\*golf\\* and \\<b\\>sailing\\</b\\>", "## Open between you", "## Account · Acme",
                     "- **ONLY**: We are the ONLY ones that plan stock and staff together", "    - they win: what do they win? — ask",
                     "## Prep notes · not done yet", "Ask about the January freeze  "] {
            #expect(lines.contains(line), "\(line) in\n\(result.stdout)")
        }
    }

    @Test("a brief names a contact or an account too; a deal without a client win is flagged in the account's brief")
    func contactAndAccount() throws {
        let rapport = try book()
        let contact = try rapport.run(["brief", "lee"], at: friday).stdout
        #expect(contact.hasPrefix("Lee Park · @2\n  next          m2 Acme kickoff, Mon 30 Nov 10:00\n"), "\(contact)")
        let account = try rapport.run(["brief", "#acme"], at: friday).stdout
        #expect(account.hasPrefix("Acme · Acme\n  next          m2 Acme kickoff, Mon 30 Nov 10:00\n\nTeam\n"), "\(account)")
        #expect(account.contains("d2 Staff planning add-on · open · fit not rated\n                  they win: what do they win? — ask\n"))
    }

    @Test("a brief for nothing known is refused on one line with status 2, and a missing book is not created", arguments: [
        (["brief", "m9"], "rapport: no meeting m9\n"),
        (["brief", "f1"], "rapport: 'f1' is a follow-up item; a brief is for a meeting (m3, p3), a lunch (l2), a contact or an account\n"),
        (["brief", "Dnaa Ruiz"], "rapport: no contact matches 'Dnaa Ruiz'; did you mean Dana Ruiz?\n"),
        (["brief", "#globex"], "rapport: no account matches 'globex'\n"),
        (["brief", "m2", "--json", "--markdown"], "rapport: --json and --markdown: choose one (see rapport --help)\n"),
    ])
    func refused(arguments: [String], message: String) throws {
        let rapport = try book()
        let result = try rapport.run(arguments, at: friday)
        #expect(result.status == 2 && result.stderr == message && result.stdout.isEmpty, "\(result.stderr)")
        let empty = try RapportProcess()
        let missing = try empty.run(["brief", "m1"], at: friday)
        #expect(missing.status == 2 && missing.stderr == "rapport: nothing matches 'm1'; the book is empty\n")
        #expect(!FileManager.default.fileExists(atPath: empty.databasePath))
    }

    @Test("deals: qualify what each side wins and the fit; lost and not a fit keep why; list by fit; mistakes change nothing")
    func deals() throws {
        let rapport = try book()
        #expect(try rapport.run(["deal", "qualify", "staff", "--their-win", "fewer overtime hours", "--fit", "3"], at: friday).stdout
                == "d2: deal \"Staff planning add-on\" — fit 3/5; they win: fewer overtime hours\n")
        #expect(try rapport.run(["deal", "add", "Fleet", "--account", "Globex", "--our-win", "a logo", "--fit", "5"], at: friday).stdout
                == "Added d4 deal \"Fleet\" with Globex; fit 5/5; we win: a logo; what do they win? (--their-win)\n")
        #expect(try rapport.run(["deal", "lost", "fleet", "--reason", "went with a cheaper vendor"], at: friday).stdout
                == "d4: deal \"Fleet\" lost (went with a cheaper vendor)\n")
        #expect(try rapport.run(["deal", "won", "d1", "--team", "8"], at: friday).stdout
                == "d1: deal \"Warehouse platform\" won; a gift for the team of 8 is due by Fri 4 Dec (gd1)\n")
        let before = try rapport.databaseBytes()
        for (arguments, message) in [
            (["deal", "add", "X", "--account", "Acme", "--fit", "6"], "rapport: --fit is 1 to 5, not 6 (see rapport --help)\n"),
            (["deal", "qualify", "d2"], "rapport: give at least one of --their-win, --our-win, --fit (see rapport --help)\n"),
            (["deal", "qualify", "nothing", "--fit", "3"], "rapport: no deal matches 'nothing'\n"),
            (["deal", "lost", "a", "--reason", "x"],
             "rapport: 'a' matches 3 deals: d1 Warehouse platform (Acme, won), d2 Staff planning add-on (Acme, open), d3 Hamburg pilot (Acme, not a fit); name one by d…\n"),
            (["deal", "won", "d2", "--reason", "x"], "rapport: Unknown option '--reason' (see rapport --help)\n"),
            (["deal", "lost", "d1"], "rapport: deal d1 is already won\n"),
        ] {
            let result = try rapport.run(arguments, at: friday)
            #expect(result.status == 2 && result.stderr == message, "\(arguments): \(result.stderr)")
        }
        #expect(try rapport.databaseBytes() == before)
        let list = try rapport.run(["deal", "list"], at: friday).stdout
        #expect(list == """
            Open deals, best fit first
            id  deal                   account  fit  they win              we win  team
            d2  Staff planning add-on  Acme     3/5  fewer overtime hours

            Closed, latest first
            id  deal                account  outcome    fit  closed      why
            d4  Fleet               Globex   lost       5/5  2026-11-27  went with a cheaper vendor
            d1  Warehouse platform  Acme     won        4/5  2026-11-27
            d3  Hamburg pilot       Acme     not a fit  2/5  2026-11-25  they need it on-premise

            By fit · the win rate counts won of won + lost; not a fit is apart
            fit    open  won  lost  not a fit  win rate
            fit 5     0    0     1          0        0%
            fit 4     0    1     0          0      100%
            fit 3     1    0     0          0         –
            fit 2     0    0     0          1         –

            """, "\(list)")
        let json = try rapport.run(["deal", "list", "--json"], at: friday)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.first?["id"] as? String == "d4" && array.first?["reason"] as? String == "went with a cheaper vendor" && array.first?["fit"] as? Int == 5)
        let report = try rapport.run(["report"], at: friday).stdout
        #expect(report.contains("Deals by fit · open now, closed 28 Oct – 27 Nov 2026; win rate: won of won + lost\n"), "\(report)")
        #expect(report.contains("  not a fit:\n    d3 Hamburg pilot · Acme · they need it on-premise\n"))
    }

    @Test("ONLY statements: the book's by config, a segment's by segment only-statement; shown in segment list and in briefs")
    func onlyStatements() throws {
        let rapport = try book()
        #expect(try rapport.run(["config", "only-statement"], at: friday).stdout.isEmpty)
        #expect(try rapport.run(["config", "only-statement", "We are the ONLY ones who answer within the hour"], at: friday).stdout
                == "only-statement = We are the ONLY ones who answer within the hour\n")
        #expect(try rapport.run(["config", "only-statement"], at: friday).stdout == "We are the ONLY ones who answer within the hour\n")
        #expect(try rapport.run(["config"], at: friday).stdout.hasSuffix("only-statement = We are the ONLY ones who answer within the hour\n"))
        #expect(try rapport.run(["segment", "only-statement", "mid"], at: friday).stdout == "We are the ONLY ones that plan stock and staff together\n")
        let list = try rapport.run(["segment", "list"], at: friday).stdout
        #expect(list.contains("""
            ONLY statements
              Mid-size logistics, DACH  We are the ONLY ones that plan stock and staff together
              (the book's)              We are the ONLY ones who answer within the hour
            """), "\(list)")
        // A contact at no account reads the book's statement.
        try rapport.run(["contact", "add", "Sam Kim"], at: friday)
        #expect(try rapport.run(["brief", "sam"], at: friday).stdout.contains("  ONLY          We are the ONLY ones who answer within the hour\n"))
        // Control characters are shown as placeholders, never sent to the terminal or the Markdown.
        try rapport.run(["segment", "only-statement", "mid", "We are the ONLY ones \u{1B}[31mred"], at: friday)
        let brief = try rapport.run(["brief", "m2", "--markdown"], at: friday).stdout
        #expect(brief.contains("We are the ONLY ones ␛\\[31mred") && !brief.contains("\u{1B}"), "\(brief)")
        #expect(try rapport.run(["segment", "only-statement", "mid", ""], at: friday).stdout == "\"Mid-size logistics, DACH\": ONLY statement cleared\n")
        #expect(try rapport.run(["config", "only-statement", ""], at: friday).stdout == "only-statement cleared\n")
        let tooLong = try rapport.run(["config", "only-statement", String(repeating: "x", count: 501)], at: friday)
        #expect(tooLong.status == 2 && tooLong.stderr == "rapport: an ONLY statement is one sentence, at most 500 characters\n")
    }
}
