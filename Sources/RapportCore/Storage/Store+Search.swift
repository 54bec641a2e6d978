import Foundation
import GRDB

/// One place a searched word was found.
public struct SearchHit: Hashable, Sendable {
    /// `@3`, `m2`, `i5`, `f1`, `l4`, `g2`.
    public var ref: String
    /// contact, meeting, call, email…, follow-up, lunch, gift.
    public var kind: String
    public var title: String
    /// The field it was found in ("notes", "outcome") and that field's text.
    public var field: String
    public var text: String
    /// When it happened or is due, for history and items.
    public var at: Due?
}

extension RapportStore {
    /// Finds `text` (by `SearchText`'s rule) in contacts' names and what the book
    /// knows about them, meetings' titles, research and outcomes, logged
    /// interactions, follow-ups, lunches and gifts: the newest first.
    public func search(_ text: String, limit: Int = 50) throws -> [SearchHit] {
        let query = SearchText.query(text)
        guard !query.isEmpty else { throw StoreError.invalid("say what to search for") }
        // (table, reference prefix, kind expression, title, date, the fields searched)
        let sources: [(table: String, prefix: String, kind: String, title: String, date: String, fields: [(String, String)])] = [
            ("contact", "@", "'contact'", "name", "NULL",
             [("name", "name"), ("nickname", "nickname"), ("notes", "notes"), ("needs", "needs"), ("wants", "wants"),
              ("cares about", "caresAbout"), ("interests", "interests"), ("family", "family"), ("dietary needs", "dietaryNeeds")]),
            ("meeting", "m", "'meeting'", "title", "startsAt",
             [("title", "title"), ("place", "place"), ("research", "prepNotes"), ("outcome", "outcomeNotes")]),
            ("interaction", "i", "kind", "title", "occurredAt", [("title", "title"), ("notes", "notes")]),
            ("followUp", "f", "'follow-up'", "title", "coalesce(dueAt, dueDay)", [("title", "title"), ("notes", "notes")]),
            ("lunch", "l", "'lunch'", "coalesce(place, 'Lunch')", "startsAt", [("place", "place"), ("notes", "notes")]),
            ("gift", "g", "'gift'", "description", "createdAt", [("description", "description"), ("occasion", "occasion")]),
        ]
        return try read { db in
            db.add(function: SearchText.function)
            var hits: [SearchHit] = []
            for source in sources {
                let matches = source.fields.map { SearchText.sqlCondition($0.1) }.joined(separator: " OR ")
                let which = "CASE " + source.fields.map { "WHEN " + SearchText.sqlCondition($0.1) + " THEN '\($0.0)'" }.joined(separator: " ") + " END"
                let value = "CASE " + source.fields.map { "WHEN " + SearchText.sqlCondition($0.1) + " THEN \($0.1)" }.joined(separator: " ") + " END"
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, \(source.kind), \(source.title), \(which), \(value), \(source.date)
                    FROM "\(source.table)" WHERE \(matches) ORDER BY id DESC LIMIT :limit
                    """, arguments: ["q": query, "limit": limit])
                for row in rows {
                    let id: Int64 = row[0]
                    // A day without a time (a date-only follow-up) stays a day.
                    let text: String? = row[5]
                    let date: Due? = text.flatMap { $0.count == 10 ? CivilDate(iso: $0).map(Due.day) : (row[5] as Date?).map(Due.instant) }
                    hits.append(SearchHit(ref: "\(source.prefix)\(id)", kind: row[1], title: row[2], field: row[3], text: row[4], at: date))
                }
            }
            // Contacts first, then history newest first.
            let utc = LocalCalendar(timeZone: TimeZone(identifier: "UTC")!)
            func key(_ hit: SearchHit) -> Date { hit.at.map { $0.deadline(in: utc) } ?? .distantFuture }
            return Array(hits.sorted { key($0) > key($1) }.prefix(limit))
        }
    }
}

