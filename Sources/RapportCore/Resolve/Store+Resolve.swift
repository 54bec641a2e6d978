import Foundation
import GRDB

// The one resolver for people and the one for accounts. Every entry point
// that names someone (quick-add, `--with`, `@ref`, `show`, `edit`, the front
// end's forms) or an account (`#acme`, `--account`, `segment assign`, list
// filters) asks here, so a name means the same thing everywhere.

/// The people an entry names, resolved against the book: contacts that
/// exist, and names that will become new contacts in the same transaction
/// as the entry (so a rejected entry creates no one).
public struct People: Sendable, Equatable {
    public var existingIDs: [Int64]
    public var newNames: [String]

    public init(existingIDs: [Int64] = [], newNames: [String] = []) {
        self.existingIDs = existingIDs
        self.newNames = newNames
    }

    public var isEmpty: Bool { existingIDs.isEmpty && newNames.isEmpty }
}

/// Whether a name that matches no one may become a new contact.
public enum NewPeople: Sendable, Equatable {
    /// Never: the name must match someone.
    case refuse
    /// Only a name of two words or more that no contact is close to (a typo,
    /// a transliteration, the same first name): anything else is more likely
    /// a slip than a new person. `named` are created whatever they look like
    /// (`--new NAME`: one-word names, names written without spaces).
    case whenClearlyNew(named: [String] = [])
}

/// Why names could not be resolved: one line for the user.
public enum PeopleError: Error, Equatable, Sendable, CustomStringConvertible {
    case ambiguous(name: String, candidates: [Contact])
    case unknown(name: String, suggestion: String?)
    /// A name that matches no one but is too close to someone (or too short) to create on a guess.
    case notClearlyNew(name: String, close: [String])

    public var description: String {
        switch self {
        case .ambiguous(let name, let candidates):
            let list = candidates.prefix(8).map { "@\($0.id!) \($0.name)" }.joined(separator: ", ")
            let more = candidates.count > 8 ? " and \(candidates.count - 8) more" : ""
            return "'\(name)' matches \(candidates.count) contacts: \(list)\(more); name one by @id or a fuller name"
        case .unknown(let name, let suggestion):
            return "no contact matches '\(name)'" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .notClearlyNew(let name, let close):
            let meant = close.isEmpty ? "" : "did you mean " + close.prefix(3).joined(separator: " or ") + "? "
            return "no contact is called '\(name)'; \(meant)to add '\(name)' anyway: --new \"\(name)\" or rapport contact add \"\(name)\""
        }
    }
}

/// How a name typed by the user resolved against the book.
public enum ContactResolution: Sendable, Equatable {
    case found(Contact)
    case ambiguous([Contact])
    case notFound
}

extension RapportStore {
    /// Finds the contact a user means by `query`: `@12` or `#12` for an id;
    /// else, folded (`NameMatcher`), the whole name, nickname or email of one
    /// contact; else a run of whole words of one contact's name ("dana",
    /// "ruiz", "dana ruiz" for "Dana Ruiz Ortega"). A whole-name match wins
    /// over a partial one. When several match and `account` is given, only
    /// the people at that account count ("dana #acme").
    public func resolveContact(_ query: String, account: Int64? = nil) throws -> ContactResolution {
        try read { db in try RapportStore.resolveContact(query, account: account, db) }
    }

    static func resolveContact(_ query: String, account: Int64?, _ db: Database) throws -> ContactResolution {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("@") || trimmed.hasPrefix("#"), let id = Int64(trimmed.dropFirst()) {
            // A merged contact's id means the contact it was merged into.
            return try (Contact.fetchOne(db, key: id) ?? mergedInto(id, db)).map(ContactResolution.found) ?? .notFound
        }
        let bare = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        guard !NameMatcher.fold(bare).isEmpty else { return .notFound }
        // As typed first, then with German transliterations read back ("Juergen").
        for (index, folded) in NameMatcher.variants(bare).enumerated() {
            if let found = try resolveFolded(folded, email: bare.lowercased(), account: account, umlautsOnly: index > 0, db) { return found }
        }
        return .notFound
    }

