import ArgumentParser
import RapportCore

struct DealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deal",
        abstract: "Deals qualified for mutual benefit: add one, say what each side wins, close it as won, lost or not a fit, list them.",
        discussion: """
            A deal is worth pursuing when both sides win: --their-win is the client's need it meets, --our-win what we get, \
            --fit how well it suits both (1–5). "Not a fit" is an honest outcome, counted apart from losses. \
            Name a deal by its reference (d3) or a part of its title that only it has.
            """,
        subcommands: [DealAddCommand.self, DealQualifyCommand.self, DealWonCommand.self, DealLostCommand.self,
                      DealNotAFitCommand.self, DealListCommand.self]
    )
}

/// What each side wins and the fit, as options.
struct QualificationOptions: ParsableArguments {
    @Option(name: .customLong("their-win"), help: ArgumentHelp("What the client wins: the need of theirs it meets.", valueName: "text"))
    var theirWin: String?

    @Option(name: .customLong("our-win"), help: ArgumentHelp("What we win.", valueName: "text"))
    var ourWin: String?

    @Option(help: ArgumentHelp("How well it fits both sides, 1 (poorly) to 5 (very well).", valueName: "1-5"))
    var fit: Int?

    var qualification: DealQualification { DealQualification(theirWin: theirWin, ourWin: ourWin, fit: fit) }

    func validate() throws {
        if let fit, !Deal.fitRange.contains(fit) { throw ValidationError("--fit is 1 to 5, not \(fit)") }
    }
}

/// "fit 4/5; they win: …; we win: …" for what was given.
private func qualificationText(_ deal: Deal) -> String {
    [deal.fit.map { "fit \($0)/5" }, deal.theirWin.map { "they win: \(TerminalText.safe($0))" },
     deal.ourWin.map { "we win: \(TerminalText.safe($0))" }].compactMap { $0 }.joined(separator: "; ")
}

struct DealAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an open deal: rapport deal add Platform --account Acme --their-win \"one view of stock\" --our-win \"a 3-year contract\" --fit 4."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "What is being sold.") var title: String
    @Option(help: "The account (created when new).", completion: Completions.accounts) var account: String
    @Option(help: "People on the buyer's side.") var team: Int?
    @OptionGroup var qualification: QualificationOptions

    func validate() throws {
        if let team, !ValidRange.teamSize.contains(team) { throw ValidationError("--team must be from 0 to \(ValidRange.teamSize.upperBound), not \(team)") }
    }

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let deal = try reporting {
            let accountID = try database.addAccount(named: account, now: context.now).id!
            return try database.addDeal(accountID: accountID, title: title, buyerTeamSize: team,
                                        qualification: qualification.qualification, now: context.now)
        }
        let qualified = qualificationText(deal)
        say("Added \(deal.ref) deal \"\(TerminalText.safe(deal.title))\" with \(TerminalText.safe(account))"
            + (qualified.isEmpty ? "" : "; " + qualified)
            + (deal.theirWin == nil && !qualified.isEmpty ? "; what do they win? (--their-win)" : ""))
    }
}

struct DealQualifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualify",
        abstract: "Say what each side wins and how well it fits: rapport deal qualify d3 --their-win \"…\" --fit 4.",
        discussion: "The options not given stay as they were; an empty text (\"\") clears one."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The deal: d3, or a part of its title.", valueName: "deal")) var deal: [String]
    @OptionGroup var qualification: QualificationOptions

    func validate() throws {
        if deal.isEmpty { throw ValidationError("name the deal: rapport deal qualify d3 --fit 4") }
        if qualification.qualification.isEmpty { throw ValidationError("give at least one of --their-win, --our-win, --fit") }
    }

    func run() throws {
        let database = try store.openForWriting()
        let qualified = try reporting {
            try database.qualifyDeal(id: database.resolveDeal(deal.joined(separator: " ")).id!, qualification.qualification)
        }
        say("\(qualified.ref): deal \"\(TerminalText.safe(qualified.title))\" — " + qualificationText(qualified)
            + (qualified.theirWin == nil ? (qualified.fit == nil && qualified.ourWin == nil ? "" : "; ") + "what do they win? (--their-win)" : ""))
    }
}

/// The deal and the day, shared by won, lost and not-a-fit.
struct DealCloseOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The deal: d3, or a part of its title.", valueName: "deal")) var deal: [String]
    @Option(help: ArgumentHelp("When it closed (default: today).", valueName: "date")) var on: String?

    func validate() throws {
        if deal.isEmpty { throw ValidationError("name the deal: d3, or a part of its title") }
    }

    /// Closes the deal as `stage` and prints what happened.
    func close(as stage: DealStage, team: Int? = nil, reason: String? = nil) throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        let day = try on.map { try context.when($0, rules: rules).day } ?? context.today
        let closed = try reporting {
            try database.closeDeal(id: database.resolveDeal(deal.joined(separator: " ")).id!, as: stage, on: day,
                                   buyerTeamSize: team, reason: reason)
        }
        var line = "\(closed.ref): deal \"\(TerminalText.safe(closed.title))\" \(stage.text)"
        if let reason = closed.closeReason { line += " (\(TerminalText.safe(reason)))" }
        if stage == .won, let size = closed.buyerTeamSize,
           let due = Policy(rules: rules, calendar: context.calendar).giftSuggestionDue(closedOn: day, teamSize: size) {
            line += "; a gift for the team of \(size) is due by \(DateText.day(due, relativeToYear: context.today.year)) (\(ItemRef(.giftSuggestion, closed.id!)))"
        }
        say(line)
    }
}

