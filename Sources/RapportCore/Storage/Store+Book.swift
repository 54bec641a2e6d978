import Foundation
import GRDB

/// A contact as the book lists it.
public struct ContactRow: Hashable, Sendable {
    public var contact: Contact
    public var accountName: String?
    /// The latest touch that has happened.
    public var lastTouch: Date?
    /// Days between touches (their own or their tier's), if any.
    public var cadence: Int?
    /// The day a touch is due, when there is a cadence.
    public var touchDue: CivilDate?
    public var tags: [String]
    public var emails: [String]
}

/// Which contacts to list.
public struct ContactFilter: Sendable {
    public var tier: Tier?
    public var tag: String?
    /// The account named as a user types it (resolved by `NameResolver`).
    public var account: String?
    /// The account by id.
    public var accountID: Int64?
    /// Only contacts past their stay-in-touch cadence.
    public var cold = false
    /// Only favourites.
    public var favourites = false
    /// Names containing this (ignoring case and accents).
    public var search: String?
    /// Archived contacts instead of the others (which lists show by default).
    public var archived = false

    public init(tier: Tier? = nil, tag: String? = nil, account: String? = nil, accountID: Int64? = nil, cold: Bool = false,
                favourites: Bool = false, search: String? = nil) {
        self.tier = tier
        self.tag = tag
        self.account = account
        self.accountID = accountID
        self.cold = cold
        self.favourites = favourites
        self.search = search
    }
}

/// An account as the book lists it.
public struct AccountRow: Hashable, Sendable {
    public var account: Account
    /// The name of the segment the account is assigned to.
    public var segmentName: String?
    public var teamSize: Int
    public var openDeals: Int
    public var wonDeals: Int
    /// The latest touch with anyone on the team that has happened.
    public var lastTouch: Date?
}

/// One interaction with a contact, for a timeline.
public struct TimelineEntry: Hashable, Sendable {
    public var at: Date
    /// meeting, lunch, call, email, message, visit, note, other, gift, thank-you
    public var kind: String
    public var title: String
    /// What the entry is in the book, to show, edit or delete it.
    public var source: Source?
    /// The meeting's outcome, or the lunch's or the logged interaction's notes.
    public var notes: String?
    /// The other people it was with (or for), by name.
    public var people: [String] = []

    public enum Source: Hashable, Sendable {
        case meeting(Int64), lunch(Int64), interaction(Int64), gift(Int64), thankYou(Int64)

        /// Its reference, as `rapport edit` and `rapport search` write it: `m2`, `l4`, `i5`, `g2`, `t3`.
        public var ref: String {
            switch self {
            case .meeting(let id): return "m\(id)"
            case .lunch(let id): return "l\(id)"
            case .interaction(let id): return "i\(id)"
            case .gift(let id): return "g\(id)"
            case .thankYou(let id): return "t\(id)"
            }
        }
    }

    public init(at: Date, kind: String, title: String, source: Source? = nil, notes: String? = nil, people: [String] = []) {
        self.at = at
        self.kind = kind
        self.title = title
        self.source = source
        self.notes = notes
        self.people = people
    }

    /// Whether a search (`SearchText.query`) finds the entry: in its kind,
    /// its title (with the place), its notes and outcome or the names of
    /// the others it was with, by the rule `rapport search` applies.
    public func matches(_ query: String) -> Bool {
        ([kind, title, notes] + people).contains { SearchText.matches($0, query) }
    }
}