    /// One folded form: whole names, nicknames and emails first, then runs of
    /// words. `umlautsOnly`: the form read "ue" as "ü", so only names written
    /// with an umlaut count ("Juergen" is Jürgen; "Michael" is not Michal).
    private static func resolveFolded(_ folded: String, email: String, account: Int64?, umlautsOnly: Bool,
                                      _ db: Database) throws -> ContactResolution? {
        func narrowed(_ all: [Contact]) -> ContactResolution? {
            let found = umlautsOnly ? all.filter { $0.name.contains(where: { "äöüÄÖÜ".contains($0) }) } : all
            if found.count == 1 { return .found(found[0]) }
            guard found.count > 1 else { return nil }
            if let account {
                let there = found.filter { $0.accountID == account }
                if there.count == 1 { return .found(there[0]) }
                if there.count > 1 { return .ambiguous(there) }
            }
            return .ambiguous(found)
        }
        let exact = try Contact.fetchAll(db, sql: """
            SELECT * FROM contact WHERE searchName = :q
               OR id IN (SELECT contactID FROM contactEmail WHERE lower(address) = :email)
            ORDER BY name, id
            """, arguments: ["q": folded, "email": email])
        let exactByName = exact.filter { NameMatcher.fold($0.name) == folded || $0.nickname.map(NameMatcher.fold) == folded }
        if let result = narrowed(exactByName.isEmpty ? exact : exactByName) { return result }
        let nameOrNickname = try Contact.fetchAll(db, sql: """
            SELECT * FROM contact WHERE \(wordRunCondition) ORDER BY name, id LIMIT 50
            """, arguments: wordRunArguments(folded))
        // A whole name or whole nickname inside the key (name + nickname) first.
        let whole = nameOrNickname.filter { NameMatcher.fold($0.name) == folded || $0.nickname.map(NameMatcher.fold) == folded }
        return narrowed(whole.isEmpty ? nameOrNickname : whole)
    }

