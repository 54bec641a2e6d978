import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Runs Debian's python (the one with python3-icalendar and python3-vobject,
/// installed by Scripts/install-dependencies) on `script`, with `input` on stdin.
func python(_ script: String, input: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script]
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// A book with one contact that has every kind of field, after `generated` generated ones.
func richBook(generated: Int = 0) throws -> (TestBook, Contact) {
    let book = try TestBook()
    if generated > 0 {
        _ = try BookGenerator(contacts: generated, interactions: generated * 2, seed: 3, now: at(2026, 11, 24, 9))
            .generate(into: book.store, calendar: Zone.berlin)
    }
    let dana = try book.contact("Dana Ruiz", account: "Kestrel Labs", tier: .a, every: 21, favourite: true, lunchEvery: 60,
                                email: "dana@acme.com", nickname: "Dee", added: at(2026, 10, 1, 9))
    try book.store.write { db in
        try db.execute(sql: "CREATE TEMP TABLE rich AS SELECT \(dana.id!) AS id")
        try db.execute(sql: """
            UPDATE contact SET title = 'VP Sales', birthday = '--03-15', notes = '=SUM(A1:A9) is how she signs
            and a second line', needs = 'a faster close', wants = '+2 headcount', caresAbout = '@family first',
            dietaryNeeds = 'vegetarian', family = 'two kids', interests = 'golf', preferredChannel = 'phone'
            WHERE id = (SELECT id FROM rich);
            INSERT INTO contactEmail (contactID, address, label) VALUES ((SELECT id FROM rich), 'dana@example.org', 'home');
            INSERT INTO contactPhone (contactID, number, label) SELECT id, '+1 202 555 0100', 'cell' FROM rich UNION ALL SELECT id, '-12 fax', NULL FROM rich;
            INSERT INTO contactTag (contactID, tag) SELECT id, 'golf' FROM rich UNION ALL SELECT id, 'board' FROM rich;
            INSERT INTO contactDetail (contactID, kind, label, value) SELECT id, column1, column2, column3 FROM rich, (VALUES
              ('department', NULL, 'Procurement'), ('address', 'work', '1 Main St, Springfield'),
              ('url', 'LinkedIn', 'https://www.linkedin.com/in/dana'), ('anniversary', NULL, '--06-18'),
              ('custom', 'Shoe size', '39'), ('event', 'Connected On', '2024-03-12'));
            DROP TABLE temp.rich;
            """)
    }
    return (book, try #require(try book.store.read { db in try Contact.fetchOne(db, key: dana.id!) }))
}

@Suite("CSV export")
struct CSVExportTests {
    @Test("a cell a spreadsheet would run (=, +, -, @, tab, CR) gets an apostrophe, and the import removes it")
    func formulaInjection() throws {
        #expect(CSVExport.guardFormula("=HYPERLINK(\"http://evil.example\")") == "'=HYPERLINK(\"http://evil.example\")")
        for start in ["+", "-", "@", "\t", "\r"] { #expect(CSVExport.guardFormula(start + "1") == "'" + start + "1") }
        #expect(CSVExport.guardFormula("Dana") == "Dana" && CSVExport.guardFormula("'quoted'") == "'quoted'")
        let read = try ImportFixture.csv("formula-cells.csv")
        #expect(read.cards.map(\.name) == ["=HYPERLINK(\"http://evil.example\",\"click\")", "Tab Person"])
        let text = try CSVExport.contacts(read.cards)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"") && text.contains("'@SUM(1+1)"))
        #expect(try CSVContacts.read(text).cards.map(\.name) == read.cards.map(\.name))
        #expect(try CSVContacts.read(text).cards.map(\.note) == ["@SUM(1+1)", "\t-2+3"])
    }

    @Test("a whole book exported as CSV and imported into an empty book gives the same contacts; into itself, no change")
    func roundTrip() throws {
        let (book, _) = try richBook(generated: 60)
        let exported = try book.store.exportCards()
        let text = try CSVExport.contacts(exported)
        let read = try CSVContacts.read(bytes: Array(text.utf8))
        #expect(read.problems.isEmpty && read.warnings.isEmpty && read.cards.count == exported.count)
        let copy = try RapportStore.inMemory()
        let summary = try copy.importCards(read.cards, dryRun: false, now: at(2026, 11, 25, 9))
        #expect(summary.created.count == exported.count && summary.conflicts == 0)
        let strip = { (cards: [VCard]) in cards.map { card -> VCard in var card = card; card.uid = nil; card.revision = nil; return card } }
        let back = try copy.exportCards()
        #expect(strip(back) == strip(exported))
        let dana = try #require(back.first { $0.name == "Dana Ruiz" })
        #expect(dana.tier == .a && dana.isFavourite == true && dana.stayInTouchDays == 21 && dana.lunchCadenceDays == 60)
        #expect(dana.birthday == Birthday(year: nil, month: 3, day: 15) && dana.department == "Procurement")
        #expect(dana.note == "=SUM(A1:A9) is how she signs\nand a second line")
        let again = try book.store.importCards(read.cards, dryRun: false, now: at(2026, 11, 25, 9))
        #expect(again.unchanged.count == exported.count)
    }
}

