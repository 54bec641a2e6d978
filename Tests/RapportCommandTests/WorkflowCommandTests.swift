import Foundation
import Testing

/// End-to-end: the daily workflow finished (issue 14): a day in time order,
/// contacts merged, archived and deleted, undo from the shell.
/// Monday 2 March 2026 in Berlin unless a test says otherwise.
@Suite("rapport workflow commands")
struct WorkflowCommandTests {
    let monday = "2026-03-02 09:00:00"
    let wednesday = "2026-03-04 08:00:00"

    @Test("a day is in time order: Wednesday's 11:00 meeting above the 16:00 follow-up of a tier-A contact")
    func dayInTimeOrder() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Ann Lee", "--tier", "A"], at: monday)
        try rapport.run(["contact", "add", "Hank Hill"], at: monday)
        #expect(try rapport.run(["add", "call Ann wed 16:00"], at: monday).status == 0)
        #expect(try rapport.run(["add", "meeting API review with Hank wed 11:00"], at: monday).status == 0)
        #expect(try rapport.run(["add", "send Ann the deck wed"], at: monday).status == 0)
        let today = try rapport.run(["today", "--days", "0"], at: wednesday).stdout
        let meeting = try #require(today.range(of: "API review")), call = try #require(today.range(of: "Call")),
            deck = try #require(today.range(of: "deck"))
        #expect(meeting.lowerBound < call.lowerBound && call.lowerBound < deck.lowerBound, "\(today)")
    }

    @Test("contact merge moves everything to the one kept; the other's reference means it; undo takes it back")
    func merge() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--email", "dana@acme.com"], at: monday)
        try rapport.run(["contact", "add", "Dana Ruis", "--email", "d.ruiz@gmail.com", "--tag", "golf"], at: monday)
        try rapport.run(["add", "call @2 tomorrow"], at: monday)
        let merged = try rapport.run(["contact", "merge", "Dana Ruiz", "@2"], at: monday)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.hasPrefix("Merged @2 Dana Ruis into @1 Dana Ruiz"))
        let card = try rapport.run(["show", "@2"], at: monday).stdout
        #expect(card.hasPrefix("Dana Ruiz  @1"), "\(card)")
        #expect(card.contains("d.ruiz@gmail.com") && card.contains("golf") && card.contains("f1"), "\(card)")
        #expect(try rapport.run(["contacts"], at: monday).stdout.components(separatedBy: "\n").filter { $0.contains("Dana") }.count == 1)
        let undo = try rapport.run(["undo"], at: monday)
        #expect(undo.stdout == "Undid #4: rapport contact merge \"Dana Ruiz\" @2 (made today 09:00)\n")
        #expect(try rapport.run(["show", "@2"], at: monday).stdout.hasPrefix("Dana Ruis  @2"))
        let same = try rapport.run(["contact", "merge", "dana@acme.com", "@1"], at: monday)
        #expect(same.status == 2 && same.stderr.contains("the same contact"))
    }

    @Test("contact delete refuses with open items unless --with-items, needs --yes off a terminal; undo brings it back")
    func delete() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Typo Person"], at: monday)
        try rapport.run(["add", "call Typo Person tomorrow"], at: monday)
        let before = try rapport.run(["undo", "--list"], at: monday).stdout
        let refused = try rapport.run(["contact", "delete", "Typo Person", "--yes"], at: monday)
        #expect(refused.status == 2 && refused.stderr == "rapport: Typo Person has open items (f1); close them first, or add --with-items\n")
        let unasked = try rapport.run(["contact", "delete", "Typo Person", "--with-items"], at: monday)
        #expect(unasked.status == 2 && unasked.stderr.contains("needs --yes when not on a terminal"))
        #expect(try rapport.run(["undo", "--list"], at: monday).stdout == before) // nothing changed
        let deleted = try rapport.run(["contact", "delete", "Typo Person", "--with-items", "--yes"], at: monday)
        #expect(deleted.stdout == "Deleted @1 Typo Person with f1 (rapport undo brings it back)\n")
        #expect(try rapport.run(["contacts"], at: monday).stdout.contains("Typo") == false)
        #expect(try rapport.run(["undo"], at: monday).status == 0)
        #expect(try rapport.run(["today", "--days", "2"], at: monday).stdout.contains("f1"))
    }

    @Test("contact archive hides a contact from lists and cadences, keeps the card; unarchive brings it back")
    func archive() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Old Client", "--tier", "A"], at: monday)
        #expect(try rapport.run(["upcoming", "--days", "30"], at: monday).stdout.contains("Keep in touch"))
        #expect(try rapport.run(["contact", "archive", "Old Client"], at: monday).stdout == "Archived @1 Old Client (hidden from lists and cadences)\n")
        #expect(try rapport.run(["contacts"], at: monday).stdout.contains("Old Client") == false)
        #expect(try rapport.run(["contacts", "--archived"], at: monday).stdout.contains("Old Client"))
        #expect(try rapport.run(["upcoming", "--days", "30"], at: monday).stdout.contains("Keep in touch") == false)
        #expect(try rapport.run(["show", "Old Client"], at: monday).status == 0)
        let again = try rapport.run(["contact", "archive", "Old Client"], at: monday)
        #expect(again.status == 2 && again.stderr == "rapport: Old Client is already archived\n")
        #expect(try rapport.run(["contact", "unarchive", "@1"], at: monday).status == 0)
        #expect(try rapport.run(["contacts"], at: monday).stdout.contains("Old Client"))
    }

    @Test("a team gift planned after a win settles the suggestion: one gift in the report")
    func teamGift() throws {
        let rapport = try RapportProcess()
        for name in ["Ann", "Bo", "Cy"] { try rapport.run(["contact", "add", "\(name) Globex", "--account", "Globex"], at: monday) }
        try rapport.run(["deal", "add", "Fleet tracking rollout", "--account", "Globex"], at: monday)
        #expect(try rapport.run(["deal", "won", "Fleet tracking", "--team", "12"], at: monday).status == 0)
        #expect(try rapport.run(["upcoming", "--days", "10"], at: monday).stdout.contains("gd1"))
        #expect(try rapport.run(["add", "gift cheese basket #globex fri"], at: monday).status == 0)
        #expect(try rapport.run(["upcoming", "--days", "10"], at: monday).stdout.contains("gd1") == false)
        #expect(try rapport.run(["done", "g1"], at: "2026-03-05 10:00:00").status == 0)
        let report = try rapport.run(["report", "--json"], at: "2026-03-06 10:00:00").stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let current = try #require(object["current"] as? [String: Any])
        #expect((current["gifts"] as? [String: Any])?["sent"] as? Int == 1, "\(report)")
    }

    @Test("undo from the shell: the newest change, a list, an older one only when nothing later touched its rows")
    func undo() throws {
        let rapport = try RapportProcess()
        #expect(try rapport.run(["undo"], at: monday).stderr == "rapport: nothing to undo\n")
        try rapport.run(["contact", "add", "Dana Ruiz"], at: monday)
        try rapport.run(["add", "call Dana tomorrow"], at: monday)         // #2: f1
        try rapport.run(["add", "send Dana the deck thu"], at: monday)     // #3: f2
        try rapport.run(["done", "f1"], at: "2026-03-02 10:30:00")         // #4
        let list = try rapport.run(["undo", "--list"], at: monday).stdout
        #expect(list.hasPrefix("#4  today 10:30  rapport done f1\n#3  today 09:00  rapport add \"send Dana the deck thu\"\n"), "\(list)")
        let blocked = try rapport.run(["undo", "#2"], at: monday)
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("the later change #4 (rapport done f1) touched the same rows; undo it first"), "\(blocked.stderr)")
        let older = try rapport.run(["undo", "#3"], at: monday)
        #expect(older.stdout == "Undid #3: rapport add \"send Dana the deck thu\" (made today 09:00)\n")
        #expect(try rapport.run(["undo", "--list"], at: monday).stdout.contains("#3  today 09:00  rapport add \"send Dana the deck thu\"  (undone)"))
        #expect(try rapport.run(["undo", "#3"], at: monday).stderr.contains("already undone"))
        #expect(try rapport.run(["undo", "three"], at: monday).status == 2)
        #expect(try rapport.run(["undo"], at: monday).stdout.hasPrefix("Undid #4: rapport done f1"))
        #expect(try rapport.run(["undo", "#2"], at: monday).status == 0)
        #expect(try rapport.run(["today", "--days", "7"], at: monday).stdout.contains("f1") == false)
    }
}

