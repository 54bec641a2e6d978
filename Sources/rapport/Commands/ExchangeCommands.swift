import ArgumentParser
import Foundation
import RapportCore

extension TextEncoding: ExpressibleByArgument {}
extension CSVContacts.DateOrder: ExpressibleByArgument {}
extension VCardWriter.Version: ExpressibleByArgument {}

struct ExportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "The agenda as an iCalendar file: meetings and lunches as events, what is owed as to-dos.",
        discussion: """
            Calendar applications can import the file or subscribe to it (write it from cron to a place they read; \
            -o replaces the file whole, other exports refuse an existing one). Events have their place (LOCATION), \
            their end (a meeting without one lasts meeting-minutes, 60 by default; a lunch 90 minutes) and their \
            attendees; to-dos name the people. UIDs are the items' references with the book's own identifier \
            (f12-<book>@rapport): a re-import updates instead of duplicating, and two books never collide. What was \
            done in the last completed-days (14) stays, marked completed. Reminders (VALARM) unless \
            rapport config reminders off.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Days ahead to include (what is late is always included).")
    var days: Int = 30

    @OptionGroup var file: OutputFileOptions

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be from 0 to 366, not \(days)") }
    }

    func run() throws {
        let now = store.clock.now
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: days)
        let (rules, details) = try reporting { () -> (SchedulerRules, CalendarDetails) in
            guard let database = try store.openForReading() else { return (.default, CalendarDetails(bookID: "")) }
            let rules = try database.rules()
            let since = now.addingTimeInterval(-Double(rules.keepCompletedDays) * 86_400)
            return (rules, try database.calendarDetails(for: agenda, since: since, now: now))
        }
        let writer = ICalendarWriter(calendar: store.calendar, rules: rules)
        try file.write(writer.write(agenda, details: details, now: now), replacing: true)
    }
}

struct ExportVCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "Every contact as vCard 4.0, or 3.0 (importing the file again changes nothing).",
        discussion: """
            Each card has N, FN, a UID that stays the same for the contact's life and differs between books, \
            REV, ORG with the department, TITLE, every EMAIL and TEL with its type, BDAY (a year-less birthday as \
            --MMDD in 4.0 and as Apple writes it in 3.0), addresses, web pages, NOTE and CATEGORIES.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("4.0, or 3.0 for Apple and older Outlook.", valueName: "version"))
    var vcardVersion: VCardWriter.Version = .v4

    @OptionGroup var file: OutputFileOptions

    func run() throws {
        let cards = try reporting { try store.openForReading()?.exportCards() } ?? []
        if let written = try file.write(VCardWriter.write(cards, version: vcardVersion)) {
            FileHandle.standardError.write(Data("Exported \(cards.count) contacts to \(TerminalText.safe(written))\n".utf8))
        }
    }
}

/// The options every contact import has.
struct ImportOptions: ParsableArguments {
    @Flag(help: "Say what each record would do (new, update and with what, unchanged, conflict, skipped); store nothing.")
    var dryRun = false

    @Flag(help: "Where the book and the file disagree on a field (a note, a title…), take the file's value.")
    var preferFile = false

    @Flag(help: "Refuse the whole file when any record cannot be read (otherwise those are skipped and the exit status is 1).")
    var strict = false

    @Option(help: ArgumentHelp("The file's encoding when it has no byte-order mark: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "encoding"))
    var encoding: TextEncoding?

    func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("cannot read \(file)", status: CommandFailure.badInput)
        }
        return Array(data)
    }
}

struct ImportVCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "Import contacts from vCard files (2.1, 3.0 and 4.0, as Google, Apple, Outlook and Thunderbird write them).",
        discussion: """
            A card is the contact with one of its emails, else one of its phone numbers, else the same whole name \
            at the same account; the same name with other phones or notes is someone else ("possible duplicate of \
            @N"). A match gets only what it lacks: new emails, phones, tags and details are added, a field the \
            contact has with another value is kept and reported as a conflict (--prefer-file takes the file's). \
            Cards that cannot be read are skipped with their line (exit status 1); --strict refuses the file instead. \
            Text is read as its CHARSET says, else UTF-8 or UTF-16 (with a BOM), else Windows-1252 with a warning.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("vCard files (.vcf).", valueName: "file"))
    var files: [String]

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one .vcf file") }
    }

    func run() throws {
        var cards: [VCard] = []
        var problems: [String] = [], warnings: [String] = []
        for file in files {
            let result = VCardReader.read(bytes: try options.read(file), encoding: options.encoding)
            cards += result.cards
            problems += result.problems.map { "\(file): \($0)" }
            warnings += result.warnings.map { "\(file): \($0)" } + result.ignored.map { "\(file): \($0); skipped" }
        }
        try importAndReport(cards, problems: problems, warnings: warnings, options: options, store: store)
    }
}

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import contacts from a CRM or spreadsheet export (CSV, comma- or semicolon-separated).",
        discussion: """
            Columns are recognised as Google (current and legacy), Outlook, LinkedIn, HubSpot, Salesforce and \
            Rapport's own export name them (lines above the header, like LinkedIn's notes, are skipped); --map \
            "E-mail 2=email" names others. Columns with no field of their own (addresses, web pages, custom \
            fields) are kept on the contact as labelled details. Numeric dates are read in the order the column's \
            values prove (a first number over 12 is a day); a column that does not prove it is refused unless \
            --date-order says. Contacts match and merge as in import vcard.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("COLUMN=FIELD, to map a column the import does not recognise (repeatable).", valueName: "mapping"))
    var map: [String] = []

    @Option(help: ArgumentHelp("dmy or mdy: the order of numeric dates (03/05/1980) the file does not prove.", valueName: "order"))
    var dateOrder: CSVContacts.DateOrder?

    @OptionGroup var options: ImportOptions

    func validate() throws {
        do { _ = try CSVContacts.overrides(map) } catch { throw ValidationError(error.message) }
    }

    func run() throws {
        let bytes = try options.read(file)
        let result = try reporting {
            try CSVContacts.read(bytes: bytes, encoding: options.encoding, overrides: try CSVContacts.overrides(map), dateOrder: dateOrder)
        }
        try importAndReport(result.cards, problems: result.problems.map { "\(file): \($0)" },
                            warnings: result.warnings.map { "\(file): \($0)" }, options: options, store: store)
    }
}

