import ArgumentParser
import Foundation
import RapportCore
import RapportSync

/// `rapport sync`: the book to and from a CalDAV/CardDAV server.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync with your phone through a CalDAV/CardDAV server (Radicale, Nextcloud, Fastmail, iCloud).",
        discussion: """
            rapport sync setup URL first. Then rapport sync pulls what changed on the server since the last sync \
            (a to-do completed, a due date or a meeting moved, a number or an address added to a card, an item \
            deleted) into the book as one change (rapport undo takes it back), then sends what changed in the book: \
            meetings and lunches as events, what is owed as to-dos with a due date and a reminder, contacts as \
            vCards. When both sides changed an item, Rapport's version wins and the server's is kept as a conflict \
            (rapport sync status lists them; rapport sync dismiss N forgets one).
            """,
        subcommands: [SyncRunCommand.self, SyncSetupCommand.self, SyncStatusCommand.self, SyncDismissCommand.self],
        defaultSubcommand: SyncRunCommand.self
    )
}

/// The options for reaching the server.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds to wait for the server before giving up.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be from 0 to 600 seconds, not \(timeout)") }
    }
}

/// Turns a sync failure into the command's one-line error.
func syncing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SyncError {
        throw CommandFailure(error.message, status: error.isBadInput ? CommandFailure.badInput : CommandFailure.failed)
    } catch {
        throw CommandFailure(error)
    }
}

/// The password for `settings`: from its command, else asked on the terminal; nil without a user.
func syncPassword(user: String?, command: String?) throws -> String? {
    guard let user else { return nil }
    if let command { return try syncing { try SyncPassword.run(command) } }
    guard let typed = SyncPassword.prompt("Password for \(user): ") else {
        throw CommandFailure("the server needs a password: give sync setup --password-command CMD, or run rapport sync on a terminal",
                             status: CommandFailure.badInput)
    }
    return typed
}

struct SyncRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Pull the server's changes into the book, then send the book's (the default).",
        discussion: "One sync at a time: a second one refuses while the first runs."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions
    @Flag(help: "Show what would be pulled and sent; change nothing.") var dryRun = false

    func run() throws {
        let database = try store.openForWriting()
        guard let settings = try reporting({ try database.syncSettings() }) else {
            throw CommandFailure("no server yet: rapport sync setup URL first", status: CommandFailure.badInput)
        }
        let lock = try syncing { try SyncLock(book: store.path) }
        defer { withExtendedLifetime(lock) {} }
        let password = try syncPassword(user: settings.user, command: settings.passwordCommand)
        let engine = SyncEngine(store: database, settings: settings, password: password, calendar: store.calendar, now: store.clock.now,
                                dryRun: dryRun, timeout: server.timeout)
        let report = try syncing { try engine.run() }
        let verb = dryRun ? "Would send" : "Sent"
        let sent = report.created.count + report.updated.count
        for line in report.pulled { say((dryRun ? "Would pull " : "Pulled ") + TerminalText.safe(line)) }
        for line in report.conflicts { say("Conflict " + TerminalText.safe(line)) }
        for line in report.skipped { say("Skipped " + TerminalText.safe(line)) }
        if sent == 0 && report.deleted.isEmpty {
            say("\(dryRun ? "Would send" : "Sent") nothing: \(report.unchanged) unchanged on the server")
        } else {
            var parts = ["\(report.created.count) new", "\(report.updated.count) changed"]
            if !report.deleted.isEmpty { parts.append("\(report.deleted.count) deleted") }
            say("\(verb) \(parts.joined(separator: ", ")); \(report.unchanged) unchanged")
            if dryRun {
                if !report.created.isEmpty { say("  new: " + report.created.joined(separator: " ")) }
                if !report.updated.isEmpty { say("  changed: " + report.updated.joined(separator: " ")) }
                if !report.deleted.isEmpty { say("  deleted: " + report.deleted.joined(separator: " ")) }
            }
        }
        if !report.pulled.isEmpty && !dryRun { say("rapport undo takes back what was pulled") }
    }
}

