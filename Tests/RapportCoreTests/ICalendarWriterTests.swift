import Foundation
import Testing
@testable import RapportCore

/// The iCalendar output checked line by line against RFC 5545's rules.
@Suite("iCalendar export")
struct ICalendarWriterTests {
    func agenda() throws -> Agenda {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz; \"the boss\", \\ of Acme", account: "Acme", tier: .a, added: at(2026, 10, 1, 9))
        let lee = try book.contact("李小龙 👋", added: at(2026, 11, 1, 9))
        try book.followUp("Send the pricing deck, v2; the long version with every single appendix attached to it", with: [dana],
                          on: day(2026, 11, 27), at: time(14), added: at(2026, 11, 20, 9))
        try book.followUp("Line one\nline two\u{1B}[31m", with: [lee], on: day(2026, 11, 20), added: at(2026, 11, 19, 9))
        try book.meeting("Kickoff", with: [dana, lee], starts: at(2026, 11, 26, 10), added: at(2026, 11, 19, 9))
        return try book.agenda(at: at(2026, 11, 24, 9), days: 30)
    }

    @Test("every line ends in CRLF and fits in 75 octets; components balance; each has UID and DTSTAMP")
    func structure() throws {
        let text = ICalendarWriter(calendar: Zone.berlin).write(try agenda(), details: CalendarDetails(bookID: "b00k"), now: utc(2026, 11, 24, 8))
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        // Unfolded, component by component.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        #expect(unfolded.first == "BEGIN:VCALENDAR" && unfolded.last == "END:VCALENDAR")
        #expect(unfolded.contains("VERSION:2.0") && unfolded.contains { $0.hasPrefix("PRODID:") })
        var open: String?
        var properties: [String] = []
        var components = 0
        var inAlarm = false
        for line in unfolded.dropFirst().dropLast() where !["VERSION:", "PRODID:", "CALSCALE:", "METHOD:", "X-WR-CALNAME:"].contains(where: { line.hasPrefix($0) }) {
            if line == "BEGIN:VALARM" { inAlarm = true; continue }
            if line == "END:VALARM" { inAlarm = false; continue }
            if inAlarm {
                #expect(["ACTION:DISPLAY", "TRIGGER", "DESCRIPTION:"].contains { line.hasPrefix($0) }, "\(line)")
                continue
            }
            if line.hasPrefix("BEGIN:") {
                #expect(open == nil)
                open = String(line.dropFirst(6))
                properties = []
            } else if line.hasPrefix("END:") {
                #expect(String(line.dropFirst(4)) == open)
                #expect(properties.contains { $0.hasPrefix("UID:") } && properties.contains { $0.hasPrefix("DTSTAMP:") })
                if open == "VEVENT" { #expect(properties.contains { $0.hasPrefix("DTSTART:") }) }
                if open == "VTODO" { #expect(properties.contains { $0.hasPrefix("DUE") }) }
                open = nil
                components += 1
            } else {
                properties.append(line)
            }
        }
        #expect(open == nil && components == 5) // 2 follow-ups, prep, meeting, keep in touch
    }

    @Test("values are escaped, times are UTC, dates are dates, UIDs are stable")
    func values() throws {
        let writer = ICalendarWriter(calendar: Zone.berlin)
        let first = writer.write(try agenda(), details: CalendarDetails(bookID: "b00k"), now: utc(2026, 11, 24, 8))
        let unfolded = first.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Send the pricing deck\\, v2\\; the long version with every single appendix attached to it (Dana Ruiz\\; \"the boss\"\\, \\\\ of Acme)"))
        #expect(unfolded.contains("DUE:20261127T130000Z")) // 14:00 in Berlin
        #expect(unfolded.contains("DUE;VALUE=DATE:20261120"))
        #expect(unfolded.contains("SUMMARY:Line one\\nline two␛[31m (李小龙 👋)"))
        #expect(unfolded.contains("DESCRIPTION:Dana Ruiz\\; \"the boss\"\\, \\\\ of Acme · Acme"))
        #expect(unfolded.contains("DTSTART:20261126T090000Z") && unfolded.contains("DTEND:20261126T100000Z"))
        #expect(unfolded.contains("UID:m1-b00k@rapport") && unfolded.contains("UID:f1-b00k@rapport"))
        #expect(unfolded.contains("PRIORITY:1")) // the late follow-up
        let later = writer.write(try agenda(), details: CalendarDetails(bookID: "b00k"), now: utc(2026, 11, 25, 8))
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first) == uids(later))
    }

    @Test("folding never splits a character")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "李👋é", count: 40)
        let folded = ContentLine.fold(line)
        for piece in folded.components(separatedBy: "\r\n") { #expect(piece.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
}