    /// Whether some contact is called `words` (already folded), whole or as a
    /// run of whole words of their name: what lets quick-add read a lower-case
    /// name ("lunch with dana ruiz") as a person.
    public func isKnownName(_ words: String) -> Bool {
        (try? read { db in
            try NameMatcher.variants(words).enumerated().contains { index, folded in
                // The umlaut reading counts only for names written with one (see `resolveFolded`).
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM contact WHERE (searchName = :q OR \(Self.wordRunCondition))\(index > 0 ? " AND name GLOB '*[äöüÄÖÜ]*'" : ""))
                    """, arguments: Self.wordRunArguments(folded)) == true
            }
        }) == true
    }

    /// `searchName` holds `words` as a run of whole words (escaped for LIKE).
    private static let wordRunCondition = """
        searchName LIKE :start ESCAPE '\\' OR searchName LIKE :end ESCAPE '\\' OR searchName LIKE :middle ESCAPE '\\'
        """

    private static func wordRunArguments(_ folded: String) -> StatementArguments {
        let escaped = folded.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return ["q": folded, "start": escaped + " %", "end": "% " + escaped, "middle": "% " + escaped + " %"]
    }

    /// Resolves each name (see `resolveContact`), narrowed by `account`.
    /// A name that matches several is an error listing them; one that matches
    /// no one becomes a new contact only as `new` allows, else an error with
    /// the closest names.
    public func resolvePeople(_ names: [String], account: Int64? = nil, new: NewPeople) throws -> People {
        try read { db in try RapportStore.resolvePeople(names, account: account, new: new, db) }
    }

    static func resolvePeople(_ names: [String], account: Int64?, new: NewPeople, _ db: Database) throws -> People {
        var people = People()
        func addNew(_ name: String) {
            if !people.newNames.contains(where: { NameMatcher.fold($0) == NameMatcher.fold(name) }) { people.newNames.append(name) }
        }
        let forced: [String]
        if case .whenClearlyNew(let named) = new { forced = named } else { forced = [] }
        let forcedKeys = Set(forced.map(NameMatcher.fold))
        for name in names.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !name.isEmpty {
            if forcedKeys.contains(NameMatcher.fold(name)) { addNew(name); continue }
            switch try resolveContact(name, account: account, db) {
            case .found(let contact):
                if !people.existingIDs.contains(contact.id!) { people.existingIDs.append(contact.id!) }
            case .ambiguous(let candidates):
                throw PeopleError.ambiguous(name: name, candidates: candidates)
            case .notFound:
                guard case .whenClearlyNew = new, !name.hasPrefix("@") else {
                    throw PeopleError.unknown(name: name, suggestion: try closeNames(to: name, db).first)
                }
                let close = try closeNames(to: name, db)
                guard close.isEmpty, name.split(whereSeparator: \.isWhitespace).count >= 2 else {
                    throw PeopleError.notClearlyNew(name: name, close: close)
                }
                addNew(name)
            }
        }
        for name in forced { addNew(name) }
        return people
    }

    /// The contacts close to a name (see `closeNames`), closest first: what
    /// the front end offers to pick instead of creating someone new.
    public func closeContacts(to name: String) throws -> [Contact] {
        try read { db in
            let names = try RapportStore.closeNames(to: name, db)
            return try names.flatMap { try Contact.filter(Column("name") == $0).order(Column("id")).fetchAll(db) }
        }
    }

    /// The contact whose name is closest to a misspelt one, if any is close.
    public func suggestion(for name: String) throws -> String? {
        try read { db in try RapportStore.closeNames(to: name, db).first }
    }

    /// Contacts' names close to `name`, closest first: within a few edits of
    /// the whole name or of one of its words, or sharing its first word
    /// ("Dana Smith" is close to "Dana Ruiz": maybe the same Dana).
    static func closeNames(to name: String, _ db: Database) throws -> [String] {
        let folded = NameMatcher.fold(name)
        let firstWord = folded.split(separator: " ").first.map(String.init) ?? folded
        var found: [(name: String, distance: Int)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT name, searchName FROM contact LIMIT 50000")
        while let row = try rows.next() {
            let key: String = (try row.decode(atIndex: 1))
            let words = key.split(separator: " ").map(String.init)
            var best = NameMatcher.isClose(folded, key)
            for word in words { if let d = NameMatcher.isClose(folded, word) { best = min(best ?? d, d) } }
            if best == nil, folded.contains(" "), words.first == firstWord { best = folded.count }
            if let best { found.append(((try row.decode(atIndex: 0)), best)) }
        }
        return found.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(5).map(\.name)
    }

    /// Creates the new contacts (at `accountID` when given) and returns every
    /// contact id, existing first, and the contacts created.
    static func materialize(_ people: People, accountID: Int64? = nil, now: Date, _ db: Database) throws -> (ids: [Int64], created: [Contact]) {
        try requireContacts(people.existingIDs, db)
        var created: [Contact] = []
        for name in people.newNames {
            var contact = Contact(name: name, createdAt: now)
            contact.accountID = accountID
            try contact.insert(db)
            created.append(contact)
        }
        return (people.existingIDs + created.map { $0.id! }, created)
    }
}

/// What a name typed for an account or a segment resolved to.
public enum NamedResolution<Value: Sendable>: Sendable {
    case found(Value)
    case ambiguous([Value])
    /// Nothing matched; the closest name, if one is close.
    case notFound(closest: Value?)
}

/// The rule for things named by a free-text name (accounts, segments): the
/// whole name ignoring case, accents and transliteration (punctuation reads
/// as spaces, so `#acme-corp` is "Acme Corp"); else the
/// only one whose name has the typed words as a run of whole words
/// ("müller" → "Müller & Söhne GmbH"); else the only one whose name starts
/// with what was typed. Names are never split into lists.
public enum NameResolver {
    public static func key(_ name: String) -> String {
        NameMatcher.fold(spaced(name))
    }

    /// Punctuation separates words: "Mid-size logistics, DACH" has the word "logistics".
    private static func spaced(_ name: String) -> String {
        String(name.map { $0.isPunctuation && $0 != "&" ? " " : $0 })
    }

    public static func resolve<Value>(_ typed: String, among values: [Value], name: (Value) -> String) -> NamedResolution<Value> {
        let forms = NameMatcher.variants(spaced(typed))
        var first: NamedResolution<Value>?
        for (index, form) in forms.enumerated() {
            // The umlaut reading ("Mueller") counts only for names written with one.
            let among = index == 0 ? values : values.filter { name($0).contains(where: { "äöüÄÖÜ".contains($0) }) }
            let result = resolve(folded: form, among: among, name: name)
            if case .notFound = result { first = first ?? result; continue }
            return result
        }
        return first ?? .notFound(closest: nil)
    }

    private static func resolve<Value>(folded wanted: String, among values: [Value], name: (Value) -> String) -> NamedResolution<Value> {
        guard !wanted.isEmpty else { return .notFound(closest: nil) }
        let keyed = values.map { (value: $0, key: key(name($0))) }
        let exact = keyed.filter { $0.key == wanted }
        if exact.count == 1 { return .found(exact[0].value) }
        if exact.count > 1 { return .ambiguous(exact.map(\.value)) }
        let words = keyed.filter { " \($0.key) ".contains(" \(wanted) ") }
        if words.count == 1 { return .found(words[0].value) }
        if words.count > 1 { return .ambiguous(words.map(\.value)) }
        let starting = keyed.filter { $0.key.hasPrefix(wanted) }
        if starting.count == 1 { return .found(starting[0].value) }
        if starting.count > 1 { return .ambiguous(starting.map(\.value)) }
        let closest = keyed.compactMap { entry in
            ([entry.key] + entry.key.split(separator: " ").map(String.init))
                .compactMap { NameMatcher.isClose(wanted, $0) }.min().map { (entry.value, $0) }
        }.min { $0.1 < $1.1 }?.0
        return .notFound(closest: closest)
    }
}

extension RapportStore {
    /// The account a user means (see `NameResolver`), or an error naming the
    /// candidates or the closest name.
    public func resolveAccount(_ name: String) throws -> Account {
        try read { db in try RapportStore.resolveAccount(name, db) }
    }

    /// The account a user means, or nil when the name matches none (for
    /// entry points that may create it); several matches are an error.
    public func findAccount(_ name: String) throws -> Account? {
        try read { db in try RapportStore.findAccount(name, db) }
    }

    static func findAccount(_ name: String, _ db: Database) throws -> Account? {
        switch NameResolver.resolve(name, among: try Account.fetchAll(db), name: \.name) {
        case .found(let account): return account
        case .ambiguous(let accounts): throw StoreError.invalid(ambiguousAccounts(name, accounts))
        case .notFound: return nil
        }
    }

    static func resolveAccount(_ name: String, _ db: Database) throws -> Account {
        switch NameResolver.resolve(name, among: try Account.fetchAll(db), name: \.name) {
        case .found(let account): return account
        case .ambiguous(let accounts): throw StoreError.invalid(ambiguousAccounts(name, accounts))
        case .notFound(let closest):
            throw StoreError.notFound("no account matches '\(name)'" + (closest.map { "; did you mean \($0.name)?" } ?? ""))
        }
    }

    private static func ambiguousAccounts(_ name: String, _ accounts: [Account]) -> String {
        "'\(name)' matches \(accounts.count) accounts: " + accounts.prefix(8).map(\.name).joined(separator: ", ") + "; name one in full"
    }
}