struct SyncSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Find the calendar and address book on a server (making ones named Rapport), and remember them.",
        discussion: """
            URL is the server (https://dav.example.com/, or a principal's or a home's URL): Rapport looks for the \
            principal there and at /.well-known/caldav and /.well-known/carddav. The password is printed by \
            --password-command (e.g. "pass show dav"), or asked on the terminal at each sync; it is never stored. \
            Notes are sent only with --include-notes.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var server: ServerOptions
    @Argument(help: ArgumentHelp("The server's URL.", valueName: "url")) var url: String
    @Option(help: ArgumentHelp("The user name.", valueName: "name")) var user: String?
    @Option(help: ArgumentHelp("A command that prints the password (its first line).", valueName: "command")) var passwordCommand: String?
    @Option(help: ArgumentHelp("An existing calendar to use (its URL or path).", valueName: "url")) var calendar: String?
    @Option(help: ArgumentHelp("An existing address book to use (its URL or path).", valueName: "url")) var addressBook: String?
    @Flag(help: "Send contacts' notes too.") var includeNotes = false

    func validate() throws {
        if passwordCommand != nil && user == nil { throw ValidationError("--password-command needs --user") }
    }

    func run() throws {
        let database = try store.openForWriting()
        let password = try syncPassword(user: user, command: passwordCommand)
        let request = SetupRequest(url: url, user: user, password: password, passwordCommand: passwordCommand, calendar: calendar,
                                   addressBook: addressBook, includeNotes: includeNotes, timeout: server.timeout)
        let result = try syncing { try SyncSetup.discover(request) }
        try reporting { try database.saveSyncSettings(result.settings) }
        say("Calendar: \(TerminalText.safe(result.settings.calendarURL))\(result.createdCalendar ? " (created)" : "")")
        say("Address book: \(TerminalText.safe(result.settings.contactsURL))\(result.createdAddressBook ? " (created)" : "")")
        say("rapport sync sends the book there" + (includeNotes ? ", notes included" : ""))
    }
}

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The server, the last sync, what is waiting to be sent, and the conflicts; never writes."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let database = try store.openForReading(), let settings = try reporting({ try database.syncSettings() }) else {
            say("Not set up: rapport sync setup URL")
            return
        }
        let context = CommandContext(store)
        say("Server        \(TerminalText.safe(settings.server))" + (settings.user.map { " as \(TerminalText.safe($0))" } ?? ""))
        say("Calendar      \(TerminalText.safe(settings.calendarURL))")
        say("Address book  \(TerminalText.safe(settings.contactsURL))")
        if let last = settings.lastSync {
            let day = context.calendar.day(of: last)
            say("Last sync     \(DateText.day(day, relativeToYear: context.today.year)) \(DateText.time(context.calendar.time(of: last)))")
        } else {
            say("Last sync     never")
        }
        let (waiting, conflicts) = try reporting { () -> (Int, [SyncConflict]) in
            let mappings = try database.syncMappings()
            let targets = try database.syncTargets(now: context.now, calendar: context.calendar, includeNotes: settings.includeNotes, mappings: mappings)
            let waiting = targets.filter { target in
                guard let mapping = mappings[target.uid] else { return target.action != .delete }
                return target.hash != mapping.hash
            }.count
            return (waiting, try database.syncConflicts())
        }
        say("Waiting       \(waiting) to send")
        say("Conflicts     \(conflicts.count)")
        for conflict in conflicts {
            say("  #\(conflict.id)  \(TerminalText.safe(conflict.ref))  \(TerminalText.safe(conflict.reason))")
        }
    }
}

struct SyncDismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Forget a conflict (rapport sync status lists them with their numbers)."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The conflict's number (#3 or 3).", valueName: "conflict")) var conflict: String

    func validate() throws {
        if UndoCommand.number(conflict) == nil { throw ValidationError("'\(conflict)' is not a conflict number (rapport sync status lists them)") }
    }

    func run() throws {
        let database = try store.openForWriting()
        try reporting { try database.dismissSyncConflict(UndoCommand.number(conflict)!, at: store.clock.now) }
        say("Dismissed conflict #\(UndoCommand.number(conflict)!)")
    }
}
