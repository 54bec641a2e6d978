import Foundation

/// Writes contacts as vCard: 4.0 (RFC 6350), or 3.0 (RFC 2426) as Apple
/// and older Outlook read it. Every card has N, FN, UID and REV.
public enum VCardWriter {
    public enum Version: String, CaseIterable, Sendable {
        case v3 = "3.0", v4 = "4.0"
    }

    /// One card after another; CRLF line ends, folded at 75 octets.
    public static func write(_ cards: [VCard], version: Version = .v4) -> String {
        var lines: [String] = []
        for card in cards {
            lines += ["BEGIN:VCARD", "VERSION:" + version.rawValue, "PRODID:-//Rapport//Rapport//EN"]
            if let uid = card.uid { lines.append("UID:" + escape(uid)) }
            if let revision = card.revision { lines.append("REV:" + ICalendarWriter.utc(revision)) }
            lines.append("FN:" + escape(card.name))
            lines.append("N:" + structuredName(card.name).map(escape).joined(separator: ";"))
            if let nickname = card.nickname { lines.append("NICKNAME:" + escape(nickname)) }
            if card.organisation != nil || card.department != nil {
                lines.append("ORG:" + [card.organisation ?? "", card.department].compactMap { $0 }.map(escape).joined(separator: ";"))
            }
            if let title = card.title { lines.append("TITLE:" + escape(title)) }
            for email in card.emails { lines.append("EMAIL" + type(email.type, version) + ":" + escape(email.address)) }
            for phone in card.phones { lines.append("TEL" + type(phone.type, version) + ":" + escape(phone.number)) }
            if let birthday = card.birthday { lines.append(date("BDAY", birthday, version)) }
            var group = 0
            for detail in card.details {
                switch detail.kind {
                case .department: break // in ORG
                case .anniversary:
                    if let day = Birthday(text: detail.value) {
                        lines.append(date(version == .v4 ? "ANNIVERSARY" : "X-ANNIVERSARY", day, version))
                    } else {
                        group += 1
                        lines += ["item\(group).X-ABDATE:" + escape(detail.value), "item\(group).X-ABLabel:_$!<Anniversary>!$_"]
                    }
                case .address:
                    // The whole address as the street: Rapport keeps it as one text.
                    lines.append("ADR" + type(detail.label, version) + ":;;" + escape(detail.value) + ";;;;")
                case .url: lines.append("URL" + type(detail.label, version) + ":" + escape(detail.value))
                case .social: lines.append("X-SOCIALPROFILE" + type(detail.label, version) + ":" + escape(detail.value))
                case .event, .related, .custom:
                    // Apple's labelled fields, which Apple, Google and Rapport read back with their label.
                    group += 1
                    let property = detail.kind == .event ? "X-ABDATE" : detail.kind == .related ? "X-ABRELATEDNAMES" : "X-RAPPORT-FIELD"
                    lines.append("item\(group).\(property):" + escape(detail.value))
                    if let label = detail.label { lines.append("item\(group).X-ABLabel:" + escape(label)) }
                }
            }
            if let note = card.note { lines.append("NOTE:" + escape(note)) }
            if !card.categories.isEmpty { lines.append("CATEGORIES:" + card.categories.map(escape).joined(separator: ",")) }
            lines.append("END:VCARD")
        }
        return lines.map(ContentLine.fold).joined(separator: "\r\n") + (lines.isEmpty ? "" : "\r\n")
    }

    /// N from a display name: the last word the family name, the rest given names.
    static func structuredName(_ name: String) -> [String] {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return ["", name, "", "", ""] }
        return [words.last!, words.dropLast().joined(separator: " "), "", "", ""]
    }

    /// `;TYPE=work`: a label as a type, when it is one a parameter can hold.
    private static func type(_ label: String?, _ version: Version) -> String {
        guard let label, !label.isEmpty else { return "" }
        let safe = label.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " || $0 == "." }
        guard !safe.isEmpty else { return "" }
        let value = safe == label && !label.contains(" ") ? label : "\"" + safe + "\""
        return ";TYPE=" + (version == .v3 ? value.uppercased() : value.lowercased())
    }

    /// A date, year-less as each version allows: 4.0 `--MMDD`; 3.0 as Apple
    /// writes it, the year 1604 with `X-APPLE-OMIT-YEAR=1604`.
    private static func date(_ property: String, _ day: Birthday, _ version: Version) -> String {
        let md = String(format: "%02d-%02d", day.month, day.day)
        switch (version, day.year) {
        case (.v4, let year?): return property + ":" + String(format: "%04d", year) + md.replacingOccurrences(of: "-", with: "")
        case (.v4, nil): return property + ":--" + md.replacingOccurrences(of: "-", with: "")
        case (.v3, let year?): return property + ":" + String(format: "%04d-", year) + md
        case (.v3, nil): return property + ";X-APPLE-OMIT-YEAR=1604:1604-" + md
        }
    }

    /// Text escaped as vCard wants it, kept exact otherwise (a re-import gives it back).
    static func escape(_ value: String) -> String {
        ContentLine.escape(value, showingControls: false)
    }
}
