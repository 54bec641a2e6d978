/// The line format iCalendar (RFC 5545) and vCard (RFC 6350) share: text
/// values escaped with backslashes, long lines folded.
enum ContentLine {
    /// Backslash, semicolon, comma and newline escaped. `showingControls`
    /// replaces other control characters with visible placeholders (iCalendar
    /// TEXT allows none); without it the text is kept exact.
    static func escape(_ value: String, showingControls: Bool) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n" // a lone CR would end the line for some readers
            default: result += showingControls ? TerminalText.safe(String(character)) : String(character)
            }
        }
        return result
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
