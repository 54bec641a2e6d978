import RapportCore

/// Prints agenda items as aligned lines: reference, kind, title, people, when.
/// Every stored text goes through `TerminalText.safe` first.
struct AgendaPrinter {
    var agenda: Agenda
    var calendar: LocalCalendar
    var style: OutputStyle

    /// The items as table rows, aligned to one another (and cut to the terminal's width).
    func lines(_ items: [AgendaItem], indent: String = "") -> [String] {
        let rows = items.map { item in
            (ref: item.ref.description,
             kind: item.kind.label,
             title: TerminalText.safe(AgendaText.title(item)),
             people: TerminalText.safe(AgendaText.people(item)),
             when: AgendaText.when(item, in: agenda, calendar: calendar),
             late: item.isOverdue)
        }
        let refWidth = rows.map { $0.ref.count }.max() ?? 0
        let kindWidth = rows.map { $0.kind.count }.max() ?? 0
        let whenWidth = rows.map { $0.when.count }.max() ?? 0
        // Long titles and lists of people are cut even in a pipe, so columns stay readable.
        var titleWidth = min(rows.map { TerminalText.width($0.title) }.max() ?? 0, 60)
        var peopleWidth = min(rows.map { TerminalText.width($0.people) }.max() ?? 0, 40)
        if let width = style.width {
            // Fit the line: the title gives way first, then the people.
            let fixed = indent.count + refWidth + kindWidth + whenWidth + 8
            let room = max(width - fixed, 20)
            if titleWidth + peopleWidth > room {
                peopleWidth = min(peopleWidth, max(room / 3, 10))
                titleWidth = max(room - peopleWidth, 10)
            }
        }
        return rows.map { row in
            let when = String(repeating: " ", count: whenWidth - row.when.count) + row.when
            let people = peopleWidth == 0 ? "" : TerminalText.pad(row.people, toWidth: peopleWidth) + "  "
            let line = indent + row.ref + String(repeating: " ", count: refWidth - row.ref.count + 2)
                + row.kind + String(repeating: " ", count: kindWidth - row.kind.count + 2)
                + TerminalText.pad(row.title, toWidth: titleWidth) + "  "
                + people
                + (row.late ? style.red(when) : when)
            return trimTrailing(line)
        }
    }

    private func trimTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
