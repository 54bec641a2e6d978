import Foundation
import RapportCore

/// Draws agenda items as rows: reference, kind, title, people, when. The
/// columns adapt to the width: kind and then people give way first.
enum ItemRows {
    /// The reference column: as wide as the longest reference, and a space.
    static func refWidth(_ items: [AgendaItem]) -> Int {
        min((items.map { $0.ref.description.count }.max() ?? 3) + 1, 9)
    }

    /// The "when" column: as wide as the widest, within reason, so columns line up.
    static func whenWidth(_ items: [AgendaItem], _ state: AppState) -> Int {
        min(max(items.map { TerminalText.width(AgendaText.when($0, in: state.agenda, calendar: state.calendar)) }.max() ?? 9, 9), 17)
    }

    static func draw(_ item: AgendaItem, y: Int, selected: Bool, state: AppState, refWidth: Int = 7, whenWidth: Int = 10,
                     into buffer: inout ScreenBuffer) {
        let width = state.width
        let style: CellStyle = selected ? [.reverse] : []
        if selected { buffer.fill(y: y, style: style) }
        let when = AgendaText.when(item, in: state.agenda, calendar: state.calendar)
        let kindWidth = width >= 70 ? 14 : 0
        let flexible = max(width - refWidth - kindWidth - whenWidth - 3, 8)
        let peopleWidth = width >= 55 ? flexible * 2 / 5 : 0
        let titleWidth = flexible - peopleWidth - (peopleWidth > 0 ? 1 : 0)
        var x = 1
        buffer.putPadded(item.ref.description, x: x, y: y, columns: refWidth - 1, style: style, tint: selected ? .normal : .muted)
        x += refWidth
        if kindWidth > 0 {
            buffer.putPadded(item.kind.label, x: x, y: y, columns: kindWidth - 1, style: style, tint: selected ? .normal : .accent)
            x += kindWidth
        }
        buffer.putPadded(AgendaText.title(item), x: x, y: y, columns: titleWidth, style: style)
        x += titleWidth + 1
        if peopleWidth > 0 {
            buffer.putPadded(AgendaText.people(item), x: x, y: y, columns: peopleWidth, style: style, tint: selected ? .normal : .muted)
            x += peopleWidth
        }
        let tint: Tint = item.isOverdue ? .late : item.dueDay == state.agenda.today ? .today : .normal
        buffer.putPadded(when, x: width - whenWidth - 1, y: y, columns: whenWidth, style: style, tint: selected ? .normal : tint, alignRight: true)
    }
}

enum AgendaView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let rows = state.agendaRows
        guard !rows.isEmpty else {
            let lines = ["Nothing late, nothing due this week.", "a adds anything in one phrase: lunch with Dana Ruiz fri 12:30",
                         "m logs a meeting · 2 shows the contacts · ? lists every key"]
            for (offset, line) in lines.enumerated() {
                buffer.put(line, x: max(1, (state.width - TerminalText.width(line)) / 2), y: 2 + offset,
                           style: offset == 0 ? [.bold] : [.dim], tint: offset == 0 ? .success : .muted)
            }
            return
        }
        // Column widths from the rows on screen, so a long agenda costs no more than a short one.
        let shown = (state.agendaPosition.top..<min(state.agendaPosition.top + state.bodyHeight, rows.count)).compactMap { index -> AgendaItem? in
            if case .item(let item) = rows[index] { return state.agendaItems[item] }
            return nil
        }
        let refWidth = ItemRows.refWidth(shown)
        let whenWidth = ItemRows.whenWidth(shown, state)
        for offset in 0..<state.bodyHeight {
            let index = state.agendaPosition.top + offset
            guard rows.indices.contains(index) else { break }
            let y = 1 + offset
            switch rows[index] {
            case .heading(let title, let tint):
                buffer.put(title, x: 1, y: y, style: [.bold], tint: tint)
            case .item(let item):
                ItemRows.draw(state.agendaItems[item], y: y, selected: item == state.agendaPosition.selected, state: state,
                              refWidth: refWidth, whenWidth: whenWidth, into: &buffer)
            }
        }
    }
}

