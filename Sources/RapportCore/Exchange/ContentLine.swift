/// The line format iCalendar (RFC 5545) and vCard (RFC 6350) share: text
/// values escaped with backslashes, long lines folded.
enum ContentLine {
    /// Backslash, semicolon, comma and every line break (CR, LF, CRLF, NEL,
    /// U+2028/2029) escaped as `\\n`, so that no value can end its line and
    /// start a property or a card of its own; other control characters (C0,
    /// DEL, C1) become visible placeholders. `showingControls` also replaces
    /// invisible format characters (iCalendar TEXT, read by people); without
    /// it the rest of the text is kept exact.
    static func escape(_ value: String, showingControls: Bool) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": result += "\\n"
            default:
                if showingControls || character.unicodeScalars.contains(where: isControl) {
                    result += TerminalText.safe(String(character))
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value)
    }

    /// Folds a line to at most 75 octets, continuation lines starting with a
    /// space, never inside a UTF-8 sequence (or a character).
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74 // a continuation line's space counts
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
