import CSV
import Foundation

/// Contacts and agenda items as CSV for spreadsheets and scripts: a header
/// row, then one row each; fields with commas, quotes or newlines are quoted
/// (writing by yaslab/CSV.swift). A cell a spreadsheet would run as a formula
/// is written as text (see `guardFormula`). The contacts' columns are ones
/// `rapport import csv` reads back: an export imported into an empty book
/// gives the same contacts.
public enum CSVExport {
    /// The characters that make Excel and LibreOffice read a cell as a formula (OWASP's list).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell starting with one of `formulaStarts` gets a leading
    /// apostrophe, which spreadsheets show as text ("'=HYPERLINK(…)");
    /// `rapport import csv` removes it again.
    static func guardFormula(_ cell: String) -> String {
        guard let first = cell.first, formulaStarts.contains(first) || cell.unicodeScalars.first == "\r" else { return cell }
        return "'" + cell
    }

    /// One row per contact: every email and phone (numbered columns, as many as the contact with most has), tags, account,
    /// tier, cadences, birthday, what they need, want and care about, notes, and every detail.
    public static func contacts(_ cards: [VCard]) throws -> String {
        let emails = cards.map(\.emails.count).max() ?? 0, phones = cards.map(\.phones.count).max() ?? 0
        let details = cards.map(\.details.count).max() ?? 0
        var header = ["Name", "Nickname", "Account", "Department", "Job Title", "Tier", "Favourite", "Stay in touch days",
                      "Lunch cadence days", "Preferred channel", "Birthday", "Tags"]
        for n in stride(from: 1, through: emails, by: 1) { header += ["Email \(n)", "Email \(n) label"] }
        for n in stride(from: 1, through: phones, by: 1) { header += ["Phone \(n)", "Phone \(n) label"] }
        header += ["Needs", "Wants", "Cares about", "Dietary needs", "Family", "Interests", "Notes"]
        for n in stride(from: 1, through: details, by: 1) { header += ["Detail \(n) kind", "Detail \(n) label", "Detail \(n) value"] }
        return try write(header, cards.map { card in
            var row = [card.name, card.nickname ?? "", card.organisation ?? "", card.department ?? "", card.title ?? "",
                       card.tier?.rawValue ?? "", card.isFavourite == true ? "yes" : "", card.stayInTouchDays.map(String.init) ?? "",
                       card.lunchCadenceDays.map(String.init) ?? "", card.preferredChannel?.rawValue ?? "",
                       card.birthday?.description ?? "", card.categories.joined(separator: " ::: ")]
            for n in 0..<emails { row += n < card.emails.count ? [card.emails[n].address, card.emails[n].type ?? ""] : ["", ""] }
            for n in 0..<phones { row += n < card.phones.count ? [card.phones[n].number, card.phones[n].type ?? ""] : ["", ""] }
            row += [card.needs ?? "", card.wants ?? "", card.caresAbout ?? "", card.dietaryNeeds ?? "", card.family ?? "",
                    card.interests ?? "", card.note ?? ""]
            for n in 0..<details {
                row += n < card.details.count ? [card.details[n].kind.rawValue, card.details[n].label ?? "", card.details[n].value] : ["", "", ""]
            }
            return row
        })
    }

    public static func items(_ agenda: Agenda, calendar: LocalCalendar) throws -> String {
        try write(["id", "kind", "title", "detail", "contacts", "account", "due", "overdue", "overdue days"],
                  agenda.all.map { item in
                      [item.ref.description, item.kind.rawValue, item.title, item.detail ?? "",
                       item.contacts.map(\.name).joined(separator: "; "), item.account ?? "", AgendaText.iso(item.due, calendar: calendar),
                       item.isOverdue ? "yes" : "no", "\(item.overdueDays)"]
                  })
    }

    private static func write(_ header: [String], _ rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: header)
        for row in rows { try writer.write(row: row.map(guardFormula)) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
