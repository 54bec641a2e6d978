import Foundation
import GRDB

/// What is needed to add a contact: the contact's own fields plus the
/// things stored beside it (account by name, emails, phones, tags).
public struct ContactDraft: Sendable {
    public var contact: Contact
    public var accountName: String?
    public var emails: [String]
    public var phones: [String]
    public var tags: [String]

    public init(contact: Contact, accountName: String? = nil, emails: [String] = [], phones: [String] = [], tags: [String] = []) {
        self.contact = contact
        self.accountName = accountName
        self.emails = emails
        self.phones = phones
        self.tags = tags
    }
}

/// A contact as items show it: who, their tier, their account.
public struct ContactSummary: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var tier: Tier?
    public var accountName: String?
}

/// How a name typed by the user resolved against the book.
public enum ContactResolution: Sendable, Equatable {
    case found(Contact)
    case ambiguous([Contact])
    case notFound
}

extension RapportStore {
    /// Adds a contact, creating its account when it does not exist yet.
    @discardableResult
    public func addContact(_ draft: ContactDraft) throws -> Contact {
        var contact = draft.contact
        contact.name = contact.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !contact.name.isEmpty else { throw StoreError.invalid("a contact needs a name") }
        contact.searchName = Contact.searchKey(name: contact.name, nickname: contact.nickname)
        for email in draft.emails where !email.contains("@") {
            throw StoreError.invalid("'\(email)' is not an email address")
        }
        return try write { db in
            if let accountName = draft.accountName {
                contact.accountID = try RapportStore.findOrCreateAccount(named: accountName, now: contact.createdAt, db).id
            }
            try contact.insert(db)
            let id = contact.id!
            for email in draft.emails {
                var row = ContactEmail(contactID: id, address: email.trimmingCharacters(in: .whitespaces))
                try row.insert(db)
            }
            for phone in draft.phones {
                var row = ContactPhone(contactID: id, number: phone.trimmingCharacters(in: .whitespaces))
                try row.insert(db)
            }
            for tag in Set(draft.tags.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }) where !tag.isEmpty {
                try ContactTag(contactID: id, tag: tag).insert(db)
            }
            return contact
        }
    }

    /// Saves changes to a contact's own fields.
    public func updateContact(_ contact: Contact, now: Date) throws {
        var contact = contact
        contact.updatedAt = now
        contact.searchName = Contact.searchKey(name: contact.name, nickname: contact.nickname)
        try write { db in try contact.update(db) }
    }

    public func contact(id: Int64) throws -> Contact? {
        try read { db in try Contact.fetchOne(db, key: id) }
    }

    public func contactCount() throws -> Int {
        try read { db in try Contact.fetchCount(db) }
    }

    public func emails(ofContact id: Int64) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT address FROM contactEmail WHERE contactID = ? ORDER BY id", arguments: [id])
        }
    }

    public func tags(ofContact id: Int64) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT tag FROM contactTag WHERE contactID = ? ORDER BY tag", arguments: [id])
        }
    }

    public func account(id: Int64) throws -> Account? {
        try read { db in try Account.fetchOne(db, key: id) }
    }

    public func account(named name: String) throws -> Account? {
        try read { db in try Account.filter(Column("name") == name.trimmingCharacters(in: .whitespaces)).fetchOne(db) }
    }

    static func findOrCreateAccount(named rawName: String, now: Date, _ db: Database) throws -> Account {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid("an account needs a name") }
        if let existing = try Account.filter(Column("name") == name).fetchOne(db) { return existing }
        var account = Account(name: name, createdAt: now)
        try account.insert(db)
        return account
    }

    /// Finds the contact a user means by `query`: `@12` or `#12` for an id,
    /// else a full name, email, first or last name or nickname, ignoring
    /// case and accents. A full name or an email that matches exactly wins
    /// over partial matches.
    public func resolveContact(_ query: String) throws -> ContactResolution {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("@") || trimmed.hasPrefix("#"), let id = Int64(trimmed.dropFirst()) {
            return try contact(id: id).map(ContactResolution.found) ?? .notFound
        }
        let folded = NameMatcher.fold(trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed)
        guard !folded.isEmpty else { return .notFound }
        return try read { db in
            let exact = try Contact.fetchAll(db, sql: """
                SELECT * FROM contact WHERE searchName = :q
                   OR id IN (SELECT contactID FROM contactEmail WHERE address = :q)
                ORDER BY name, id
                """, arguments: ["q": folded])
            let exactByName = exact.filter { NameMatcher.fold($0.name) == folded || $0.nickname.map(NameMatcher.fold) == folded }
            let best = exactByName.isEmpty ? exact : exactByName
            if best.count == 1 { return .found(best[0]) }
            if best.count > 1 { return .ambiguous(best) }
            // A word of the name or nickname: "dana" finds "Dana Ruiz", "ruiz" too.
            let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let partial = try Contact.fetchAll(db, sql: """
                SELECT * FROM contact
                WHERE searchName LIKE :start ESCAPE '\\' OR searchName LIKE :end ESCAPE '\\'
                   OR searchName LIKE :middle ESCAPE '\\'
                ORDER BY name, id LIMIT 50
                """, arguments: ["start": escaped + " %", "end": "% " + escaped, "middle": "% " + escaped + " %"])
            switch partial.count {
            case 0: return .notFound
            case 1: return .found(partial[0])
            default: return .ambiguous(partial)
            }
        }
    }

    /// Names for the ids, with tier and account, in one query.
    func contactSummaries(_ ids: some Collection<Int64>, _ db: Database) throws -> [Int64: ContactSummary] {
        guard !ids.isEmpty else { return [:] }
        // One JSON array argument instead of thousands of placeholders; columns are read by position.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT contact.id, contact.name, contact.tier, account.name
            FROM contact LEFT JOIN account ON account.id = contact.accountID
            WHERE contact.id IN (SELECT value FROM json_each(?))
            """, arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
        var result: [Int64: ContactSummary] = [:]
        result.reserveCapacity(ids.count)
        while let row = try rows.next() {
            let summary = ContactSummary(id: (try row.decode(atIndex: 0)), name: (try row.decode(atIndex: 1)), tier: ((try row.decode(atIndex: 2)) as String?).flatMap(Tier.init(rawValue:)), accountName: (try row.decode(atIndex: 3)))
            result[summary.id] = summary
        }
        return result
    }
}

extension RapportStore {
    /// Adds an account, or returns the one with that name (ignoring case).
    @discardableResult
    public func addAccount(named name: String, now: Date) throws -> Account {
        try write { db in try RapportStore.findOrCreateAccount(named: name, now: now, db) }
    }
}
