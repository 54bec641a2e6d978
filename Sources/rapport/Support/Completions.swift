import ArgumentParser
import Foundation
import RapportCore

/// What the shell completes from the book: contact names, item references
/// and `#accounts`. The completion scripts call `rapport` back for these;
/// the book is opened read-only and a missing or unreadable one completes nothing.
enum Completions {
    static let contacts = CompletionKind.custom { _, _, prefix in contactNames(prefix: prefix, book: book()) }
    static let items = CompletionKind.custom { _, _, prefix in itemRefs(prefix: prefix, book: book()) }
    static let itemsAndContacts = CompletionKind.custom { _, _, prefix in
        let store = book()
        return itemRefs(prefix: prefix, book: store) + contactNames(prefix: prefix, book: store)
    }
    static let accounts = CompletionKind.custom { _, _, prefix in accountNames(prefix: prefix, book: book()) }

    /// The book the command line names (`--db` is not known here: `RAPPORT_DB` or the default).
    private static func book() -> RapportStore? {
        let path = DatabaseLocation.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)
        return try? RapportStore.openForReading(path: path)
    }

    /// Names (and nicknames' owners) whose name or a word of it starts with what was typed.
    static func contactNames(prefix: String, book: RapportStore?) -> [String] {
        guard let book, let names = try? book.contactNames() else { return [] }
        return prefix.isEmpty ? names : NameMatcher.completions(of: prefix, among: names)
    }

    /// References of what is open now (late, today and the coming month) that start with what was typed.
    static func itemRefs(prefix: String, book: RapportStore?) -> [String] {
        guard let book, let rules = try? book.rules() else { return [] }
        let calendar = LocalCalendar.current
        guard let agenda = try? book.agenda(Scheduler(rules: rules, calendar: calendar), now: Date(), upcomingDays: 31) else { return [] }
        return agenda.all.map(\.ref.description).filter { $0.hasPrefix(prefix.lowercased()) }
    }

    /// `#account` names (hyphens for spaces, as quick-add reads them) that start with what was typed.
    static func accountNames(prefix: String, book: RapportStore?) -> [String] {
        guard let book, let accounts = try? book.accountNames() else { return [] }
        let typed = prefix.hasPrefix("#") ? String(prefix.dropFirst()) : prefix
        return NameMatcher.completions(of: typed, among: accounts)
    }
}
