import Foundation

/// A contact as read from another tool's export (vCard or CSV) or written to
/// one. Written by hand because no listed Swift package reads vCard.
public struct VCard: Hashable, Sendable {
    public var name: String
    public var nickname: String?
    public var organisation: String?
    public var department: String?
    public var title: String?
    /// Addresses with their TYPE (work, home…), as given.
    public var emails: [(address: String, type: String?)] = []
    public var phones: [(number: String, type: String?)] = []
    public var birthday: Birthday?
    public var note: String?
    public var categories: [String] = []
    /// What was read but left out of the card ("BDAY 'soon' is not a date"), to tell the user.
    public var warnings: [String] = []
    /// Addresses, web pages, profiles, anniversaries, custom labelled fields.
    public var details: [Detail] = []
    /// The card's UID, as written.
    public var uid: String?
    /// When the contact last changed (written as REV).
    public var revision: Date?
    /// Rapport's own fields, read back from its CSV export.
    public var tier: Tier?
    public var isFavourite: Bool?
    public var stayInTouchDays: Int?
    public var lunchCadenceDays: Int?
    public var preferredChannel: Channel?
    public var needs: String?
    public var wants: String?
    public var caresAbout: String?
    public var dietaryNeeds: String?
    public var family: String?
    public var interests: String?
    /// The line the record begins on, for reports.
    public var line: Int

    /// A detail with no field of its own.
    public struct Detail: Hashable, Sendable {
        public var kind: ContactDetail.Kind
        public var label: String?
        public var value: String

        public init(_ kind: ContactDetail.Kind, _ label: String?, _ value: String) {
            self.kind = kind
            self.label = label
            self.value = value
        }
    }

    public init(name: String, line: Int = 0) {
        self.name = name
        self.line = line
    }

