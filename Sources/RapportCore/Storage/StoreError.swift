/// Why a store operation did nothing. Messages are one line, name what was
/// wrong, and can be shown to the user as they are.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database was written by a newer Rapport; it is left untouched.
    case newerSchema(path: String)
    /// The database was written by an earlier Rapport: reading it needs the
    /// upgrade that the next command that writes does; it is left untouched.
    case olderSchema(path: String)
    /// The database file or its directory cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Another process holds the database longer than the busy timeout.
    case busy
    /// The write failed on disk (full, read-only, an I/O error); nothing was changed.
    case cannotWrite(String)
    /// The thing named does not exist.
    case notFound(String)
    /// The request contradicts the stored state ("already done").
    case invalid(String)
    /// A stored value the operation needs cannot be read (see `rapport check`); nothing was changed.
    case unreadable

    /// The one way a command can fail on a bad stored value: say so, and how to repair it.
    static func from(_ error: any Error) -> any Error {
        UnreadableRows.isUnreadable(error) ? StoreError.unreadable : error
    }
    /// A stored value cannot be read (a repeat rule, a setting): the book, not the input, is wrong.
    case corrupt(String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            return "\(path) was written by a newer version of Rapport; upgrade Rapport to open it (the file was not changed)"
        case .olderSchema(let path):
            return "\(path) is a book from an earlier Rapport: upgrade it once with rapport check --fix (a copy is kept beside it); the file was not changed"
        case .cannotOpen(let path, let reason):
            return "cannot open \(path): \(reason)"
        case .busy:
            return "the database is busy (another rapport is writing); nothing was changed, try again"
        case .cannotWrite(let reason):
            return "cannot write to the book: \(reason); nothing was changed"
        case .notFound(let what):
            return what
        case .invalid(let what):
            return what
        case .unreadable:
            return "a stored value this needs cannot be read (a date outside 1900–2999, or text where a number belongs); nothing was changed: rapport check names it, rapport check --fix repairs it"
        case .corrupt(let what):
            return what
        }
    }
}
