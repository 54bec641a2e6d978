import Foundation
import GRDB

/// Where the book syncs to, as `rapport sync setup` found it. The password
/// is never here: only the command that prints it, when one was given.
public struct SyncSettings: Sendable, Equatable {
    public var server: String
    public var user: String?
    public var passwordCommand: String?
    public var calendarURL: String
    public var contactsURL: String
    public var includeNotes: Bool
    public var lastSync: Date?

    public init(server: String, user: String?, passwordCommand: String?, calendarURL: String, contactsURL: String,
                includeNotes: Bool, lastSync: Date? = nil) {
        self.server = server
        self.user = user
        self.passwordCommand = passwordCommand
        self.calendarURL = calendarURL
        self.contactsURL = contactsURL
        self.includeNotes = includeNotes
        self.lastSync = lastSync
    }
}

/// The two collections a book syncs to.
public enum SyncCollection: String, Sendable, Codable, DatabaseValueConvertible {
    case calendar, contacts

    /// The file name ending of its resources.
    public var fileExtension: String { self == .calendar ? "ics" : "vcf" }
}

/// One item as last sent: its UID, where it is, the server's ETag then,
/// what was sent and its hash.
public struct SyncMapping: Sendable, Equatable {
    public var uid: String
    public var collection: SyncCollection
    /// The item's reference (`f12`) or the contact's (`@5`).
    public var ref: String
    public var href: String
    public var etag: String?
    public var hash: String
    public var sent: String
    public var syncedAt: Date

    public init(uid: String, collection: SyncCollection, ref: String, href: String, etag: String?, hash: String, sent: String, syncedAt: Date) {
        self.uid = uid
        self.collection = collection
        self.ref = ref
        self.href = href
        self.etag = etag
        self.hash = hash
        self.sent = sent
        self.syncedAt = syncedAt
    }
}

/// What the book wants on the server for one UID.
public struct SyncTarget: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// This text (a calendar object or a vCard).
        case put(String)
        /// Nothing: the contact was deleted, merged or archived.
        case delete
    }

    public var uid: String
    public var collection: SyncCollection
    public var ref: String
    public var action: Action

    /// The hash of what would be sent (DTSTAMP left out: it changes on every write).
    public var hash: String? {
        guard case .put(let text) = action else { return nil }
        return SyncTarget.hash(text)
    }

    /// FNV-1a, 64 bits, over the text without its DTSTAMP lines.
    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in text.components(separatedBy: "\r\n") where !line.hasPrefix("DTSTAMP:") {
            for byte in line.utf8 + [10] {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
        }
        return String(value, radix: 16)
    }
}

/// A server's conflicting version, kept until dismissed.
public struct SyncConflict: Sendable, Equatable {
    public var id: Int64
    public var uid: String
    public var ref: String
    public var reason: String
    public var server: String
    public var at: Date
}

/// A change made on the server, to be made in the book.
public enum PulledChange: Sendable, Equatable {
    /// A to-do completed on the phone.
    case completed(ItemRef, at: Date)
    /// Deleted on the server, or marked cancelled there.
    case cancelled(ItemRef, reason: String)
    /// A to-do's due date or an event's start moved.
    case moved(ItemRef, to: Due)
    /// Emails and phone numbers added to a contact's card.
    case contactAdded(contactID: Int64, emails: [String], phones: [String])
}

/// What applying the server's changes did.
public struct PulledOutcome: Sendable, Equatable {
    /// Each change made, one line each: (UID, what happened).
    public var applied: [(uid: String, summary: String)] = []
    /// Each change refused by the book's own checks: (UID, why).
    public var refused: [(uid: String, reason: String)] = []

    public static func == (a: PulledOutcome, b: PulledOutcome) -> Bool {
        a.applied.map(\.uid) == b.applied.map(\.uid) && a.applied.map(\.summary) == b.applied.map(\.summary)
            && a.refused.map(\.uid) == b.refused.map(\.uid) && a.refused.map(\.reason) == b.refused.map(\.reason)
    }
}

extension RapportStore {
    // MARK: Settings

