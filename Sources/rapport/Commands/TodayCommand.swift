import ArgumentParser
import RapportCore

struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Show what is overdue and due today (and, with --days, what comes next).",
        discussion: """
            Items are grouped as Overdue, Today and Upcoming, most overdue first, then by \
            tier (A, B, C) and kind. Each line starts with the item's reference (f12, t3…) \
            to use with `rapport done`.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(parsing: .unconditional, help: "Also show what is due in the next N days.")
    var days: Int = 0

    @Flag(help: "Print the agenda as JSON: {date, overdue, today, upcoming}, each an array of items.")
    var json = false

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be from 0 to 366, not \(days)") }
    }

    func run() throws {
        let (agenda, bookIsEmpty) = try AgendaLoader(options: store).load(upcomingDays: days)
        let calendar = store.calendar
        if json {
            struct Document: Encodable {
                var date: String
                var overdue: [AgendaItemJSON]
                var today: [AgendaItemJSON]
                var upcoming: [AgendaItemJSON]
            }
            try printJSON(Document(date: agenda.today.iso,
                                   overdue: agenda.overdue.map { AgendaItemJSON($0, calendar: calendar) },
                                   today: agenda.dueToday.map { AgendaItemJSON($0, calendar: calendar) },
                                   upcoming: agenda.upcoming.map { AgendaItemJSON($0, calendar: calendar) }))
            return
        }
        let style = OutputStyle.detect()
        let printer = AgendaPrinter(agenda: agenda, calendar: calendar, style: style)
        var counts = ["\(agenda.overdue.count) overdue", "\(agenda.dueToday.count) today"]
        if days > 0 { counts.append("\(agenda.upcoming.count) in the next \(days) days") }
        say(style.bold(DateText.day(agenda.today, relativeToYear: 0)) + " · " + counts.joined(separator: " · "))
        if agenda.isEmpty {
            say("")
            say(days > 0 ? "Nothing overdue, due today or in the next \(days) days." : "Nothing overdue or due today.")
            if bookIsEmpty {
                say("Your book is empty. Start with:")
                say("  rapport contact add \"Dana Ruiz\" --account Acme --tier A")
                say("  rapport follow-up add \"Send the pricing deck\" --with \"Dana Ruiz\" --due fri")
            }
            return
        }
        let sections = [("Overdue", agenda.overdue), ("Today", agenda.dueToday), ("Upcoming", agenda.upcoming)]
        let all = printer.lines(agenda.overdue + agenda.dueToday + agenda.upcoming, indent: "  ")
        var offset = 0
        for (name, items) in sections {
            defer { offset += items.count }
            guard !items.isEmpty else { continue }
            say("")
            say(style.bold(name))
            for line in all[offset..<(offset + items.count)] { say(line) }
        }
    }
}

struct UpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "Show what is due after today, within the next N days."
    )

    @OptionGroup var store: StoreOptions

    @Option(parsing: .unconditional, help: "How many days ahead.")
    var days: Int = 7

    @Flag(help: "Print the items as a JSON array.")
    var json = false

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be from 1 to 366, not \(days)") }
    }

    func run() throws {
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: days)
        if json {
            try printJSON(agenda.upcoming.map { AgendaItemJSON($0, calendar: store.calendar) })
            return
        }
        let style = OutputStyle.detect()
        if agenda.upcoming.isEmpty {
            if style.isTerminal { say("Nothing due in the next \(days) days.") }
            return
        }
        for line in AgendaPrinter(agenda: agenda, calendar: store.calendar, style: style).lines(agenda.upcoming) {
            say(line)
        }
    }
}