@Suite("vCard export")
struct VCardExportTests {
    @Test("N, FN, UID, REV, ORG with the department, typed EMAIL and TEL, a year-less BDAY as --MMDD, NOTE, CATEGORIES")
    func version4() throws {
        let (book, _) = try richBook()
        let text = VCardWriter.write(try book.store.exportCards())
        let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let uid = try #require(lines.first { $0.hasPrefix("UID:urn:uuid:") })
        #expect(lines.contains("N:Ruiz;Dana;;;") && lines.contains("FN:Dana Ruiz") && lines.contains("ORG:Kestrel Labs;Procurement"))
        #expect(lines.contains("TITLE:VP Sales") && lines.contains("BDAY:--0315") && lines.contains("ANNIVERSARY:--0618"))
        #expect(lines.contains("EMAIL:dana@acme.com") && lines.contains("EMAIL;TYPE=home:dana@example.org"))
        #expect(lines.contains("TEL;TYPE=cell:+1 202 555 0100") && lines.contains("CATEGORIES:board,golf"))
        #expect(lines.contains { $0.hasPrefix("REV:2026") } && lines.contains("ADR;TYPE=work:;;1 Main St\\, Springfield;;;;"))
        // Stable for the book's life; another book gives another UID to its contact 1.
        #expect(VCardWriter.write(try book.store.exportCards()).contains(uid))
        let other = try TestBook()
        _ = try other.contact("Dana Ruiz", added: at(2026, 10, 1, 9))
        #expect(!VCardWriter.write(try other.store.exportCards()).contains(uid))
        #expect(try book.store.bookID() != other.store.bookID())
    }

    @Test("text from an import never adds a line to the card: a CR, a newline or a comma stays inside its value")
    func injection() throws {
        var card = VCard(name: "Eve\rEMAIL:evil@example.com\nTEL:666")
        card.note = "a\r\nBEGIN:VCARD"
        let back = VCardReader.read(VCardWriter.write([card])).cards
        #expect(back.count == 1 && back[0].emails.isEmpty && back[0].phones.isEmpty)
        #expect(back[0].name == "Eve\nEMAIL:evil@example.com\nTEL:666" && back[0].note == "a\nBEGIN:VCARD")
    }