/// End-to-end: lunches and meetings move; anything logged can be corrected.
@Suite("rapport corrections")
struct CorrectionCommandTests {
    let monday = "2026-03-02 09:00:00"

    @Test("a lunch moves with snooze (keeping its time) and with edit --at/--place; a held lunch's touches move too")
    func lunchMoves() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: monday)
        try rapport.run(["add", "lunch with Dana thu 12:30 at Nobu"], at: monday)
        #expect(try rapport.run(["snooze", "l1", "sat"], at: monday).stdout == "l1: lunch moved to Sat 7 Mar 12:30\n")
        #expect(try rapport.run(["snooze", "l1", "fri 13:00"], at: monday).stdout == "l1: lunch moved to Fri 6 Mar 13:00\n")
        #expect(try rapport.run(["edit", "l1", "--at", "mon", "--place", "Café Rose"], at: monday).stdout
                == "l1: lunch, Mon 9 Mar 13:00 at Café Rose\n")
        let week = try rapport.run(["upcoming", "--days", "7"], at: monday).stdout
        #expect(week.contains("Mon 9 Mar 13:00"), "\(week)")
        let wrong = try rapport.run(["edit", "l1", "--title", "x"], at: monday)
        #expect(wrong.status == 2)
    }

    @Test("an attendee added to a meeting that happened is owed a note; one removed loses theirs")
    func attendees() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: monday)
        try rapport.run(["contact", "add", "Lee Park"], at: monday)
        try rapport.run(["log", "meeting", "Kickoff", "--with", "Dana", "--at", "today 8:00"], at: monday)
        let added = try rapport.run(["edit", "m1", "--add-attendee", "Lee"], at: monday)
        #expect(added.stdout == "m1: meeting \"Kickoff\", Mon 2 Mar 08:00; added Lee Park (a thank-you note owed each)\n", "\(added.stderr)")
        let owed = try rapport.run(["upcoming", "--days", "3"], at: monday).stdout
        #expect(owed.contains("t2") && owed.contains("Lee Park"), "\(owed)")
        try rapport.run(["edit", "m1", "--remove-attendee", "Dana"], at: monday)
        let after = try rapport.run(["upcoming", "--days", "3"], at: monday).stdout
        #expect(!after.contains("t1") && after.contains("t2"), "\(after)")
        let stranger = try rapport.run(["edit", "m1", "--remove-attendee", "Dana"], at: monday)
        #expect(stranger.status == 2 && stranger.stderr == "rapport: Dana Ruiz is not an attendee of m1\n")
    }

    @Test("a logged call is corrected and deleted by its reference; undo brings it back")
    func loggedInteractions() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: monday)
        #expect(try rapport.run(["log", "call", "Renewal", "--with", "Dana", "--at", "today 8:30"], at: monday).stdout
                == "Logged i1 call \"Renewal\" with Dana Ruiz, Mon 2 Mar 08:30\n")
        #expect(try rapport.run(["edit", "i1", "--title", "Renewal terms", "--kind", "visit"], at: monday).stdout
                == "i1: visit \"Renewal terms\", Mon 2 Mar 08:30\n")
        #expect(try rapport.run(["edit", "i1", "--at", "tomorrow 9:00"], at: monday).status == 2)
        #expect(try rapport.run(["show", "Dana"], at: monday).stdout.contains("Renewal terms"))
        #expect(try rapport.run(["delete", "i1"], at: monday).stdout == "Deleted i1 visit \"Renewal terms\" (rapport undo brings it back)\n")
        #expect(try rapport.run(["show", "Dana"], at: monday).stdout.contains("Renewal terms") == false)
        #expect(try rapport.run(["delete", "f1"], at: monday).status == 2)
        #expect(try rapport.run(["undo"], at: monday).status == 0)
        #expect(try rapport.run(["show", "Dana"], at: monday).stdout.contains("Renewal terms"))
    }

    @Test("a gift is corrected and deleted")
    func gifts() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: monday)
        try rapport.run(["add", "gift wine @dana fri"], at: monday)
        #expect(try rapport.run(["edit", "g1", "--title", "Riesling", "--send-by", "thu"], at: monday).stdout
                == "g1: gift \"Riesling\", send by Thu 5 Mar\n")
        #expect(try rapport.run(["delete", "g1"], at: monday).stdout == "Deleted g1 gift \"Riesling\" (rapport undo brings it back)\n")
    }
}