extension RapportStore {
    /// The contacts matching `filter`, by name.
    public func contactList(_ filter: ContactFilter, now: Date, scheduler: Scheduler) throws -> [ContactRow] {
        try read { db in
            var conditions: [String] = []
            var arguments: [String: (any DatabaseValueConvertible)?] = ["now": now]
            if let tier = filter.tier { conditions.append("c.tier = :tier"); arguments["tier"] = tier.rawValue }
            if let tag = filter.tag {
                conditions.append("c.id IN (SELECT contactID FROM contactTag WHERE tag = :tag)")
                arguments["tag"] = tag.trimmingCharacters(in: CharacterSet(charactersIn: "# "))
            }
            if let accountID = try filter.accountID ?? filter.account.map({ try RapportStore.resolveAccount($0, db).id! }) {
                conditions.append("c.accountID = :account")
                arguments["account"] = accountID
            }
            if filter.favourites { conditions.append("c.isFavourite") }
            conditions.append(filter.archived ? "c.archivedAt IS NOT NULL" : "c.archivedAt IS NULL")
            if let search = filter.search.map(NameMatcher.fold), !search.isEmpty {
                conditions.append("instr(c.searchName, :search) > 0")
                arguments["search"] = search
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.*, a.name AS accountName,
                       (SELECT max(at) FROM touch WHERE contactID = c.id AND at <= :now) AS lastTouch,
                       (SELECT group_concat(tag, char(31)) FROM contactTag WHERE contactID = c.id) AS tagList,
                       (SELECT group_concat(address, char(31)) FROM contactEmail WHERE contactID = c.id) AS emailList
                FROM contact c LEFT JOIN account a ON a.id = c.accountID
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY c.searchName, c.id
                """, arguments: StatementArguments(arguments))
            let today = scheduler.calendar.day(of: now)
            return try rows.compactMapReadable { row in
                let contact = try Contact(row: row)
                let cadence = scheduler.policy.cadence(ownDays: contact.stayInTouchDays, tier: contact.tier)
                let due = scheduler.policy.touchDue(lastTouch: contact.latestTouchAt, addedAt: contact.createdAt, cadence: cadence)
                if filter.cold, !(due.map { $0 < today } ?? false) { return nil }
                // After the contact's own columns: account name, last touch, tags, emails (unit-separated).
                let base = Contact.columnCount
                let tags = (row[base + 2] as String?)?.split(separator: "\u{1F}").map(String.init).sorted() ?? []
                let emails = (row[base + 3] as String?)?.split(separator: "\u{1F}").map(String.init) ?? []
                return ContactRow(contact: contact, accountName: row[base], lastTouch: row[base + 1],
                                  cadence: cadence, touchDue: due, tags: tags, emails: emails)
            }
        }
    }

    /// Every account, by name, with its team and deals.
    public func accountList(now: Date) throws -> [AccountRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, (SELECT name FROM segment WHERE id = a.segmentID) AS segmentName,
                       (SELECT count(*) FROM contact WHERE accountID = a.id) AS teamSize,
                       (SELECT count(*) FROM deal WHERE accountID = a.id AND stage = \(DealStage.open.sql)) AS openDeals,
                       (SELECT count(*) FROM deal WHERE accountID = a.id AND stage = \(DealStage.won.sql)) AS wonDeals,
                       (SELECT max(t.at) FROM contact c JOIN touch t ON t.contactID = c.id
                        WHERE c.accountID = a.id AND t.at <= ?) AS lastTouch
                FROM account a ORDER BY a.name COLLATE NOCASE
                """, arguments: [now]).compactMapReadable { row in
                AccountRow(account: try Account(row: row), segmentName: (try row.decode(forColumn: "segmentName")), teamSize: (try row.decode(forColumn: "teamSize")), openDeals: (try row.decode(forColumn: "openDeals")),
                           wonDeals: (try row.decode(forColumn: "wonDeals")), lastTouch: (try row.decode(forColumn: "lastTouch")))
            }
        }
    }

    /// A contact's interactions, newest first (booked meetings included).
    public func timeline(ofContact id: Int64, limit: Int = 100) throws -> [TimelineEntry] {
        try read { db in
            try RapportStore.touchHistory(ofContact: id, before: nil, limit: limit, db).map { touch in
                TimelineEntry(at: touch.at, kind: touch.kind, title: touch.title + (touch.place.map { " at \($0)" } ?? ""),
                              source: touch.source, notes: touch.outcome, people: touch.others)
            }
        }
    }

