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

struct ExportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "The agenda as an iCalendar file: meetings and lunches as events, what is owed as to-dos.",
        discussion: """
            Calendar applications can import the file or subscribe to it (write it from cron to a place they read; \
            -o replaces the file whole, other exports refuse an existing one). \
            UIDs are the items' references (f12@rapport), so a re-import updates instead of duplicating.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(parsing: .unconditional, help: "Days ahead to include (what is late is always included).")
    var days: Int = 30

    @OptionGroup var file: OutputFileOptions

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be from 0 to 366, not \(days)") }
    }

    func run() throws {
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: days)
        try file.write(ICalendarWriter(calendar: store.calendar).write(agenda, now: store.clock.now), replacing: true)
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

struct ExportVCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "Every contact as vCard 4.0 (importing the file again changes nothing)."
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var file: OutputFileOptions

    func run() throws {
        let cards = try reporting { try store.openForReading()?.exportCards() } ?? []
        if let written = try file.write(VCardWriter.write(cards)) {
            FileHandle.standardError.write(Data("Exported \(cards.count) contacts to \(TerminalText.safe(written))\n".utf8))
        }
    }
}

struct ImportVCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "Import contacts from vCard files (3.0 and 4.0, as Google, Apple, Outlook and Thunderbird write them).",
        discussion: """
            A card matches a contact by email, else by the same name at the same account; a match gets what the \
            card adds. Importing the same file again creates no one. Cards that cannot be read are reported \
            with their line and skipped; the rest is imported in one transaction.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("vCard files (.vcf).", valueName: "file"))
    var files: [String]

    @Flag(help: "Say what would be created, updated and left unchanged; store nothing.")
    var dryRun = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one .vcf file") }
    }

    func run() throws {
        var cards: [VCard] = []
        var problems: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("cannot read \(file)", status: CommandFailure.badInput)
            }
            let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
            let (read, bad) = VCardReader.read(text)
            cards += read
            problems += bad.map { "\(file): \($0)" }
        }
        try importAndReport(cards, problems: problems, dryRun: dryRun, store: store)
    }
}

/// Imports cards (from vCard or CSV) and says what happened: problems on
/// stderr, one summary line, and in a dry run the names concerned.
func importAndReport(_ cards: [VCard], problems: [String], dryRun: Bool, store: StoreOptions) throws {
    let summary: ImportSummary
    let bar = ProgressBar(label: dryRun ? "Checking" : "Importing")
    if dryRun {
        let database = try store.openForReading()
        // A dry run against a copy in memory when there is no book yet.
        summary = try reporting {
            try (database ?? RapportStore.inMemory()).importCards(cards, dryRun: true, now: store.clock.now, progress: bar.update)
        }
    } else {
        let database = try store.openForWriting()
        summary = try reporting { try database.importCards(cards, dryRun: false, now: store.clock.now, progress: bar.update) }
    }
    bar.finish()
    for problem in problems {
        FileHandle.standardError.write(Data("rapport: skipped \(TerminalText.safe(problem))\n".utf8))
    }
    let (created, updated, unchanged) = (summary.created.count, summary.updated.count, summary.unchanged.count)
    let line = dryRun ? "Would create \(created), update \(updated), leave \(unchanged) unchanged"
                      : "Created \(created), updated \(updated), left \(unchanged) unchanged"
    say(line + (problems.isEmpty ? "" : "; skipped \(problems.count) (see above)"))
    if dryRun {
        for name in summary.created { say("  new: \(TerminalText.safe(name))") }
        for name in summary.updated { say("  update: \(TerminalText.safe(name))") }
    }
}

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import contacts from a CRM or spreadsheet export (CSV, comma- or semicolon-separated).",
        discussion: """
            Columns are recognised by their usual names (Name, First Name, Last Name, Email, Phone, Company, \
            Account Name, Title, Tags, Notes, Birthday); --map "E-mail 2=email" names others. Contacts match \
            as in import vcard: importing the same file again creates no one.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("COLUMN=FIELD, to map a column the import does not recognise (repeatable).", valueName: "mapping"))
    var map: [String] = []

    @Flag(help: "Say what would be created, updated and left unchanged; store nothing.")
    var dryRun = false

    func validate() throws {
        do { _ = try CSVContacts.overrides(map) } catch { throw ValidationError(error.message) }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("cannot read \(file)", status: CommandFailure.badInput)
        }
        let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
        let (cards, problems) = try reporting { try CSVContacts.read(text, overrides: try CSVContacts.overrides(map)) }
        try importAndReport(cards, problems: problems.map { "\(file): \($0)" }, dryRun: dryRun, store: store)
    }
}


struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Contacts, or agenda items, as CSV for a spreadsheet: rapport export csv contacts|items."
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case contacts, items
    }

    @OptionGroup var store: StoreOptions

    @Argument(help: "contacts, or items (what is late and due in the next --days).")
    var what: What

    @Option(parsing: .unconditional, help: "Days ahead, for items.")
    var days: Int = 30

    @OptionGroup var file: OutputFileOptions

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be from 0 to 366, not \(days)") }
    }

    func run() throws {
        let text: String
        switch what {
        case .contacts:
            let database = try store.openForReading()
            let rows = try reporting { () -> [ContactRow] in
                guard let database else { return [] }
                let scheduler = Scheduler(rules: try database.rules(), calendar: store.calendar)
                return try database.contactList(ContactFilter(), now: store.clock.now, scheduler: scheduler)
            }
            text = try reporting { try CSVExport.contacts(rows, calendar: store.calendar) }
        case .items:
            let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: days)
            text = try reporting { try CSVExport.items(agenda, calendar: store.calendar) }
        }
        try file.write(text)
    }
}