    public func syncSettings() throws -> SyncSettings? {
        try read { db in
            let values = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM syncSetting").map { ($0[0] as String, $0[1] as String) })
            guard let server = values["server"], let calendar = values["calendar"], let contacts = values["contacts"] else { return nil }
            return SyncSettings(server: server, user: values["user"], passwordCommand: values["password-command"],
                                calendarURL: calendar, contactsURL: contacts, includeNotes: values["include-notes"] == "yes",
                                lastSync: values["last-sync"].flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) })
        }
    }

    /// Saves where the book syncs to. A different server or collection
    /// starts afresh: the mapping of the old one means nothing there.
    public func saveSyncSettings(_ settings: SyncSettings) throws {
        try write { db in
            let old = try Row.fetchAll(db, sql: "SELECT key, value FROM syncSetting WHERE key IN ('calendar', 'contacts')")
                .map { "\($0[0] as String)=\($0[1] as String)" }.sorted()
            if old != ["calendar=\(settings.calendarURL)", "contacts=\(settings.contactsURL)"] {
                try db.execute(sql: "DELETE FROM syncItem")
                try db.execute(sql: "DELETE FROM syncSetting WHERE key = 'last-sync' OR key LIKE 'token %'")
            }
            let values: [(String, String?)] = [("server", settings.server), ("user", settings.user),
                                               ("password-command", settings.passwordCommand), ("calendar", settings.calendarURL),
                                               ("contacts", settings.contactsURL), ("include-notes", settings.includeNotes ? "yes" : "no")]
            for (key, value) in values {
                if let value {
                    try db.execute(sql: "INSERT INTO syncSetting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                   arguments: [key, value])
                } else {
                    try db.execute(sql: "DELETE FROM syncSetting WHERE key = ?", arguments: [key])
                }
            }
        }
    }

    /// A collection's sync-token (RFC 6578) from the last sync that finished, if any.
    public func syncToken(for collection: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM syncSetting WHERE key = ?", arguments: ["token " + collection]) }
    }

    public func setSyncToken(_ token: String?, for collection: String) throws {
        try write { db in
            if let token {
                try db.execute(sql: "INSERT INTO syncSetting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: ["token " + collection, token])
            } else {
                try db.execute(sql: "DELETE FROM syncSetting WHERE key = ?", arguments: ["token " + collection])
            }
        }
    }

    public func setLastSync(_ date: Date) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO syncSetting (key, value) VALUES ('last-sync', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [String(date.timeIntervalSince1970)])
        }
    }

    // MARK: The mapping

    public func syncMappings() throws -> [String: SyncMapping] {
        try read { db in
            var mappings: [String: SyncMapping] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT uid, collection, ref, href, etag, hash, sent, syncedAt FROM syncItem") {
                let mapping = SyncMapping(uid: row[0], collection: row[1], ref: row[2], href: row[3], etag: row[4], hash: row[5],
                                          sent: row[6], syncedAt: row[7])
                mappings[mapping.uid] = mapping
            }
            return mappings
        }
    }

    /// Records an item as sent; written at once after each request, so a
    /// sync killed midway resumes where it was.
    public func saveSyncMapping(_ mapping: SyncMapping) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO syncItem (uid, collection, ref, href, etag, hash, sent, syncedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(uid) DO UPDATE SET collection = excluded.collection, ref = excluded.ref, href = excluded.href,
                  etag = excluded.etag, hash = excluded.hash, sent = excluded.sent, syncedAt = excluded.syncedAt
                """, arguments: [mapping.uid, mapping.collection, mapping.ref, mapping.href, mapping.etag, mapping.hash,
                                 mapping.sent, mapping.syncedAt])
        }
    }

    public func removeSyncMapping(uid: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM syncItem WHERE uid = ?", arguments: [uid]) }
    }

    /// A new ETag for what the server holds, when it matches what was sent.
    public func updateSyncETag(uid: String, etag: String?) throws {
        try write { db in try db.execute(sql: "UPDATE syncItem SET etag = ? WHERE uid = ?", arguments: [etag, uid]) }
    }

    // MARK: Conflicts

    public func addSyncConflict(uid: String, ref: String, reason: String, server: String, at: Date) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO syncConflict (uid, ref, reason, server, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [uid, ref, reason, server, at])
        }
    }

    /// The conflicts not dismissed, oldest first.
    public func syncConflicts() throws -> [SyncConflict] {
        try read { db in
            guard try db.tableExists("syncConflict") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT id, uid, ref, reason, server, at FROM syncConflict WHERE dismissedAt IS NULL ORDER BY id")
                .map { SyncConflict(id: $0[0], uid: $0[1], ref: $0[2], reason: $0[3], server: $0[4], at: $0[5]) }
        }
    }

    /// Dismisses conflict `id` (it stays in the table, marked dismissed).
    public func dismissSyncConflict(_ id: Int64, at: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE syncConflict SET dismissedAt = ? WHERE id = ? AND dismissedAt IS NULL", arguments: [at, id])
            guard db.changesCount == 1 else { throw StoreError.notFound("no open conflict #\(id) (rapport sync status lists them)") }
        }
    }

    // MARK: What the book wants on the server

    /// The calendar's UID of an item: the same as the iCalendar export's.
    public static func itemUID(_ ref: ItemRef, book: String) -> String {
        "\(ref)-\(book)@rapport"
    }

    /// For every UID the book wants on the server, what it wants there:
    /// open items (overdue and the next `days`) as events and to-dos, in the
    /// user's zone; items sent before and finished since marked COMPLETED
    /// or CANCELLED; every contact not archived as a vCard (its notes only
    /// with `includeNotes`); the cards of contacts deleted, merged or
    /// archived since, deleted. Items sent before that are neither open in
    /// the window nor finished (put off, further ahead) are left as they are.
    public func syncTargets(now: Date, calendar: LocalCalendar, includeNotes: Bool, days: Int = 366,
                            mappings: [String: SyncMapping]) throws -> [SyncTarget] {
        let rules = try rules()
        let agenda = try Scheduler(rules: rules, calendar: calendar).agenda(from: self, now: now, upcomingDays: days)
        let details = try calendarDetails(for: agenda, since: now, now: now)
        var writer = ICalendarWriter(calendar: calendar, rules: rules)
        writer.localZone = calendar.timeZone
        var targets: [SyncTarget] = []
        var wanted = Set<String>()
        for item in agenda.all {
            let uid = RapportStore.itemUID(item.ref, book: details.bookID)
            wanted.insert(uid)
            let stamp = mappings[uid]?.syncedAt ?? now
            targets.append(SyncTarget(uid: uid, collection: .calendar, ref: item.ref.description,
                                      action: .put(writer.object(for: item, details: details, stamp: stamp, now: now))))
        }
        let finished = try read { db in
            try mappings.values.filter { $0.collection == .calendar && !wanted.contains($0.uid) }.compactMap { mapping -> SyncTarget? in
                guard let ref = try? ItemRef(parsing: mapping.ref) else { return nil }
                switch try RapportStore.finish(of: ref, db) {
                case .open: return nil
                case .done(let at):
                    return SyncTarget(uid: mapping.uid, collection: .calendar, ref: mapping.ref, action: .put(ICalendarWriter.marked(mapping.sent, completedAt: at)))
                case .cancelled:
                    return SyncTarget(uid: mapping.uid, collection: .calendar, ref: mapping.ref, action: .put(ICalendarWriter.marked(mapping.sent, completedAt: nil)))
                }
            }
        }
        targets += finished
        let archived = try read { db in Set(try Int64.fetchAll(db, sql: "SELECT id FROM contact WHERE archivedAt IS NOT NULL")) }
        var cards = Set<String>()
        for var card in try exportCards() {
            guard let uid = card.uid, let id = try contactID(uid: uid), !archived.contains(id) else { continue }
            if !includeNotes { card.note = nil }
            cards.insert(uid)
            targets.append(SyncTarget(uid: uid, collection: .contacts, ref: "@\(id)", action: .put(VCardWriter.write([card], version: .v3))))
        }
        for mapping in mappings.values where mapping.collection == .contacts && !cards.contains(mapping.uid) {
            targets.append(SyncTarget(uid: mapping.uid, collection: .contacts, ref: mapping.ref, action: .delete))
        }
        return targets
    }

    /// The contact a card's UID names, when it is one of this book's.
    func contactID(uid: String) throws -> Int64? {
        try read { db in
            let book = try RapportStore.bookID(db)
            return try Int64.fetchAll(db, sql: "SELECT id FROM contact").first { RapportStore.contactUID(book: book, contact: $0) == uid }
        }
    }

    enum Finish { case open, done(Date), cancelled }

    /// Whether an item sent before is still open, done (when), or will not happen.
    static func finish(of ref: ItemRef, _ db: Database) throws -> Finish {
        func dismissed() throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM itemSnooze WHERE ref = ? AND untilDay IS NULL)", arguments: [ref.description]) ?? false
        }
        switch ref.kind {
        case .followUp:
            guard let followUp = try FollowUp.fetchOne(db, key: ref.id) else { return .cancelled }
            switch followUp.state {
            case .open: return .open
            case .done: return .done(followUp.completedAt ?? Date())
            case .cancelled: return .cancelled
            }
        case .thankYou:
            guard let note = try ThankYouNote.fetchOne(db, key: ref.id) else { return .cancelled }
            switch note.state {
            case .owed: return .open
            case .sent: return .done(note.sentAt ?? Date())
            case .waived: return .cancelled
            }
        case .prep:
            guard let meeting = try Meeting.fetchOne(db, key: ref.id), meeting.cancelledAt == nil else { return .cancelled }
            if let done = meeting.prepDoneAt { return .done(done) }
            return try dismissed() ? .cancelled : .open
        case .meeting:
            guard let meeting = try Meeting.fetchOne(db, key: ref.id), meeting.cancelledAt == nil else { return .cancelled }
            return .open
        case .lunch:
            guard let lunch = try Lunch.fetchOne(db, key: ref.id), lunch.state != .cancelled, lunch.state != .declined else { return .cancelled }
            return .open
        case .gift:
            guard let gift = try Gift.fetchOne(db, key: ref.id) else { return .cancelled }
            if gift.state == .sent, let day = gift.sentOn {
                return .done(Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200))
            }
            return .open
        case .giftSuggestion:
            guard try Deal.fetchOne(db, key: ref.id) != nil else { return .cancelled }
            if let gift = try Gift.all().of(deal: ref.id).fetchOne(db) { return .done(gift.createdAt) }
            return try dismissed() ? .cancelled : .open
        case .stayInTouch, .lunchDue, .birthday, .anniversary:
            guard let contact = try Contact.fetchOne(db, key: ref.id), contact.archivedAt == nil else { return .cancelled }
            return .open
        }
    }

    // MARK: Pulling

    /// Makes the server's changes in the book, through the same operations
    /// as any other change, in one transaction: one change in the undo
    /// journal. A change the book's checks refuse is left out (and
    /// reported), the others made.
    public func applyPulled(_ changes: [(uid: String, change: PulledChange)], now: Date, calendar: LocalCalendar) throws -> PulledOutcome {
        guard !changes.isEmpty else { return PulledOutcome() }
        return try write { db in
            var outcome = PulledOutcome()
            for (uid, change) in changes {
                do {
                    var summary = ""
                    try db.inSavepoint {
                        summary = try RapportStore.apply(change, now: now, calendar: calendar, db)
                        return .commit
                    }
                    outcome.applied.append((uid, summary))
                } catch let error as StoreError {
                    outcome.refused.append((uid, error.description))
                }
            }
            return outcome
        }
    }

    static func apply(_ change: PulledChange, now: Date, calendar: LocalCalendar, _ db: Database) throws -> String {
        switch change {
        case .completed(let ref, let at):
            return "\(ref): " + (try complete(ref, now: min(at, now), calendar: calendar, db)).summary
        case .cancelled(let ref, let reason):
            return "\(ref): " + (try cancel(ref, reason: reason, now: now, db)).summary + " (\(reason))"
        case .moved(let ref, let due):
            let day = due.day(in: calendar)
            let time: LocalTime? = if case .instant(let instant) = due { calendar.time(of: instant) } else { nil }
            let text = DateText.due(due, in: calendar, relativeToYear: calendar.day(of: now).year)
            switch ref.kind {
            case .followUp:
                _ = try snoozeFollowUp(id: ref.id, to: day, time: time, calendar: calendar, db)
                return "\(ref): follow-up moved to \(text)"
            case .meeting:
                guard case .instant(let start) = due else { throw StoreError.invalid("meeting \(ref) needs a start time, not a whole day") }
                _ = try editMeeting(id: ref.id, MeetingEdit(startsAt: start), now: now, db)
                return "\(ref): meeting moved to \(text)"
            default:
                if case .moves(let move) = ref.kind.spec.snooze {
                    return "\(ref): " + (try move(ref, day, time, calendar, db))
                }
                if ref.kind == .prep, let meeting = try Meeting.fetchOne(db, key: ref.id), day > calendar.day(of: meeting.startsAt) {
                    throw StoreError.invalid("preparation \(ref) cannot be due after its meeting (\(DateText.due(.instant(meeting.startsAt), in: calendar, relativeToYear: day.year)))")
                }
                guard case .putsOff = ref.kind.spec.snooze else { throw StoreError.invalid("\(ref) cannot be moved") }
                guard day > calendar.day(of: now) else {
                    throw StoreError.invalid("\(ref) can only be put off to a day after today, not \(DateText.shortDay(day))")
                }
                try putOff(ref, to: day, db)
                return "\(ref): \(ref.kind.label) put off to \(text)"
            }
        case .contactAdded(let id, let emails, let phones):
            let contact = try editContact(id: id, now: now, extras: ContactExtras(addEmails: emails, addPhones: phones), { _ in }, db)
            let added = (emails + phones).map { TerminalText.safe($0) }.joined(separator: ", ")
            return "@\(id): \(contact.name) gained \(added)"
        }
    }
}