/// End-to-end: the smaller fixes of issue 14, point 10.
@Suite("rapport smaller fixes")
struct SmallerFixesCommandTests {
    let monday = "2026-03-02 09:00:00"

    @Test("config lists every setting, holidays and birthday-lead included; holidays come from dates or an .ics file")
    func config() throws {
        let rapport = try RapportProcess()
        let listing = try rapport.run(["config"], at: monday).stdout
        let keys = listing.split(separator: "\n").map { $0.components(separatedBy: " = ")[0] }
        #expect(keys == ["thank-you-days", "weekend", "holidays", "birthday-lead", "cadence-a", "cadence-b", "cadence-c",
                         "gift-team-size", "gift-days", "cold-days", "meeting-minutes", "reminders", "completed-days",
                         "only-statement"], "\(listing)")
        #expect(try rapport.run(["config", "thank-you-days", "0"], at: monday).stdout == "thank-you-days = 0\n")
        let ics = rapport.directory.appendingPathComponent("holidays.ics")
        try "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260406\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(to: ics, atomically: true, encoding: .utf8)
        #expect(try rapport.run(["config", "holidays", ics.path], at: monday).stdout == "holidays = 2026-04-06\n")
        let bad = try rapport.run(["config", "holidays", "easter"], at: monday)
        #expect(bad.status == 2 && bad.stderr == "rapport: holidays: 'easter' is not a date (YYYY-MM-DD)\n")
    }

    @Test("each subcommand's help shows its own usage")
    func ownHelp() throws {
        let rapport = try RapportProcess()
        #expect(try rapport.run(["lunch", "held", "--help"]).stdout.contains("USAGE: rapport lunch held "))
        #expect(try rapport.run(["lunch", "decline", "--help"]).stdout.contains("USAGE: rapport lunch decline "))
        #expect(try rapport.run(["log", "email", "--help"]).stdout.contains("USAGE: rapport log email "))
    }

    @Test("a negative --days is refused clearly; a cost takes a decimal comma")
    func daysAndMoney() throws {
        let rapport = try RapportProcess()
        let negative = try rapport.run(["today", "--days", "-3"], at: monday)
        #expect(negative.status == 2 && negative.stderr.hasPrefix("rapport: --days must be from 0 to 366, not -3"))
        try rapport.run(["contact", "add", "Dana Ruiz"], at: monday)
        try rapport.run(["add", "lunch with Dana today 12:30"], at: monday)
        #expect(try rapport.run(["lunch", "held", "l1", "--cost", "€84,50"], at: "2026-03-02 14:00:00").stdout == "l1: lunch held, €84.50\n")
    }

    @Test("snoozing a 09:00 follow-up to tomorrow keeps 09:00")
    func snoozeKeepsTime() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "call the bank today 9:00"], at: "2026-03-02 08:00:00")
        #expect(try rapport.run(["snooze", "f1", "tomorrow"], at: "2026-03-02 10:00:00").stdout.hasSuffix("Tue 3 Mar 09:00\n"))
    }

    @Test("a birthday card is on the agenda birthday-lead days before; done records it sent")
    func birthdays() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--birthday", "1986-03-08"], at: monday)
        let week = try rapport.run(["upcoming", "--days", "7"], at: monday).stdout
        #expect(week.contains("b1  birthday  Birthday card — birthday Sun 8 Mar (turns 40)  Dana Ruiz  Thu 5 Mar"), "\(week)")
        #expect(try rapport.run(["config", "birthday-lead", "5"], at: monday).status == 0)
        #expect(try rapport.run(["upcoming", "--days", "7"], at: monday).stdout.contains("Tue 3 Mar"))
        #expect(try rapport.run(["done", "b1"], at: monday).stdout == "b1: birthday card to Dana Ruiz sent (birthday Sun 8 Mar)\n")
        #expect(try rapport.run(["upcoming", "--days", "7"], at: monday).stdout.contains("b1") == false)
    }

    @Test("an anniversary card is on the agenda birthday-lead days before, from contact add, edit or an imported vCard; done, cancel and the calendar export")
    func anniversaries() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--anniversary", "2011-03-10"], at: monday)
        // Tuesday 10 March − 3 days is a Saturday: due the Friday before.
        let week = try rapport.run(["today", "--days", "7"], at: monday).stdout
        #expect(week.contains("a1  anniversary  Anniversary card — anniversary Tue 10 Mar (15 years)  Dana Ruiz  Fri 6 Mar"), "\(week)")
        let json = try rapport.run(["upcoming", "--days", "7", "--json"], at: monday).stdout
        #expect(json.contains("\"id\" : \"a1\"") && json.contains("\"kind\" : \"anniversary\""), "\(json)")
        #expect(try rapport.run(["export", "ics", "--days", "7"], at: monday).stdout.contains("SUMMARY:Anniversary card for Dana Ruiz"))
        let refused = try rapport.run(["contact", "add", "Lee Park", "--anniversary", "10/3"], at: monday)
        #expect(refused.status == 2 && refused.stderr.hasPrefix("rapport: --anniversary '10/3' is not YYYY-MM-DD or --MM-DD"))
        #expect(try rapport.run(["done", "a1"], at: monday).stdout == "a1: anniversary card to Dana Ruiz sent (anniversary Tue 10 Mar)\n")
        #expect(try rapport.run(["upcoming", "--days", "7"], at: monday).stdout.contains("a1") == false)
        // Set by edit, it is due; overdue the day after its due day; cancel skips this year's.
        try rapport.run(["contact", "add", "Lee Park"], at: monday)
        #expect(try rapport.run(["edit", "Lee Park", "--anniversary=--03-02"], at: monday).status == 0)
        let overdue = try rapport.run(["overdue"], at: monday).stdout
        #expect(overdue.contains("a2  anniversary  Anniversary card — anniversary Mon 2 Mar  Lee Park"), "\(overdue)")
        #expect(try rapport.run(["cancel", "a2"], at: monday).stdout == "a2: no anniversary card to Lee Park this year\n")
        #expect(try rapport.run(["overdue", "--count"], at: monday).stdout == "0\n")
        // An imported vCard's ANNIVERSARY is the same detail.
        let card = rapport.directory.appendingPathComponent("kim.vcf")
        try "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim Obi\r\nANNIVERSARY:--0305\r\nEND:VCARD\r\n".write(to: card, atomically: true, encoding: .utf8)
        #expect(try rapport.run(["import", "vcard", card.path], at: monday).status == 0)
        #expect(try rapport.run(["today"], at: monday).stdout.contains("a3  anniversary"))
    }

    @Test("quick-add: 'follow up' is the follow-up's kind word; #acmee (Acme exists) is refused with a did-you-mean, --new-account makes it; --json names the kind stored")
    func quickAddAccountsAndKinds() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: monday)
        #expect(try rapport.run(["add", "follow up on the contract @dana fri"], at: monday).stdout
                == "Added f1 follow-up \"Follow up on the contract\" with Dana Ruiz, due Fri 6 Mar\n")
        let typo = try rapport.run(["add", "send the deck @dana fri #acmee"], at: monday)
        #expect(typo.status == 2 && typo.stdout.isEmpty)
        #expect(typo.stderr == "rapport: no account is called '#acmee'; did you mean #Acme? to add 'acmee' as a new account anyway: --new-account \"acmee\"\n")
        #expect(try rapport.run(["accounts"], at: monday).stdout.contains("acmee") == false)
        let forced = try rapport.run(["add", "send the deck @dana fri #acmee", "--new-account", "acmee"], at: monday)
        #expect(forced.status == 0 && forced.stdout.contains("acmee (new account)"), "\(forced.stderr)")
        // A call is stored as a follow-up titled "Call …": the JSON says so.
        let json = try rapport.run(["add", "call dana about renewal thu", "--json"], at: monday).stdout
        #expect(json.contains("\"kind\" : \"follow-up\"") && json.contains("\"title\" : \"Call about renewal\""), "\(json)")
    }

    @Test("search finds a word in names, notes and the history, ignoring case; nothing found is status 1")
    func search() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--needs", "Fleet telemetry for 400 trucks"], at: monday)
        try rapport.run(["log", "call", "Renewal", "--with", "Dana", "--at", "today 8:00", "--notes", "asked about FLEET pricing"], at: monday)
        try rapport.run(["add", "send fleet deck to Dana tomorrow"], at: monday)
        let found = try rapport.run(["search", "fleet"], at: monday)
        #expect(found.stdout == """
            @1  contact  Dana Ruiz — needs: Fleet telemetry for 400 trucks
            f1  follow-up  send fleet deck  Tue 3 Mar
            i1  call  Renewal — notes: asked about FLEET pricing  Mon 2 Mar 08:00

            """, "\(found.stdout)")
        let none = try rapport.run(["search", "zeppelin"], at: monday)
        #expect(none.status == 1 && none.stderr == "rapport: nothing found for 'zeppelin'\n")
    }
}
