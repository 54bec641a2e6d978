import Foundation
import Testing
@testable import RapportCore

@Suite("sync: calendar objects, their zone, and pulled changes")
struct SyncTests {
    func meetingItem(_ start: Date) -> AgendaItem {
        AgendaItem(ref: ItemRef(.meeting, 1), title: "Board review", contacts: [], account: nil, due: .instant(start),
                   dueDay: Zone.berlin.day(of: start), overdueDays: 0, isOverdue: false, detail: nil)
    }

    @Test("an object in the user's zone: local times with TZID and the zone's changes in its VTIMEZONE")
    func localTimes() {
        var writer = ICalendarWriter(calendar: Zone.berlin)
        writer.localZone = Zone.berlin.timeZone
        // 30 March 2026, the day after the clocks went forward: 09:00 is 07:00 UTC.
        let text = writer.object(for: meetingItem(at(2026, 3, 30, 9)), details: CalendarDetails(bookID: "b"), stamp: utc(2026, 3, 20, 8),
                                 now: utc(2026, 3, 20, 8))
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20260330T090000\r\n"))
        #expect(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT"))
        // Read back: the same instant.
        let object = try? CalendarObject.read(text, calendar: Zone.utc)
        #expect(object?.start == .instant(utc(2026, 3, 30, 7)))
        #expect(object?.kind == .event && object?.uid == "m1-b@rapport")
    }

    @Test("times read as written: UTC, a named zone, a date, floating in the user's zone; a bad one refused")
    func reading() throws {
        func due(_ line: String) throws -> Due? {
            try CalendarObject.read("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\n\(line)\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", calendar: Zone.berlin).due
        }
        #expect(try due("DUE:20261202T150000Z") == .instant(utc(2026, 12, 2, 15)))
        #expect(try due("DUE;TZID=America/New_York:20261202T100000") == .instant(utc(2026, 12, 2, 15)))
        #expect(try due("DUE;VALUE=DATE:20261202") == .day(day(2026, 12, 2)))
        #expect(try due("DUE:20261202T160000") == .instant(utc(2026, 12, 2, 15))) // floating: Berlin
        #expect(throws: CalendarObject.Failure.unknownZone("Mars/Olympus")) { try due("DUE;TZID=Mars/Olympus:20261202T100000") }
        #expect(throws: CalendarObject.Failure.badValue("DUE", "2026-12-02")) { try due("DUE:2026-12-02") }
        // A VALARM's properties are not the to-do's.
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSTATUS:NEEDS-ACTION\r\nBEGIN:VALARM\r\nSTATUS:COMPLETED\r\nEND:VALARM\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        #expect(try CalendarObject.read(text, calendar: Zone.berlin).status == .needsAction)
    }

    @Test("finished on the server: a to-do COMPLETED with when, an event CANCELLED; reminders dropped")
    func marked() {
        let todo = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:f1-b@rapport\r\nSTATUS:NEEDS-ACTION\r\nPRIORITY:1\r\nBEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        let done = ICalendarWriter.marked(todo, completedAt: utc(2026, 11, 30, 8))
        #expect(done.contains("STATUS:COMPLETED\r\nCOMPLETED:20261130T080000Z\r\nPERCENT-COMPLETE:100"))
        #expect(!done.contains("VALARM") && !done.contains("PRIORITY"))
        let event = todo.replacingOccurrences(of: "VTODO", with: "VEVENT")
        #expect(ICalendarWriter.marked(event, completedAt: utc(2026, 11, 30, 8)).contains("STATUS:CANCELLED"))
    }

    @Test("the hash leaves DTSTAMP out: the same item written later is unchanged")
    func hash() {
        #expect(SyncTarget.hash("A\r\nDTSTAMP:20261130T080000Z\r\nB") == SyncTarget.hash("A\r\nDTSTAMP:20261201T080000Z\r\nB"))
        #expect(SyncTarget.hash("A\r\nB") != SyncTarget.hash("A\r\nC"))
    }

    @Test("pulled changes are one change in the journal; one the book refuses is listed, the others made")
    func pulledOnce() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", every: 14, added: utc(2026, 11, 1, 8))
        let f1 = try book.followUp("Send the deck", with: [dana], on: day(2026, 12, 2), added: utc(2026, 11, 30, 8))
        let before = try book.store.changes().count
        let outcome = try book.store.applyPulled([
            ("a", .completed(ItemRef(.followUp, f1.id!), at: utc(2026, 11, 30, 7))),
            ("b", .cancelled(ItemRef(.stayInTouch, dana.id!), reason: "deleted on the server")),
            ("c", .contactAdded(contactID: dana.id!, emails: ["dana@home.example"], phones: [])),
        ], now: utc(2026, 11, 30, 8), calendar: book.calendar)
        #expect(outcome.applied.map(\.uid) == ["a", "c"])
        #expect(outcome.refused.map(\.uid) == ["b"])
        #expect(try book.store.changes().count == before + 1)
        #expect(try book.store.followUp(id: f1.id!)?.state == .done)
        try book.store.undoNewest()
        #expect(try book.store.followUp(id: f1.id!)?.state == .open)
        #expect(try book.store.emails(ofContact: dana.id!).isEmpty)
    }
}
