import RapportCore

/// The agenda's rows: section headings and items, as the renderer draws
/// them and clicks find them.
public enum AgendaRow: Hashable, Sendable {
    case heading(String, Tint)
    /// An item, by its index in `AppState.agendaItems`.
    case item(Int)
}

extension AppState {
    public var agendaRows: [AgendaRow] {
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

    /// The row that shows item `index`.
    func agendaRow(ofItem index: Int) -> Int {
        agendaRows.firstIndex(of: .item(index)) ?? 0
    }

    /// Keeps the selected agenda item on screen, with its heading when it is the first of a section.
    mutating func keepAgendaSelectionVisible() {
        let row = agendaRow(ofItem: agendaPosition.selected)
        let visible = bodyHeight
        var top = agendaPosition.top
        let wanted = row > 0 && agendaRows[row - 1] != .item(agendaPosition.selected - 1) ? row - 1 : row
        if wanted < top { top = wanted }
        if row >= top + visible { top = row - visible + 1 }
        agendaPosition.top = max(0, top)
    }
}
