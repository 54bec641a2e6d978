import CSV
import Foundation

/// Contacts and agenda items as CSV for spreadsheets and scripts: a header
/// row, then one row each; fields with commas, quotes or newlines are quoted
/// (writing by yaslab/CSV.swift). Lists inside a field are separated by "; ".
public enum CSVExport {
    public static func contacts(_ rows: [ContactRow], calendar: LocalCalendar) throws -> String {
        try write(["id", "name", "nickname", "account", "title", "tier", "favourite", "emails", "tags", "cadence days",
                   "last touch", "touch due", "birthday", "needs", "wants", "cares about", "notes"],
                  rows.map { row in
                      let contact = row.contact
                      return ["\(contact.id!)", contact.name, contact.nickname ?? "", row.accountName ?? "", contact.title ?? "",
                              contact.tier?.rawValue ?? "", contact.isFavourite ? "yes" : "no", row.emails.joined(separator: "; "),
                              row.tags.joined(separator: "; "), row.cadence.map(String.init) ?? "",
                              row.lastTouch.map { AgendaText.iso(.instant($0), calendar: calendar) } ?? "", row.touchDue?.iso ?? "",
                              contact.birthday?.description ?? "", contact.needs ?? "", contact.wants ?? "", contact.caresAbout ?? "",
                              contact.notes ?? ""]
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
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
