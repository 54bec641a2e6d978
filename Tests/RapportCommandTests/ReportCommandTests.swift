import Foundation
import Testing

/// End-to-end: the report card and the segments from the shell, on a book
/// built with the commands themselves. Tuesday 24 November 2026 in Berlin.
@Suite("rapport report and segment")
struct ReportCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    /// Two accounts in two segments, a meeting with a thank-you sent, a lunch
    /// and a gift with costs, deals closed each way.
    func book() throws -> RapportProcess {
        let rapport = try RapportProcess()
        let steps: [([String], String)] = [
            (["contact", "add", "Dana Ruiz", "--account", "Acme", "--tier", "A"], "2026-11-01 09:00:00"),
            (["contact", "add", "Lee Park", "--account", "Globex", "--tier", "B"], "2026-11-01 09:00:00"),
            (["segment", "add", "Mid-size logistics, DACH", "--attractiveness", "5", "--competitiveness", "4", "--appeal", "4"], "2026-11-01 09:00:00"),
            (["segment", "add", "Regional banks", "--attractiveness", "2"], "2026-11-01 09:00:00"),
            (["segment", "assign", "mid-size", "Acme"], "2026-11-01 09:00:00"),
            (["segment", "assign", "regional banks", "globex"], "2026-11-01 09:00:00"),
            (["log", "meeting", "Review", "--with", "Dana Ruiz", "--at", "2026-11-16 10:00"], "2026-11-16 12:00:00"),
            (["thanks", "sent", "t1"], "2026-11-17 09:00:00"),
            (["log", "lunch", "--with", "Lee Park", "--at", "2026-11-18 12:30", "--cost", "€64.50"], "2026-11-18 14:00:00"),
            (["log", "gift", "Book", "--with", "Dana Ruiz", "--cost", "$30"], "2026-11-19 10:00:00"),
            (["deal", "add", "Fleet", "--account", "Acme"], "2026-11-02 09:00:00"),
            (["deal", "won", "d1"], "2026-11-20 09:00:00"),
            (["deal", "add", "Pilot", "--account", "Globex"], "2026-11-02 09:00:00"),
            (["deal", "not-a-fit", "d2"], "2026-11-21 09:00:00"),
        ]
        for (arguments, clock) in steps {
            let result = try rapport.run(arguments, at: clock)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return rapport
    }

    @Test("rapport report prints the period's figures against the period before, and the segments")
    func text() throws {
        let rapport = try book()
        let result = try rapport.run(["report"], at: tuesday)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let out = result.stdout
        #expect(out.hasPrefix("Report card · 25 Oct – 24 Nov 2026 (31 days), against 24 Sep – 24 Oct 2026\n"))
        func row(_ label: String) -> [String] {
            (out.split(separator: "\n").first { $0.hasPrefix("  " + label + "  ") }.map(String.init) ?? "")
                .dropFirst(2 + label.count).split(separator: " ").map(String.init)
        }
        #expect(row("sent") == ["1", "0", "+1"])
        #expect(row("sent on time") == ["1", "(100%)", "0", "+1"])
        #expect(row("lunches held") == ["1", "0", "+1"])
        #expect(row("gifts sent") == ["1", "0", "+1"])
        #expect(row("won") == ["1", "0", "+1"])
        #expect(row("not a fit (apart from losses)") == ["1", "0", "+1"])
        #expect(row("lost") == ["0", "0", "="])
        #expect(out.contains("Nov 2026  EUR        €64.50   €0.00  €64.50"))
        #expect(out.contains("Nov 2026  USD         $0.00  $30.00  $30.00"))
        #expect(out.contains("Mid-size logistics, DACH  5 · 4 · 4    invest"))
        #expect(out.contains("Regional banks            2 · – · –"))
    }

    @Test("rapport report --json holds the same figures; --week and --from/--to choose the period")
    func json() throws {
        let rapport = try book()
        let result = try rapport.run(["report", "--json", "--week"], at: tuesday)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let period = try #require(object["period"] as? [String: String])
        #expect(period == ["from": "2026-11-18", "to": "2026-11-24"])
        let current = try #require(object["current"] as? [String: Any])
        let deals = try #require(current["deals"] as? [String: Any])
        #expect(deals["won"] as? Int == 1 && deals["notAFit"] as? Int == 1 && deals["lost"] as? Int == 0)
        let spend = try #require(current["spend"] as? [[String: Any]])
        #expect(spend.map { $0["currency"] as? String } == ["EUR", "USD"])
        #expect(spend.first?["lunchesMinorUnits"] as? Int == 6450)
        let standing = try #require(object["standing"] as? [String: Any])
        #expect(standing["asOf"] as? String == "2026-11-24T08:00:00Z")

        let custom = try rapport.run(["report", "--json", "--from", "1 nov", "--to", "2026-11-17"], at: tuesday)
        let customObject = try #require(try JSONSerialization.jsonObject(with: Data(custom.stdout.utf8)) as? [String: Any])
        #expect(customObject["period"] as? [String: String] == ["from": "2026-11-01", "to": "2026-11-17"])
        #expect(customObject["previousPeriod"] as? [String: String] == ["from": "2026-10-15", "to": "2026-10-31"])
    }

    @Test("a bad period is refused on one line with status 2", arguments: [
        (["report", "--from", "2026-11-20", "--to", "2026-11-01"], "rapport: the period ends (2026-11-01) before it starts (2026-11-20)\n"),
        (["report", "--from", "nov 31"], "rapport: 'nov 31': November has no day 31\n"),
        (["report", "--week", "--from", "2026-11-01"], "rapport: give --from or --week, not both (see rapport --help)\n"),
    ])
    func badPeriod(arguments: [String], message: String) throws {
        let rapport = try RapportProcess()
        let result = try rapport.run(arguments, at: tuesday)
        #expect(result.status == 2 && result.stderr == message && result.stdout.isEmpty)
    }

    @Test("rapport report on a missing book prints zeros and creates nothing")
    func missingBook() throws {
        let rapport = try RapportProcess()
        let result = try rapport.run(["report"], at: tuesday)
        #expect(result.status == 0 && result.stdout.contains("  touches  "))
        #expect(!FileManager.default.fileExists(atPath: rapport.databasePath))
    }

    @Test("rapport segment: list, rate, unassign, remove; mistakes are refused and change nothing")
    func segments() throws {
        let rapport = try book()
        let list = try rapport.run(["segment", "list"], at: tuesday).stdout
        #expect(list.contains("Mid-size logistics, DACH  5 · 4 · 4    invest"))
        let rated = try rapport.run(["segment", "rate", "regional", "--competitiveness", "4", "--appeal", "3"], at: tuesday)
        #expect(rated.stdout == "\"Regional banks\" rated 2 · 4 · 3 (attractiveness · competitiveness · appeal): maintain: keep warm at low cost\n")
        let before = try rapport.databaseBytes()
        for (arguments, message) in [
            (["segment", "rate", "regional", "--appeal", "6"], "rapport: --appeal is rated 1 to 5, not 6 (see rapport --help)\n"),
            (["segment", "rate", "regional"], "rapport: give at least one of --attractiveness, --competitiveness, --appeal (see rapport --help)\n"),
            (["segment", "assign", "mid", "Acme", "Nowhere"], "rapport: no account matches 'Nowhere'\n"),
            (["segment", "assign", "retail", "Acme"], "rapport: no segment 'retail'\n"),
            (["segment", "add", "regional BANKS"], "rapport: there is already a segment 'Regional banks'\n"),
        ] {
            let result = try rapport.run(arguments, at: tuesday)
            #expect(result.status == 2 && result.stderr == message, "\(arguments): \(result.stderr)")
        }
        #expect(try rapport.databaseBytes() == before)
        #expect(try rapport.run(["segment", "unassign", "globex"], at: tuesday).stdout == "Globex: no segment\n")
        #expect(try rapport.run(["segment", "remove", "mid-size logistics, dach"], at: tuesday).stdout
                == "Removed segment \"Mid-size logistics, DACH\"; 1 account now has none\n")
        let json = try rapport.run(["segment", "list", "--json"], at: tuesday)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.compactMap { ($0["segment"] as? [String: Any])?["name"] as? String } == ["Regional banks"])
    }
}