    /// What touched a contact, newest first: the one query for timelines and
    /// briefs. With `before`, only what has happened by then.
    static func touchHistory(ofContact id: Int64, before: Date?, limit: Int, _ db: Database) throws
        -> [(at: Date, kind: String, title: String, place: String?, outcome: String?, source: TimelineEntry.Source?, others: [String])] {
        // The others on the same meeting, lunch, logged interaction or gift, by name.
        func others(_ table: String, _ key: String) -> String {
            "(SELECT group_concat(c.name, char(31)) FROM \(table) x JOIN contact c ON c.id = x.contactID WHERE x.\(key) = t.\(key) AND x.contactID != t.contactID)"
        }
        return try Row.fetchAll(db, sql: """
            SELECT t.at, t.kind, i.kind AS interactionKind, t.meetingID, t.lunchID, t.interactionID, t.giftID, t.thankYouNoteID,
                   CASE
                     WHEN t.meetingID IS NOT NULL THEN m.title
                     WHEN t.lunchID IS NOT NULL THEN 'Lunch' || coalesce(' at ' || l.place, '')
                     WHEN t.interactionID IS NOT NULL THEN i.title
                     WHEN t.giftID IS NOT NULL THEN g.description
                     WHEN t.thankYouNoteID IS NOT NULL THEN 'Thank-you sent' || coalesce(' (' || n.channel || ')', '')
                   END AS title,
                   m.place AS meetingPlace,
                   CASE
                     WHEN t.meetingID IS NOT NULL THEN m.outcomeNotes
                     WHEN t.lunchID IS NOT NULL THEN l.notes
                     WHEN t.interactionID IS NOT NULL THEN i.notes
                   END AS outcome,
                   CASE
                     WHEN t.meetingID IS NOT NULL THEN \(others("meetingAttendee", "meetingID"))
                     WHEN t.lunchID IS NOT NULL THEN \(others("lunchGuest", "lunchID"))
                     WHEN t.interactionID IS NOT NULL THEN \(others("interactionContact", "interactionID"))
                     WHEN t.giftID IS NOT NULL THEN \(others("giftRecipient", "giftID"))
                   END AS others
            FROM touch t
            LEFT JOIN meeting m ON m.id = t.meetingID
            LEFT JOIN lunch l ON l.id = t.lunchID
            LEFT JOIN interaction i ON i.id = t.interactionID
            LEFT JOIN gift g ON g.id = t.giftID
            LEFT JOIN thankYouNote n ON n.id = t.thankYouNoteID
            WHERE t.contactID = :id\(before == nil ? "" : " AND t.at <= :before")
            ORDER BY t.at DESC, t.id DESC
            LIMIT :limit
            """, arguments: ["id": id, "before": before, "limit": limit]).compactMapReadable { row in
            let kind: String = (try row.decode(forColumn: "kind"))
            let ids: [Int64?] = try ["meetingID", "lunchID", "interactionID", "giftID", "thankYouNoteID"].map { try row.decode(forColumn: $0) }
            let source: TimelineEntry.Source? = ids[0].map { .meeting($0) } ?? ids[1].map { .lunch($0) } ?? ids[2].map { .interaction($0) }
                ?? ids[3].map { .gift($0) } ?? ids[4].map { .thankYou($0) }
            let at: Date = try row.decode(forColumn: "at")
            let interactionKind: String? = try row.decode(forColumn: "interactionKind")
            let title: String? = try row.decode(forColumn: "title")
            let place: String? = try row.decode(forColumn: "meetingPlace")
            let outcome: String? = try row.decode(forColumn: "outcome")
            let others: String? = try row.decode(forColumn: "others")
            return (at, kind == "interaction" ? interactionKind ?? kind : kind, title ?? "", place, outcome, source,
                    others.map { $0.split(separator: "\u{1F}").map(String.init).sorted() } ?? [])
        }
    }

    public func phones(ofContact id: Int64) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT number FROM contactPhone WHERE contactID = ? ORDER BY id", arguments: [id])
        }
    }
}

extension RapportStore {
    /// Every contact's name, in order: for completion.
    public func contactNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM contact ORDER BY searchName") }
    }

    /// Every account's name, in order: for completion.
    public func accountNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM account ORDER BY name COLLATE NOCASE") }
    }
}
