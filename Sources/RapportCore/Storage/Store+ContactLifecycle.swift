import Foundation
import GRDB

/// What merging two contacts did.
public struct ContactMerge: Sendable, Equatable {
    public var kept: Contact
    public var mergedName: String
    /// Rows that now belong to the kept contact, by table ("touch": 12).
    public var moved: [String: Int]
    /// Rows the kept contact already had an equal of (the same tag, the same meeting), dropped.
    public var duplicates: Int
}

/// What deleting a contact removed.
public struct ContactDeletion: Sendable, Equatable {
    public var name: String
    /// Items that were only theirs, deleted with them ("f3", "l2").
    public var itemsDeleted: [String]
}

/// The items still open for a contact: what a delete would drop.
public struct OpenItems: Sendable, Equatable {
    public var refs: [ItemRef]
    public var isEmpty: Bool { refs.isEmpty }
}

extension RapportStore {
    // MARK: Merge

    /// Merges `other` into `keep`, in one transaction: every row of the book
    /// that names `other` (emails, phones, tags, meetings, notes owed,
    /// lunches, gifts, follow-ups, interactions, touches, details) names
    /// `keep` instead; `keep`'s empty fields take `other`'s, notes are joined;
    /// `other` is deleted and its id (`@12`) means `keep` from then on.
    public func mergeContact(_ otherID: Int64, into keepID: Int64, now: Date) throws -> ContactMerge {
        guard otherID != keepID else { throw StoreError.invalid("a contact cannot be merged into itself") }
        return try write { db in
            guard try Contact.exists(db, key: keepID) else { throw StoreError.notFound("no contact @\(keepID)") }
            guard let other = try Contact.fetchOne(db, key: otherID) else { throw StoreError.notFound("no contact @\(otherID)") }
            var moved: [String: Int] = [:], duplicates = 0
            for (table, column) in try RapportStore.contactReferences(db) {
                let quotedTable = "\"\(table)\"", quotedColumn = "\"\(column)\""
                try db.execute(sql: "UPDATE OR IGNORE \(quotedTable) SET \(quotedColumn) = ? WHERE \(quotedColumn) = ?", arguments: [keepID, otherID])
                if db.changesCount > 0 { moved[table, default: 0] += db.changesCount }
                try db.execute(sql: "DELETE FROM \(quotedTable) WHERE \(quotedColumn) = ?", arguments: [otherID])
                duplicates += db.changesCount
            }
            // Read after the moves: the touches moved have updated its latest touch.
            var keep = try Contact.fetchOne(db, key: keepID)!
            RapportStore.fill(&keep, from: other)
            keep.updatedAt = now
            keep.searchName = Contact.searchKey(name: keep.name, nickname: keep.nickname)
            try keep.update(db)
            try Contact.deleteOne(db, key: otherID)
            try db.execute(sql: "INSERT INTO mergedContact (id, keepID, mergedAt) VALUES (?, ?, ?)", arguments: [otherID, keepID, now])
            return ContactMerge(kept: try Contact.fetchOne(db, key: keepID) ?? keep, mergedName: other.name,
                                moved: moved, duplicates: duplicates)
        }
    }

    /// Every (table, column) whose foreign key names a contact, read from the schema.
    private static func contactReferences(_ db: Database) throws -> [(String, String)] {
        var result: [(String, String)] = []
        for table in try bookTables(db) {
            for key in try db.foreignKeys(on: table) where key.destinationTable == "contact" {
                for mapping in key.mapping { result.append((table, mapping.origin)) }
            }
        }
        return result
    }

    /// The kept contact's empty fields take the other's; both notes are kept.
    private static func fill(_ keep: inout Contact, from other: Contact) {
        keep.nickname = keep.nickname ?? other.nickname
        keep.accountID = keep.accountID ?? other.accountID
        keep.title = keep.title ?? other.title
        keep.tier = [keep.tier, other.tier].compactMap { $0 }.min()
        keep.isFavourite = keep.isFavourite || other.isFavourite
        keep.stayInTouchDays = keep.stayInTouchDays ?? other.stayInTouchDays
        keep.lunchCadenceDays = keep.lunchCadenceDays ?? other.lunchCadenceDays
        keep.preferredChannel = keep.preferredChannel ?? other.preferredChannel
        func joined(_ a: String?, _ b: String?) -> String? {
            guard let a, !a.isEmpty else { return b }
            guard let b, !b.isEmpty, b != a else { return a }
            return a + "\n" + b
        }
        keep.needs = joined(keep.needs, other.needs)
        keep.wants = joined(keep.wants, other.wants)
        keep.caresAbout = joined(keep.caresAbout, other.caresAbout)
        keep.dietaryNeeds = joined(keep.dietaryNeeds, other.dietaryNeeds)
        keep.family = joined(keep.family, other.family)
        keep.interests = joined(keep.interests, other.interests)
        keep.notes = joined(keep.notes, other.notes)
        keep.birthday = keep.birthday ?? other.birthday
        keep.createdAt = min(keep.createdAt, other.createdAt)
        keep.archivedAt = keep.archivedAt == nil || other.archivedAt == nil ? nil : keep.archivedAt
    }

