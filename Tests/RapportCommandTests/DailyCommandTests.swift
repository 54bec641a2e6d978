import Foundation
import Testing

/// End-to-end: quick-add, logging, and the commands that change items.
/// Tuesday 24 November 2026, 09:00 in Berlin.
@Suite("rapport daily commands")
struct DailyCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    @Test("quick-add prints one line saying exactly what it stored")
    func quickAdd() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--tier", "A"], at: tuesday)
        let cases: [([String], String)] = [
            (["add", "lunch with Dana Ruiz fri 12:30 at Nobu #acme"],
             "Added l1 lunch with Dana Ruiz · Acme at Nobu, Fri 27 Nov 12:30\n"),
            (["add", "send the pricing deck to", "@dana", "tomorrow"],
             "Added f1 follow-up \"send the pricing deck to\" with Dana Ruiz, due Wed 25 Nov\n"),
            (["add", "meeting Acme kickoff with Dana and Lee Park mon 10:00 #acme"],
             "Added m1 meeting \"Acme kickoff\" with Dana Ruiz, Lee Park (new @2) · Acme, Mon 30 Nov 10:00; 2 thank-you notes owed after it\n"),
            (["add", "gift cheese basket #acme €80 dec 18"],
             "Added g1 gift \"cheese basket\" · Acme, €80.00, send by Fri 18 Dec\n"),
            (["add", "thanks Lee for the intro"],
             "Added t3 thank-you \"for the intro\" to Lee Park, due Wed 25 Nov\n"),
            (["add", "call dana about renewal next tue 3pm"],
             "Added f2 follow-up \"Call about renewal\" with Dana Ruiz, due Tue 1 Dec 15:00\n"),
        ]
        for (arguments, expected) in cases {
            let result = try rapport.run(arguments, at: tuesday)
            #expect(result.stdout == expected, "\(arguments)")
            #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        }
        let week = try rapport.run(["today", "--days", "7"], at: tuesday).stdout
        for ref in ["l1", "f1", "p1", "t3", "f2"] { #expect(week.contains("  \(ref) "), "\(ref) in\n\(week)") }
    }

    @Test("--dry-run stores nothing; --json says what was stored")
    func dryRunAndJSON() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        let before = try rapport.databaseBytes()
        let dry = try rapport.run(["add", "--dry-run", "send recap with Dana and Zed fri", "--new", "Zed"], at: tuesday)
        #expect(dry.stdout == "Would add follow-up \"send recap\" with Dana Ruiz, Zed (new), due Fri 27 Nov\n")
        #expect(try rapport.databaseBytes() == before)
        let json = try rapport.run(["add", "--json", "gift wine €75.50 @dana dec 1"], at: tuesday)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ids"] as? [String] == ["g1"])
        #expect(object["kind"] as? String == "gift")
        #expect(object["cost"] as? String == "75.50")
        #expect(object["currency"] as? String == "EUR")
        #expect(object["when"] as? String == "2026-12-01")
        #expect(object["contacts"] as? [String] == ["Dana Ruiz"])
        #expect(object["stored"] as? Bool == true)
    }

    @Test("quick-add refuses what it cannot understand, naming the part, and stores nothing", arguments: [
        (["add", "send the deck feb 30"], "rapport: 'feb 30': February has no day 30\n"),
        (["add", "send the deck in -3 days"], "rapport: 'in -3 days': the count must be a whole number, 0 or more\n"),
        (["add", "fri"], "rapport: the title is empty: say what was promised\n"),
        (["add", "with Dana fri"], "rapport: 'Dana' matches 2 contacts: @1 Dana Ruiz, @2 Dana Scully; name one by @id or a fuller name\n"),
        (["add", "--no-create", "send it with Zed"], "rapport: no contact matches 'Zed'\n"),
        (["add", "meeting Review with Dana Ruiz fri"], "rapport: a meeting needs a time, like 'fri 14:00' or 'fri 10'\n"),
        (["add", "send the deck 12/1"], "rapport: '12/1' could be day/month or month/day: write 'dec 1' or 2026-12-01, or set RAPPORT_DATE_ORDER=dmy or mdy\n"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try rapport.run(["contact", "add", "Dana Scully"], at: tuesday)
        let before = try rapport.databaseBytes()
        let result = try rapport.run(arguments, at: tuesday, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(try rapport.databaseBytes() == before)
    }

    @Test("numeric dates follow the locale")
    func numericDates() throws {
        let rapport = try RapportProcess()
        let american = try rapport.run(["add", "deck 12/1"], at: tuesday, environment: ["LC_ALL": "en_US.UTF-8"])
        #expect(american.stdout.hasSuffix("due Tue 1 Dec\n"))
        let british = try rapport.run(["add", "deck 12/1"], at: tuesday, environment: ["LC_ALL": "en_GB.UTF-8"])
        #expect(british.stdout.hasSuffix("due Tue 12 Jan 2027\n"))
    }

    @Test("a logged meeting owes thank-you notes; sending them clears the agenda")
    func meetingThankYous() throws {
        let rapport = try RapportProcess()
        let logged = try rapport.run(["log", "meeting", "Acme kickoff", "--with", "Dana Ruiz, Lee Park", "--at", "today 8:00"], at: tuesday)
        #expect(logged.stdout == """
            Created @1 Dana Ruiz, @2 Lee Park
            Logged m1 meeting "Acme kickoff", Tue 24 Nov 08:00 with Dana Ruiz, Lee Park; thank-you notes owed: t1 t2

            """)
        let wednesday = "2026-11-25 09:00:00"
        let today = try rapport.run(["today"], at: wednesday).stdout
        #expect(today.contains("t1  thank-you  Acme kickoff — met Tue 24 Nov  Dana Ruiz  today"))
        #expect(try rapport.run(["thanks", "sent", "dana", "--via", "handwritten"], at: wednesday).stdout
                == "t1: thank-you note to Dana Ruiz sent (handwritten)\n")
        #expect(try rapport.run(["thanks", "waive", "t2", "--reason", "saw him again"], at: wednesday).status == 0)
        #expect(try rapport.run(["overdue", "--count"], at: "2026-11-30 09:00:00").stdout == "0\n")
        let card = try rapport.run(["show", "dana"], at: wednesday).stdout
        #expect(card.contains("Thank-you sent (handwritten)"))
        #expect(card.contains("Acme kickoff"))
    }

    @Test("snooze, cancel and edit change items as they say")
    func changes() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "send the deck with Dana fri", "--new", "Dana"], at: tuesday)
        #expect(try rapport.run(["snooze", "f1", "next", "tue"], at: tuesday).stdout == "f1: follow-up \"send the deck\" now due Tue 1 Dec\n")
        #expect(try rapport.run(["edit", "f1", "--title", "send the final deck", "--repeat", "every 2 weeks"], at: tuesday).stdout
                == "f1: follow-up \"send the final deck\", due Tue 1 Dec, repeats every 2 weeks\n")
        #expect(try rapport.run(["cancel", "f1"], at: tuesday).stdout == "f1: follow-up \"send the final deck\" cancelled\n")
        #expect(try rapport.run(["today", "--days", "30"], at: tuesday).stdout.contains("f1") == false)
        let again = try rapport.run(["cancel", "f1"], at: tuesday)
        #expect(again.status == 2 && again.stderr == "rapport: follow-up f1 is already cancelled\n")
        #expect(try rapport.run(["snooze", "s1", "yesterday"], at: tuesday).stderr.contains("snooze to a day after today"))
    }

    @Test("contacts and accounts list with filters and as JSON")
    func listings() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--tier", "A", "--tag", "golf"], at: "2026-10-01 09:00:00")
        try rapport.run(["contact", "add", "Lee Park", "--account", "Acme", "--tier", "C"], at: "2026-10-01 09:00:00")
        try rapport.run(["contact", "add", "Zoë Ångström", "--tier", "B"], at: tuesday)
        let cold = try rapport.run(["contacts", "--cold"], at: tuesday).stdout
        #expect(cold.contains("Dana Ruiz") && !cold.contains("Lee Park") && !cold.contains("Zoë"))
        #expect(try rapport.run(["contacts", "--tag", "golf"], at: tuesday).stdout.contains("Dana Ruiz"))
        let json = try rapport.run(["contacts", "--json", "--tier", "B"], at: tuesday)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["Zoë Ångström"])
        #expect(list.first?["touchDue"] as? String == "2026-12-24")
        let accounts = try rapport.run(["accounts"], at: tuesday).stdout
        #expect(accounts.contains("Acme") && accounts.contains("2"))
    }

    @Test("a won deal with a large team suggests a gift")
    func deals() throws {
        let rapport = try RapportProcess()
        #expect(try rapport.run(["deal", "add", "Platform", "--account", "Acme", "--team", "12"], at: tuesday).stdout
                == "Added d1 deal \"Platform\" with Acme\n")
        #expect(try rapport.run(["deal", "won", "d1"], at: tuesday).stdout
                == "d1: deal \"Platform\" won; a gift for the team of 12 is due by Tue 1 Dec (gd1)\n")
        #expect(try rapport.run(["today", "--days", "7"], at: tuesday).stdout.contains("gd1  gift due"))
        #expect(try rapport.run(["deal", "lost", "d1"], at: tuesday).stderr == "rapport: deal d1 is already won\n")
    }

    @Test("shell completion scripts are generated for bash, zsh and fish")
    func completions() throws {
        let rapport = try RapportProcess()
        for shell in ["bash", "zsh", "fish"] {
            let script = try rapport.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("overdue"))
        }
    }
}
