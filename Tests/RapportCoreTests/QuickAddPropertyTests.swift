import Testing
@testable import RapportCore

/// Random phrases: the grammar never crashes, and what it reads it can
/// write back and read again the same.
@Suite("Quick-add grammar, random phrases")
struct QuickAddPropertyTests {
    let parser = QuickAddParser(dates: DatePhraseParser(today: day(2026, 11, 24), numericOrder: .dayMonth),
                                isKnownName: { ["dana ruiz", "lee park"].contains($0) })

    static let fragments = [
        "lunch", "meeting", "gift", "thanks", "call", "note", "fu", "with", "Dana", "Ruiz", "dana", "and", "Lee", "Park",
        ",", "&", "@dana", "@12", "@", "#acme", "#", "at", "Nobu", "fri", "next", "tue", "this", "in", "3", "days", "-3",
        "+2w", "eow", "eom", "dec", "1", "31", "feb", "30", "2026-12-01", "2026-02-30", "12/1", "50/50", "12:30", "3pm",
        "noon", "tonight", "$80", "€75.50", "80", "EUR", "$8.123", "\"quoted", "words\"", "\"", "Zoë", "李小龙", "👋",
        "\u{1B}[31m", "\u{202E}", "\u{0}", "send", "the", "deck", "about", "pricing", "de", "la", "Cruz", "12/13/2027",
    ]

    @Test("random phrases never crash, and parse → phrase → parse is stable")
    func randomPhrases() {
        var random = SplitMix(state: 42)
        var parsed = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...9, using: &random)
            let phrase = (0..<length).map { _ in Self.fragments.randomElement(using: &random)! }.joined(separator: " ")
            guard let entry = try? parser.parse(phrase) else { continue }
            parsed += 1
            do {
                let again = try parser.parse(entry.phrase)
                #expect(again == entry, "\(phrase) → \(entry.phrase)")
            } catch {
                Issue.record("\(phrase) → \(entry.phrase) did not parse again: \(error)")
            }
        }
        #expect(parsed > 1_000)
    }

    @Test("random bytes never crash the grammar or the date phrases")
    func randomText() {
        var random = SplitMix(state: 7)
        let dates = DatePhraseParser(today: day(2026, 11, 24), numericOrder: .monthDay)
        for _ in 0..<3_000 {
            let scalars = (0..<Int.random(in: 0...24, using: &random)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &random))
            }
            let text = String(String.UnicodeScalarView(scalars))
            _ = try? parser.parse(text)
            _ = try? dates.parse(text)
            _ = try? RecurrencePhrase.parse(text, today: day(2026, 11, 24))
            _ = try? ItemRef(parsing: text)
        }
    }
}
