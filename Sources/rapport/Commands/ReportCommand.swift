import ArgumentParser
import Foundation
import RapportCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The report card: how the relationship work went this month (or week, quarter), against the period before.",
        discussion: """
            Thank-you notes, follow-ups, touches (per tier and account), meetings and their preparation, \
            lunches, gifts and spend, deals (not-a-fit counted apart from losses), then where the book \
            stands today: notes owed, contacts past their stay-in-touch cadence, accounts gone cold, and segments. \
            The README ("The report card and segments") says what each figure counts. This command only reads.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Flag(help: "Print the report as one JSON document with the same figures.")
    var json = false

    @Option(help: ArgumentHelp("How many rows the lists (accounts, lapsed contacts, cold accounts) show.", valueName: "n"))
    var top = 5

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForReading()
        let rules = try reporting { try database?.rules() } ?? .default
        let period = try periodOptions.period(context, rules: rules)
        let book = try database ?? reporting { try RapportStore.inMemory() }
        let report = try reporting { try book.reportCard(for: period, now: context.now, calendar: context.calendar) }
        if json {
            try printJSON(report)
            return
        }
        let style = OutputStyle.detect()
        let blocks = style.isTerminal && Chart.canDrawBlocks(environment: ProcessInfo.processInfo.environment, codeset: localeCodeset())
        for line in ReportPrinter(report: report, style: style, blocks: blocks, top: top, context: context).lines { say(line) }
    }
}