    public static func == (a: VCard, b: VCard) -> Bool {
        a.name == b.name && a.nickname == b.nickname && a.organisation == b.organisation && a.department == b.department
            && a.title == b.title
            && a.emails.map(\.address) == b.emails.map(\.address) && a.emails.map(\.type) == b.emails.map(\.type)
            && a.phones.map(\.number) == b.phones.map(\.number) && a.phones.map(\.type) == b.phones.map(\.type)
            && a.birthday == b.birthday && a.note == b.note && a.categories == b.categories && a.details == b.details
            && a.tier == b.tier && a.isFavourite == b.isFavourite && a.stayInTouchDays == b.stayInTouchDays
            && a.lunchCadenceDays == b.lunchCadenceDays && a.preferredChannel == b.preferredChannel && a.needs == b.needs
            && a.wants == b.wants && a.caresAbout == b.caresAbout && a.dietaryNeeds == b.dietaryNeeds && a.family == b.family
            && a.interests == b.interests
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A record that could not be read, and why.
public struct VCardProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// What reading a file gave: the records, the ones that could not be read,
/// and warnings about how it was read (an encoding assumed).
public struct ReadResult: Sendable {
    public var cards: [VCard] = []
    public var problems: [VCardProblem] = []
    public var warnings: [String] = []
    /// Records read but deliberately not imported (a group card is not a person).
    public var ignored: [VCardProblem] = []
}

public enum VCardReader {
    typealias Detail = VCard.Detail

    /// Reads every card in `text`; cards that cannot be read are reported, the rest kept.
    public static func read(_ text: String) -> (cards: [VCard], problems: [VCardProblem]) {
        let result = read(bytes: Array(text.utf8))
        return (result.cards, result.problems)
    }

    /// Reads every card in a file's bytes. Folds and quoted-printable are
    /// undone on the bytes, then each value is decoded as its `CHARSET=`
    /// says, else as UTF-8, else as the file's fallback encoding (with a warning).
    public static func read(bytes: [UInt8], encoding: TextEncoding? = nil) -> ReadResult {
        let file = DecodedFile(bytes, encoding: encoding)
        var result = ReadResult()
        var current: [PropertyLine]?
        var start = 0
        var fallbackLines: [Int] = []
        var nulLine: Int?
        for (number, raw) in unfold(file.bytes) {
            var usedFallback = false
            guard let line = PropertyLine(raw, file: file, usedFallback: &usedFallback) else { continue }
            if current != nil, nulLine == nil, line.value.unicodeScalars.contains("\u{0}") { nulLine = number }
            if usedFallback { fallbackLines.append(number) }
            if line.property == "BEGIN", line.value.uppercased() == "VCARD" {
                if current != nil { result.problems.append(VCardProblem(line: start, message: "a card without END:VCARD")) }
                current = []
                start = number
                nulLine = nil
            } else if line.property == "END", line.value.uppercased() == "VCARD" {
                guard let lines = current else {
                    result.problems.append(VCardProblem(line: number, message: "END:VCARD without BEGIN:VCARD"))
                    continue
                }
                // SQLite would cut the text short at a NUL: the card is refused, never stored changed.
                if let nulLine {
                    result.problems.append(VCardProblem(line: nulLine, message: "a NUL character in a value; the card was not imported"))
                    current = nil
                    continue
                }
                switch card(lines, start: start) {
                case .success(let card):
                    result.cards.append(card)
                    result.warnings += card.warnings
                case .failure(let problem) where problem.message.hasPrefix(notAPerson): result.ignored.append(problem)
                case .failure(let problem): result.problems.append(problem)
                }
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        if current != nil { result.problems.append(VCardProblem(line: start, message: "a card without END:VCARD")) }
        if let first = fallbackLines.first {
            result.warnings.append("line \(first)\(fallbackLines.count > 1 ? " and \(fallbackLines.count - 1) more" : ""): "
                                   + "not UTF-8 and no CHARSET given; read as \(file.fallback.rawValue) (--encoding chooses another)")
        }
        return result
    }

    /// One property line: its group, name, parameters and value.
    struct PropertyLine {
        var group: String?
        var property: String
        var parameters: [(key: String, value: String)]
        var value: String

        init?(_ raw: [UInt8], file: DecodedFile, usedFallback: inout Bool) {
            guard let colon = VCardReader.colonIndex(raw) else { return nil }
            let head = String(decoding: raw[..<colon], as: UTF8.self)
            var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            var name = parts.removeFirst().uppercased()
            if let dot = name.lastIndex(of: ".") {
                group = String(name[..<dot])
                name = String(name[name.index(after: dot)...])
            }
            guard !name.isEmpty else { return nil } // ";TYPE=x:value" names no property
            property = name
            parameters = parts.filter { !$0.isEmpty }.map { parameter in
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                // vCard 2.1 writes bare types: "TEL;WORK;VOICE:".
                return pair.count > 1 ? (pair[0].uppercased(), pair[1]) : ("TYPE", pair[0])
            }
            var bytes = Array(raw[raw.index(after: colon)...])
            let encodingParameter = parameters.first { $0.key == "ENCODING" }?.value.uppercased()
            if encodingParameter == "QUOTED-PRINTABLE" || encodingParameter == "QP"
                || parameters.contains(where: { $0.key == "TYPE" && $0.value.uppercased() == "QUOTED-PRINTABLE" }) {
                bytes = VCardReader.decodeQuotedPrintable(bytes)
            }
            let charset = parameters.first { $0.key == "CHARSET" }.flatMap { TextEncoding(name: $0.value) }
            value = file.text(bytes, charset: charset, usedFallback: &usedFallback)
                .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }

        /// Every TYPE, lower case, without the ones that say nothing to a person.
        var types: [String] {
            parameters.filter { $0.key == "TYPE" }
                .flatMap { $0.value.lowercased().replacingOccurrences(of: "\"", with: "").split(separator: ",").map(String.init) }
                .filter { !["internet", "pref", "voice", "x400", "quoted-printable", "text", "uri"].contains($0) }
        }

        func parameter(_ key: String) -> String? { parameters.first { $0.key == key }?.value }
    }

    static let notAPerson = "not a person: "

    /// Joins folded lines on bytes (a line starting with a space or tab
    /// continues the one before; a quoted-printable line ending in "="
    /// continues too), with the number of the line each starts on. Joining
    /// bytes, not text, keeps a character split by a fold whole.
    static func unfold(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
        var result: [(Int, [UInt8])] = []
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                lines.append(current)
                current = []
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                current.append(byte)
            }
            index += 1
        }
        if !current.isEmpty { lines.append(current) }
        var continuesQuotedPrintable = false
        for (index, line) in lines.enumerated() {
            if let first = line.first, first == 0x20 || first == 0x09, !result.isEmpty {
                result[result.count - 1].1 += line.dropFirst()
            } else if continuesQuotedPrintable, !result.isEmpty {
                result[result.count - 1].1 += line
            } else {
                result.append((index + 1, line))
            }
            // No copy of the joined line is kept while it changes: each soft
            // break appends in place, so unfolding stays linear in the file's size.
            continuesQuotedPrintable = result[result.count - 1].1.last == UInt8(ascii: "=") && isQuotedPrintable(result[result.count - 1].1)
            if continuesQuotedPrintable { result[result.count - 1].1.removeLast() }
        }
        return result
    }

    private static func isQuotedPrintable(_ line: [UInt8]) -> Bool {
        guard let colon = colonIndex(line) else { return false }
        return String(decoding: line[..<colon], as: UTF8.self).uppercased().contains("QUOTED-PRINTABLE")
    }

    private static func card(_ lines: [PropertyLine], start: Int) -> Result<VCard, VCardProblem> {
        var card = VCard(name: "", line: start)
        var structuredName: [String]?
        // Apple names grouped properties with a label line: item1.X-ABLabel:_$!<Anniversary>!$_
        var labels: [String: String] = [:]
        for line in lines where line.property == "X-ABLABEL" {
            if let group = line.group { labels[group.uppercased()] = appleLabel(unescape(line.value)) }
        }
        var addresses: [Detail] = [], formattedAddresses: [Detail] = []
        for line in lines {
            let value = line.value
            let label = line.group.flatMap { labels[$0.uppercased()] } ?? line.types.first
            switch line.property {
            case "FN" where card.name.isEmpty: card.name = unescape(value).trimmingCharacters(in: .whitespaces) // the first; others are translations
            case "N": structuredName = components(value, separator: ";").map(unescape)
            case "NICKNAME": card.nickname = nonEmpty(unescape(components(value, separator: ",").first ?? ""))
            case "ORG":
                let parts = components(value, separator: ";").map(unescape)
                card.organisation = nonEmpty(parts.first ?? "")
                let units = parts.dropFirst().compactMap(nonEmpty)
                if !units.isEmpty { card.department = units.joined(separator: ", ") }
            case "TITLE": card.title = nonEmpty(unescape(value))
            case "ROLE": if let role = nonEmpty(unescape(value)) { card.details.append(Detail(.custom, "Role", role)) }
            case "EMAIL":
                let address = unescape(value).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "mailto:", with: "")
                if !address.isEmpty { card.emails.append((address, label)) }
            case "TEL":
                let number = unescape(value).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "tel:", with: "")
                if !number.isEmpty { card.phones.append((number, label)) }
            case "BDAY":
                card.birthday = birthday(value, omittedYear: line.parameter("X-APPLE-OMIT-YEAR"))
                if card.birthday == nil, !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    card.warnings.append("the card at line \(start): BDAY '\(value)' is not a date from the year \(ValidRange.birthdayYears.lowerBound) (or --MM-DD); the birthday was left out")
                }
            case "ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY":
                card.details.append(Detail(.anniversary, nil, date(value, omittedYear: line.parameter("X-APPLE-OMIT-YEAR"))))
            case "X-ABDATE":
                let day = date(value, omittedYear: line.parameter("X-APPLE-OMIT-YEAR"))
                if label?.lowercased() == "anniversary" { card.details.append(Detail(.anniversary, nil, day)) }
                else { card.details.append(Detail(.event, label, day)) }
            case "NOTE": card.note = nonEmpty(unescape(value))
            case "CATEGORIES":
                card.categories += components(value, separator: ",").map(unescape).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "ADR":
                // post office box; extended; street; locality; region; postal code; country
                let parts = components(value, separator: ";").map(unescape).map { $0.replacingOccurrences(of: "\n", with: ", ") }
                let text = parts.compactMap(nonEmpty).joined(separator: ", ")
                if !text.isEmpty { addresses.append(Detail(.address, label, text)) }
            case "LABEL":
                let text = unescape(value).split(separator: "\n").compactMap { nonEmpty(String($0)) }.joined(separator: ", ")
                if !text.isEmpty { formattedAddresses.append(Detail(.address, label, text)) }
            case "URL":
                if let url = nonEmpty(unescape(value)) { card.details.append(Detail(.url, label, url)) }
            case "X-SOCIALPROFILE", "IMPP", "X-AIM", "X-ICQ", "X-JABBER", "X-MSN", "X-YAHOO", "X-SKYPE", "X-SKYPE-USERNAME",
                 "X-TWITTER", "X-GOOGLE-TALK", "X-GTALK", "X-QQ":
                let service = line.property.hasPrefix("X-") && line.property != "X-SOCIALPROFILE"
                    ? String(line.property.dropFirst(2)).lowercased() : label
                if let profile = nonEmpty(unescape(value)) { card.details.append(Detail(.social, service, profile)) }
            case "RELATED", "X-ABRELATEDNAMES", "X-SPOUSE", "X-MS-SPOUSE", "X-EVOLUTION-SPOUSE", "X-ASSISTANT", "X-MANAGER",
                 "X-MS-MANAGER", "X-EVOLUTION-MANAGER", "X-EVOLUTION-ASSISTANT":
                let relation = line.property.hasPrefix("X-") && line.property != "X-ABRELATEDNAMES"
                    ? String(line.property.split(separator: "-").last ?? "").lowercased() : label
                if let person = nonEmpty(unescape(value)) { card.details.append(Detail(.related, relation, person)) }
            case "KIND", "X-ADDRESSBOOKSERVER-KIND":
                if value.lowercased() == "group" || value.lowercased() == "org" {
                    return .failure(VCardProblem(line: start, message: notAPerson + "a \(value.lowercased()) card (KIND:\(value))"))
                }
            case "X-RAPPORT-FIELD":
                if let text = nonEmpty(unescape(value)) { card.details.append(Detail(.custom, label, text)) }
            case "UID": card.uid = nonEmpty(unescape(value))
            case "X-ABLABEL", "VERSION", "PRODID", "REV", "PHOTO", "LOGO", "SOUND", "KEY", "SOURCE", "X-PHONETIC-FIRST-NAME",
                 "X-PHONETIC-LAST-NAME", "SORT-STRING", "CLASS", "MAILER", "TZ", "GEO", "X-ABUID", "X-ABSHOWAS":
                break
            default:
                // A grouped property Apple labelled ("item3.X-CUSTOM" + "item3.X-ABLabel:Shoe size") is a custom field.
                if let group = line.group, let label = labels[group.uppercased()], let text = nonEmpty(unescape(value)) {
                    card.details.append(Detail(.custom, label, text))
                }
            }
        }
        // vCard 2.1/3.0 write an address twice (ADR and its LABEL): keep the LABEL only when there is no ADR.
        card.details += addresses.isEmpty ? formattedAddresses : addresses
        if card.name.isEmpty, let parts = structuredName {
            // N: family; given; additional; prefixes; suffixes
            let ordered = [parts.count > 3 ? parts[3] : "", parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "",
                           parts[0], parts.count > 4 ? parts[4] : ""]
            card.name = ordered.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        if card.name.isEmpty, let email = card.emails.first?.address { card.name = email }
        guard !card.name.isEmpty else {
            return .failure(VCardProblem(line: start, message: "a card without a name or an email (no FN, N or EMAIL)"))
        }
        return .success(card)
    }