    @Test("3.0 writes a year-less birthday as Apple does (1604 with X-APPLE-OMIT-YEAR), and reads back year-less")
    func version3() throws {
        let (book, _) = try richBook()
        let text = VCardWriter.write(try book.store.exportCards(), version: .v3)
        #expect(text.contains("VERSION:3.0\r\n") && text.contains("BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15\r\n"))
        #expect(text.contains("X-ANNIVERSARY;X-APPLE-OMIT-YEAR=1604:1604-06-18\r\n") && text.contains("TEL;TYPE=CELL:"))
        let back = VCardReader.read(text).cards
        #expect(back.first?.birthday == Birthday(year: nil, month: 3, day: 15))
        #expect(back.first?.detail(.custom, "Shoe size") == "39" && back.first?.detail(.event, "Connected On") == "2024-03-12")
    }

    @Test("python vobject reads every card of both versions with its name, UID, emails and birthday")
    func realReader() throws {
        let (book, _) = try richBook(generated: 20)
        let script = """
            import sys, vobject
            cards = list(vobject.readComponents(sys.stdin.read()))
            dana = [c for c in cards if c.fn.value == 'Dana Ruiz'][0]
            print(len(cards), len({c.uid.value for c in cards}), dana.n.value.family, dana.org.value, \
            sorted(e.value for e in dana.contents['email']), dana.bday.value)
            """
        for version in VCardWriter.Version.allCases {
            let result = try python(script, input: VCardWriter.write(try book.store.exportCards(), version: version))
            let birthday = version == .v4 ? "--0315" : "1604-03-15"
            #expect(result.status == 0 && result.output == "21 21 Ruiz ['Kestrel Labs', 'Procurement'] ['dana@acme.com', 'dana@example.org'] \(birthday)\n",
                    "\(version.rawValue): \(result.output)")
        }
    }
}

@Suite("iCalendar export, in full")
struct ICalendarInteropTests {
    /// Tuesday 24 Nov 2026 in Berlin: a meeting with a place and attendees, a lunch, a follow-up done yesterday, a thank-you sent.
    func book() throws -> (TestBook, Agenda, CalendarDetails) {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", account: "Acme", tier: .a, email: "dana@acme.com", added: at(2026, 10, 1, 9))
        let lee = try book.contact("Lee Park", account: "Acme", added: at(2026, 10, 1, 9))
        _ = try book.store.addMeeting(MeetingDraft(title: "Acme kickoff", startsAt: at(2026, 11, 26, 10), place: "Acme HQ, Room 4",
                                                   attendees: People(existingIDs: [dana.id!, lee.id!])), now: at(2026, 11, 20, 9))
        _ = try book.store.addMeeting(MeetingDraft(title: "Review", startsAt: at(2026, 11, 20, 15), endsAt: at(2026, 11, 20, 17),
                                                   attendees: People(existingIDs: [dana.id!])), now: at(2026, 11, 19, 9))
        try book.store.addLunch(guestIDs: [dana.id!], startsAt: at(2026, 11, 27, 12, 30), place: "Nobu", state: .accepted, now: at(2026, 11, 20, 9))
        let promise = try book.followUp("send the pricing deck", with: [dana], on: day(2026, 11, 23), added: at(2026, 11, 20, 9))
        _ = try book.store.complete([ItemRef(.followUp, promise.id!)], now: at(2026, 11, 23, 16), calendar: Zone.berlin)
        let notes = try book.store.thankYouNotes(ofMeeting: 2)
        try book.store.markThankYouSent(id: notes[0].id!, channel: .email, at: at(2026, 11, 23, 9))
        let now = at(2026, 11, 24, 9)
        let agenda = try book.agenda(at: now, days: 30)
        let details = try book.store.calendarDetails(for: agenda, since: now.addingTimeInterval(-14 * 86_400), now: now)
        return (book, agenda, details)
    }

