import ArgumentParser
import Foundation
import RapportCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segments of the market: define them, rate them 1–5, assign accounts, see where effort goes.",
        discussion: """
            Each segment is rated on three axes: how attractive it is to us (--attractiveness), how competitive \
            we are in it (--competitiveness) and how attractive we are to its buyers (--appeal). On the grid, \
            attractiveness runs across and our position (competitiveness and appeal together) up: \
            invest (both high), build (attractive, weak position), maintain (strong position, less attractive), \
            deprioritise (neither). 3 and more counts as high.
            """,
        subcommands: [SegmentAddCommand.self, SegmentRateCommand.self, SegmentAssignCommand.self, SegmentUnassignCommand.self,
                      SegmentListCommand.self, SegmentOnlyStatementCommand.self, SegmentRemoveCommand.self]
    )
}

/// The three ratings as options, each 1–5.
struct RatingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How attractive the segment is to us, 1–5.", valueName: "1-5"))
    var attractiveness: Int?

    @Option(help: ArgumentHelp("How competitive we are in it, 1–5.", valueName: "1-5"))
    var competitiveness: Int?

    @Option(help: ArgumentHelp("How attractive we are to its buyers, 1–5.", valueName: "1-5"))
    var appeal: Int?

    var ratings: SegmentRatings {
        SegmentRatings(attractiveness: attractiveness, competitiveness: competitiveness, appealToBuyers: appeal)
    }

    func validate() throws {
        for (name, value) in [("attractiveness", attractiveness), ("competitiveness", competitiveness), ("appeal", appeal)] {
            if let value, !(1...5).contains(value) { throw ValidationError("--\(name) is rated 1 to 5, not \(value)") }
        }
    }
}

struct SegmentAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Define a segment: rapport segment add \"Mid-size logistics, DACH\" --attractiveness 5.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The segment's name.") var name: String
    @OptionGroup var rating: RatingOptions
    @Option(help: "What the segment is, who is in it.") var notes: String?

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let segment = try reporting { try database.addSegment(named: name, notes: notes, ratings: rating.ratings, now: context.now) }
        say("Added segment \"\(TerminalText.safe(segment.name))\"" + (rating.ratings.isEmpty ? "" : ", rated \(ReportText.ratings(segment))"))
    }
}

struct SegmentRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "Rate a segment 1–5 on one or more axes: rapport segment rate logistics --competitiveness 2.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The segment (its name or the start of it).") var name: String
    @OptionGroup var rating: RatingOptions

    func validate() throws {
        if rating.ratings.isEmpty { throw ValidationError("give at least one of --attractiveness, --competitiveness, --appeal") }
    }

    func run() throws {
        let database = try store.openForWriting()
        let segment = try reporting { try database.rateSegment(id: database.resolveSegment(name).id!, rating.ratings) }
        say("\"\(TerminalText.safe(segment.name))\" rated \(ReportText.ratings(segment)) (attractiveness · competitiveness · appeal)"
            + (segment.quadrant.map { ": \($0.advice)" } ?? ""))
    }
}

struct SegmentAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Put accounts in a segment: rapport segment assign logistics Acme Globex.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The segment.") var name: String
    @Argument(help: "The accounts (an account is in one segment at a time).") var accounts: [String]

    func validate() throws {
        if accounts.isEmpty { throw ValidationError("name the accounts to assign: rapport segment assign \(name) Acme") }
    }

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let segment = try reporting { try database.resolveSegment(name) }
        let found = try resolveAccounts(accounts, in: database)
        try reporting { try database.assign(accountIDs: found.map { $0.id! }, toSegment: segment.id, now: context.now) }
        say("\(found.map { TerminalText.safe($0.name) }.joined(separator: ", ")) → \"\(TerminalText.safe(segment.name))\"")
    }
}

struct SegmentUnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: "Take accounts out of their segment.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The accounts.") var accounts: [String]

    func validate() throws {
        if accounts.isEmpty { throw ValidationError("name the accounts: rapport segment unassign Acme") }
    }

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let found = try resolveAccounts(accounts, in: database)
        try reporting { try database.assign(accountIDs: found.map { $0.id! }, toSegment: nil, now: context.now) }
        say("\(found.map { TerminalText.safe($0.name) }.joined(separator: ", ")): no segment")
    }
}

