import Foundation
import Testing

/// End-to-end: imports that respect the book, and exports read by real
/// calendar programs (calcurse and khal, installed by Scripts/install-dependencies).
@Suite("imports and exports, end to end")
struct InteropCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RapportCoreTests/Fixtures/imports")

    func write(_ text: String, _ name: String, in rapport: RapportProcess) throws -> String {
        let path = rapport.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs a program to the end; its status and standard output and error together.
    func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("--dry-run works on a book that has people and cannot be written: each record's outcome, nothing written")
    func dryRunOnAFullReadOnlyBook() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--email", "dana@acme.com"], at: tuesday)
        let file = try write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Ruiz\r\nEMAIL:DANA@acme.com\r\nTITLE:VP Sales\r\nTEL:+1 202 555 0100\r\nEND:VCARD\r\n"
                             + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Park\r\nEND:VCARD\r\n", "b.vcf", in: rapport)
        let before = try rapport.databaseBytes()
        chmod(rapport.databasePath, 0o444)
        defer { chmod(rapport.databasePath, 0o600) }
        let dry = try rapport.run(["import", "vcard", "--dry-run", file], at: tuesday)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == """
              line 1: update @1 Dana Ruiz (by email DANA@acme.com): + title, + phone +1 202 555 0100
              line 8: new Lee Park
            Would create 1, update 1, leave 0 unchanged

            """)
        #expect(try rapport.databaseBytes() == before)
    }

    @Test("a re-import keeps what the user wrote and says so; --prefer-file takes the file's; a namesake is someone else")
    func mergeConflicts() throws {
        let rapport = try RapportProcess()
        let file = try write("Name,Email,Title,Notes\nDana Ruiz,dana@acme.com,VP Sales,From the CRM\n", "crm.csv", in: rapport)
        try rapport.run(["import", "csv", file], at: tuesday)
        try rapport.run(["edit", "dana", "--role", "Head of Sales"], at: tuesday)
        let again = try rapport.run(["import", "csv", file], at: tuesday)
        #expect(again.status == 0)
        #expect(again.stdout == """
              line 2: conflict @1 Dana Ruiz (by email dana@acme.com): kept title: 'Head of Sales' in the book, 'VP Sales' in the file
            Created 0, updated 0, left 1 unchanged; 1 conflicting field kept as the book has it (--prefer-file takes the file's)

            """)
        #expect(try rapport.run(["show", "dana"], at: tuesday).stdout.contains("Head of Sales"))
        try rapport.run(["import", "csv", file, "--prefer-file"], at: tuesday)
        #expect(try rapport.run(["show", "dana"], at: tuesday).stdout.contains("VP Sales"))
        let namesakes = try rapport.run(["import", "csv", Self.fixtures.appendingPathComponent("same-name-different-people.csv").path], at: tuesday)
        #expect(namesakes.stdout == "  line 3: new @3 John Smith: + notes, + phone +44 20 7946 0999 (possible duplicate of @2)\n"
                + "Created 2, updated 0, left 0 unchanged\n", "\(namesakes.stdout)")
    }

    @Test("unreadable records: skipped with their line, exit 1; --strict refuses the whole file with status 2, nothing written")
    func strict() throws {
        let rapport = try RapportProcess()
        let file = try write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Ruiz\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:who?\r\nEND:VCARD\r\n",
                             "c.vcf", in: rapport)
        let strict = try rapport.run(["import", "vcard", "--strict", file], at: tuesday)
        #expect(strict.status == 2 && strict.stdout.isEmpty)
        #expect(strict.stderr.hasSuffix("rapport: --strict: 1 record cannot be read; nothing was imported\n"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: rapport.databasePath))
        let lenient = try rapport.run(["import", "vcard", file], at: tuesday)
        #expect(lenient.status == 1 && lenient.stdout == "Created 1, updated 0, left 0 unchanged; skipped 1 (see above)\n")
    }

    @Test("encodings and layouts from the command line: a Windows-1252 warning, --encoding, LinkedIn, --date-order")
    func encodingsAndLayouts() throws {
        let rapport = try RapportProcess()
        let outlook = Self.fixtures.appendingPathComponent("outlook-contacts-windows-1252.csv").path
        let read = try rapport.run(["import", "csv", outlook], at: tuesday)
        #expect(read.status == 0 && read.stderr.contains("warning: \(outlook): the file is not UTF-8; read as windows-1252"))
        let card = try rapport.run(["show", "müller"], at: tuesday).stdout
        #expect(card.contains("Jürgen Müller") && card.contains("  department      Einkauf\n"), "\(card)")
        #expect(card.contains("  address (work)  Hauptstraße 1, München, 80331, Deutschland\n"), "\(card)")
        let json = try rapport.run(["show", "müller", "--json"], at: tuesday).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let details = try #require(document["details"] as? [[String: String]])
        #expect(details.contains(["kind": "custom", "label": "Spouse", "value": "Anna"]), "\(details)")
        let chosen = try rapport.run(["import", "csv", outlook, "--encoding", "windows-1252", "--dry-run"], at: tuesday)
        #expect(chosen.stderr.isEmpty && chosen.stdout.hasSuffix("leave 2 unchanged\n"), "\(chosen.stdout)")
        let linkedIn = try rapport.run(["import", "csv", Self.fixtures.appendingPathComponent("linkedin-Connections.csv").path], at: tuesday)
        #expect(linkedIn.stdout == "Created 2, updated 0, left 0 unchanged\n")
        let ambiguous = Self.fixtures.appendingPathComponent("ambiguous-dates.csv").path
        let refused = try rapport.run(["import", "csv", ambiguous], at: tuesday)
        #expect(refused.status == 2 && refused.stderr.contains("say which with --date-order dmy or --date-order mdy"))
        #expect(try rapport.run(["import", "csv", ambiguous, "--date-order", "dmy"], at: tuesday).status == 0)
        let bad = try rapport.run(["import", "csv", ambiguous, "--date-order", "ymd"], at: tuesday)
        #expect(bad.status == 2 && bad.stderr.contains("ymd"))
    }

    @Test("export csv --excel starts with a BOM; the export reads back in; export vcard --vcard-version 3.0")
    func exportOptions() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "=cmd|' /C calc'!A0", "--email", "eve@example.com"], at: tuesday)
        let excel = try rapport.run(["export", "csv", "contacts", "--excel"], at: tuesday)
        #expect(excel.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(excel.stdout.contains("'=cmd|' /C calc'!A0"))
        let file = rapport.directory.appendingPathComponent("out.csv").path
        try rapport.run(["export", "csv", "contacts", "--excel", "-o", file], at: tuesday)
        #expect(try rapport.run(["import", "csv", file], at: tuesday).stdout == "Created 0, updated 0, left 1 unchanged\n")
        let v3 = try rapport.run(["export", "vcard", "--vcard-version", "3.0"], at: tuesday).stdout
        #expect(v3.contains("VERSION:3.0\r\n") && v3.contains("FN:=cmd|' /C calc'!A0\r\n"))
    }

    @Test("export ics imports into calcurse and khal: events at their times with their place, to-dos named; khal again updates")
    func calendarsReadIt() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--email", "dana@acme.com"], at: tuesday)
        try rapport.run(["add", "meeting Acme kickoff with Dana and Lee Park thu 10:00 at Acme HQ #acme"], at: tuesday)
        try rapport.run(["add", "lunch with Dana fri 12:30 at Nobu"], at: tuesday)
        try rapport.run(["add", "send the deck @dana tomorrow 16:00"], at: tuesday)
        let ics = rapport.directory.appendingPathComponent("rapport.ics").path
        #expect(try rapport.run(["export", "ics", "-o", ics], at: tuesday).status == 0)
        let berlin = ["TZ": "Europe/Berlin", "HOME": rapport.directory.path]

        let calcurse = rapport.directory.appendingPathComponent("calcurse").path
        try FileManager.default.createDirectory(atPath: calcurse, withIntermediateDirectories: true)
        let (imported, report) = try run("/usr/bin/calcurse", ["-D", calcurse, "-i", ics], environment: berlin)
        #expect(imported == 0 && report.contains("2 apps / 0 events / 2 todos / 0 skipped"), "\(report)")
        let (_, agenda) = try run("/usr/bin/calcurse", ["-D", calcurse, "-Q", "--from", "11/24/2026", "--days", "7"], environment: berlin)
        #expect(agenda.contains(" - 10:00 -> 11:00\n\tAcme kickoff with Dana Ruiz, Lee Park"), "\(agenda)")
        #expect(agenda.contains(" - 12:30 -> 14:00\n\tLunch with Dana Ruiz"), "\(agenda)")
        #expect(agenda.contains("send the deck (Dana Ruiz)") && agenda.contains("Prepare for Acme kickoff with Dana Ruiz, Lee Park"))

        let khalCalendar = rapport.directory.appendingPathComponent("khal-calendar").path
        try FileManager.default.createDirectory(atPath: khalCalendar, withIntermediateDirectories: true)
        let config = try write("""
            [calendars]
            [[rapport]]
            path = \(khalCalendar)
            type = calendar
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            local_timezone = Europe/Berlin
            default_timezone = Europe/Berlin
            [default]
            default_calendar = rapport

            """, "khal.conf", in: rapport)
        for _ in 0..<2 { // the second import updates the same events (same UIDs) instead of adding copies
            let (status, output) = try run("/usr/bin/khal", ["-c", config, "import", "--batch", ics], environment: berlin)
            #expect(status == 0, "\(output)")
        }
        let (_, list) = try run("/usr/bin/khal", ["-c", config, "list", "--format", "{start} {end} {title} @ {location}", "2026-11-24", "7d"],
                                environment: berlin)
        #expect(list.components(separatedBy: "\n").filter { $0.contains(" @ ") } == [
            "2026-11-26 10:00 2026-11-26 11:00 Acme kickoff with Dana Ruiz, Lee Park @ Acme HQ",
            "2026-11-27 12:30 2026-11-27 14:00 Lunch with Dana Ruiz @ Nobu",
        ], "\(list)")
    }
}
