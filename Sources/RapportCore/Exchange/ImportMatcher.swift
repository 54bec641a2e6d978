/// Decides which contact an imported record is, strictly: by an email
/// first, then by a phone number, then by the whole name *and* the same
/// account. A name alone is not enough: the same name with other phones,
/// emails or notes (or at another account) is another person, reported as a
/// possible duplicate. Records created earlier in the same file count, so a
/// file that lists a person twice creates one contact.
public struct ImportMatcher: Sendable {
    /// A contact of the book, or one the import is about to create (by its index).
    public enum Key: Hashable, Sendable {
        case stored(Int64)
        case pending(Int)
    }

    public enum Match: Equatable, Sendable {
        /// The same person, and what showed it ("email dana@acme.com").
        case same(Key, by: String)
        /// Someone new; `possibleDuplicates` share the whole name.
        case new(possibleDuplicates: [Key])
    }

    /// What matching needs to know about a contact.
    public struct Candidate: Sendable {
        public var name: String
        public var account: String?
        public var emails: [String]
        public var phones: [String]
        public var notes: String?

        public init(name: String, account: String?, emails: [String], phones: [String], notes: String?) {
            self.name = name
            self.account = account
            self.emails = emails
            self.phones = phones
            self.notes = notes
        }
    }

    private var byEmail: [String: Key] = [:]
    private var byPhone: [String: Key] = [:]
    private var byName: [String: [Key]] = [:]
    private var candidates: [Key: Candidate] = [:]

    public init() {}

    /// Case folded the Unicode way (SQLite's `lower` and NOCASE fold only ASCII: "ÉVA@x" ≠ "éva@x" there).
    public static func emailKey(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The digits of a number, the last nine when there are more (a country
    /// code or trunk zero written or not); nil for fewer than five digits.
    public static func phoneKey(_ number: String) -> String? {
        let digits = number.filter(\.isASCII).filter(\.isNumber)
        guard digits.count >= 5 else { return nil }
        return String(digits.suffix(9))
    }

    static func nameKey(_ name: String) -> String { NameMatcher.fold(name) }

    /// An account's name as the store finds accounts (`findOrCreateAccount`): the same key, the same account.
    static func accountKey(_ account: String?) -> String? {
        account.map(NameResolver.key).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Adds (or refreshes) what is known about a contact.
    public mutating func remember(_ key: Key, _ candidate: Candidate) {
        if let old = candidates[key] {
            byName[Self.nameKey(old.name)]?.removeAll { $0 == key }
        }
        candidates[key] = candidate
        for email in candidate.emails where byEmail[Self.emailKey(email)] == nil { byEmail[Self.emailKey(email)] = key }
        for phone in candidate.phones {
            if let phoneKey = Self.phoneKey(phone), byPhone[phoneKey] == nil { byPhone[phoneKey] = key }
        }
        byName[Self.nameKey(candidate.name), default: []].append(key)
    }

    /// Which contact `record` is, if any.
    public func match(_ record: Candidate) -> Match {
        for email in record.emails {
            if let key = byEmail[Self.emailKey(email)] { return .same(key, by: "email \(email)") }
        }
        for phone in record.phones {
            if let phoneKey = Self.phoneKey(phone), let key = byPhone[phoneKey] { return .same(key, by: "phone \(phone)") }
        }
        let named = byName[Self.nameKey(record.name)] ?? []
        let account = Self.accountKey(record.account)
        for key in named {
            guard let candidate = candidates[key] else { continue }
            let theirs = Self.accountKey(candidate.account)
            if let account, account == theirs { return .same(key, by: "name at \(record.account!)") }
            // Neither at an account: the same name is the same person only when nothing tells them apart.
            if account == nil, theirs == nil, !Self.tellsApart(record, candidate) { return .same(key, by: "name") }
        }
        return .new(possibleDuplicates: named)
    }

    /// Whether two records with the same name describe different people:
    /// both have phones or emails (none shared, or they would have matched), or different notes.
    static func tellsApart(_ a: Candidate, _ b: Candidate) -> Bool {
        if !a.phones.isEmpty && !b.phones.isEmpty { return true }
        if !a.emails.isEmpty && !b.emails.isEmpty { return true }
        if let x = a.notes, let y = b.notes, x != y { return true }
        return false
    }
}
