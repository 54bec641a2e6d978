import Foundation

/// A contact card as read from or written to vCard (3.0 and 4.0 read, with
/// 2.1's quoted-printable; 4.0 written). Written by hand because no listed
/// Swift package reads vCard.
public struct VCard: Hashable, Sendable {
    public var name: String
    public var nickname: String?
    public var organisation: String?
    public var title: String?
    /// Addresses with their TYPE (work, home…), as given.
    public var emails: [(address: String, type: String?)] = []
    public var phones: [(number: String, type: String?)] = []
    public var birthday: Birthday?
    public var note: String?
    public var categories: [String] = []
    /// What was read but left out of the card ("BDAY 'soon' is not a date"), to tell the user.
    public var warnings: [String] = []
    /// The line the card begins on, for reports.
    public var line: Int

    public init(name: String, line: Int = 0) {
        self.name = name
        self.line = line
    }

    public static func == (a: VCard, b: VCard) -> Bool {
        a.name == b.name && a.nickname == b.nickname && a.organisation == b.organisation && a.title == b.title
            && a.emails.map(\.address) == b.emails.map(\.address) && a.phones.map(\.number) == b.phones.map(\.number)
            && a.birthday == b.birthday && a.note == b.note && a.categories == b.categories
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A card that could not be read, and why.
public struct VCardProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

public enum VCardReader {
    /// Reads every card in `text`; cards that cannot be read are reported, the rest kept.
    public static func read(_ text: String) -> (cards: [VCard], problems: [VCardProblem]) {
        var cards: [VCard] = []
        var problems: [VCardProblem] = []
        var current: [(line: Int, content: String)]?
        var start = 0
        for (number, content) in unfold(text) {
            let upper = content.uppercased()
            if upper == "BEGIN:VCARD" {
                if current != nil { problems.append(VCardProblem(line: start, message: "a card without END:VCARD")) }
                current = []
                start = number
            } else if upper == "END:VCARD" {
                guard let lines = current else {
                    problems.append(VCardProblem(line: number, message: "END:VCARD without BEGIN:VCARD"))
                    continue
                }
                switch card(lines, start: start) {
                case .success(let card): cards.append(card)
                case .failure(let problem): problems.append(problem)
                }
                current = nil
            } else if current != nil, !content.isEmpty {
                current!.append((number, content))
            }
        }
        if current != nil { problems.append(VCardProblem(line: start, message: "a card without END:VCARD")) }
        return (cards, problems)
    }

    /// Joins folded lines (a line starting with a space or tab continues the
    /// one before; a quoted-printable line ending in "=" continues too), with
    /// the number of the line each starts on.
    static func unfold(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        let raw = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        // Whether the line being joined is quoted-printable, decided once from
        // its start: each continuation is appended in place, so unfolding
        // stays linear in the size of the file however many soft breaks it has.
        var quotedPrintable = false
        for (index, line) in raw.enumerated() {
            var line = String(line)
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if let first = line.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1].1 += line.dropFirst()
            } else if quotedPrintable, result[result.count - 1].1.utf8.last == UInt8(ascii: "=") {
                result[result.count - 1].1.removeLast()
                result[result.count - 1].1 += line
            } else {
                result.append((index + 1, line))
                quotedPrintable = (line.firstIndex(of: ":").map { line[..<$0] } ?? line[...]).uppercased().contains("QUOTED-PRINTABLE")
            }
        }
        return result
    }

