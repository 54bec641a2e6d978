import ArgumentParser
import Foundation
import RapportCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the book for other tools.",
        subcommands: [ExportJSONCommand.self, ExportICSCommand.self]
    )
}

struct ExportJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "The whole book as one JSON document: every table, every row (a full backup; see the README).",
        discussion: "rapport import json restores it into an empty book, every row with its id."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output (must not exist).", valueName: "file"))
    var output: String?

    func validate() throws {
        if let output, FileManager.default.fileExists(atPath: output) { throw ValidationError("\(output) exists; name a new file") }
    }

    func run() throws {
        let database = try store.openForReading() ?? reporting { try RapportStore.inMemory() }
        let data = try reporting { try BookArchive.export(database, now: store.clock.now) }
        guard let output else {
            // The encoder escapes control characters; this escapes invisible ones too, so a terminal shows it safely.
            say(JSONText.escapeInvisible(String(decoding: data, as: UTF8.self)).trimmingCharacters(in: .newlines))
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write \(output)", status: CommandFailure.failed)
        }
        FileHandle.standardError.write(Data("Exported the book to \(TerminalText.safe(output))\n".utf8))
    }
}

struct ExportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "The agenda as an iCalendar file: meetings and lunches as events, what is owed as to-dos.",
        discussion: """
            Calendar applications can import the file or subscribe to it (write it from cron to a place they read). \
            UIDs are the items' references (f12@rapport), so a re-import updates instead of duplicating.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Days ahead to include (what is late is always included).")
    var days: Int = 30

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output (replaced if it exists).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be from 0 to 366, not \(days)") }
    }

    func run() throws {
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: days)
        let text = ICalendarWriter(calendar: store.calendar).write(agenda, now: store.clock.now)
        guard let output else {
            OutputBuffer.shared.flush()
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // Written beside the file and moved into place, so a subscribed calendar never reads half a file.
        let temporary = output + ".rapport-tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, output) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CommandFailure("cannot write \(output)", status: CommandFailure.failed)
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a book in.",
        subcommands: [ImportJSONCommand.self]
    )
}

struct ImportJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Restore a document from rapport export json into an empty book: all of it, or nothing."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The document.", valueName: "file"))
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("cannot read \(file)", status: CommandFailure.badInput)
        }
        let database = try store.openForWriting()
        let counts = try reporting { try BookArchive.restore(data, into: database) }
        let contacts = counts["contact"] ?? 0, accounts = counts["account"] ?? 0
        let rows = counts.values.reduce(0, +)
        say("Restored \(contacts) contacts, \(accounts) accounts and everything about them (\(rows) rows) from \(TerminalText.safe(file))")
    }
}
