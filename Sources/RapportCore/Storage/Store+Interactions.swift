import Foundation
import GRDB

extension RapportStore {
    /// Logs an exchange with people, creating the new ones in the same transaction.
    public func logInteraction(kind: InteractionKind, title: String, people: People, at: Date,
                               notes: String? = nil, now: Date) throws -> (Interaction, [Contact]) {
        try write { db in
            let (ids, created) = try RapportStore.materialize(people, now: now, db)
            let interaction = try RapportStore.logInteraction(kind: kind, title: title, contactIDs: ids, at: at, notes: notes, now: now, db)
            return (interaction, created)
        }
    }

    /// Logs a call, email, message, visit or note with contacts; it touches each.
    @discardableResult
    public func logInteraction(kind: InteractionKind, title: String, contactIDs: [Int64], at: Date,
                               notes: String? = nil, now: Date) throws -> Interaction {
        try write { db in
            try RapportStore.logInteraction(kind: kind, title: title, contactIDs: contactIDs, at: at, notes: notes, now: now, db)
        }
    }

    static func logInteraction(kind: InteractionKind, title: String, contactIDs: [Int64], at: Date,
                               notes: String?, now: Date, _ db: Database) throws -> Interaction {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid("a logged \(kind.rawValue) needs a title") }
        try requireContacts(contactIDs, db)
        var interaction = Interaction(kind: kind, occurredAt: at, title: title, notes: notes, createdAt: now)
        try interaction.insert(db)
        for contactID in uniqued(contactIDs) {
            try InteractionContact(interactionID: interaction.id!, contactID: contactID).insert(db)
        }
        try recordTouches(contactIDs, at: at, from: .interaction(interaction.id!), db)
        return interaction
    }

    /// The latest touch of a contact that has already happened.
    public func lastTouch(ofContact id: Int64, before now: Date) throws -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: "SELECT max(at) FROM touch WHERE contactID = ? AND at <= ?", arguments: [id, now])
        }
    }
}
