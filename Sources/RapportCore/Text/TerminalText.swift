/// Text made safe to print on a terminal, and measured as a terminal shows it.
///
/// Names and notes are untrusted: they may hold escape sequences, control
/// characters or bidi overrides that would move the cursor, change colours,
/// set the clipboard or reorder a line. The stored text stays exact; only
/// what is shown is made visible: C0 controls become their Unicode control
/// pictures (ESC → ␛, newline → ␤), DEL becomes ␡, and C1 controls and
/// invisible format characters (bidi controls, zero-width joiners and
/// spaces) become `<U+202E>`.
public enum TerminalText {
    /// `text` with every control and format character replaced by a visible placeholder.
    public static func safe(_ text: String) -> String {
        // Printable ASCII is safe as it is: the common case, checked byte by byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for character in text {
            if isEmojiSequence(character) {
                result.append(contentsOf: character.unicodeScalars)
                continue
            }
            appendSafe(character.unicodeScalars, to: &result)
        }
        return String(result)
    }

    /// An emoji joined by zero-width joiners (👨‍👩‍👧) is one picture, not a trick.
    private static func isEmojiSequence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let first = scalars.first, first.properties.isEmoji, first.value > 0x7F else { return false }
        return scalars.allSatisfy { $0.value == 0x200D || $0.value == 0xFE0F || $0.properties.isEmoji
            || $0.properties.isEmojiModifier || (0xE0020...0xE007F).contains($0.value) }
    }

    private static func appendSafe(_ scalars: some Sequence<Unicode.Scalar>, to result: inout String.UnicodeScalarView) {
        for scalar in scalars {
            switch scalar.value {
            case 0x0A:
                result.append("\u{2424}") // ␤
            case 0x00...0x1F:
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                result.append("\u{2421}") // ␡
            default:
                if needsReplacement(scalar) {
                    result.append(contentsOf: "<U+\(hex(scalar.value))>".unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
    }

    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        // Printable ASCII and the Latin letters up to the combining marks, but the soft hyphen: no look-up.
        if v < 0x7F || (0xA0..<0x300).contains(v) && v != 0xAD { return false }
        // Format characters (bidi overrides and isolates, zero-width space and
        // joiners, BOM, soft hyphen…), and the line and paragraph separators.
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Columns a terminal uses to show `text`: wide (CJK, most emoji) characters
    /// take two, combining marks none. Written by hand because no listed Swift
    /// package measures this, and `wcwidth` is not visible from Swift here.
    public static func width(_ text: String) -> Int {
        // Printable ASCII is one column a byte: the common case, measured without grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Latin, Greek and Cyrillic letters without combining marks: one column a
        // scalar, each its own character — still no grapheme breaking.
        if text.unicodeScalars.allSatisfy({ isSimpleSingleColumn($0.value) }) { return text.unicodeScalars.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// A scalar that is one column and never joins its neighbours into one character.
    private static func isSimpleSingleColumn(_ v: UInt32) -> Bool {
        switch v {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x370..<0x483, 0x2010..<0x2028, 0x2030..<0x205F: return true
        default: return false
        }
    }

    /// Columns of one grapheme cluster.
    public static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        // Fast paths for the common scripts and punctuation, without property look-ups.
        if character.unicodeScalars.count == 1 {
            switch first.value {
            case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x370..<0x483, 0x2010..<0x2028, 0x2030..<0x205F:
                return 1
            default:
                break
            }
        }
        let properties = first.properties
        if character.unicodeScalars.count > 1,
           character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 } // emoji presentation
        // A cluster of several spacing letters (a Devanagari conjunct "प्रि", Thai with its
        // vowel signs) takes a column for each, as terminals draw it: the sum of its
        // scalars' widths. Emoji sequences stay two columns.
        if character.unicodeScalars.count > 1, !character.unicodeScalars.contains(where: { $0.properties.isEmoji && $0.value > 0xFF }) {
            return character.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
        }
        if properties.isEmojiPresentation { return 2 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if first.value < 0x20 || (0x7F...0x9F).contains(first.value) { return 0 }
        return isWide(first.value) ? 2 : 1
    }

    /// One scalar's columns as a terminal counts them (glibc's wcwidth): marks
    /// that do not space and format characters none, wide ones two.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return 0 }
        return isWide(scalar.value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, UAX #11).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
             0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `columns` columns, with "…" when cut.
    public static func truncate(_ text: String, toWidth columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` padded with spaces to `columns` columns (cut first when longer).
    public static func pad(_ text: String, toWidth columns: Int) -> String {
        let measured = width(text)
        if measured <= columns { return text + String(repeating: " ", count: columns - measured) }
        let cut = truncate(text, toWidth: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(cut)))
    }
}
