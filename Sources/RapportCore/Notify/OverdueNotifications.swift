import Foundation

/// A desktop notification: a summary line and a body, both plain text.
public struct DesktopNotification: Sendable, Equatable {
    public var summary: String
    public var body: String
}

/// Which late items to tell the desktop about: those not told yet today.
///
/// The rule: an item is told at most once a day (a day in the user's zone);
/// up to `summaryAbove` newly late items get one notification each, more
/// get one summary naming the first few. Items come from the scheduler's
/// overdue list (most overdue first), never from the history.
public struct OverdueNotifications: Sendable {
    /// More newly late items than this become one summary.
    public static let summaryAbove = 3

    public var notifications: [DesktopNotification]
    /// The references told today after these are sent (the old ones and the new).
    public var toldToday: Set<ItemRef>
    /// The newly late items, most overdue first.
    public var newlyLate: [AgendaItem]

    /// What to send at `agenda.now`, given the references already told
    /// on `told.day`. Every text is terminal-safe and free of markup, so
    /// a contact's name reaches the notification as its letters only.
    public init(overdue items: [AgendaItem], in agenda: Agenda, calendar: LocalCalendar, told: NotificationLog.Day?) {
        let already = told?.day == agenda.today ? told!.refs : []
        newlyLate = items.filter { !already.contains($0.ref) }
        toldToday = already.union(newlyLate.map(\.ref))
        func line(_ item: AgendaItem) -> String {
            let people = AgendaText.people(item)
            return Self.plain(item.title + (people.isEmpty ? "" : " — " + people)) + " (" + AgendaText.when(item, in: agenda, calendar: calendar) + ")"
        }
        if newlyLate.count > Self.summaryAbove {
            let shown = newlyLate.prefix(Self.summaryAbove).map { "\($0.ref) \($0.kind.label): " + line($0) }
            let more = newlyLate.count - Self.summaryAbove
            notifications = [DesktopNotification(
                summary: "Rapport: \(newlyLate.count) items newly late",
                body: (shown + ["and \(more) more: rapport overdue"]).joined(separator: "\n"))]
        } else {
            notifications = newlyLate.map { item in
                DesktopNotification(summary: "Rapport: \(item.kind.label) late (\(item.ref))", body: line(item))
            }
        }
    }

    /// Stored text made safe for a notification body: no control or format
    /// characters (TerminalText's placeholders), and no markup, since
    /// notification servers read `<b>`, `<a href>` and `&amp;` in a body.
    static func plain(_ text: String) -> String {
        var result = ""
        for character in TerminalText.safe(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// What `rapport notify` already told, kept outside the book in
/// `$XDG_STATE_HOME/rapport/notified.json` (or `~/.local/state/rapport/`),
/// so a notification is never a change to the book (nothing to undo or sync).
/// One entry per book (by its path): the day, and the references told that day.
public struct NotificationLog: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        public var day: CivilDate
        public var refs: Set<ItemRef>

        public init(day: CivilDate, refs: Set<ItemRef>) {
            self.day = day
            self.refs = refs
        }

        enum CodingKeys: String, CodingKey { case day, refs }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            day = try container.decode(CivilDate.self, forKey: .day)
            refs = Set(try container.decode([ItemRef].self, forKey: .refs))
        }

        /// The references in order, so the file reads the same for the same state.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(day, forKey: .day)
            try container.encode(refs.sorted(), forKey: .refs)
        }
    }

    public var books: [String: Day]

    public init(books: [String: Day] = [:]) { self.books = books }

    /// The state file for an environment.
    public static func path(environment: [String: String]) -> String {
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            stateHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return stateHome + "/rapport/notified.json"
    }

    /// Runs `body` on the log at `path` while holding its lock (two `notify`
    /// at once tell each item once), and writes the log back when `body`
    /// returns normally.
    public static func update<T>(at path: String, _ body: (inout NotificationLog) throws -> T) throws -> T {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw NotificationLogError("cannot create \(folder)")
        }
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw NotificationLogError("cannot open \(path).lock") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw NotificationLogError("cannot lock \(path).lock") }
        var log = try current(at: path)
        let result = try body(&log)
        try log.write(to: path)
        return result
    }

    /// Reads the log; an absent file is an empty log, an unreadable one an error naming it.
    public static func current(at path: String) throws -> NotificationLog {
        guard let data = FileManager.default.contents(atPath: path) else { return NotificationLog() }
        do {
            return try JSONDecoder().decode(NotificationLog.self, from: data)
        } catch {
            throw NotificationLogError("\(path) is not a log of notifications Rapport wrote; move it away to start afresh")
        }
    }

    /// Writes the log whole: to a private file beside it, then moved in
    /// (a reader never sees half of it).
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let temporary = path + ".tmp"
        guard let data = try? encoder.encode(self),
              FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw NotificationLogError("cannot write \(path)")
        }
    }
}

/// The log of notifications could not be read or written.
public struct NotificationLogError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
