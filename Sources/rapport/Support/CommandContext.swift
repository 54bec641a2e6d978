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
    func dates(rules: SchedulerRules) -> DatePhraseParser {
        DatePhraseParser(today: today, weekend: rules.weekend,
                         numericOrder: NumericDateOrder.from(environment: ProcessInfo.processInfo.environment))
    }

    /// Reads `phrase` as a day and optional time.
    func when(_ phrase: String, rules: SchedulerRules) throws -> When {
        try reporting { try dates(rules: rules).parse(phrase) }
    }

    /// The instant of a "when" phrase; without a time, `defaultTime` (or now's time today).
    func instant(_ phrase: String?, rules: SchedulerRules, defaultTime: LocalTime? = nil) throws -> Date {
        guard let phrase else { return now }
        let when = try self.when(phrase, rules: rules)
        if let time = when.time ?? defaultTime { return calendar.instant(on: when.day, at: time) }
        return when.day == today ? now : calendar.instant(on: when.day, at: .noon)
    }

    /// Splits "Dana Ruiz, Lee Park" into names.
    static func names(_ list: String?) -> [String] {
        list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    /// "Fri 27 Nov 12:30", relative to this year.
    func text(_ due: Due) -> String { DateText.due(due, in: calendar, relativeToYear: today.year) }
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