    private static func card(_ lines: [(line: Int, content: String)], start: Int) -> Result<VCard, VCardProblem> {
        var card = VCard(name: "", line: start)
        var structuredName: [String]?
        for (number, content) in lines {
            if content.unicodeScalars.contains("\u{0}") {
                return .failure(VCardProblem(line: number, message: "a NUL character in a value; the card was not imported"))
            }
            guard let colon = colonIndex(content) else { continue }
            let head = content[..<colon], rawValue = String(content[content.index(after: colon)...])
            var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            var property = parts.removeFirst().uppercased() // split always yields at least one part
            if property.isEmpty { continue } // ";TYPE=x:value" names no property
            parts.removeAll { $0.isEmpty }
            if let dot = property.lastIndex(of: ".") { property = String(property[property.index(after: dot)...]) } // item1.EMAIL
            var type: String?
            var quotedPrintable = false
            for parameter in parts {
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let key = pair[0].uppercased(), value = pair.count > 1 ? pair[1] : pair[0]
                if key == "ENCODING", ["QUOTED-PRINTABLE", "QP"].contains(value.uppercased()) { quotedPrintable = true }
                else if key == "QUOTED-PRINTABLE" { quotedPrintable = true }
                else if key == "TYPE" || pair.count == 1 {
                    let types = value.lowercased().replacingOccurrences(of: "\"", with: "").split(separator: ",")
                        .filter { !["internet", "pref", "voice", "x400"].contains($0) }
                    if type == nil, let first = types.first { type = String(first) }
                }
            }
            // Line ends inside values (quoted-printable =0D=0A) become plain newlines.
            let value = (quotedPrintable ? decodeQuotedPrintable(rawValue) : rawValue)
                .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            switch property {
            case "FN": card.name = unescape(value).trimmingCharacters(in: .whitespaces)
            case "N": structuredName = components(value, separator: ";").map(unescape)
            case "NICKNAME": card.nickname = nonEmpty(unescape(components(value, separator: ",").first ?? ""))
            case "ORG": card.organisation = nonEmpty(unescape(components(value, separator: ";").first ?? ""))
            case "TITLE": card.title = nonEmpty(unescape(value))
            case "EMAIL":
                let address = unescape(value).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "mailto:", with: "")
                if !address.isEmpty { card.emails.append((address, type)) }
            case "TEL":
                let number = unescape(value).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "tel:", with: "")
                if !number.isEmpty { card.phones.append((number, type)) }
            case "BDAY":
                card.birthday = birthday(value)
                if card.birthday == nil, !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    card.warnings.append("line \(number): BDAY '\(value)' is not a date from the year \(ValidRange.birthdayYears.lowerBound) (or --MM-DD); the birthday was left out")
                }
            case "NOTE": card.note = nonEmpty(unescape(value))
            case "CATEGORIES":
                card.categories += components(value, separator: ",").map(unescape).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: break // PHOTO, ADR, URL, X-…: not kept
            }
        }
        if card.name.isEmpty, let parts = structuredName {
            // N: family; given; additional; prefixes; suffixes
            let ordered = [parts.count > 3 ? parts[3] : "", parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "",
                           parts[0], parts.count > 4 ? parts[4] : ""]
            card.name = ordered.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        guard !card.name.isEmpty else {
            return .failure(VCardProblem(line: start, message: "a card without a name (no FN or N)"))
        }
        return .success(card)
    }

    /// The colon that ends the property's name and parameters (not one inside a quoted parameter).
    private static func colonIndex(_ line: String) -> String.Index? {
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == "\"" { quoted.toggle() }
            if line[index] == ":" && !quoted { return index }
            index = line.index(after: index)
        }
        return nil
    }

    /// Splits on a separator that is not escaped with a backslash.
    static func components(_ value: String, separator: Character) -> [String] {
        var parts: [String] = [], current = "", escaped = false
        for character in value {
            if escaped { current.append("\\"); current.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == separator { parts.append(current); current = "" }
            else { current.append(character) }
        }
        if escaped { current.append("\\") }
        parts.append(current)
        return parts
    }

    static func unescape(_ value: String) -> String {
        var result = "", escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func decodeQuotedPrintable(_ value: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(value.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "="), utf8.count >= 2,
               let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// `1980-05-03`, `19800503`, `--0503`, `--05-03`, or with a time after `T`.
    static func birthday(_ value: String) -> Birthday? {
        let text = value.split(separator: "T").first.map(String.init) ?? value
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }) else { return nil }
        if text.hasPrefix("--"), digits.count == 4, let month = Int(digits.prefix(2)), let day = Int(digits.suffix(2)) {
            return Birthday(year: nil, month: month, day: day)
        }
        guard digits.count == 8, let year = Int(digits.prefix(4)), ValidRange.birthdayYears.contains(year),
              let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2)) else { return nil }
        return Birthday(year: year, month: month, day: day)
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

public enum VCardWriter {
    /// vCard 4.0, one card after another; CRLF line ends, folded at 75 octets.
    public static func write(_ cards: [VCard]) -> String {
        var lines: [String] = []
        for card in cards {
            lines += ["BEGIN:VCARD", "VERSION:4.0", "FN:" + escape(card.name)]
            if let nickname = card.nickname { lines.append("NICKNAME:" + escape(nickname)) }
            if let organisation = card.organisation { lines.append("ORG:" + escape(organisation)) }
            if let title = card.title { lines.append("TITLE:" + escape(title)) }
            for email in card.emails { lines.append("EMAIL" + typeParameter(email.type) + ":" + escape(email.address)) }
            for phone in card.phones { lines.append("TEL" + typeParameter(phone.type) + ":" + escape(phone.number)) }
            if let birthday = card.birthday {
                let md = String(format: "%02d%02d", birthday.month, birthday.day)
                lines.append("BDAY:" + (birthday.year.map { String(format: "%04d", $0) + md } ?? "--" + md))
            }
            if let note = card.note { lines.append("NOTE:" + escape(note)) }
            if !card.categories.isEmpty { lines.append("CATEGORIES:" + card.categories.map(escape).joined(separator: ",")) }
            lines.append("END:VCARD")
        }
        return lines.map(ContentLine.fold).joined(separator: "\r\n") + (lines.isEmpty ? "" : "\r\n")
    }

    /// `;TYPE=work`: only letters, digits and hyphens, as a parameter needs no quoting; nothing else.
    static func typeParameter(_ type: String?) -> String {
        let kept = (type ?? "").filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return kept.isEmpty ? "" : ";TYPE=" + kept
    }

    /// Text escaped as vCard wants it, kept exact otherwise (a re-import gives it back).
    static func escape(_ value: String) -> String {
        ContentLine.escape(value, showingControls: false)
    }
}
