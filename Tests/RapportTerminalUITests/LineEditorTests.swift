import Foundation
import Testing
@testable import RapportTerminalUI
import RapportCore

/// The text fields hold any text: the editor works on grapheme clusters,
/// whatever scalars the terminal delivers one key at a time.
@Suite("Line editor")
struct LineEditorTests {
    /// Types `text` as a terminal delivers it: one scalar a key.
    func type(_ text: String, into editor: inout LineEditor) {
        for scalar in text.unicodeScalars { _ = editor.handle(.character(Character(scalar))) }
    }

    @Test("ordinary names in any script type as they are, the cursor at the end", arguments: [
        "प्रिया", "Rene\u{301}", "สมชาย", "🇩🇪", "👍🏽", "👨‍👩‍👧‍👦", "李小龍", "Zoë", "ﷺ",
    ])
    func typing(_ name: String) {
        var editor = LineEditor()
        type(name, into: &editor)
        #expect(editor.text == name)
        #expect(editor.cursor == name.count)
    }

    @Test("a combining mark typed after a move joins the cluster before the cursor, and the cursor stays after it")
    func combiningAfterMove() {
        var editor = LineEditor("Rene Ruiz")
        for _ in 0..<5 { _ = editor.handle(.left) }
        type("\u{301}", into: &editor)
        #expect(editor.text == "Rene\u{301} Ruiz")
        #expect(editor.cursor == 4)
        _ = editor.handle(.backspace)
        #expect(editor.text == "Ren Ruiz")
        #expect(editor.cursor == 3)
    }

    @Test("moves and deletes step over whole clusters: a flag, a family, a syllable")
    func clusters() {
        var editor = LineEditor("a🇩🇪b👨‍👩‍👧c")
        _ = editor.handle(.home)
        _ = editor.handle(.right)
        _ = editor.handle(.delete)
        #expect(editor.text == "ab👨‍👩‍👧c")
        _ = editor.handle(.end)
        _ = editor.handle(.left)
        _ = editor.handle(.backspace)
        #expect(editor.text == "abc")
        #expect(editor.cursor == 2)
    }

    /// Scripts with combining marks, emoji sequences and their joiners, as single scalars.
    static let pool: [Unicode.Scalar] = [
        "a", "e", " ", "R", "\u{301}", "\u{308}", "\u{327}",
        "\u{92A}", "\u{94D}", "\u{930}", "\u{93F}", "\u{92F}", "\u{93E}",          // प ् र ि य ा
        "\u{E2A}", "\u{E21}", "\u{E0A}", "\u{E32}", "\u{E22}", "\u{E31}", "\u{E48}", // Thai letters and marks
        "\u{1F1E9}", "\u{1F1EA}", "\u{1F1FA}", "\u{1F1F8}",                       // regional indicators
        "\u{1F44D}", "\u{1F3FD}", "\u{1F468}", "\u{200D}", "\u{1F469}", "\u{1F467}", "\u{FE0F}", "\u{2764}",
        "\u{674E}", "\u{5C0F}", "\u{AC00}", "\u{1100}", "\u{1161}", "\u{11A8}",  // CJK, Hangul jamo
    ]

    static let moves: [Key] = [.left, .right, .home, .end, .backspace, .delete, .control("w"), .control("u"), .control("k"),
                               .control("a"), .control("e"), .control("b"), .control("f"), .control("h"), .control("d")]

    @Test("property: random scalars, moves and deletes never crash; the cursor stays within the text; what is shown fits")
    func randomEditing() {
        var random = SplitMix(state: 18)
        for _ in 0..<2_000 {
            var editor = LineEditor()
            var typedOnly = ""
            var moved = false
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                if Int.random(in: 0..<4, using: &random) == 0 {
                    let key = Self.moves.randomElement(using: &random)!
                    _ = editor.handle(key)
                    moved = true
                } else {
                    let scalar = Self.pool.randomElement(using: &random)!
                    _ = editor.handle(.character(Character(scalar)))
                    typedOnly.unicodeScalars.append(scalar)
                }
                #expect(editor.cursor >= 0 && editor.cursor <= editor.text.count)
                var buffer = ScreenBuffer(width: 12, height: 1)
                Renderer.drawEditor(editor, x: 0, y: 0, width: 12, into: &buffer)
            }
            // Typing alone (no moves, no deletes) keeps every scalar, in order.
            if !moved { #expect(editor.text == typedOnly && editor.cursor == editor.text.count) }
        }
    }
}

@Suite("UTF-8 keys")
struct UTF8KeyDecoderTests {
    @Test("property: the bytes of any text, fed one at a time, give back its scalars")
    func roundTrip() {
        var random = SplitMix(state: 7)
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                text.unicodeScalars.append(LineEditorTests.pool.randomElement(using: &random)!)
            }
            var decoder = UTF8KeyDecoder()
            var scalars = String.UnicodeScalarView()
            for byte in text.utf8 { scalars.append(contentsOf: decoder.feed(byte)) }
            #expect(String(scalars) == text)
        }
    }

    @Test("a malformed sequence becomes U+FFFD and the next character still comes through")
    func malformed() {
        var decoder = UTF8KeyDecoder()
        #expect(decoder.feed(0xFF) == ["\u{FFFD}"])
        #expect(decoder.feed(0xC3) == [])
        #expect(decoder.feed(0x41) == ["\u{FFFD}", "A"])
        #expect(decoder.feed(0xC3) == [] && decoder.feed(0xA9) == ["é"])
    }
}

/// A small deterministic random generator, so that a failing property can be replayed:
/// the library's own SplitMix64 (`SeededRandom`), under the name the tests use.
typealias SplitMix = SeededRandom

extension SeededRandom {
    init(state: UInt64) { self.init(seed: state) }
}
