import Testing
@testable import RapportCore

@Suite("Text shown on a terminal")
struct TerminalTextTests {
    @Test("controls, escapes and bidi overrides become visible placeholders")
    func placeholders() {
        #expect(TerminalText.safe("Dana\u{1B}[31m Ruiz") == "Dana\u{241B}[31m Ruiz")
        #expect(TerminalText.safe("a\rb\nc\td") == "a\u{240D}b\u{2424}c\u{2409}d")
        #expect(TerminalText.safe("x\u{7F}") == "x\u{2421}")
        #expect(TerminalText.safe("\u{9B}31m") == "<U+009B>31m")
        #expect(TerminalText.safe("evil\u{202E}txt.exe") == "evil<U+202E>txt.exe")
        #expect(TerminalText.safe("zero\u{200B}width") == "zero<U+200B>width")
        #expect(TerminalText.safe("\u{1B}]52;c;aGk=\u{07}") == "\u{241B}]52;c;aGk=\u{2407}")
    }

    @Test("ordinary names pass unchanged, emoji sequences included")
    func ordinary() {
        for name in ["Zoë Ångström", "李小龙", "José 👋", "👨‍👩‍👧 family", "Ørsted A/S", "naïve café"] {
            #expect(TerminalText.safe(name) == name)
        }
        let safe = TerminalText.safe("Dana\u{1B}[2J")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("widths are columns, not bytes or characters")
    func widths() {
        #expect(TerminalText.width("Dana") == 4)
        #expect(TerminalText.width("Zoë Ångström") == 12)
        #expect(TerminalText.width("Zoe\u{308}") == 3) // combining diaeresis
        #expect(TerminalText.width("李小龙") == 6)
        #expect(TerminalText.width("José 👋") == 7)
        #expect(TerminalText.width("ｶﾀｶﾅ") == 8 - 4) // halfwidth katakana are narrow
    }

    @Test("cutting and padding keep to the columns")
    func truncation() {
        #expect(TerminalText.truncate("Send the pricing deck", toWidth: 10) == "Send the …")
        #expect(TerminalText.width(TerminalText.truncate("李小龙李小龙", toWidth: 5)) <= 5)
        #expect(TerminalText.pad("李", toWidth: 4) == "李  ")
        #expect(TerminalText.pad("abc", toWidth: 3) == "abc")
    }

    @Test("JSON text escapes what a terminal would act on")
    func json() {
        #expect(JSONText.escapeInvisible("\"a\u{202E}b\u{85}\"") == "\"a\\u202eb\\u0085\"")
        #expect(JSONText.escapeInvisible("\"Zoë\"") == "\"Zoë\"")
    }

    @Test("on an ASCII-only terminal each character becomes a look-alike exactly as wide")
    func asciiFallback() {
        #expect(TerminalText.ascii("a", width: 1) == "a")
        #expect(TerminalText.ascii("ë", width: 1) == "e")
        #expect(TerminalText.ascii("Å", width: 1) == "A")
        #expect(TerminalText.ascii("·", width: 1) == ".")
        #expect(TerminalText.ascii("█", width: 1) == "#")
        #expect(TerminalText.ascii("▲", width: 1) == "+")
        #expect(TerminalText.ascii("─", width: 1) == "-")
        #expect(TerminalText.ascii("€", width: 1) == "E")
        #expect(TerminalText.ascii("␛", width: 1) == "^")
        #expect(TerminalText.ascii("李", width: 2) == "??")
        #expect(TerminalText.ascii("Ａ", width: 2) == "A?") // a fullwidth letter keeps its two columns
        #expect(TerminalText.ascii("👋", width: 2) == "??")
        let line = "Zoë Ångström · 李小龙 ▲3 █▌"
        let shown = line.map { TerminalText.ascii($0, width: TerminalText.width(of: $0)) }.joined()
        #expect(shown == "Zoe Angstrom . ?????? +3 ##")
        #expect(TerminalText.width(shown) == TerminalText.width(line))
    }
}
