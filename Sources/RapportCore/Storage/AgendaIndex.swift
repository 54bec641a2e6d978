import Foundation
import GRDB

/// The agenda kept as an index: one row per placement of every open item
/// (`Scheduler.placements`: its due day, the instant it becomes late, and
/// from when until when it is shown), so that `overdue`, `today` and
/// `upcoming` read only the rows they print, and `overdue --count` is one
/// range count.
///
/// How it stays true:
/// - Triggers (`dependencies`, the one list of what an item's placement
///   depends on) mark the candidates a change touches in `agendaDirty`,
///   whatever writes (a command, the front end, an import, undo).
/// - Every write transaction of the store ends with `refresh`, which
///   recomputes the marked candidates with the scheduler's own rules, in
///   the same transaction.
/// - What time alone changes needs no write: the queries compare with now.
///   A birthday's placements cover its next two occasions, so the index
///   holds for a year (`validUntil`); a write near that end rebuilds it.
/// - It is built for one time zone and one set of rules
///   (`agendaIndexState`); a reader in another zone, or before the moment
///   it was last pruned at, computes from the scheduler instead (correct,
///   slower) and never writes. So does a book upgraded by a command that
///   wrote nothing yet.
///
/// `rapport check` compares it with the scheduler; `--fix` rebuilds it.
enum AgendaIndex {
    /// Its tables: bookkeeping, not the user's book (never journaled for undo).
    static let tables: Set<String> = ["agendaEntry", "agendaDirty", "agendaIndexState"]

    /// How long a build holds: a birthday's second occasion is at least a
    /// year after the day it was built.
    static let coverageDays = 365
    /// A write this close to the end of the coverage rebuilds the index.
    static let renewalDays = 30

