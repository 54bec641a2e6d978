import ArgumentParser
import RapportCore

/// The period a report covers: the week, month (default) or quarter ending
/// today, or the days from one date to another.
struct PeriodOptions: ParsableArguments {
    @Flag var length: ReportPeriod.Length?

    @Option(help: ArgumentHelp("The first day: 2026-10-01, \"1 oct\" (the latest 1 October).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("The last day (default today).", valueName: "date"))
    var to: String?

    func validate() throws {
        if from != nil && length != nil { throw ValidationError("give --from or --\(length!.rawValue), not both") }
    }

    /// The period, reading dates as the quick-add grammar does, except that
    /// a day and month without a year is the latest that has been.
    func period(_ context: CommandContext, rules: SchedulerRules) throws -> ReportPeriod {
        var dates = context.dates(rules: rules)
        dates.looksBack = true
        func day(_ phrase: String) throws -> CivilDate { try reporting { try dates.parse(phrase).day } }
        let last = try to.map(day) ?? context.today
        if let from {
            return try reporting { try ReportPeriod(from: day(from), to: last) }
        }
        return .ending(on: last, length: length ?? .month)
    }
}

extension ReportPeriod.Length: EnumerableFlag {
    public static func help(for value: ReportPeriod.Length) -> ArgumentHelp? {
        switch value {
        case .week: return "The seven days ending today (or --to)."
        case .month: return "The month ending today (or --to): 25 Oct – 24 Nov. The default."
        case .quarter: return "The three months ending today (or --to)."
        }
    }
}
