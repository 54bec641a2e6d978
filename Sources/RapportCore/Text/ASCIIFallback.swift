import Foundation

extension TerminalText {
    /// Whether a locale's character set ("UTF-8", "utf8") is UTF-8: anything
    /// else shows only ASCII right.
    public static func isUTF8(codeset: String) -> Bool {
        codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// What to show for `character` on a terminal whose locale is not UTF-8
    /// (only ASCII comes out right there): exactly `width` ASCII characters,
    /// so the columns stay where they were. Letters lose their accents
    /// ("Zoë" → "Zoe"), the drawing characters Rapport uses become their
    /// ASCII look-alikes, anything else is "?".
    public static func ascii(_ character: Character, width: Int) -> String {
        if character.isASCII { return String(character) + String(repeating: " ", count: max(0, width - 1)) }
        let replacement: String
        if let known = asciiLookAlikes[character] {
            replacement = known
        } else {
            let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            replacement = folded.allSatisfy(\.isASCII) && !folded.isEmpty ? folded : "?"
        }
        let fitted = String(replacement.prefix(width))
        return fitted + String(repeating: width == 2 && fitted.count == 1 ? "?" : " ", count: max(0, width - fitted.count))
    }

    static let asciiLookAlikes: [Character: String] = {
        var table: [Character: String] = [
            "·": ".", "–": "-", "—": "-", "−": "-", "…": ".", "•": "*", "★": "*", "×": "x",
            "‘": "'", "’": "'", "“": "\"", "”": "\"", "€": "E", "£": "L", "¥": "Y", "₹": "R",
            "│": "|", "─": "-", "┼": "+", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
            "▲": "+", "▼": "-", "↑": "^", "↓": "v", "←": "<", "→": ">", "░": ".", "▒": ":", "▓": "*",
            "␛": "^", "␤": "/", "␡": "~", "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
        ]
        for block in "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉" { table[block] = "#" }
        return table
    }()
}