    /// The two reads (late by now; due from today to the horizon) are
    /// answered from covering indexes, without visiting the table.
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agendaEntry (
              kind TEXT NOT NULL,
              itemID INTEGER NOT NULL,
              source TEXT NOT NULL,
              dueDay TEXT NOT NULL,
              deadline DATETIME,
              shownFrom DATETIME,
              shownUntil DATETIME);
            CREATE INDEX agendaEntry_deadline ON agendaEntry(deadline, shownFrom, shownUntil, kind, source, itemID)
              WHERE deadline IS NOT NULL;
            CREATE INDEX agendaEntry_dueDay ON agendaEntry(dueDay, shownFrom, shownUntil, source, itemID);
            CREATE INDEX agendaEntry_source ON agendaEntry(source, itemID);
            CREATE TABLE agendaDirty (source TEXT NOT NULL, sourceID INTEGER NOT NULL);
            CREATE TABLE agendaIndexState (
              zone TEXT NOT NULL,
              rules TEXT NOT NULL,
              validFrom DATETIME NOT NULL,
              validUntil DATETIME NOT NULL);
            INSERT INTO agendaDirty VALUES ('*', 0);
            """)
    }

    // MARK: - What a placement depends on

    /// For each table, the candidates a changed row may move, as SELECTs of
    /// (source, id) where `R` is the row (NEW after an insert or update, OLD
    /// before a delete or update). A source is the table an item kind's
    /// reference points into (`ItemKindSpec.table`); `ref:` marks name a
    /// reference; `*setting` asks the refresh to compare the rules.
    static let dependencies: [(table: String, marks: [String])] = [
        ("followUp", ["SELECT 'followUp', R.id"]),
        ("thankYouNote", ["SELECT 'thankYouNote', R.id"]),
        // A meeting moved or called off moves its thank-you notes.
        ("meeting", ["SELECT 'meeting', R.id", "SELECT 'thankYouNote', id FROM thankYouNote WHERE meetingID = R.id"]),
        // Tier, cadences, favourite, archive, birthday, latest touch.
        ("contact", ["SELECT 'contact', R.id"]),
        // The last lunch held (a lunch touch).
        ("touch", ["SELECT 'contact', R.contactID"]),
        // A pending lunch holds its guests' lunch-due items back.
        ("lunch", ["SELECT 'lunch', R.id", "SELECT 'contact', contactID FROM lunchGuest WHERE lunchID = R.id"]),
        ("lunchGuest", ["SELECT 'lunch', R.lunchID", "SELECT 'contact', R.contactID"]),
        // A gift for a won deal settles its suggestion.
        ("gift", ["SELECT 'gift', R.id", "SELECT 'deal', R.dealID WHERE R.dealID IS NOT NULL"]),
        ("deal", ["SELECT 'deal', R.id"]),
        ("occasionSent", ["SELECT 'contact', R.contactID"]),
        // An anniversary is a contact detail.
        ("contactDetail", ["SELECT 'contact', R.contactID"]),
        ("itemSnooze", ["SELECT 'ref:' || R.ref, 0"]),
        ("setting", ["SELECT '*setting', 0"]),
    ]

    /// (Re)creates the triggers of `dependencies`: run after every migration.
    /// (A mark may be written twice: no unique key, because a trigger's
    /// `OR IGNORE` yields to the conflict clause of the statement that fired
    /// it, such as the settings' upsert.)
    static func installTriggers(_ db: Database) throws {
        guard try db.tableExists("agendaDirty") else { return }
        try dropTriggers(db)
        for (table, marks) in dependencies where try db.tableExists(table) {
            func body(_ row: String) -> String {
                marks.map { mark in
                    "INSERT INTO agendaDirty (source, sourceID) " + mark.replacingOccurrences(of: "R.", with: row + ".") + ";"
                }.joined(separator: " ")
            }
            try db.execute(sql: """
                CREATE TRIGGER "agenda_\(table)_insert" AFTER INSERT ON "\(table)" BEGIN \(body("NEW")) END;
                CREATE TRIGGER "agenda_\(table)_update" AFTER UPDATE ON "\(table)" BEGIN \(body("OLD")) \(body("NEW")) END;
                CREATE TRIGGER "agenda_\(table)_delete" BEFORE DELETE ON "\(table)" BEGIN \(body("OLD")) END;
                """)
        }
    }

    /// Drops the triggers (the book generator loads in bulk, then builds).
    static func dropTriggers(_ db: Database) throws {
        let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'agenda\\_%' ESCAPE '\\'")
        for name in existing { try db.execute(sql: "DROP TRIGGER \"\(name)\"") }
    }

    // MARK: - Keeping it

    /// The zone, rules and span the index was built for.
    struct State {
        var zone: String
        var rules: String
        var validFrom: Date
        var validUntil: Date

        static func fetch(_ db: Database) throws -> State? {
            try Row.fetchOne(db, sql: "SELECT zone, rules, validFrom, validUntil FROM agendaIndexState").map {
                State(zone: try $0.decode(atIndex: 0), rules: try $0.decode(atIndex: 1),
                      validFrom: try $0.decode(atIndex: 2), validUntil: try $0.decode(atIndex: 3))
            }
        }

        func save(_ db: Database) throws {
            try db.execute(sql: "DELETE FROM agendaIndexState")
            try db.execute(sql: "INSERT INTO agendaIndexState (zone, rules, validFrom, validUntil) VALUES (?, ?, ?, ?)",
                           arguments: [zone, rules, validFrom, validUntil])
        }
    }

    /// The rules as text, to tell whether the index was built with them.
    static func fingerprint(_ rules: SchedulerRules) -> String {
        RuleSettings.values(rules, onlyStatement: nil).map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
    }

    /// Recomputes what this transaction's changes marked; rebuilds the whole
    /// index when it was built for another zone, other rules, a later
    /// moment, or its coverage is ending. Called at the end of every write
    /// transaction of the store.
    static func refresh(_ store: RapportStore, _ db: Database) throws {
        guard try db.tableExists("agendaDirty") else { return }
        let now = store.clock.now, calendar = store.calendar
        let marks = try Row.fetchAll(db, sql: "SELECT DISTINCT source, sourceID FROM agendaDirty")
        let state = try State.fetch(db)
        var rebuild = state == nil || state!.zone != calendar.timeZone.identifier || now < state!.validFrom
            || now >= state!.validUntil.addingTimeInterval(-Double(renewalDays) * 86_400)
        if marks.isEmpty && !rebuild { return }
        let rules: SchedulerRules
        do {
            rules = try RuleSettings.load(db)
        } catch StoreError.corrupt {
            // A setting that cannot be read (it names itself to every reader):
            // no index until a write can read the rules again.
            try db.execute(sql: "DELETE FROM agendaIndexState; DELETE FROM agendaDirty; INSERT INTO agendaDirty VALUES ('*', 0)")
            return
        }
        if state?.rules != fingerprint(rules) { rebuild = true }
        try db.execute(sql: "DELETE FROM agendaDirty")
        if rebuild {
            try build(store, rules: rules, now: now, calendar: calendar, db)
            return
        }
        var sources: [String: Set<Int64>] = [:]
        for row in marks {
            var source: String = try row.decode(atIndex: 0), id: Int64 = try row.decode(atIndex: 1)
            if source == "*setting" { continue }
            if source.hasPrefix("ref:") {
                guard let ref = try? ItemRef(parsing: String(source.dropFirst(4))) else { continue }
                source = ref.kind.spec.table
                id = ref.id
            }
            sources[source, default: []].insert(id)
        }
        if sources.isEmpty { return }
        for (source, ids) in sources {
            try db.execute(sql: "DELETE FROM agendaEntry WHERE source = ? AND itemID IN (\(ids.map(String.init).joined(separator: ",")))",
                           arguments: [source])
        }
        try insertEntries(store, sources: sources, rules: rules, now: now, calendar: calendar, db)
        var kept = state!
        kept.validFrom = max(kept.validFrom, now)
        try kept.save(db)
    }

    /// Builds the whole index from the book, for `calendar`'s zone at `now`.
    static func build(_ store: RapportStore, rules: SchedulerRules, now: Date, calendar: LocalCalendar, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM agendaEntry")
        try db.execute(sql: "DELETE FROM agendaDirty")
        try insertEntries(store, sources: nil, rules: rules, now: now, calendar: calendar, db)
        let today = calendar.day(of: now)
        try State(zone: calendar.timeZone.identifier, rules: fingerprint(rules), validFrom: now,
                  validUntil: calendar.startOfDay(today.adding(days: coverageDays))).save(db)
    }

    /// One row of the index, as written.
    struct Entry: Hashable {
        var kind: ItemKind, itemID: Int64, dueDay: CivilDate, deadline: Date?, shownFrom: Date?, shownUntil: Date?

        /// How `check` names it.
        var description: String {
            func text(_ date: Date) -> String { (String.fromDatabaseValue(date.databaseValue) ?? "") + " UTC" }
            return "\(ItemRef(kind, itemID)) due \(dueDay.iso)" + (deadline.map { ", late from \(text($0))" } ?? ", never late")
                + (shownFrom.map { ", shown from \(text($0))" } ?? "") + (shownUntil.map { ", shown until \(text($0))" } ?? "")
        }
    }

    /// The placements of the candidates `sources` names (all: nil), leaving
    /// out those no longer shown at any moment from `now` on.
    static func entries(_ store: RapportStore, sources: [String: Set<Int64>]?, rules: SchedulerRules,
                        now: Date, calendar: LocalCalendar, _ db: Database) throws -> [Entry] {
        let scheduler = Scheduler(rules: rules, calendar: calendar)
        var scope = RapportStore.CandidateScope(window: scheduler.window(now: now, upcomingDays: 0), bounded: false)
        scope.sources = sources
        scope.notesBeforeTheirMeeting = true
        let today = calendar.day(of: now)
        var entries: [Entry] = []
        for candidate in try store.agendaCandidates(scope, rules: rules, db) {
            for placement in scheduler.placements(for: candidate, today: today) {
                if let until = placement.shownUntil, until <= now { continue }
                entries.append(Entry(kind: placement.kind, itemID: candidate.id, dueDay: placement.due.day(in: calendar),
                                     deadline: placement.deadline(in: calendar), shownFrom: placement.shownFrom,
                                     shownUntil: placement.shownUntil))
            }
        }
        return entries
    }

    private static func insertEntries(_ store: RapportStore, sources: [String: Set<Int64>]?, rules: SchedulerRules,
                                      now: Date, calendar: LocalCalendar, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO agendaEntry (kind, itemID, source, dueDay, deadline, shownFrom, shownUntil) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for entry in try entries(store, sources: sources, rules: rules, now: now, calendar: calendar, db) {
            try insert.execute(arguments: [entry.kind.rawValue, entry.itemID, entry.kind.spec.table, entry.dueDay,
                                           entry.deadline, entry.shownFrom, entry.shownUntil])
        }
    }

    /// How the index differs from the scheduler's placements at `now`, in
    /// the zone it was kept for: rows it has that the scheduler does not
    /// and rows it lacks. Empty when they agree. (Rows of items no longer
    /// shown at any moment from now on are not compared: they are dropped at
    /// the next write.)
    static func differences(_ store: RapportStore, now: Date, _ db: Database) throws -> [String] {
        guard try db.tableExists("agendaIndexState") else { return [] }
        guard let state = try State.fetch(db), let zone = TimeZone(identifier: state.zone) else {
            return ["the agenda index has not been built yet (a command that writes builds it)"]
        }
        let rules = try RuleSettings.load(db)
        var problems: [String] = []
        if state.rules != fingerprint(rules) { problems.append("the agenda index was built with other settings") }
        let calendar = LocalCalendar(timeZone: zone)
        // Placements shown only after the index's year are not its to hold.
        let expected = try entries(store, sources: nil, rules: rules, now: now, calendar: calendar, db)
            .filter { ($0.shownFrom ?? now) < state.validUntil }
        var stored: [Entry] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT kind, itemID, dueDay, deadline, shownFrom, shownUntil FROM agendaEntry
            WHERE (shownUntil IS NULL OR shownUntil > :now) AND (shownFrom IS NULL OR shownFrom < :validUntil)
            """, arguments: ["now": now, "validUntil": state.validUntil])
        while let row = try rows.next() {
            guard let kind = ItemKind(rawValue: row[0]) else { problems.append("the agenda index has a row of an unknown kind: \(row[0] as String? ?? "")"); continue }
            stored.append(Entry(kind: kind, itemID: row[1], dueDay: row[2], deadline: row[3], shownFrom: row[4], shownUntil: row[5]))
        }
        // Compared as the database holds them (instants to the millisecond).
        func key(_ entry: Entry) -> String { entry.description }
        var counts: [String: Int] = [:]
        for entry in stored { counts[key(entry), default: 0] += 1 }
        for entry in expected { counts[key(entry), default: 0] -= 1 }
        for (entry, count) in counts.sorted(by: { $0.key < $1.key }) where count != 0 {
            problems.append(count > 0 ? "agenda index has \(entry), the scheduler does not" : "agenda index lacks \(entry)")
        }
        return problems
    }

    // MARK: - Reading it

    /// Whether the index answers for `now` in `calendar`'s zone with `rules`.
    static func answers(now: Date, calendar: LocalCalendar, rules: SchedulerRules, _ db: Database) throws -> Bool {
        guard try db.tableExists("agendaIndexState"), let state = try State.fetch(db),
              state.zone == calendar.timeZone.identifier, state.validFrom <= now, now < state.validUntil,
              try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM agendaDirty)") == false,
              state.rules == fingerprint(rules) else { return false }
        return true
    }

    /// Shown at `now`: the condition every read adds.
    private static let shown = "(shownFrom IS NULL OR shownFrom <= :now) AND (shownUntil IS NULL OR shownUntil > :now)"

    /// The sources of the items shown in `window` (late, or due from today to the horizon).
    static func sourcesShown(in window: AgendaWindow, _ db: Database) throws -> [String: Set<Int64>] {
        var sources: [String: Set<Int64>] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT source, itemID FROM agendaEntry WHERE deadline <= :now AND \(shown)
            UNION
            SELECT source, itemID FROM agendaEntry WHERE dueDay BETWEEN :today AND :horizon AND \(shown)
            """, arguments: ["now": window.now, "today": window.today, "horizon": window.horizon])
        while let row = try rows.next() {
            sources[row[0], default: []].insert(row[1])
        }
        return sources
    }

    /// How many items are late at `now` (of `kinds`, nil: all).
    static func lateCount(now: Date, kinds: Set<ItemKind>?, _ db: Database) throws -> Int {
        let only = kinds.map { " AND kind IN (" + $0.map { "'\($0.rawValue)'" }.joined(separator: ",") + ")" } ?? ""
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM agendaEntry WHERE deadline <= :now AND \(shown)\(only)",
                                arguments: ["now": now]) ?? 0
    }
}

extension RapportStore {
    /// The agenda at `now`: read from the agenda index when it answers for
    /// this zone and these rules, else computed by the scheduler from the
    /// book — the same items either way.
    public func agenda(_ scheduler: Scheduler, now: Date, upcomingDays: Int = 7) throws -> Agenda {
        let window = scheduler.window(now: now, upcomingDays: upcomingDays)
        return try read { db in
            var scope = CandidateScope(window: window, bounded: true)
            if try AgendaIndex.answers(now: now, calendar: scheduler.calendar, rules: scheduler.rules, db) {
                let sources = try AgendaIndex.sourcesShown(in: window, db)
                if sources.isEmpty { return scheduler.agenda(for: [], in: window) }
                scope.bounded = false
                scope.sources = sources
            }
            return scheduler.agenda(for: try agendaCandidates(scope, rules: scheduler.rules, db), in: window)
        }
    }

    /// How many items are late at `now` (of `kinds`, nil: all): one count of
    /// the index when it answers, else the scheduler's overdue list.
    public func overdueCount(_ scheduler: Scheduler, now: Date, kinds: Set<ItemKind>? = nil) throws -> Int {
        let counted = try read { db in
            try AgendaIndex.answers(now: now, calendar: scheduler.calendar, rules: scheduler.rules, db)
                ? try AgendaIndex.lateCount(now: now, kinds: kinds, db) : nil
        }
        if let counted { return counted }
        let overdue = try agenda(scheduler, now: now, upcomingDays: 0).overdue
        return kinds.map { kinds in overdue.filter { kinds.contains($0.kind) }.count } ?? overdue.count
    }

    /// Whether the agenda index answers for `now` in `calendar` (for `check` and tests).
    public func agendaIndexAnswers(now: Date, calendar: LocalCalendar) throws -> Bool {
        try read { db in try AgendaIndex.answers(now: now, calendar: calendar, rules: try RuleSettings.load(db), db) }
    }

    /// How the agenda index differs from the scheduler (empty: it agrees).
    public func agendaIndexDifferences(now: Date) throws -> [String] {
        try read { db in try AgendaIndex.differences(self, now: now, db) }
    }

    /// Rebuilds the agenda index for this store's zone, at its clock's now.
    public func rebuildAgendaIndex() throws {
        try writer.write { db in
            guard try db.tableExists("agendaDirty") else { return }
            try AgendaIndex.build(self, rules: try RuleSettings.load(db), now: clock.now, calendar: calendar, db)
        }
    }
}