/// Every account named, or a failure naming the first that is not there.
private func resolveAccounts(_ names: [String], in database: RapportStore) throws -> [Account] {
    try names.map { name in
        try reporting { try database.resolveAccount(name) }
    }
}

struct SegmentOnlyStatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "only-statement",
        abstract: "What we ONLY can do for a segment's buyers: rapport segment only-statement logistics \"We are the ONLY ones that…\".",
        discussion: "Shown in the briefs of its accounts (instead of the book's, rapport config only-statement), on the Segments screen and in segment list. Without a statement, shows it; \"\" clears it."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The segment (its name or the start of it).") var name: String
    @Argument(help: ArgumentHelp("The statement.", valueName: "statement")) var statement: String?

    func run() throws {
        guard let statement else {
            guard let database = try store.openForReading() else {
                throw CommandFailure("no segment '\(name)'; the book is empty", status: CommandFailure.badInput)
            }
            let segment = try reporting { try database.resolveSegment(name) }
            if let only = segment.onlyStatement { say(TerminalText.safe(only)) }
            else if OutputStyle.detect().isTerminal { say("\"\(TerminalText.safe(segment.name))\" has no ONLY statement yet") }
            return
        }
        let database = try store.openForWriting()
        let segment = try reporting { try database.setOnlyStatement(statement, forSegment: database.resolveSegment(name).id!) }
        say("\"\(TerminalText.safe(segment.name))\": " + (segment.onlyStatement.map { "ONLY statement \"\(TerminalText.safe($0))\"" } ?? "ONLY statement cleared"))
    }
}

struct SegmentRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a segment; its accounts stay, in no segment.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The segment.") var name: String

    func run() throws {
        let database = try store.openForWriting()
        let segment = try reporting { try database.resolveSegment(name) }
        let count = try reporting { try database.accounts(inSegment: segment.id!).count }
        try reporting { try database.removeSegment(id: segment.id!) }
        say("Removed segment \"\(TerminalText.safe(segment.name))\""
            + (count == 0 ? "" : count == 1 ? "; 1 account now has none" : "; \(count) accounts now have none"))
    }
}

struct SegmentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The segments with their ratings, place on the grid, accounts, deals and touches over the period."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Flag(help: "Print the segments as JSON.")
    var json = false

    @Flag(help: "List each segment's accounts too.")
    var accounts = false

    func run() throws {
        let context = CommandContext(store)
        guard let database = try store.openForReading() else {
            if json { try printJSON([SegmentFigures]()) } else if OutputStyle.detect().isTerminal { say(Self.emptyHint) }
            return
        }
        let rules = try reporting { try database.rules() }
        let period = try periodOptions.period(context, rules: rules)
        let report = try reporting { try database.reportCard(for: period, now: context.now, calendar: context.calendar) }
        if json {
            try printJSON(report.segments)
            return
        }
        guard report.segments.contains(where: { $0.segment != nil }) else {
            if OutputStyle.detect().isTerminal { say(Self.emptyHint) }
            return
        }
        let style = OutputStyle.detect()
        say(style.bold("Segments · touches and deals \(report.period.text)"))
        for line in SegmentTable.lines(report.segments, style: style) { say(line) }
        let statements = report.segments.compactMap { figures in figures.segment.flatMap { segment in segment.onlyStatement.map { (segment.name, $0) } } }
        let bookStatement = try reporting { try database.onlyStatement() }
        if !statements.isEmpty || bookStatement != nil {
            say("")
            say(style.bold("ONLY statements"))
            let width = (statements.map { TerminalText.width(TerminalText.safe($0.0)) } + [bookStatement == nil ? 0 : 13]).max() ?? 0
            for (name, statement) in statements {
                let safe = TerminalText.safe(name)
                say("  " + safe + String(repeating: " ", count: max(0, width - TerminalText.width(safe))) + "  " + TerminalText.safe(statement))
            }
            if let bookStatement {
                say("  " + "(the book's)".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + TerminalText.safe(bookStatement))
            }
        }
        if accounts {
            for figures in report.segments {
                let members = try reporting { try database.accounts(inSegment: figures.segment?.id) }
                say("")
                say(style.bold(TerminalText.safe(figures.segment?.name ?? "(no segment)")))
                for account in members { say("  " + TerminalText.safe(account.name)) }
            }
        }
    }

    static let emptyHint = "No segments yet: rapport segment add \"Mid-size logistics, DACH\" --attractiveness 4 --competitiveness 3 --appeal 3"
}
