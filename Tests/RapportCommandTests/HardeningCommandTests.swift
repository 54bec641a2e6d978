import Foundation
import Testing

/// The hardening issue's attacks, end to end: no value can poison the book.
@Suite("hardening: bounded values")
struct HardeningCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    @Test("dates outside 1900–2999 and unbounded numbers are refused with status 2 and nothing written", arguments: [
        ["add", "lunch with Dana Ruiz 9999-12-31 20:00"],
        ["add", "call Dana Ruiz +999999999w"],
        ["follow-up", "add", "x", "--due", "+9999999w"],
        ["follow-up", "add", "x", "--repeat", "every 305 years"],
        ["log", "meeting", "kickoff", "--with", "Dana Ruiz", "--at", "+9999999w 10:00"],
        ["contact", "add", "Lee Park", "--every", "9223372036854775807"],
        ["snooze", "f1", "9999-12-31"],
        ["edit", "f1", "--due", "+99999999d"],
        ["report", "--from", "1900-01-01"],
    ])
    func refused(_ arguments: [String]) throws {
        var rapport = try RapportProcess()
        rapport.timeZone = "America/New_York"
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try rapport.run(["follow-up", "add", "send the deck", "--with", "Dana Ruiz", "--due", "fri"], at: tuesday)
        let before = try rapport.databaseBytes()
        let result = try rapport.run(arguments, at: tuesday)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("rapport: ") && result.stderr.split(separator: "\n").count == 1)
        #expect(try rapport.databaseBytes() == before)
    }

    @Test("a book holding a date in the year 10000 still shows everything else; check names it, check --fix repairs it")
    func poisonedBook() throws {
        var rapport = try RapportProcess()
        rapport.timeZone = "America/New_York"
        try rapport.run(["contact", "add", "Dana Ruiz", "--email", "dana@acme.com"], at: tuesday)
        try rapport.run(["follow-up", "add", "send the deck", "--with", "Dana Ruiz", "--due", "yesterday"], at: tuesday)
        try rapport.run(["add", "lunch with Dana Ruiz today 12:30"], at: tuesday)
        // What an earlier version stored for "lunch with Dana 9999-12-31 20:00" in New York.
        _ = try spawnAndWait("/usr/bin/sqlite3", [rapport.databasePath, "UPDATE lunch SET startsAt = '10000-01-01 01:00:00.000'"])

        for command in [["today"], ["overdue", "--count"], ["upcoming"], ["show", "dana"], ["contacts"],
                        ["export", "json"], ["export", "ics"], ["export", "vcard"], ["export", "csv", "items"], ["report"]] {
            let result = try rapport.run(command, at: tuesday)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
        let overdue = try rapport.run(["overdue"], at: tuesday)
        #expect(overdue.stdout.contains("send the deck"))

        let check = try rapport.run(["check"], at: tuesday)
        #expect(check.status == 1)
        // The index still lists the lunch at its old time: check names that too.
        #expect(check.stdout == "lunch 1 startsAt: \"10000-01-01 01:00:00.000\" is not a date and time in the years 1900–2999\n"
                + "agenda index has l1 due 2026-11-24, late from 2026-11-24 17:30:00.000 UTC, the scheduler does not\n", "\(check.stdout)")
        let fix = try rapport.run(["check", "--fix"], at: tuesday)
        #expect(fix.status == 0)
        #expect(fix.stdout.hasPrefix("lunch 1 startsAt: \"10000-01-01 01:00:00.000\" is not a date and time in the years 1900–2999: cleared\n"))
        #expect(try rapport.run(["check"], at: tuesday).status == 0)
        #expect(try rapport.run(["today"], at: tuesday).stderr.isEmpty)
    }

    @Test("monthly repeats keep the due date's day of the month")
    func monthlyFromDueDate() throws {
        let rapport = try RapportProcess()
        let result = try rapport.run(["follow-up", "add", "report", "--due", "2026-12-15", "--repeat", "monthly"], at: "2026-11-30 09:00:00")
        #expect(result.stdout == "Added f1 follow-up \"report\", due Tue 15 Dec, repeats every month on day 15\n")
    }

    @Test("edit takes --favourite and --no-favourite, as its help says")
    func favouriteFlags() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        #expect(try rapport.run(["edit", "dana", "--favourite"], at: tuesday).status == 0)
        #expect(try rapport.run(["contacts", "--favourites"], at: tuesday).stdout.contains("Dana Ruiz"))
        #expect(try rapport.run(["edit", "dana", "--no-favourite"], at: tuesday).status == 0)
        #expect(!(try rapport.run(["contacts", "--favourites"], at: tuesday).stdout.contains("Dana Ruiz")))
        #expect(try rapport.run(["edit", "--help"]).stdout.contains("--favourite/--no-favourite"))
    }

    @Test("a read-only command on another program's database refuses it and leaves it byte for byte")
    func foreignDatabase() throws {
        let rapport = try RapportProcess()
        let places = rapport.directory.appendingPathComponent("places.sqlite").path
        _ = try spawnAndWait("/usr/bin/sqlite3", [places, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.com');"])
        let before = try Data(contentsOf: URL(fileURLWithPath: places))
        for command in [["overdue", "--count"], ["today"], ["add", "call Dana"], ["backup", rapport.directory.appendingPathComponent("b.sqlite").path]] {
            let result = try rapport.run(command + ["--db", places], at: tuesday)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "rapport: cannot open \(places): it is not a Rapport book (another program's file?); it was not changed\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: places)) == before)
        #expect(!FileManager.default.fileExists(atPath: places + "-wal"))
    }

    @Test("backup and export write one private file each, nothing beside it, and a failing backup says why")
    func privateOutputs() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        let out = rapport.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(try rapport.run(["backup", out.appendingPathComponent("copy.sqlite").path], at: tuesday).status == 0)
        #expect(try rapport.run(["export", "json", "-o", out.appendingPathComponent("book.json").path], at: tuesday).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["book.json", "copy.sqlite"])
        for name in ["book.json", "copy.sqlite"] {
            let mode = (try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode.map { $0 & 0o777 } == 0o600)
        }
        let failing = try rapport.run(["backup", rapport.directory.appendingPathComponent("missing/dir/copy.sqlite").path], at: tuesday)
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("rapport: cannot back up to "))
        #expect(!failing.stderr.contains("not an error") && !failing.stderr.contains("cannot write to the book"))
    }

    @Test("a book in a read-only directory is read by the commands that read; one that writes says the directory is read-only",
          .enabled(if: geteuid() == 0, "needs a read-only bind mount (root)"))
    func readOnlyDirectory() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try rapport.run(["follow-up", "add", "send the deck", "--with", "Dana Ruiz", "--due", "yesterday"], at: tuesday)
        let book = (rapport.databasePath as NSString).deletingLastPathComponent
        let mounted = rapport.directory.appendingPathComponent("readonly").path
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        guard try spawnAndWait("/bin/mount", ["--bind", book, mounted]).status == 0 else { return }
        defer { _ = try? spawnAndWait("/bin/umount", [mounted]) }
        guard try spawnAndWait("/bin/mount", ["-o", "remount,bind,ro", mounted]).status == 0 else { return }
        let path = mounted + "/rapport.sqlite"
        let overdue = try rapport.run(["overdue", "--db", path], at: tuesday)
        #expect(overdue.status == 0, "\(overdue.stderr)")
        #expect(overdue.stdout.contains("send the deck"))
        #expect(try rapport.run(["show", "dana", "--db", path], at: tuesday).status == 0)
        let add = try rapport.run(["add", "call Dana Ruiz", "--db", path], at: tuesday)
        #expect(add.status == 1)
        #expect(add.stderr.contains("read-only"))
    }
}
