import Foundation
import GRDB

/// What an import did to one record (or, in a dry run, would do).
public struct ImportOutcome: Sendable, Equatable {
    public enum Action: String, Sendable { case new, update, unchanged, conflict }

    public var line: Int
    public var name: String
    public var action: Action
    /// The contact it matched or created (nil for a new one in a dry run).
    public var contactID: Int64?
    /// How it matched: "email dana@acme.com", "phone …", "name at Acme".
    public var matchedBy: String?
    /// What it adds (for a new contact: what it brings): "email dana@new.example", "phone +1 555 0100", "title".
    public var changes: [String] = []
    /// Fields the book and the file disagree on, kept as the book has them
    /// (replaced with `preferFile`): "title: 'CTO' in the book, 'CEO' in the file".
    public var conflicts: [String] = []
    /// Contacts with the same name that are not this one: "@4", or "line 12" for one created by this file in a dry run.
    public var possibleDuplicates: [String] = []
}

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var outcomes: [ImportOutcome] = []
    public var problems: [VCardProblem] = []

    public var created: [String] { outcomes.filter { $0.action == .new }.map(\.name) }
    public var updated: [String] { outcomes.filter { $0.action == .update || ($0.action == .conflict && !$0.changes.isEmpty) }.map(\.name) }
    /// Records that changed nothing: the same, or only disagreeing (conflicts kept as the book has them).
    public var unchanged: [String] { outcomes.filter { $0.action == .unchanged || ($0.action == .conflict && $0.changes.isEmpty) }.map(\.name) }
    public var conflicts: Int { outcomes.reduce(0) { $0 + $1.conflicts.count } }
}

