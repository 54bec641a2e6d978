import GRDB

/// The database schema, as a list of migrations. A migration, once released,
/// never changes: a change to the schema is a new migration appended here.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: book, meetings, follow-ups, touches") { db in
            try createV1(db)
        }
        migrator.registerMigration("v2: segments, lunch costs") { db in
            try createV2(db)
        }
        migrator.registerMigration("v3b: search keys fold transliterations, lunches by creation") { db in
            try migrateV3b(db)
        }
        migrator.registerMigration("v3c: deal qualification, ONLY statements") { db in
            try createV3c(db)
        }
        migrator.registerMigration("v3d: book identity, contact details for interop") { db in
            try createV3D(db)
        }
        migrator.registerMigration("v3e: workflow (archive, merges, undo journal, birthdays, holidays)") { db in
            try createV3e(db)
        }
        migrator.registerMigration("v4: agenda index") { db in
            try AgendaIndex.createTables(db)
        }
        migrator.registerMigration("v4s: sync mapping and conflicts") { db in
            try SyncTables.create(db)
        }
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "account") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("segment", .text)
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "contact") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("nickname", .text)
            t.belongsTo("account", onDelete: .setNull)
            t.column("title", .text)
            t.column("tier", .text).check { ["A", "B", "C"].contains($0) }
            t.column("isFavourite", .boolean).notNull().defaults(to: false)
            t.column("stayInTouchDays", .integer).check { $0 > 0 }
            t.column("lunchCadenceDays", .integer).check { $0 > 0 }
            t.column("preferredChannel", .text)
            t.column("needs", .text)
            t.column("wants", .text)
            t.column("caresAbout", .text)
            t.column("dietaryNeeds", .text)
            t.column("family", .text)
            t.column("interests", .text)
            t.column("birthday", .text)
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("latestTouchAt", .datetime)
            t.column("searchName", .text).notNull().indexed()
        }
        // The few favourites with a lunch cadence, for the agenda's lunch rule.
        try db.create(index: "contact_lunchCadence", on: "contact", columns: ["lunchCadenceDays"],
                      condition: Column("isFavourite") && Column("lunchCadenceDays") != nil)
        try db.create(table: "contactEmail") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.column("address", .text).notNull().collate(.nocase).indexed()
            t.column("label", .text)
        }
        try db.create(table: "contactPhone") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.column("number", .text).notNull()
            t.column("label", .text)
        }
        try db.create(table: "contactTag") { t in
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.column("tag", .text).notNull().collate(.nocase).indexed()
            t.primaryKey(["contactID", "tag"])
        }
        try db.create(table: "deal") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("title", .text).notNull()
            t.column("stage", .text).notNull().defaults(to: "open")
            t.column("buyerTeamSize", .integer).check { $0 >= 0 }
            t.column("closedOn", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "deal_won", on: "deal", columns: ["closedOn"], condition: Column("stage") == "won")

        try db.create(table: "meeting") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("startsAt", .datetime).notNull().indexed()
            t.column("endsAt", .datetime)
            t.column("place", .text)
            t.belongsTo("account", onDelete: .setNull)
            t.column("prepNotes", .text)
            t.column("outcomeNotes", .text)
            t.column("prepDoneAt", .datetime)
            t.column("cancelledAt", .datetime)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "meetingAttendee") { t in
            t.belongsTo("meeting", onDelete: .cascade).notNull()
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.primaryKey(["meetingID", "contactID"])
        }
        try db.create(table: "thankYouNote") { t in
            t.autoIncrementedPrimaryKey("id")
            // A note for a meeting is due after it; one added by itself has its own day.
            t.belongsTo("meeting", onDelete: .cascade)
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.column("reason", .text)
            t.column("dueDay", .text)
            t.check(sql: "meetingID IS NOT NULL OR dueDay IS NOT NULL")
            t.column("state", .text).notNull().defaults(to: "owed")
            t.column("sentAt", .datetime)
            t.column("channel", .text)
            t.column("waivedReason", .text)
            t.column("createdAt", .datetime).notNull()
            t.uniqueKey(["meetingID", "contactID"])
        }
        // The agenda reads only what is still owed: a partial index keeps that
        // query proportional to the open notes, not to the history.
        try db.create(index: "thankYouNote_owed", on: "thankYouNote", columns: ["meetingID"],
                      condition: Column("state") == "owed")

        try db.create(table: "lunch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("startsAt", .datetime).indexed()
            t.column("place", .text)
            t.belongsTo("account", onDelete: .setNull)
            t.column("state", .text).notNull().defaults(to: "offered")
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
        }
        // Lunches still to happen: the agenda's lunch query reads only these.
        try db.create(index: "lunch_pending", on: "lunch", columns: ["startsAt"],
                      condition: ["offered", "accepted"].contains(Column("state")))
        try db.create(table: "lunchGuest") { t in
            t.belongsTo("lunch", onDelete: .cascade).notNull()
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.primaryKey(["lunchID", "contactID"])
        }
        try db.create(table: "gift") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("account", onDelete: .setNull)
            t.belongsTo("deal", onDelete: .setNull)
            t.column("occasion", .text).notNull()
            t.column("description", .text).notNull()
            t.column("costMinorUnits", .integer)
            t.column("currency", .text)
            t.column("state", .text).notNull().defaults(to: "idea")
            t.column("sendBy", .text)
            t.column("sentOn", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "gift_pending", on: "gift", columns: ["sendBy"],
                      condition: Column("state") != "sent" && Column("sendBy") != nil)
        try db.create(table: "giftRecipient") { t in
            t.belongsTo("gift", onDelete: .cascade).notNull()
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.primaryKey(["giftID", "contactID"])
        }
        try db.create(table: "followUp") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("dueDay", .text).notNull()
            t.column("dueAt", .datetime)
            t.column("originalDueDay", .text).notNull()
            t.column("originalDueAt", .datetime)
            t.column("snoozeCount", .integer).notNull().defaults(to: 0)
            t.column("recurrence", .text)
            t.column("seriesID", .integer).references("followUp", onDelete: .setNull)
            t.column("state", .text).notNull().defaults(to: "open")
            t.column("completedAt", .datetime)
            t.belongsTo("account", onDelete: .setNull)
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "followUp_open", on: "followUp", columns: ["dueDay"],
                      condition: Column("state") == "open")
        try db.create(table: "followUpContact") { t in
            t.belongsTo("followUp", onDelete: .cascade).notNull()
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.primaryKey(["followUpID", "contactID"])
        }
        try db.create(table: "interaction") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("occurredAt", .datetime).notNull().indexed()
            t.column("title", .text).notNull()
            t.column("notes", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "interactionContact") { t in
            t.belongsTo("interaction", onDelete: .cascade).notNull()
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.primaryKey(["interactionID", "contactID"])
        }
        try db.create(table: "touch") { t in
            t.autoIncrementedPrimaryKey("id")
            // Indexed below with the instant (touch_contact_at), not alone.
            t.column("contactID", .integer).notNull().references("contact", onDelete: .cascade)
            t.column("at", .datetime).notNull()
            t.column("kind", .text).notNull()
            t.belongsTo("meeting", onDelete: .cascade)
            t.belongsTo("lunch", onDelete: .cascade)
            t.belongsTo("interaction", onDelete: .cascade)
            t.belongsTo("gift", onDelete: .cascade)
            t.belongsTo("thankYouNote", onDelete: .cascade)
        }
        try db.create(index: "touch_contact_at", on: "touch", columns: ["contactID", "at"])
        // Agenda items put off to a later day, or dismissed (untilDay NULL),
        // by their reference ("s7", "gd3"); follow-ups move their own due date instead.
        try db.create(table: "itemSnooze") { t in
            t.primaryKey("ref", .text)
            t.column("untilDay", .text)
            t.column("count", .integer).notNull().defaults(to: 1)
        }
        try db.execute(sql: touchTriggers)
    }

    /// Segments become records of their own (rated, assigned to accounts);
    /// the free-text segment names of v1 become segments. Lunches get a cost.
    /// Contacts' search keys are recomputed with `NameMatcher.fold`, which
    /// now also folds transliterations ("Mueller" and "Müller" share a key).
    private static func migrateV3b(_ db: Database) throws {
        // The report reads the lunches offered in a period by this index (it scanned them all).
        try db.create(index: "lunch_createdAt", on: "lunch", columns: ["createdAt"])
        let rows = try Row.fetchAll(db, sql: "SELECT id, name, nickname FROM contact")
        let update = try db.makeStatement(sql: "UPDATE contact SET searchName = ? WHERE id = ?")
        for row in rows {
            try update.execute(arguments: [Contact.searchKey(name: row[1], nickname: row[2]), row[0] as Int64])
        }
    }

    private static func createV2(_ db: Database) throws {
        try db.create(table: "segment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("notes", .text)
            for axis in ["attractiveness", "competitiveness", "appealToBuyers"] {
                t.column(axis, .integer).check { $0 >= 1 && $0 <= 5 }
            }
            t.column("createdAt", .datetime).notNull()
        }
        try db.alter(table: "account") { t in
            t.add(column: "segmentID", .integer).references("segment", onDelete: .setNull)
        }
        try db.execute(sql: """
            INSERT INTO segment (name, createdAt)
              SELECT trim(segment), min(createdAt) FROM account
              WHERE trim(coalesce(segment, '')) != '' GROUP BY trim(segment) COLLATE NOCASE ORDER BY min(id);
            UPDATE account SET segmentID = (SELECT id FROM segment WHERE name = trim(account.segment))
              WHERE segment IS NOT NULL;
            ALTER TABLE account DROP COLUMN segment;
            """)
        try db.create(index: "account_segment", on: "account", columns: ["segmentID"])
        try db.alter(table: "lunch") { t in
            t.add(column: "costMinorUnits", .integer)
            t.add(column: "currency", .text)
        }
        // The report card reads a period's worth of each: these keep it
        // proportional to the period, not to the history.
        // With the contact, so that counting a period's touches reads the index alone.
        try db.create(index: "touch_at", on: "touch", columns: ["at", "contactID"])
        // A favourite's latest lunch in one step, however many lunches they had.
        try db.create(index: "touch_lunch", on: "touch", columns: ["contactID", "kind", "at"], condition: Column("kind") == "lunch")
        try db.create(index: "thankYouNote_sentAt", on: "thankYouNote", columns: ["sentAt"], condition: Column("sentAt") != nil)
        try db.create(index: "followUp_originalDueDay", on: "followUp", columns: ["originalDueDay"])
        try db.create(index: "gift_sentOn", on: "gift", columns: ["sentOn"], condition: Column("sentOn") != nil)
        try db.create(index: "deal_closedOn", on: "deal", columns: ["closedOn"], condition: Column("closedOn") != nil)
        try db.create(index: "thankYouNote_dueDay", on: "thankYouNote", columns: ["dueDay"], condition: Column("dueDay") != nil)
    }

    /// Deals qualified for mutual benefit: what the client wins, what we win,
    /// a fit from 1 to 5, and why a deal was lost or not a fit. Each segment
    /// gets its ONLY statement (the book's is a setting).
    private static func createV3c(_ db: Database) throws {
        try db.alter(table: "deal") { t in
            t.add(column: "theirWin", .text)
            t.add(column: "ourWin", .text)
            t.add(column: "fit", .integer).check { $0 >= 1 && $0 <= 5 }
            t.add(column: "closeReason", .text)
        }
        try db.alter(table: "segment") { t in
            t.add(column: "onlyStatement", .text)
        }
    }

    /// Each book gets an identifier of its own (random, kept in `setting`
    /// as `book-id`) that exported UIDs embed, so two books never share one.
    /// Contacts get the details other tools export and Rapport has no column
    /// for: department, addresses, web pages and profiles, anniversaries and
    /// custom labelled fields.
    private static func createV3D(_ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES ('book-id', lower(hex(randomblob(16))))")
        try db.create(table: "contactDetail") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull().check { ["department", "address", "url", "social", "anniversary", "event", "related", "custom"].contains($0) }
            t.column("label", .text)
            t.column("value", .text).notNull()
        }
    }

    /// Contacts can be archived (kept, hidden from lists and cadences) and
    /// merged (the other's id then means the kept one). The undo journal
    /// keeps every change to the book with the rows as they were before
    /// (its triggers follow the tables: `UndoJournal.installTriggers`). A
    /// birthday or anniversary card sent is remembered by the year it was for.
    private static func createV3e(_ db: Database) throws {
        try db.alter(table: "contact") { t in
            t.add(column: "archivedAt", .datetime)
        }
        // The few contacts with a birthday, for the agenda's birthday rule.
        try db.create(index: "contact_birthday", on: "contact", columns: ["birthday"], condition: Column("birthday") != nil)
        try db.create(table: "mergedContact") { t in
            t.primaryKey("id", .integer)
            t.belongsTo("keep", inTable: "contact", onDelete: .cascade).notNull()
            t.column("mergedAt", .datetime).notNull()
        }
        try db.create(table: "occasionSent") { t in
            t.belongsTo("contact", onDelete: .cascade).notNull()
            t.column("occasion", .text).notNull().check { ["birthday", "anniversary"].contains($0) }
            t.column("year", .integer).notNull()
            t.column("sentAt", .datetime).notNull()
            t.primaryKey(["contactID", "occasion", "year"])
        }
        try UndoJournal.createTables(db)
    }

    /// contact.latestTouchAt follows the touch table, whatever writes it.
    /// (The book generator drops these while it bulk-loads, then recomputes.)
    static let touchTriggers = """
            CREATE TRIGGER touch_inserted AFTER INSERT ON touch BEGIN
              UPDATE contact SET latestTouchAt = NEW.at
              WHERE id = NEW.contactID AND (latestTouchAt IS NULL OR latestTouchAt < NEW.at);
            END;
            CREATE TRIGGER touch_deleted AFTER DELETE ON touch BEGIN
              UPDATE contact SET latestTouchAt = (SELECT max(at) FROM touch WHERE contactID = OLD.contactID)
              WHERE id = OLD.contactID;
            END;
            CREATE TRIGGER touch_updated AFTER UPDATE OF at, contactID ON touch BEGIN
              UPDATE contact SET latestTouchAt = (SELECT max(at) FROM touch WHERE contactID = OLD.contactID)
              WHERE id = OLD.contactID;
              UPDATE contact SET latestTouchAt = (SELECT max(at) FROM touch WHERE contactID = NEW.contactID)
              WHERE id = NEW.contactID;
            END;
            """
}
