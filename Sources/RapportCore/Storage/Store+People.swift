import Foundation
import GRDB

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

/// Why names could not be resolved: one line for the user.
public enum PeopleError: Error, Equatable, Sendable, CustomStringConvertible {
    case ambiguous(name: String, candidates: [Contact])
    case unknown(name: String, suggestion: String?)

    public var description: String {
        switch self {
        case .ambiguous(let name, let candidates):
            let list = candidates.prefix(8).map { "@\($0.id!) \($0.name)" }.joined(separator: ", ")
            let more = candidates.count > 8 ? " and \(candidates.count - 8) more" : ""
            return "'\(name)' matches \(candidates.count) contacts: \(list)\(more); name one by @id or a fuller name"
        case .unknown(let name, let suggestion):
            return "no contact matches '\(name)'" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        }
    }
}

extension RapportStore {
    /// Resolves each name (see `resolveContact`). A name that matches no one
    /// becomes a new contact when `createMissing`, else an error; a name that
    /// matches several is always an error listing them.
    public func resolvePeople(_ names: [String], createMissing: Bool) throws -> People {
        var people = People()
        for name in names.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !name.isEmpty {
            switch try resolveContact(name) {
            case .found(let contact):
                if !people.existingIDs.contains(contact.id!) { people.existingIDs.append(contact.id!) }
            case .ambiguous(let candidates):
                throw PeopleError.ambiguous(name: name, candidates: candidates)
            case .notFound:
                guard createMissing, !name.hasPrefix("@") else {
                    throw PeopleError.unknown(name: name, suggestion: try suggestion(for: name))
                }
                if !people.newNames.contains(where: { NameMatcher.fold($0) == NameMatcher.fold(name) }) {
                    people.newNames.append(name)
                }
            }
        }
        return people
    }

    /// The contact whose name is closest to a misspelt one, if any is close.
    public func suggestion(for name: String) throws -> String? {
        let folded = NameMatcher.fold(name)
        guard folded.count >= 3 else { return nil }
        let names = try read { db in try String.fetchAll(db, sql: "SELECT name FROM contact LIMIT 20000") }
        var best: (name: String, distance: Int)?
        for candidate in names {
            let words = [NameMatcher.fold(candidate)] + NameMatcher.fold(candidate).split(separator: " ").map(String.init)
            for word in words {
                let distance = editDistance(folded, word)
                if distance <= max(1, folded.count / 3), distance < (best?.distance ?? .max) {
                    best = (candidate, distance)
                }
            }
        }
        return best?.name
    }

    /// Creates the new contacts and returns every contact id, existing first.
    static func materialize(_ people: People, now: Date, _ db: Database) throws -> (ids: [Int64], created: [Contact]) {
        try requireContacts(people.existingIDs, db)
        var created: [Contact] = []
        for name in people.newNames {
            var contact = Contact(name: name, createdAt: now)
            try contact.insert(db)
            created.append(contact)
        }
        return (people.existingIDs + created.map { $0.id! }, created)
    }
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