extension RapportStore {
    /// Imports records: each is matched (`ImportMatcher`) and merged into
    /// its contact, never over it — new emails, phones, tags and details are
    /// added, an empty field is filled, and a field the book has with another
    /// value is kept and reported as a conflict (`preferFile` replaces it).
    /// All of it in one transaction; a dry run only reads, so it works on a
    /// book it cannot write, and says what each record would do.
    /// `progress` hears how many records are done, every hundred and at the end.
    public func importCards(_ cards: [VCard], dryRun: Bool, preferFile: Bool = false, now: Date,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportSummary {
        let body = { (db: Database) throws -> ImportSummary in
            var importer = try Importer(db, apply: !dryRun, preferFile: preferFile, now: now)
            var summary = ImportSummary()
            for (index, card) in cards.enumerated() {
                if index % 100 == 0 { progress?(index, cards.count) }
                summary.outcomes.append(try importer.importCard(card))
            }
            progress?(cards.count, cards.count)
            return summary
        }
        return dryRun ? try read(body) : try write(body)
    }

    /// Every contact as a card, by name, with a UID that embeds the book's
    /// identifier (stable for the book's life, different in another book).
    public func exportCards() throws -> [VCard] {
        try read { db in
            let book = try RapportStore.bookID(db)
            let accounts = Dictionary(uniqueKeysWithValues: try Account.fetchAll(db).map { ($0.id!, $0.name) })
            var emails: [Int64: [(String, String?)]] = [:], phones: [Int64: [(String, String?)]] = [:], tags: [Int64: [String]] = [:]
            var details: [Int64: [ContactDetail]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT contactID, address, label FROM contactEmail ORDER BY id") {
                emails[row[0], default: []].append((row[1], row[2]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT contactID, number, label FROM contactPhone ORDER BY id") {
                phones[row[0], default: []].append((row[1], row[2]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT contactID, tag FROM contactTag ORDER BY tag") {
                tags[row[0], default: []].append(row[1])
            }
            for detail in try ContactDetail.order(Column("id")).fetchAll(db) {
                details[detail.contactID, default: []].append(detail)
            }
            return try Contact.fetchAll(db, sql: "SELECT * FROM contact ORDER BY searchName, id").map { contact in
                let id = contact.id!
                var card = VCard(name: contact.name)
                card.uid = RapportStore.contactUID(book: book, contact: id)
                card.revision = contact.updatedAt
                card.nickname = contact.nickname
                card.organisation = contact.accountID.flatMap { accounts[$0] }
                card.title = contact.title
                card.emails = (emails[id] ?? []).map { (address: $0.0, type: $0.1) }
                card.phones = (phones[id] ?? []).map { (number: $0.0, type: $0.1) }
                card.birthday = contact.birthday
                card.note = contact.notes
                card.categories = tags[id] ?? []
                for detail in details[id] ?? [] {
                    if detail.kind == .department { card.department = detail.value }
                    else { card.details.append(VCard.Detail(detail.kind, detail.label, detail.value)) }
                }
                card.tier = contact.tier
                card.isFavourite = contact.isFavourite
                card.stayInTouchDays = contact.stayInTouchDays
                card.lunchCadenceDays = contact.lunchCadenceDays
                card.preferredChannel = contact.preferredChannel
                card.needs = contact.needs
                card.wants = contact.wants
                card.caresAbout = contact.caresAbout
                card.dietaryNeeds = contact.dietaryNeeds
                card.family = contact.family
                card.interests = contact.interests
                return card
            }
        }
    }

    /// A contact's details (department, addresses, web pages, dates, custom fields), as imported.
    public func details(ofContact id: Int64) throws -> [ContactDetail] {
        try read { db in try ContactDetail.filter(Column("contactID") == id).order(Column("id")).fetchAll(db) }
    }

    /// The book's own identifier, created with it (`setting` `book-id`).
    public func bookID() throws -> String {
        try read { db in try RapportStore.bookID(db) }
    }

    static func bookID(_ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'book-id'") else {
            throw StoreError.invalid("the book has no identifier (setting book-id); it was not created by this Rapport")
        }
        return id
    }

    /// `urn:uuid:…`: the book's identifier as a UUID, its last part mixed
    /// with the contact's id — one per contact, stable, and unlike any other book's.
    public static func contactUID(book: String, contact: Int64) -> String {
        var hex = Array(book.filter(\.isHexDigit).lowercased().padding(toLength: 32, withPad: "0", startingAt: 0))
        let node = UInt64(String(hex[20..<32]), radix: 16)! ^ (UInt64(bitPattern: contact) & 0xFFFF_FFFF_FFFF)
        hex.replaceSubrange(20..<32, with: Array(String(String(node, radix: 16).reversed()).padding(toLength: 12, withPad: "0", startingAt: 0).reversed()))
        hex[12] = "4" // a random (version 4) UUID, as the book's identifier is random
        hex[16] = ["8", "9", "a", "b"][Int(String(hex[16]), radix: 16)! & 3]
        let text = String(hex)
        func part(_ from: Int, _ to: Int) -> Substring { text.dropFirst(from).prefix(to - from) }
        return "urn:uuid:\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }
}

/// One import's state: the matcher, the contacts it has touched as they
/// now are, and the accounts by name.
private struct Importer {
    let db: Database
    let apply: Bool
    let preferFile: Bool
    let now: Date
    var matcher = ImportMatcher()
    var accounts: [String: (id: Int64?, name: String)] = [:]
    /// The book's contacts as merged so far, and the new ones not written (dry run).
    var states: [ImportMatcher.Key: State] = [:]
    var pending: [State] = []

    struct State {
        var contact: Contact
        var line: Int
        var accountName: String?
        var emails: [(address: String, label: String?)]
        var phones: [(number: String, label: String?)]
        var tags: [String]
        var details: [VCard.Detail]

        var candidate: ImportMatcher.Candidate {
            ImportMatcher.Candidate(name: contact.name, account: accountName, emails: emails.map(\.address),
                                    phones: phones.map(\.number), notes: contact.notes)
        }
    }

    init(_ db: Database, apply: Bool, preferFile: Bool, now: Date) throws {
        self.db = db
        self.apply = apply
        self.preferFile = preferFile
        self.now = now
        for account in try Account.fetchAll(db) { accounts[NameResolver.key(account.name)] = (account.id, account.name) }
        let names = Dictionary(uniqueKeysWithValues: accounts.values.compactMap { value in value.id.map { ($0, value.name) } })
        // The whole book in a handful of queries: an import matches against every contact and merges into many.
        var emails: [Int64: [(address: String, label: String?)]] = [:], phones: [Int64: [(number: String, label: String?)]] = [:]
        var tags: [Int64: [String]] = [:], details: [Int64: [VCard.Detail]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT contactID, address, label FROM contactEmail ORDER BY id") {
            emails[row[0], default: []].append((row[1], row[2]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT contactID, number, label FROM contactPhone ORDER BY id") {
            phones[row[0], default: []].append((row[1], row[2]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT contactID, tag FROM contactTag") { tags[row[0], default: []].append(row[1]) }
        for detail in try ContactDetail.order(Column("id")).fetchAll(db) {
            details[detail.contactID, default: []].append(VCard.Detail(detail.kind, detail.label, detail.value))
        }
        for contact in try Contact.fetchAll(db, sql: "SELECT * FROM contact ORDER BY id") {
            let id = contact.id!
            let state = State(contact: contact, line: 0, accountName: contact.accountID.flatMap { names[$0] },
                              emails: emails[id] ?? [], phones: phones[id] ?? [], tags: tags[id] ?? [], details: details[id] ?? [])
            states[.stored(id)] = state
            matcher.remember(.stored(id), state.candidate)
        }
    }

    mutating func importCard(_ card: VCard) throws -> ImportOutcome {
        let record = ImportMatcher.Candidate(name: card.name, account: card.organisation, emails: card.emails.map(\.address),
                                             phones: card.phones.map(\.number), notes: card.note)
        switch matcher.match(record) {
        case .new(let duplicates):
            var state = State(contact: Contact(name: card.name, createdAt: now), line: card.line, accountName: nil,
                              emails: [], phones: [], tags: [], details: [])
            var outcome = ImportOutcome(line: card.line, name: card.name, action: .new)
            outcome.changes = merge(card, into: &state).changes
            outcome.possibleDuplicates = duplicates.map(describe)
            let key: ImportMatcher.Key
            if apply {
                try insert(&state)
                key = .stored(state.contact.id!)
                outcome.contactID = state.contact.id
            } else {
                key = .pending(pending.count)
                pending.append(state)
            }
            matcher.remember(key, state.candidate)
            if apply { states[key] = state }
            return outcome
        case .same(let key, let by):
            var state = load(key)
            let before = state
            let (changes, conflicts) = merge(card, into: &state)
            var outcome = ImportOutcome(line: card.line, name: state.contact.name, action: .unchanged, matchedBy: by)
            if case .stored(let id) = key { outcome.contactID = id }
            outcome.changes = changes
            outcome.conflicts = conflicts
            outcome.action = !conflicts.isEmpty ? .conflict : changes.isEmpty ? .unchanged : .update
            if !changes.isEmpty {
                if apply { try update(&state, from: before) }
                matcher.remember(key, state.candidate)
            }
            if case .pending(let index) = key { pending[index] = state } else { states[key] = state }
            return outcome
        }
    }

    private func describe(_ key: ImportMatcher.Key) -> String {
        switch key {
        case .stored(let id): return "@\(id)"
        case .pending(let index): return "line \(pending[index].line)"
        }
    }

    private func load(_ key: ImportMatcher.Key) -> State {
        switch key {
        case .pending(let index): return pending[index]
        case .stored: return states[key]! // every stored contact was loaded with the book
        }
    }

    /// Merges a record into a contact: what it lacks is added; what differs is a conflict.
    private func merge(_ card: VCard, into state: inout State) -> (changes: [String], conflicts: [String]) {
        var changes: [String] = [], conflicts: [String] = []
        func field<T: Equatable>(_ name: String, _ keyPath: WritableKeyPath<Contact, T?>, _ value: T?, _ show: (T) -> String) {
            guard let value else { return }
            guard let current = state.contact[keyPath: keyPath] else {
                state.contact[keyPath: keyPath] = value
                changes.append(name)
                return
            }
            guard current != value else { return }
            conflicts.append("\(name): '\(show(current))' in the book, '\(show(value))' in the file")
            if preferFile {
                state.contact[keyPath: keyPath] = value
                changes.append(name + " (from the file)")
            }
        }
        let text: (String) -> String = { $0 }
        field("nickname", \.nickname, card.nickname, text)
        field("title", \.title, card.title, text)
        field("birthday", \.birthday, card.birthday, \.description)
        field("notes", \.notes, card.note, text)
        field("tier", \.tier, card.tier, \.rawValue)
        field("stay-in-touch days", \.stayInTouchDays, card.stayInTouchDays, String.init)
        field("lunch days", \.lunchCadenceDays, card.lunchCadenceDays, String.init)
        field("preferred channel", \.preferredChannel, card.preferredChannel, \.rawValue)
        field("needs", \.needs, card.needs, text)
        field("wants", \.wants, card.wants, text)
        field("cares about", \.caresAbout, card.caresAbout, text)
        field("dietary needs", \.dietaryNeeds, card.dietaryNeeds, text)
        field("family", \.family, card.family, text)
        field("interests", \.interests, card.interests, text)
        if card.isFavourite == true, !state.contact.isFavourite {
            state.contact.isFavourite = true
            changes.append("favourite")
        }
        if let account = card.organisation?.trimmingCharacters(in: .whitespaces), !account.isEmpty {
            if let current = state.accountName {
                if NameResolver.key(current) != NameResolver.key(account) {
                    conflicts.append("account: '\(current)' in the book, '\(account)' in the file")
                    if preferFile { state.accountName = account; changes.append("account (from the file)") }
                }
            } else {
                state.accountName = account
                changes.append("account \(account)")
            }
        }
        let emails = Set(state.emails.map { ImportMatcher.emailKey($0.address) })
        for email in card.emails where !emails.contains(ImportMatcher.emailKey(email.address))
            && !state.emails.contains(where: { ImportMatcher.emailKey($0.address) == ImportMatcher.emailKey(email.address) }) {
            state.emails.append((email.address, email.type))
            changes.append("email \(email.address)")
        }
        for phone in card.phones {
            let key = ImportMatcher.phoneKey(phone.number)
            let known = state.phones.contains { key != nil ? ImportMatcher.phoneKey($0.number) == key : $0.number == phone.number }
            if !known {
                state.phones.append((phone.number, phone.type))
                changes.append("phone \(phone.number)")
            }
        }
        for tag in card.categories where !state.tags.contains(where: { $0.lowercased() == tag.lowercased() }) {
            state.tags.append(tag)
            changes.append("tag \(tag)")
        }
        var details = card.details
        if let department = card.department { details.insert(VCard.Detail(.department, nil, department), at: 0) }
        for detail in details {
            if detail.kind.isSingle, let current = state.details.first(where: { $0.kind == detail.kind }) {
                guard NameMatcher.fold(current.value) != NameMatcher.fold(detail.value) else { continue }
                conflicts.append("\(detail.kind.rawValue): '\(current.value)' in the book, '\(detail.value)' in the file")
                if preferFile {
                    state.details.removeAll { $0.kind == detail.kind }
                    state.details.append(detail)
                    changes.append("\(detail.kind.rawValue) (from the file)")
                }
                continue
            }
            let known = state.details.contains {
                $0.kind == detail.kind && $0.value == detail.value && ($0.label ?? "").lowercased() == (detail.label ?? "").lowercased()
            }
            if !known {
                state.details.append(detail)
                changes.append(detail.kind.rawValue + (detail.label.map { " (\($0))" } ?? ""))
            }
        }
        return (changes, conflicts)
    }

    private mutating func accountID(_ name: String?) throws -> Int64? {
        guard let name else { return nil }
        if let known = accounts[NameResolver.key(name)], let id = known.id { return id }
        // Every account of the book is in `accounts` under the key findOrCreateAccount matches by:
        // one missing there is new (asking findOrCreateAccount would scan all accounts again, per record).
        var account = Account(name: name.trimmingCharacters(in: .whitespacesAndNewlines), createdAt: now)
        try account.insert(db)
        accounts[NameResolver.key(name)] = (account.id, account.name)
        return account.id
    }

    private mutating func insert(_ state: inout State) throws {
        state.contact.accountID = try accountID(state.accountName)
        state.contact.searchName = Contact.searchKey(name: state.contact.name, nickname: state.contact.nickname)
        try state.contact.insert(db)
        try insertRows(of: state, from: nil)
    }

    private mutating func update(_ state: inout State, from before: State) throws {
        if state.accountName != before.accountName { state.contact.accountID = try accountID(state.accountName) }
        state.contact.searchName = Contact.searchKey(name: state.contact.name, nickname: state.contact.nickname)
        if state.contact != before.contact {
            state.contact.updatedAt = now
            try state.contact.update(db)
        }
        try insertRows(of: state, from: before)
    }

    /// Inserts the emails, phones, tags and details `state` has beyond `before`.
    private func insertRows(of state: State, from before: State?) throws {
        let id = state.contact.id!
        for email in state.emails.dropFirst(before?.emails.count ?? 0) {
            var row = ContactEmail(contactID: id, address: email.address, label: email.label)
            try row.insert(db)
        }
        for phone in state.phones.dropFirst(before?.phones.count ?? 0) {
            var row = ContactPhone(contactID: id, number: phone.number, label: phone.label)
            try row.insert(db)
        }
        for tag in state.tags.dropFirst(before?.tags.count ?? 0) {
            try ContactTag(contactID: id, tag: tag).insert(db)
        }
        let old = before?.details ?? []
        for kind in Set(old.filter { !state.details.contains($0) }.map(\.kind)) {
            // A single detail replaced from the file (--prefer-file).
            try db.execute(sql: "DELETE FROM contactDetail WHERE contactID = ? AND kind = ?", arguments: [id, kind.rawValue])
        }
        let kept = old.filter { state.details.contains($0) }
        for detail in state.details where !kept.contains(detail) {
            var row = ContactDetail(contactID: id, kind: detail.kind, label: detail.label, value: detail.value)
            try row.insert(db)
        }
    }
}