struct DealWonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "won", abstract: "Close a deal as won: rapport deal won d3 [--team N] [--on date].")

    @OptionGroup var options: DealCloseOptions
    @Option(help: "People on the buyer's side (5 or more suggests a gift).") var team: Int?

    func validate() throws {
        if let team, !ValidRange.teamSize.contains(team) { throw ValidationError("--team must be from 0 to \(ValidRange.teamSize.upperBound), not \(team)") }
    }

    func run() throws { try options.close(as: .won, team: team) }
}

struct DealLostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lost", abstract: "Close a deal as lost, and why: rapport deal lost d3 --reason \"went with a cheaper vendor\".")

    @OptionGroup var options: DealCloseOptions
    @Option(help: "Why it was lost.") var reason: String?

    func run() throws { try options.close(as: .lost, reason: reason) }
}

struct DealNotAFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "not-a-fit",
        abstract: "Close a deal as not a fit, and why: rapport deal not-a-fit d3 --reason \"they need on-premise\".",
        discussion: "Either side decided it was not right for both: an honest outcome, counted apart from losses and out of the win rate."
    )

    @OptionGroup var options: DealCloseOptions
    @Option(help: "Why it is not a fit.") var reason: String?

    func run() throws { try options.close(as: .notAFit, reason: reason) }
}

struct DealListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The open deals by fit, the closed ones with why, and the win rate by fit."
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the deals as JSON, newest first.") var json = false

    func run() throws {
        let deals = try reporting { try store.openForReading()?.deals() } ?? []
        if json {
            struct Item: Encodable {
                var id: String, title: String, account: String, stage: String, buyerTeamSize: Int?, closedOn: String?
                var theirWin: String?, ourWin: String?, fit: Int?, reason: String?
            }
            try printJSON(deals.map { Item(id: $0.deal.ref, title: $0.deal.title, account: $0.account, stage: $0.deal.stage.rawValue,
                                           buyerTeamSize: $0.deal.buyerTeamSize, closedOn: $0.deal.closedOn?.iso, theirWin: $0.deal.theirWin,
                                           ourWin: $0.deal.ourWin, fit: $0.deal.fit, reason: $0.deal.closeReason) })
            return
        }
        let style = OutputStyle.detect()
        if deals.isEmpty {
            if style.isTerminal { say("No deals yet: rapport deal add \"Platform\" --account Acme --their-win \"…\" --our-win \"…\" --fit 4") }
            return
        }
        for line in DealTables.lines(deals, style: style) { say(line) }
    }
}

/// The deals as `deal list` prints them: open by fit, closed with why, the win rate by fit.
enum DealTables {
    static func lines(_ deals: [(deal: Deal, account: String)], style: OutputStyle) -> [String] {
        var lines: [String] = []
        let open = deals.filter { $0.deal.stage == .open }.sorted { ($0.deal.fit ?? 0, $1.deal.id!) > ($1.deal.fit ?? 0, $0.deal.id!) }
        if !open.isEmpty {
            lines.append(style.bold("Open deals, best fit first"))
            let rows = open.map { entry in
                [entry.deal.ref, TerminalText.safe(entry.deal.title), TerminalText.safe(entry.account), entry.deal.fit.map { "\($0)/5" } ?? "–",
                 entry.deal.theirWin.map(TerminalText.safe) ?? "what do they win? — ask", entry.deal.ourWin.map(TerminalText.safe) ?? "",
                 entry.deal.buyerTeamSize.map(String.init) ?? ""]
            }
            lines += TextTable(header: ["id", "deal", "account", "fit", "they win", "we win", "team"], rows: rows, rightAligned: [6], style: style).lines
        }
        let closed = deals.filter { $0.deal.stage != .open }
            .sorted { ($0.deal.closedOn?.daysSinceEpoch ?? 0, $0.deal.id!) > ($1.deal.closedOn?.daysSinceEpoch ?? 0, $1.deal.id!) }
        if !closed.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold("Closed, latest first"))
            let rows = closed.map { entry in
                [entry.deal.ref, TerminalText.safe(entry.deal.title), TerminalText.safe(entry.account), entry.deal.stage.text,
                 entry.deal.fit.map { "\($0)/5" } ?? "–", entry.deal.closedOn?.iso ?? "",
                 entry.deal.closeReason.map(TerminalText.safe) ?? (entry.deal.stage == .won ? "" : "no reason given")]
            }
            lines += TextTable(header: ["id", "deal", "account", "outcome", "fit", "closed", "why"], rows: rows, rightAligned: [], style: style).lines
        }
        lines.append("")
        lines.append(style.bold("By fit") + " · the win rate counts won of won + lost; not a fit is apart")
        lines += fitTable(DealFitSummary.of(deals).byFit, style: style)
        return lines
    }

    /// One row a fit: open, won, lost, not a fit, win rate.
    static func fitTable(_ rows: [FitFigures], style: OutputStyle) -> [String] {
        TextTable(header: ["fit", "open", "won", "lost", "not a fit", "win rate"],
                  rows: rows.map { [$0.label, "\($0.open)", "\($0.won)", "\($0.lost)", "\($0.notAFit)", $0.winRate.map(ReportText.percent) ?? "–"] },
                  rightAligned: [1, 2, 3, 4, 5], style: style).lines
    }
}
