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
    /// Their anniversary, kept as their `anniversary` detail.
    public var anniversary: Birthday?

    public init(contact: Contact, accountName: String? = nil, emails: [String] = [], phones: [String] = [], tags: [String] = [],
                anniversary: Birthday? = nil) {
        self.contact = contact
        self.anniversary = anniversary
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
                contact.accountID = try RapportStore.addAccount(named: accountName, now: contact.createdAt, db).id
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
            if let anniversary = draft.anniversary { try RapportStore.setAnniversary(anniversary, ofContact: id, db) }
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

    /// The account whose name is this one ignoring case, accents and
    /// transliteration, else a new one: the strict rule imports use (an
    /// organisation "Globex" is not "Globex Europe").
    static func findOrCreateAccount(named rawName: String, now: Date, _ db: Database) throws -> Account {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid("an account needs a name") }
        let key = NameResolver.key(name)
        if let existing = try Account.fetchAll(db).first(where: { NameResolver.key($0.name) == key }) { return existing }
        var account = Account(name: name, createdAt: now)
        try account.insert(db)
        return account
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
        try write { db in try RapportStore.addAccount(named: name, now: now, db) }
    }

    /// The account a user named (`NameResolver`: "acme" is "Acme Corp" when
    /// it is the only one), else a new one with that name.
    static func addAccount(named name: String, now: Date, _ db: Database) throws -> Account {
        if let existing = try findAccount(name, db) { return existing }
        return try findOrCreateAccount(named: name, now: now, db)
    }
}
