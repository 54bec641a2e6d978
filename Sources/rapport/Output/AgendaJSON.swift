import Foundation
import RapportCore

/// An agenda item as scripts read it (`--json`).
struct AgendaItemJSON: Encodable {
    var id: String
    var kind: String
    var title: String
    var detail: String?
    var contacts: [String]
    var contactIDs: [Int64]
    var account: String?
    /// ISO 8601: a date for date-only items, a date-time with offset for timed ones.
    var due: String
    var overdue: Bool
    var overdueDays: Int

    init(_ item: AgendaItem, calendar: LocalCalendar) {
        id = item.ref.description
        kind = item.kind.rawValue
        title = item.title
        detail = item.detail
        contacts = item.contacts.map(\.name)
        contactIDs = item.contacts.map(\.id)
        account = item.account
        due = AgendaText.iso(item.due, calendar: calendar)
        overdue = item.isOverdue
        overdueDays = item.overdueDays
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, detail, contacts, contactIDs, account, due, overdue, overdueDays
    }

    // Absent values are written as null, so every object has every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(detail, forKey: .detail)
        try container.encode(contacts, forKey: .contacts)
        try container.encode(contactIDs, forKey: .contactIDs)
        try container.encode(account, forKey: .account)
        try container.encode(due, forKey: .due)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(overdueDays, forKey: .overdueDays)
    }
}

/// Writes a value as JSON on standard output, safe to show on a terminal:
/// the encoder escapes C0 controls, and `JSONText.escapeInvisible` the rest.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var text = String(decoding: try encoder.encode(value), as: UTF8.self)
    // Empty arrays print as [] (JSON strings hold no raw newlines, so this touches no text).
    text = text.replacingOccurrences(of: #"\[\n\s*\n?\s*\]"#, with: "[]", options: .regularExpression)
    say(JSONText.escapeInvisible(text))
}