    /// The contact a merged-away id now means, or nil.
    static func mergedInto(_ id: Int64, _ db: Database) throws -> Contact? {
        guard try db.tableExists("mergedContact"),
              let keep = try Int64.fetchOne(db, sql: "SELECT keepID FROM mergedContact WHERE id = ?", arguments: [id]) else { return nil }
        return try Contact.fetchOne(db, key: keep)
    }

    // MARK: Delete

    /// The items still open for contact `id` at `now`: follow-ups, notes
    /// owed, lunches offered or accepted, gifts planned, meetings to come.
    public func openItems(ofContact id: Int64, now: Date) throws -> OpenItems {
        try read { db in try RapportStore.openItems(ofContact: id, now: now, db) }
    }

    static func openItems(ofContact id: Int64, now: Date, _ db: Database) throws -> OpenItems {
        var refs: [ItemRef] = []
        func add(_ kind: ItemKind, _ sql: String, _ arguments: StatementArguments = []) throws {
            refs += try Int64.fetchAll(db, sql: sql, arguments: [id] + arguments).map { ItemRef(kind, $0) }
        }
        try add(.followUp, """
            SELECT f.id FROM followUp f JOIN followUpContact c ON c.followUpID = f.id
            WHERE c.contactID = ? AND f.state = \(FollowUpState.open.sql) ORDER BY f.id
            """)
        try add(.thankYou, "SELECT id FROM thankYouNote WHERE contactID = ? AND state = \(ThankYouState.owed.sql) ORDER BY id")
        try add(.lunch, """
            SELECT l.id FROM lunch l JOIN lunchGuest g ON g.lunchID = l.id
            WHERE g.contactID = ? AND l.state IN (\(LunchState.offered.sql), \(LunchState.accepted.sql)) ORDER BY l.id
            """)
        try add(.gift, """
            SELECT g.id FROM gift g JOIN giftRecipient r ON r.giftID = g.id
            WHERE r.contactID = ? AND g.state != \(GiftState.sent.sql) ORDER BY g.id
            """)
        try add(.meeting, """
            SELECT m.id FROM meeting m JOIN meetingAttendee a ON a.meetingID = m.id
            WHERE a.contactID = ? AND m.cancelledAt IS NULL AND m.startsAt > ? ORDER BY m.id
            """, [now])
        return OpenItems(refs: refs)
    }

    /// Deletes contact `id` and what was only theirs (follow-ups, lunches,
    /// gifts and logged interactions with nobody else), in one transaction.
    /// Refuses while they have open items, unless `withItems`.
    public func deleteContact(_ id: Int64, withItems: Bool, now: Date) throws -> ContactDeletion {
        try write { db in
            guard let contact = try Contact.fetchOne(db, key: id) else { throw StoreError.notFound("no contact @\(id)") }
            let open = try RapportStore.openItems(ofContact: id, now: now, db)
            if !open.isEmpty && !withItems {
                throw StoreError.invalid("\(contact.name) has open items (\(open.refs.map(\.description).joined(separator: ", "))); "
                                         + "close them first, or delete with --with-items")
            }
            var deleted: [String] = []
            let solely: [(ItemKind?, String, String)] = [
                (.followUp, "followUp", "followUpContact"), (.lunch, "lunch", "lunchGuest"),
                (.gift, "gift", "giftRecipient"), (nil, "interaction", "interactionContact"),
            ]
            for (kind, table, link) in solely {
                let foreign = "\(table)ID"
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT \(foreign) FROM \(link) WHERE contactID = ?
                      AND \(foreign) NOT IN (SELECT \(foreign) FROM \(link) WHERE contactID != ?)
                    ORDER BY \(foreign)
                    """, arguments: [id, id])
                for itemID in ids {
                    try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [itemID])
                    if let kind { deleted.append(ItemRef(kind, itemID).description) }
                }
            }
            try Contact.deleteOne(db, key: id)
            return ContactDeletion(name: contact.name, itemsDeleted: deleted)
        }
    }

    // MARK: Archive

    /// Archives contact `id` (or brings it back): kept, with its history,
    /// but left out of the contact list and of the cadences.
    @discardableResult
    public func setArchived(_ archived: Bool, contact id: Int64, now: Date) throws -> Contact {
        try write { db in
            guard var contact = try Contact.fetchOne(db, key: id) else { throw StoreError.notFound("no contact @\(id)") }
            if archived == (contact.archivedAt != nil) {
                throw StoreError.invalid("\(contact.name) is \(archived ? "already" : "not") archived")
            }
            contact.archivedAt = archived ? now : nil
            contact.updatedAt = now
            try contact.update(db)
            return contact
        }
    }
}
