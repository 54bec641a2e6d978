import Foundation
import GRDB

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var created: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var problems: [VCardProblem] = []
}

extension RapportStore {
    /// Imports cards in one transaction. A card matches a contact by any of
    /// its emails, else by the same name at the same account; a match gets
    /// what the card adds (emails, phones, tags, and the fields it has), and
    /// an import of the same file again changes nothing. `dryRun` rolls back.
    /// `progress` hears how many cards are done, every hundred and at the end.
    public func importCards(_ cards: [VCard], dryRun: Bool, now: Date,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportSummary {
        var summary = ImportSummary()
        try RapportStore.mapDatabaseErrors {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for (index, card) in cards.enumerated() {
                        if index % 100 == 0 { progress?(index, cards.count) }
                        let outcome = try RapportStore.importCard(card, now: now, db)
                        switch outcome {
                        case .created: summary.created.append(card.name)
                        case .updated: summary.updated.append(card.name)
                        case .unchanged: summary.unchanged.append(card.name)
                        }
                    }
                    progress?(cards.count, cards.count)
                    if !dryRun { try sealChange(db) }
                    return dryRun ? .rollback : .commit
                }
            }
        }
        return summary
    }

    private enum CardOutcome { case created, updated, unchanged }

    private static func importCard(_ card: VCard, now: Date, _ db: Database) throws -> CardOutcome {
        let account = try card.organisation.map { try findOrCreateAccount(named: $0, now: now, db) }
        var match: Contact?
        for email in card.emails where match == nil {
            match = try Contact.fetchOne(db, sql: """
                SELECT contact.* FROM contact JOIN contactEmail e ON e.contactID = contact.id WHERE e.address = ? LIMIT 1
                """, arguments: [email.address])
        }
        if match == nil {
            match = try Contact.fetchOne(db, sql: "SELECT * FROM contact WHERE searchName = ? AND accountID IS ? ORDER BY id LIMIT 1",
                                         arguments: [Contact.searchKey(name: card.name, nickname: nil), account?.id])
                ?? Contact.fetchOne(db, sql: "SELECT * FROM contact WHERE searchName = ? AND accountID IS ? ORDER BY id LIMIT 1",
                                    arguments: [Contact.searchKey(name: card.name, nickname: card.nickname), account?.id])
        }
        var contact = match ?? Contact(name: card.name, createdAt: now)
        let before = contact
        if let nickname = card.nickname { contact.nickname = nickname }
        if let title = card.title { contact.title = title }
        if let birthday = card.birthday { contact.birthday = birthday }
        if let note = card.note { contact.notes = note }
        if let account, contact.accountID == nil { contact.accountID = account.id }
        contact.searchName = Contact.searchKey(name: contact.name, nickname: contact.nickname)
        var changed = match == nil || contact != before
        if match == nil {
            try contact.insert(db)
        } else if contact != before {
            contact.updatedAt = now
            try contact.update(db)
        }
        let id = contact.id!
        let emails = Set(try String.fetchAll(db, sql: "SELECT lower(address) FROM contactEmail WHERE contactID = ?", arguments: [id]))
        for email in card.emails where !emails.contains(email.address.lowercased()) {
            var row = ContactEmail(contactID: id, address: email.address, label: email.type)
            try row.insert(db)
            changed = true
        }
        let phones = Set(try String.fetchAll(db, sql: "SELECT number FROM contactPhone WHERE contactID = ?", arguments: [id]))
        for phone in card.phones where !phones.contains(phone.number) {
            var row = ContactPhone(contactID: id, number: phone.number, label: phone.type)
            try row.insert(db)
            changed = true
        }
        for tag in card.categories where try !ContactTag.exists(db, key: ["contactID": id, "tag": tag]) {
            try ContactTag(contactID: id, tag: tag).insert(db)
            changed = true
        }
        if match == nil { return .created }
        return changed ? .updated : .unchanged
    }

    /// Every contact as a card, by name.
    public func exportCards() throws -> [VCard] {
        try read { db in
            let accounts = Dictionary(uniqueKeysWithValues: try Account.fetchAll(db).map { ($0.id!, $0.name) })
            var emails: [Int64: [(String, String?)]] = [:], phones: [Int64: [(String, String?)]] = [:], tags: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT contactID, address, label FROM contactEmail ORDER BY id") {
                emails[row[0], default: []].append((row[1], row[2]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT contactID, number, label FROM contactPhone ORDER BY id") {
                phones[row[0], default: []].append((row[1], row[2]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT contactID, tag FROM contactTag ORDER BY tag") {
                tags[row[0], default: []].append(row[1])
            }
            return try Contact.fetchAll(db, sql: "SELECT * FROM contact ORDER BY searchName, id").map { contact in
                var card = VCard(name: contact.name)
                card.nickname = contact.nickname
                card.organisation = contact.accountID.flatMap { accounts[$0] }
                card.title = contact.title
                card.emails = (emails[contact.id!] ?? []).map { (address: $0.0, type: $0.1) }
                card.phones = (phones[contact.id!] ?? []).map { (number: $0.0, type: $0.1) }
                card.birthday = contact.birthday
                card.note = contact.notes
                card.categories = tags[contact.id!] ?? []
                return card
            }
        }
    }
}
