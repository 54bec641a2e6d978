import ArgumentParser
import Foundation
import RapportCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the book for other tools.",
        subcommands: [ExportJSONCommand.self, ExportICSCommand.self, ExportVCardCommand.self, ExportCSVCommand.self]
    )
}

struct ExportJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "The whole book as one JSON document: every table, every row (a full backup; see the README).",
        discussion: "rapport import json restores it into an empty book, every row with its id."
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var file: OutputFileOptions

    func run() throws {
        let database = try store.openForReading() ?? reporting { try RapportStore.inMemory() }
        let data = try reporting { try BookArchive.export(database, now: store.clock.now) }
        // JSON escapes control characters itself; invisible ones are escaped too, so a terminal shows it safely.
        if let written = try file.write(JSONText.escapeInvisible(String(decoding: data, as: UTF8.self))) {
            FileHandle.standardError.write(Data("Exported the book to \(TerminalText.safe(written))\n".utf8))
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a book in.",
        subcommands: [ImportJSONCommand.self, ImportVCardCommand.self, ImportCSVCommand.self]
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
