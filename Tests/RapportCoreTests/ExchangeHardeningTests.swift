import Foundation
import Testing
@testable import RapportCore

/// Untrusted text in the exchange formats: no value can end its line, start a
/// card of its own or smuggle a control code; reading stays linear.
@Suite("exchange formats: hostile text")
struct ExchangeHardeningTests {
    /// Pieces of hostile and ordinary text.
    static let pool: [String] = [
        "\r", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{9B}", "\u{0B}", "\u{0C}", "\t",
        "END:VCARD", "BEGIN:VCARD", "EMAIL:evil@attacker.example", "BEGIN:VEVENT", ";", ",", "\\", ":", "=", "\"",
        "Dana", " ", "é", "e\u{301}", "प्रिया", "👨‍👩‍👧", "🇩🇪", "李", "\u{202E}",
    ]

    /// What a field reads back as: line breaks as newlines, other controls as the placeholders the writer shows.
    static func expected(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": result += "\n"
            default:
                let control = character.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
                result += control ? TerminalText.safe(String(character)) : String(character)
            }
        }
        return result
    }

    @Test("property: any text in every vCard field comes back as one card with the same fields, and no other email")
    func vCardRoundTrip() {
        var random = SplitMix(state: 6)
        for _ in 0..<400 {
            func text() -> String { (0..<Int.random(in: 1...8, using: &random)).map { _ in Self.pool.randomElement(using: &random)! }.joined() }
            var card = VCard(name: "Dana " + text())
            card.nickname = "n" + text()
            card.organisation = "o" + text()
            card.title = "t" + text()
            card.note = "x" + text() + "x"
            card.emails = [("dana@acme.com", "work" + text())]
            card.phones = [("+1 555 " + text(), nil)]
            card.categories = ["c" + text()]
            let written = VCardWriter.write([card])
            // Every line ends in CRLF, and no value holds a bare CR or LF.
            #expect(!written.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            let (cards, problems) = VCardReader.read(written)
            #expect(problems.isEmpty)
            #expect(cards.count == 1)
            guard let back = cards.first else { continue }
            #expect(back.emails.map(\.address) == ["dana@acme.com"])
            #expect(back.note == Self.expected(card.note!).trimmingCharacters(in: .whitespaces))
            #expect(back.name == Self.expected(card.name).trimmingCharacters(in: .whitespaces))
            #expect(back.title == Self.expected(card.title!).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("property: any text in a title or a name keeps an iCalendar file's structure: one component per item, no control codes")
    func iCalendarStructure() throws {
        var random = SplitMix(state: 9)
        for _ in 0..<40 {
            // (No NUL: the store refuses text holding one, see nulRefused.)
            func text() -> String { (0..<Int.random(in: 1...8, using: &random)).map { _ in Self.pool.filter { $0 != "\u{0}" }.randomElement(using: &random)! }.joined() }
            let book = try TestBook()
            let dana = try book.contact("Dana " + text(), added: at(2026, 10, 1, 9))
            try book.followUp("f " + text(), with: [dana], on: day(2026, 11, 25), added: at(2026, 11, 20, 9))
            try book.meeting("m " + text(), with: [dana], starts: at(2026, 11, 26, 10), added: at(2026, 11, 20, 9))
            let written = ICalendarWriter(calendar: Zone.berlin).write(try book.agenda(at: at(2026, 11, 24, 9), days: 7), details: CalendarDetails(bookID: "b00k"), now: utc(2026, 11, 24, 8))
            let lines = written.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
            #expect(lines.filter { $0 == "BEGIN:VTODO" }.count == 2) // the follow-up and the preparation
            #expect(!written.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\r" && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
            #expect(!written.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
        }
    }

    @Test("quoted-printable soft line breaks unfold in linear time: 20,000 of them read at once")
    func linearUnfolding() {
        // 1.4 MB: what took two minutes when each break copied the line so far.
        let body = String(repeating: "=41=42=43=44=45=46=47=48=49=4A=4B=4C=4D=4E=4F=50=51=52=53=54=55=56=57=58=59=\r\n", count: 20_000)
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Dana\r\nNOTE;ENCODING=QUOTED-PRINTABLE:" + body + "end\r\nEND:VCARD\r\n"
        let lines = VCardReader.unfold(Array(text.utf8))
        #expect(lines.filter { !$0.1.isEmpty }.count == 5)
        let (cards, _) = VCardReader.read(text)
        #expect(cards.first?.note?.count == 25 * 20_000 + 3)
    }

    @Test("an invalid vCard birthday is left out with a warning naming it, and other digits never crash the reader", arguments: [
        "soon", "1980-13-45", "٠٣-٠٥", "0099-05-03", "99999999", "--1340",
    ])
    func invalidBirthday(_ value: String) {
        let (cards, problems) = VCardReader.read("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dana\r\nBDAY:\(value)\r\nEND:VCARD\r\n")
        #expect(problems.isEmpty)
        #expect(cards.first?.birthday == nil)
        #expect(cards.first?.warnings == ["the card at line 1: BDAY '\(value)' is not a date from the year 1000 (or --MM-DD); the birthday was left out"])
    }

    @Test("a NUL character in an imported row refuses that row, naming its line, instead of storing the text cut short")
    func nulRefused() throws {
        let (cards, problems) = try CSVContacts.read("name,email\nDana Ruiz,dana@acme.com\n\"Lee\u{0}Park\",lee@acme.com\n")
        #expect(cards.map(\.name) == ["Dana Ruiz"])
        #expect(problems.map(\.description) == ["line 3: a field holds a NUL character; the row was not imported"])
        let (vcards, vproblems) = VCardReader.read("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lee\u{0}Park\r\nEND:VCARD\r\n")
        #expect(vcards.isEmpty)
        #expect(vproblems.map(\.description) == ["line 3: a NUL character in a value; the card was not imported"])
        // And whatever the way in, the store refuses text it could not keep exactly.
        let book = try TestBook()
        #expect(throws: StoreError.invalid("name holds a NUL character; nothing was written")) {
            try book.contact("Lee\u{0}Park", added: at(2026, 11, 24, 9))
        }
    }
}