enum ContactsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let rows = state.visibleContacts
        let width = state.width
        let touchWidth = 11, dueWidth = width >= 80 ? 16 : 11, tierWidth = width >= 60 ? 5 : 0
        let flexible = width - touchWidth - dueWidth - tierWidth - 3
        let accountWidth = width >= 60 ? flexible * 2 / 5 : 0
        let nameWidth = flexible - accountWidth
        func row(_ cells: [(String, Int, Bool)], y: Int, style: CellStyle, tint: Tint) {
            var x = 1
            for (text, columns, right) in cells where columns > 0 {
                buffer.putPadded(text, x: x, y: y, columns: columns - 1, style: style, tint: tint, alignRight: right)
                x += columns
            }
        }
        let title = "\(rows.count) of \(state.contacts.count) · sorted by \(state.contactSort.rawValue)"
            + (state.contactFilter.isEmpty ? "" : " · filter: \(state.contactFilter)")
        row([("Name", nameWidth, false), ("Account", accountWidth, false), ("Tier", tierWidth, false),
             ("Last touch", touchWidth, true), ("Touch due", dueWidth, true)], y: 1, style: [.bold], tint: .muted)
        if rows.isEmpty {
            buffer.put(state.contacts.isEmpty ? "No contacts yet: a adds one (\"call Dana Ruiz tomorrow\")" : "No contact matches the filter",
                       x: 2, y: 3, tint: .muted)
        }
        for offset in 0..<(state.bodyHeight - 1) {
            let index = state.contactsPosition.top + offset
            guard rows.indices.contains(index) else { break }
            let contact = rows[index]
            let selected = index == state.contactsPosition.selected
            let y = 2 + offset
            if selected { buffer.fill(y: y, style: [.reverse]) }
            let due = Renderer.dueText(contact.touchDue, state)
            let name = contact.contact.name + (contact.contact.isFavourite ? " ★" : "")
            row([(name, nameWidth, false), (contact.accountName ?? "", accountWidth, false), (contact.contact.tier?.rawValue ?? "", tierWidth, false),
                 (contact.lastTouch.map { Renderer.ago($0, state) } ?? "never", touchWidth, true)],
                y: y, style: selected ? [.reverse] : [], tint: .normal)
            buffer.putPadded(due, x: width - dueWidth - 1, y: y, columns: dueWidth, style: selected ? [.reverse] : [],
                             tint: selected ? .normal : due.hasSuffix("late") ? .late : .normal, alignRight: true)
        }
        buffer.put(title, x: max(1, width - TerminalText.width(title) - 1), y: state.height - 2, limit: width - 2, style: [.dim], tint: .muted)
    }
}

enum AccountsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let width = state.width
        let numbers = width >= 70 ? [("Team", 6), ("Open", 6), ("Won", 5)] : [("Team", 6)]
        let touchWidth = 11
        let fixed = numbers.reduce(0) { $0 + $1.1 } + touchWidth + 2
        let segmentWidth = width >= 60 ? (width - fixed) / 3 : 0
        let nameWidth = width - fixed - segmentWidth
        func row(_ values: [String], y: Int, style: CellStyle, tint: Tint) {
            var x = 1
            buffer.putPadded(values[0], x: x, y: y, columns: nameWidth - 1, style: style, tint: tint)
            x += nameWidth
            if segmentWidth > 0 {
                buffer.putPadded(values[1], x: x, y: y, columns: segmentWidth - 1, style: style, tint: tint)
                x += segmentWidth
            }
            for (offset, column) in numbers.enumerated() {
                buffer.putPadded(values[2 + offset], x: x, y: y, columns: column.1 - 1, style: style, tint: tint, alignRight: true)
                x += column.1
            }
            buffer.putPadded(values.last!, x: x, y: y, columns: touchWidth - 1, style: style, tint: tint, alignRight: true)
        }
        row(["Account", "Segment"] + numbers.map(\.0) + ["Last touch"], y: 1, style: [.bold], tint: .muted)
        if state.accounts.isEmpty {
            buffer.put("No accounts yet: #acme in a quick-add creates one", x: 2, y: 3, tint: .muted)
        }
        for offset in 0..<(state.bodyHeight - 1) {
            let index = state.accountsPosition.top + offset
            guard state.accounts.indices.contains(index) else { break }
            let account = state.accounts[index]
            let selected = index == state.accountsPosition.selected
            if selected { buffer.fill(y: 2 + offset, style: [.reverse]) }
            let values = [account.account.name, account.segmentName ?? "", "\(account.teamSize)", "\(account.openDeals)", "\(account.wonDeals)"]
            row(Array(values.prefix(2 + numbers.count)) + [account.lastTouch.map { Renderer.ago($0, state) } ?? "never"],
                y: 2 + offset, style: selected ? [.reverse] : [], tint: .normal)
        }
    }
}
