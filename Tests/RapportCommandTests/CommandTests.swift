import Foundation
import Testing

/// End-to-end: the real binary, a temporary database, the clock pinned by
/// faketime to Tuesday 24 November 2026 in Berlin.
@Suite("rapport commands")
struct CommandTests {
    let tuesday = "2026-11-24 09:00:00"

    @Test("an empty book gets a friendly agenda and no file is created")
    func emptyBook() throws {
        let rapport = try RapportProcess()
        let result = try rapport.run(["today"], at: tuesday)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Tue 24 Nov 2026 · 0 overdue · 0 today\n"))
        #expect(result.stdout.contains("Your book is empty. Start with:"))
        #expect(result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: rapport.databasePath))
        // No command opens the full-screen session, which needs a terminal: it says so and creates nothing.
        #expect(try rapport.run([], at: tuesday).status == 1)
        #expect(!FileManager.default.fileExists(atPath: rapport.databasePath))
        #expect(try rapport.run(["overdue", "--count"], at: tuesday).stdout == "0\n")
        #expect(try rapport.run(["overdue", "--json"], at: tuesday).stdout.filter { !$0.isWhitespace } == "[]")
    }

    @Test("add a contact and a follow-up, see it come due, go late, and be done")
    func dailyFlow() throws {
        let rapport = try RapportProcess()
        let added = try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--tier", "A", "--email", "dana@acme.com"], at: tuesday)
        #expect(added.status == 0)
        #expect(added.stdout == "Added @1 Dana Ruiz (Acme, tier A, keep in touch every 14 days)\n")

        let followUp = try rapport.run(["follow-up", "add", "Send the pricing deck", "--with", "dana, Lee Park", "--due", "fri 14:00"], at: tuesday)
        #expect(followUp.status == 0)
        #expect(followUp.stdout == """
            Created contact @2 Lee Park
            Added f1 follow-up "Send the pricing deck" with Dana Ruiz, Lee Park, due Fri 27 Nov 14:00

            """)

        let week = try rapport.run(["today", "--days", "7"], at: tuesday)
        #expect(week.stdout.contains("Upcoming\n  f1  follow-up  Send the pricing deck  Dana Ruiz, Lee Park  Fri 27 Nov 14:00"))

        let friday = try rapport.run(["today"], at: "2026-11-27 10:00:00")
        #expect(friday.stdout.contains("Today\n  f1  follow-up  Send the pricing deck  Dana Ruiz, Lee Park  14:00"))

        let tuesdayAfter = "2026-12-01 09:00:00"
        let overdue = try rapport.run(["overdue"], at: tuesdayAfter)
        #expect(overdue.stdout == "f1  follow-up  Send the pricing deck  Dana Ruiz, Lee Park  4 d late\n")
        #expect(try rapport.run(["overdue", "--count"], at: tuesdayAfter).stdout == "1\n")
        #expect(try rapport.run(["overdue", "--exit-code"], at: tuesdayAfter).status == 1)
        #expect(try rapport.run(["overdue", "--kind", "thank-you"], at: tuesdayAfter).stdout.isEmpty)

        let json = try rapport.run(["overdue", "--json"], at: tuesdayAfter)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["id"] as? String == "f1")
        #expect(items[0]["kind"] as? String == "follow-up")
        #expect(items[0]["title"] as? String == "Send the pricing deck")
        #expect(items[0]["contacts"] as? [String] == ["Dana Ruiz", "Lee Park"])
        #expect(items[0]["account"] is NSNull)
        #expect(items[0]["due"] as? String == "2026-11-27T14:00:00+01:00")
        #expect(items[0]["overdueDays"] as? Int == 4)

        let done = try rapport.run(["done", "f1"], at: tuesdayAfter)
        #expect(done.status == 0)
        #expect(done.stdout == "f1: follow-up \"Send the pricing deck\" done\n")
        #expect(try rapport.run(["overdue", "--exit-code"], at: tuesdayAfter).status == 0)
    }

    @Test("a repeating follow-up comes back on its next date")
    func repeating() throws {
        let rapport = try RapportProcess()
        let added = try rapport.run(["follow-up", "add", "Monthly report", "--repeat", "every month on the 31st"], at: tuesday)
        #expect(added.stdout == "Added f1 follow-up \"Monthly report\", due Mon 30 Nov, repeats every month on day 31\n")
        let done = try rapport.run(["done", "f1"], at: "2026-12-02 08:00:00")
        #expect(done.stdout == "f1: follow-up \"Monthly report\" done; next due Thu 31 Dec\n")
        let next = try rapport.run(["upcoming", "--days", "30"], at: "2026-12-02 08:00:00")
        #expect(next.stdout == "f1  follow-up  Monthly report  Thu 31 Dec\n") // one reference for the series
    }

    @Test("the user's time zone decides what today is")
    func timeZones() throws {
        var rapport = try RapportProcess()
        try rapport.run(["follow-up", "add", "Due on the 24th", "--due", "2026-11-24"], at: tuesday)
        // 01:00 on the 25th in Berlin is 19:00 on the 24th in New York.
        #expect(try rapport.run(["overdue", "--count"], at: "2026-11-25 01:00:00").stdout == "1\n")
        rapport.timeZone = "America/New_York"
        #expect(try rapport.run(["overdue", "--count"], at: "2026-11-24 19:00:00").stdout == "0\n")
        #expect(try rapport.run(["today"], at: "2026-11-24 19:00:00").stdout.contains("f1  follow-up  Due on the 24th  today"))
    }

    @Test("bad input: one line on stderr, exit 2, nothing written", arguments: [
        (["follow-up", "add", "Deck", "--due", "feb 30"], "rapport: 'feb 30': February has no day 30\n"),
        (["follow-up", "add", "Deck", "--due", "in -3 days"], "rapport: 'in -3 days': the count must be a whole number, 0 or more\n"),
        (["follow-up", "add", "Deck", "--with", "Dnaa Ruiz", "--no-create"], "rapport: no contact matches 'Dnaa Ruiz'; did you mean Dana Ruiz?\n"),
        (["follow-up", "add", "Deck", "--with", "dana"], "rapport: 'dana' matches 2 contacts: @1 Dana Ruiz, @2 Dana Scully; name one by @id or a fuller name\n"),
        (["follow-up", "add", "Deck", "--repeat", "sometimes"], "rapport: 'sometimes' is not a repeat rule (try 'every 2 weeks' or 'every first monday')\n"),
        (["follow-up", "add", " ", "--due", "fri"], "rapport: the title is empty: say what was promised (see rapport --help)\n"),
        (["done", "f9"], "rapport: no follow-up f9\n"),
        (["done", "12"], "rapport: '12' needs its kind letter, as the lists show it: f12 (follow-up), t12 (thank-you), … (see rapport --help)\n"),
        (["contact", "add", "X", "--tier", "D"], "rapport: --tier must be A, B or C, not 'D' (see rapport --help)\n"),
        (["config", "thank-you-days", "zero"], "rapport: thank-you-days must be a whole number from 0 to 30, not 'zero'\n"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try rapport.run(["contact", "add", "Dana Scully"], at: tuesday)
        let before = try rapport.databaseBytes()
        let result = try rapport.run(arguments, at: tuesday)
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
        #expect(try rapport.databaseBytes() == before)
        #expect(try rapport.run(["today", "--days", "30"], at: tuesday).stdout.contains("f1") == false)
    }

    @Test("listing commands never write the database")
    func readsDoNotWrite() throws {
        let rapport = try RapportProcess()
        try rapport.run(["follow-up", "add", "Deck", "--with", "Dana", "--new", "Dana", "--due", "today"], at: tuesday)
        let before = try rapport.databaseBytes()
        for command in [["today"], ["overdue"], ["overdue", "--count"], ["upcoming"], ["config"], ["contacts"], ["accounts"],
                        ["show", "@1"], ["deal", "list"], ["add", "--dry-run", "lunch with Zed Shaw fri"]] {
            #expect(try rapport.run(command, at: "2026-12-01 09:00:00").status == 0)
        }
        #expect(try rapport.databaseBytes() == before)
    }

    @Test("escape sequences and bidi overrides in stored text never reach the terminal")
    func hostileText() throws {
        let rapport = try RapportProcess()
        let name = "Mallory\u{1B}]0;pwned\u{07}\u{1B}[2J \u{202E}nosaJ"
        let title = "Pay\u{1B}[31m now\u{9B}1m\rOverwritten"
        let added = try rapport.run(["contact", "add", name], at: tuesday)
        let followUp = try rapport.run(["follow-up", "add", title, "--with", "@1", "--due", "today"], at: tuesday)
        let today = try rapport.run(["today"], at: tuesday)
        let json = try rapport.run(["today", "--json"], at: tuesday)
        for output in [added, followUp, today, json] {
            #expect(output.status == 0)
            let bytes = [UInt8](output.stdoutBytes)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07) && !bytes.contains(0x0D))
            #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B })
        }
        #expect(today.stdout.contains("Pay␛[31m now<U+009B>1m␍Overwritten"))
        #expect(today.stdout.contains("Mallory␛]0;pwned␇␛[2J <U+202E>nosaJ"))
        // JSON keeps the exact text, escaped.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let item = try #require((document["today"] as? [[String: Any]])?.first)
        #expect(item["title"] as? String == title)
        #expect(item["contacts"] as? [String] == [name])
    }

    @Test("help is on every command and the version prints")
    func help() throws {
        let rapport = try RapportProcess()
        for command in [[], ["today"], ["overdue"], ["upcoming"], ["done"], ["contact", "add"], ["follow-up", "add"], ["config"]] {
            let result = try rapport.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE:"))
        }
        #expect(try rapport.run(["--version"]).stdout == "0.1.0\n")
    }

    @Test("backup writes a private, complete copy that opens as a book")
    func backup() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "send the deck with Dana fri", "--new", "Dana"], at: tuesday)
        let copy = rapport.directory.appendingPathComponent("copy of book ü.sqlite").path
        let result = try rapport.run(["backup", copy], at: tuesday)
        #expect(result.stdout == "Backed up 1 contact and everything about them to \(copy)\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as! NSNumber).intValue & 0o777
        #expect(mode == 0o600)
        let listed = try rapport.run(["today", "--days", "7"], at: tuesday, environment: ["RAPPORT_DB": copy])
        #expect(listed.stdout.contains("send the deck"))
        #expect(try rapport.run(["backup", copy], at: tuesday).status == 2) // never overwrites
    }

    @Test("export json, import json into a new book: the same agenda; importing into a full book is refused")
    func jsonRoundTrip() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Zoë Ångström", "--account", "Acme", "--tier", "A"], at: tuesday)
        try rapport.run(["add", "meeting Kickoff with Zoë yesterday 10:00"], at: tuesday)
        try rapport.run(["add", "send the deck with Zoë fri"], at: tuesday)
        let file = rapport.directory.appendingPathComponent("book.json").path
        #expect(try rapport.run(["export", "json", "--output", file], at: tuesday).status == 0)
        let copy = rapport.directory.appendingPathComponent("restored.sqlite").path
        let restored = try rapport.run(["import", "json", file], at: tuesday, environment: ["RAPPORT_DB": copy])
        #expect(restored.stdout.hasPrefix("Restored 1 contacts, 1 accounts and everything about them"))
        let before = try rapport.run(["today", "--days", "7", "--json"], at: tuesday).stdout
        let after = try rapport.run(["today", "--days", "7", "--json"], at: tuesday, environment: ["RAPPORT_DB": copy]).stdout
        #expect(before == after && before.contains("send the deck"))
        let again = try rapport.run(["import", "json", file], at: tuesday)
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("rapport: the book is not empty"))
    }

    @Test("export ics writes a calendar file a calendar can subscribe to")
    func icsExport() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "meeting Kickoff with Dana fri 10:00", "--new", "Dana"], at: tuesday)
        try rapport.run(["add", "send the deck with Dana tomorrow"], at: tuesday)
        let file = rapport.directory.appendingPathComponent("rapport.ics").path
        #expect(try rapport.run(["export", "ics", "--days", "7", "-o", file], at: tuesday).status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        // UIDs carry the book's own identifier: two books never overwrite each other's events.
        #expect(text.contains(try #require(text.firstMatch(of: /BEGIN:VEVENT\r\nUID:m1-[0-9a-f]{32}@rapport\r\n/)).output))
        #expect(text.contains("DTSTART:20261127T090000Z"))
        #expect(text.contains(/UID:f1-[0-9a-f]{32}@rapport/) && text.contains("DUE;VALUE=DATE:20261125"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        // Standard output holds the same calendar (DTSTAMP is the moment of writing).
        let withoutStamps = { (ics: String) in ics.components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") } }
        #expect(withoutStamps(try rapport.run(["export", "ics"], at: tuesday).stdout) == withoutStamps(text))
    }

    @Test("import vcard reports bad cards by line and imports the rest; again, it creates no one; export vcard reads back")
    func vcard() throws {
        let rapport = try RapportProcess()
        let file = rapport.directory.appendingPathComponent("contacts.vcf").path
        try "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Ruiz\r\nEMAIL:dana@acme.com\r\nORG:Acme\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no one\r\nEND:VCARD\r\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let dry = try rapport.run(["import", "vcard", "--dry-run", file], at: tuesday)
        #expect(dry.stdout == "  line 1: new Dana Ruiz: + account Acme, + email dana@acme.com\nWould create 1, update 0, leave 0 unchanged; skipped 1 (see above)\n")
        #expect(dry.status == 1) // a record was skipped
        #expect(!FileManager.default.fileExists(atPath: rapport.databasePath))
        let first = try rapport.run(["import", "vcard", file], at: tuesday)
        #expect(first.stdout == "Created 1, updated 0, left 0 unchanged; skipped 1 (see above)\n")
        #expect(first.stderr == "rapport: skipped \(file): line 7: a card without a name or an email (no FN, N or EMAIL)\nrapport: 1 record was skipped\n")
        #expect(try rapport.run(["import", "vcard", file], at: tuesday).stdout.hasPrefix("Created 0, updated 0, left 1 unchanged"))
        let exported = try rapport.run(["export", "vcard"], at: tuesday).stdout
        #expect(exported.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//Rapport//Rapport//EN\r\nUID:urn:uuid:"))
        #expect(exported.contains(/\r\nREV:20261124T0800\d\dZ\r\n/)) // when the contact was last changed
        #expect(exported.hasSuffix("\r\nFN:Dana Ruiz\r\nN:Ruiz;Dana;;;\r\nORG:Acme\r\nEMAIL:dana@acme.com\r\nEND:VCARD\r\n"))
    }

    @Test("import csv maps columns, reports rows without a name by line, and creates no one twice")
    func csvImport() throws {
        let rapport = try RapportProcess()
        let file = rapport.directory.appendingPathComponent("crm export.csv").path
        try "\u{FEFF}First Name;Last Name;Company;Person Email\nDana;Ruiz;Acme;dana@acme.com\n;;Globex;\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let first = try rapport.run(["import", "csv", file, "--map", "Person Email=email"], at: tuesday)
        #expect(first.stdout == "Created 1, updated 0, left 0 unchanged; skipped 1 (see above)\n")
        #expect(first.status == 1 && first.stderr == "rapport: skipped \(file): line 3: a row without a name or an email\nrapport: 1 record was skipped\n")
        #expect(try rapport.run(["import", "csv", file, "--map", "Person Email=email"], at: tuesday).stdout.hasPrefix("Created 0, updated 0, left 1 unchanged"))
        #expect(try rapport.run(["show", "dana"], at: tuesday).stdout.contains("dana@acme.com"))
        let bad = try rapport.run(["import", "csv", file, "--map", "Person Email=shoe"], at: tuesday)
        #expect(bad.status == 2 && bad.stderr.contains("is not COLUMN=FIELD"))
    }

    @Test("export csv writes contacts and items for a spreadsheet, quoting what needs it")
    func csvExport() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Ruiz, Dana", "--account", "Acme", "--tier", "A", "--email", "dana@acme.com", "--notes", "said \"call me\""], at: tuesday)
        try rapport.run(["add", "send the deck with @1 tomorrow"], at: tuesday)
        let contacts = try rapport.run(["export", "csv", "contacts"], at: tuesday).stdout
        let lines = contacts.components(separatedBy: "\n")
        #expect(lines[0] == "Name,Nickname,Account,Department,Job Title,Tier,Favourite,Stay in touch days,Lunch cadence days,Preferred channel,"
                + "Birthday,Tags,Email 1,Email 1 label,Needs,Wants,Cares about,Dietary needs,Family,Interests,Notes")
        #expect(lines[1] == "\"Ruiz, Dana\",,Acme,,,A,,,,,,,dana@acme.com,,,,,,,,\"said \"\"call me\"\"\"")
        let items = try rapport.run(["export", "csv", "items", "--days", "7"], at: tuesday).stdout
        #expect(items.contains("f1,follow-up,send the deck,,\"Ruiz, Dana\",Acme,2026-11-25,no,0"))
    }

    @Test("a full disk: the write fails on one line with status 1, the book is as it was and takes the next write")
    func fullDisk() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try rapport.run(["log", "call", "Intro", "--with", "Dana Ruiz"], at: tuesday)
        // No file may grow past 48 KiB: the write-ahead log (empty once the last
        // command closed the book) cannot take a 100 KB note.
        let limit = 48 * 1024
        let notes = String(repeating: "All the details of a long call. ", count: 3_200)
        let full = try rapport.run(["log", "call", "Long call", "--with", "Dana Ruiz", "--notes", notes], at: tuesday, fileSizeLimit: limit)
        #expect(full.status == 1, "\(full.stdout) \(full.stderr)")
        #expect(full.stderr.hasPrefix("rapport: cannot write to the book: ") && full.stderr.hasSuffix("; nothing was changed\n"), "\(full.stderr)")
        #expect(full.stderr.split(separator: "\n").count == 1 && full.stdout.isEmpty)
        let timeline = try rapport.run(["show", "Dana Ruiz"], at: tuesday).stdout
        #expect(timeline.contains("Intro") && !timeline.contains("Long call"))
        let integrity = try rapport.run(["log", "call", "Next call", "--with", "Dana Ruiz"], at: tuesday)
        #expect(integrity.status == 0)
        #expect(try rapport.run(["show", "Dana Ruiz"], at: tuesday).stdout.contains("Next call"))
    }

    @Test("a book where nothing can be written gets a clear error and status 1")
    func unwritableLocation() throws {
        let rapport = try RapportProcess()
        let result = try rapport.run(["add", "send the deck with Dana fri", "--new", "Dana"], at: tuesday,
                                     environment: ["RAPPORT_DB": "/proc/rapport-cannot-be-here/rapport.sqlite"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("rapport: cannot open /proc/rapport-cannot-be-here/rapport.sqlite: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
