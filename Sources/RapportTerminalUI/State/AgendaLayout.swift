import RapportCore

/// The agenda's rows: section headings and items, as the renderer draws
/// them and clicks find them.
public enum AgendaRow: Hashable, Sendable {
    case heading(String, Tint)
    /// An item, by its index in `AppState.agendaItems`.
    case item(Int)
}

extension AppState {
    static func rows(of agenda: Agenda) -> [AgendaRow] {
        var rows: [AgendaRow] = []
        var index = 0
        for (name, items, tint) in [("Overdue", agenda.overdue, Tint.late), ("Today", agenda.dueToday, Tint.today),
                                    ("Coming up", agenda.upcoming, Tint.accent)] where !items.isEmpty {
            rows.append(.heading("\(name) · \(items.count)", tint))
            for _ in items {
                rows.append(.item(index))
                index += 1
            }
        }
        return rows
    }

    /// The row that shows item `index`: the item plus the headings above it.
    func agendaRow(ofItem index: Int) -> Int {
        var headings = 0
        var end = 0
        for count in [agenda.overdue.count, agenda.dueToday.count, agenda.upcoming.count] where count > 0 {
            headings += 1
            end += count
            if index < end { break }
        }
        return index + headings
    }

    /// Whether item `index` is the first of its section (its heading is right above it).
    func isFirstOfSection(_ index: Int) -> Bool {
        index == 0 || index == agenda.overdue.count || index == agenda.overdue.count + agenda.dueToday.count
    }

    /// Keeps the selected agenda item on screen, with its heading when it is the first of a section.
    mutating func keepAgendaSelectionVisible() {
        let row = agendaRow(ofItem: agendaPosition.selected)
        let visible = bodyHeight
        var top = agendaPosition.top
        let wanted = isFirstOfSection(agendaPosition.selected) ? row - 1 : row
        if wanted < top { top = wanted }
        if row >= top + visible { top = row - visible + 1 }
        agendaPosition.top = max(0, top)
    }
}