    /// Apple's standard labels are wrapped: `_$!<HomePage>!$_` → "HomePage".
    static func appleLabel(_ text: String) -> String {
        guard text.hasPrefix("_$!<"), text.hasSuffix(">!$_") else { return text }
        return String(text.dropFirst(4).dropLast(4))
    }

    /// The colon that ends the property's name and parameters (not one inside a quoted parameter).
    static func colonIndex(_ line: [UInt8]) -> Int? {
        var quoted = false
        for (index, byte) in line.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: ":") && !quoted { return index }
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

    static func decodeQuotedPrintable(_ value: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte == UInt8(ascii: "="), index + 2 < value.count, let high = hexValue(value[index + 1]), let low = hexValue(value[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    static func decodeQuotedPrintable(_ value: String) -> String {
        String(decoding: decodeQuotedPrintable(Array(value.utf8)), as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// `1980-05-03`, `19800503`, `--0503`, `--05-03`, or with a time after
    /// `T`; the year Apple writes for "no year" (`X-APPLE-OMIT-YEAR=1604`) is dropped.
    /// Only ASCII digits (other scripts' digits are not read as numbers), and a
    /// year in `ValidRange.birthdayYears`; anything else is nil, never a guess.
    static func birthday(_ value: String, omittedYear: String? = nil) -> Birthday? {
        let text = value.split(separator: "T").first.map(String.init) ?? value
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }) else { return nil }
        if text.hasPrefix("--"), digits.count == 4, let month = Int(digits.prefix(2)), let day = Int(digits.suffix(2)) {
            return Birthday(year: nil, month: month, day: day)
        }
        guard digits.count == 8, let year = Int(digits.prefix(4)),
              let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2)) else { return nil }
        let omitted = omittedYear.flatMap { Int($0) } == year
        guard omitted || ValidRange.birthdayYears.contains(year) else { return nil }
        return Birthday(year: omitted ? nil : year, month: month, day: day)
    }

    /// A date as Rapport keeps it (`YYYY-MM-DD`, `--MM-DD`), or the text as given when it is not one.
    static func date(_ value: String, omittedYear: String?) -> String {
        birthday(value, omittedYear: omittedYear)?.description ?? unescape(value)
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
