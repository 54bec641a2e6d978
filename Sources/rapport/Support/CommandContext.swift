import ArgumentParser
import Foundation
import RapportCore

/// What a command works with: the instant it runs at, the user's calendar,
/// and readers for the phrases it takes (dates, people).
struct CommandContext {
    let options: StoreOptions
    let now: Date
    let calendar: LocalCalendar
    let today: CivilDate

    init(_ options: StoreOptions) {
        self.options = options
        now = options.clock.now
        calendar = options.calendar
        today = calendar.day(of: now)
    }

    /// The date-phrase reader for today, with the book's weekend and the locale's numeric order.
    /// `looksBack`: a day without a year is the latest that has been (what a log records).
    func dates(rules: SchedulerRules, looksBack: Bool = false) -> DatePhraseParser {
        var parser = DatePhraseParser(today: today, weekend: rules.weekend,
                                      numericOrder: NumericDateOrder.from(environment: ProcessInfo.processInfo.environment))
        parser.looksBack = looksBack
        return parser
    }

    /// Reads `phrase` as a day and optional time.
    func when(_ phrase: String, rules: SchedulerRules, looksBack: Bool = false) throws -> When {
        try reporting { try dates(rules: rules, looksBack: looksBack).parse(phrase) }
    }

    /// The instant of a "when" phrase (`Policy.instant`: without a time, `defaultTime`, else now today, else noon).
    func instant(_ phrase: String?, rules: SchedulerRules, defaultTime: LocalTime? = nil, looksBack: Bool = false) throws -> Date {
        guard let phrase else { return now }
        return Policy(rules: rules, calendar: calendar).instant(for: try when(phrase, rules: rules, looksBack: looksBack),
                                                                now: now, defaultTime: defaultTime)
    }

    /// Splits "Dana Ruiz, Lee Park and Sam" into names (`NameMatcher.splitPeople`).
    static func names(_ list: String?) -> [String] {
        list.map(NameMatcher.splitPeople) ?? []
    }

    /// "Fri 27 Nov 12:30", relative to this year.
    func text(_ due: Due) -> String { DateText.due(due, in: calendar, relativeToYear: today.year) }
}

/// Whether names that match no one may become contacts: `--no-create`, `--new NAME`.
struct CreationOptions: ParsableArguments {
    @Flag(help: "Refuse names that match no contact instead of creating them.")
    var noCreate = false

    @Option(name: .customLong("new"), help: ArgumentHelp(
        "Create this person even if the name is one word or close to someone's (repeatable).", valueName: "name"))
    var new: [String] = []

    /// The resolver's rule for this command.
    var rule: NewPeople { noCreate ? .refuse : .whenClearlyNew(named: new) }

    func validate() throws {
        if noCreate && !new.isEmpty { throw ValidationError("--new and --no-create contradict each other") }
    }
}

/// "today", "yesterday", "12 d ago" for a past instant.
func ago(_ instant: Date, _ context: CommandContext) -> String {
    DateText.ago(instant, today: context.today, calendar: context.calendar)
}

/// The stored names of resolved people, in order: existing contacts, then created ones.
func names(of people: People, created: [Contact], in database: RapportStore) throws -> String {
    let existing = try reporting { try people.existingIDs.compactMap { try database.contact(id: $0)?.name } }
    return (existing + created.map(\.name)).map(TerminalText.safe).joined(separator: ", ")
}

/// One line naming created contacts, or nothing.
func createdLine(_ contacts: [Contact]) -> String? {
    guard !contacts.isEmpty else { return nil }
    return "Created " + contacts.map { "@\($0.id!) \(TerminalText.safe($0.name))" }.joined(separator: ", ")
}