    @Test("events have LOCATION, a real DTEND (their own, the meeting length, 90-minute lunches) and ATTENDEEs")
    func events() throws {
        let (_, agenda, details) = try book()
        var writer = ICalendarWriter(calendar: Zone.berlin)
        let text = writer.write(agenda, details: details, now: at(2026, 11, 24, 9)).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("LOCATION:Acme HQ\\, Room 4") && text.contains("LOCATION:Nobu"))
        #expect(text.contains("DTSTART:20261126T090000Z\r\nDTEND:20261126T100000Z")) // 10:00 Berlin, an hour by default
        #expect(text.contains("DTSTART:20261127T113000Z\r\nDTEND:20261127T130000Z")) // lunch 12:30, 90 minutes
        #expect(text.contains("DTSTART:20261120T140000Z\r\nDTEND:20261120T160000Z")) // Friday's review, its own end
        #expect(text.contains("ATTENDEE;CN=\"Dana Ruiz\":mailto:dana@acme.com"))
        #expect(text.contains("SUMMARY:Acme kickoff with Dana Ruiz\\, Lee Park") && text.contains("SUMMARY:Lunch with Dana Ruiz"))
        writer.meetingLength = 45 * 60
        #expect(writer.write(agenda, details: details, now: at(2026, 11, 24, 9)).contains("DTEND:20261126T094500Z"))
    }

    @Test("to-dos name the person; what was done lately stays, completed; UIDs carry the book; reminders by default, off by setting")
    func todos() throws {
        let (book, agenda, details) = try book()
        let writer = ICalendarWriter(calendar: Zone.berlin, rules: try book.store.rules())
        let text = writer.write(agenda, details: details, now: at(2026, 11, 24, 9)).replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("SUMMARY:Prepare for Acme kickoff with Dana Ruiz\\, Lee Park"))
        #expect(text.contains("SUMMARY:send the pricing deck (Dana Ruiz)\r\nATTENDEE"))
        #expect(text.contains("STATUS:COMPLETED\r\nCOMPLETED:20261123T150000Z\r\nPERCENT-COMPLETE:100"))
        #expect(text.contains("SUMMARY:Thank-you note to Dana Ruiz: Review"))
        let bookID = try book.store.bookID()
        #expect(text.contains("UID:m1-\(bookID)@rapport") && text.contains("UID:f1-\(bookID)@rapport"))
        #expect(text.contains("BEGIN:VALARM") && text.contains("TRIGGER:-PT15M"))
        #expect(text.contains("TRIGGER;VALUE=DATE-TIME:20261125T080000Z")) // the prep, due Wednesday: at 09:00 Berlin that day
        try book.store.setRule("reminders", to: "off")
        let quiet = ICalendarWriter(calendar: Zone.berlin, rules: try book.store.rules()).write(agenda, details: details, now: at(2026, 11, 24, 9))
        #expect(!quiet.contains("VALARM"))
    }

    @Test("python icalendar reads every component with its times, place, attendees and status")
    func realReader() throws {
        let (book, agenda, details) = try book()
        let text = ICalendarWriter(calendar: Zone.berlin, rules: try book.store.rules()).write(agenda, details: details, now: at(2026, 11, 24, 9))
        let result = try python("""
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.read())
            events = [c for c in cal.walk('VEVENT')]
            todos = [c for c in cal.walk('VTODO')]
            kickoff = [e for e in events if str(e['SUMMARY']).startswith('Acme kickoff')][0]
            attendees = kickoff.get('ATTENDEE', [])
            attendees = attendees if isinstance(attendees, list) else [attendees]
            print(len(events), len(todos), len(list(cal.walk('VALARM'))) > 0, str(kickoff['LOCATION']),
                  kickoff['DTEND'].dt - kickoff['DTSTART'].dt, [str(a) for a in attendees], [a.params.get('CN') for a in attendees],
                  sorted(str(t['STATUS']) for t in todos))
            """, input: text)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("3 "), "\(result.output)") // kickoff, lunch, Friday's review
        #expect(result.output.contains("Acme HQ, Room 4 1:00:00") && result.output.contains("mailto:dana@acme.com"), "\(result.output)")
        #expect(result.output.contains("'COMPLETED', 'COMPLETED'") && result.output.contains("'NEEDS-ACTION'"), "\(result.output)")
    }
}