/// Imports records (from vCard or CSV) and says what happened: warnings and
/// skipped records on stderr; each record's outcome in a dry run, and
/// conflicts and possible duplicates always; then one summary line. Exits 1
/// when records were skipped; with --strict, refuses the file (status 2) instead.
func importAndReport(_ cards: [VCard], problems: [String], warnings: [String], options: ImportOptions, store: StoreOptions) throws {
    for warning in warnings {
        FileHandle.standardError.write(Data("rapport: warning: \(TerminalText.safe(warning))\n".utf8))
    }
    if options.strict, !problems.isEmpty {
        for problem in problems {
            FileHandle.standardError.write(Data("rapport: cannot read \(TerminalText.safe(problem))\n".utf8))
        }
        throw CommandFailure("--strict: \(problems.count) record\(problems.count == 1 ? "" : "s") cannot be read; nothing was imported",
                             status: CommandFailure.badInput)
    }
    let summary: ImportSummary
    let bar = ProgressBar(label: options.dryRun ? "Checking" : "Importing")
    if options.dryRun {
        // A dry run only reads: an existing book read-only, or an empty one in memory.
        let database = try store.openForReading()
        summary = try reporting {
            try (database ?? RapportStore.inMemory()).importCards(cards, dryRun: true, preferFile: options.preferFile,
                                                                  now: store.clock.now, progress: bar.update)
        }
    } else {
        let database = try store.openForWriting()
        summary = try reporting {
            try database.importCards(cards, dryRun: false, preferFile: options.preferFile, now: store.clock.now, progress: bar.update)
        }
    }
    bar.finish()
    for problem in problems {
        FileHandle.standardError.write(Data("rapport: skipped \(TerminalText.safe(problem))\n".utf8))
    }
    for outcome in summary.outcomes where options.dryRun || !outcome.conflicts.isEmpty || !outcome.possibleDuplicates.isEmpty {
        say(describe(outcome, preferFile: options.preferFile))
    }
    let (created, updated, unchanged) = (summary.created.count, summary.updated.count, summary.unchanged.count)
    var line = options.dryRun ? "Would create \(created), update \(updated), leave \(unchanged) unchanged"
                              : "Created \(created), updated \(updated), left \(unchanged) unchanged"
    if summary.conflicts > 0 {
        let fields = summary.conflicts == 1 ? "1 conflicting field" : "\(summary.conflicts) conflicting fields"
        line += options.preferFile ? "; \(fields) taken from the file"
                                   : "; \(fields) kept as the book has \(summary.conflicts == 1 ? "it" : "them") (--prefer-file takes the file's)"
    }
    say(line + (problems.isEmpty ? "" : "; skipped \(problems.count) (see above)"))
    if !problems.isEmpty {
        throw CommandFailure("\(problems.count) record\(problems.count == 1 ? " was" : "s were") skipped", status: CommandFailure.failed)
    }
}

/// "line 4: update @2 Dana Ruiz (by email dana@acme.com): + phone +1 555 0100, title".
private func describe(_ outcome: ImportOutcome, preferFile: Bool) -> String {
    let who = (outcome.contactID.map { "@\($0) " } ?? "") + outcome.name
    var text = "  line \(outcome.line): \(outcome.action.rawValue) \(who)"
    if let by = outcome.matchedBy { text += " (by \(by))" }
    if !outcome.changes.isEmpty { text += ": + " + outcome.changes.joined(separator: ", + ") }
    if !outcome.conflicts.isEmpty {
        text += (outcome.changes.isEmpty ? ": " : "; ") + (preferFile ? "replaced " : "kept ") + outcome.conflicts.joined(separator: "; ")
    }
    if !outcome.possibleDuplicates.isEmpty { text += " (possible duplicate of \(outcome.possibleDuplicates.joined(separator: ", ")))" }
    return TerminalText.safe(text)
}

struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Contacts, or agenda items, as CSV for a spreadsheet: rapport export csv contacts|items.",
        discussion: """
            contacts: one row a contact with every email and phone, tags, account, tier, cadences, birthday and \
            details; rapport import csv reads it back whole. A cell a spreadsheet would run as a formula (starting \
            with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, which the import removes.
            """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case contacts, items
    }

    @OptionGroup var store: StoreOptions

    @Argument(help: "contacts, or items (what is late and due in the next --days).")
    var what: What

    @Option(help: "Days ahead, for items.")
    var days: Int = 30

    @Flag(help: "Start the file with a UTF-8 byte-order mark, so that Excel reads accents right.")
    var excel = false

    @OptionGroup var file: OutputFileOptions

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be from 0 to 366, not \(days)") }
    }

    func run() throws {
        let text: String
        switch what {
        case .contacts:
            let cards = try reporting { try store.openForReading()?.exportCards() } ?? []
            text = try reporting { try CSVExport.contacts(cards) }
        case .items:
            let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: days)
            text = try reporting { try CSVExport.items(agenda, calendar: store.calendar) }
        }
        try file.write((excel ? "\u{FEFF}" : "") + text)
    }
}
