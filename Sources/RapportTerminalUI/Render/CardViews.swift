import Foundation
import RapportCore

/// A line of a card: text, or an open item (drawn as an agenda row).
enum CardLine {
    case text(String, CellStyle, Tint)
    case field(String, String)
    /// A timeline entry: the card's row it is (open items first), when, what kind, what.
    case entry(row: Int, String, String, String)
    case item(Int)
    case blank
}

/// Draws card lines, scrolled so that the selected open item is on screen.
enum CardDrawing {
    static func draw(_ lines: [CardLine], items: [AgendaItem], state: AppState, into buffer: inout ScreenBuffer) {
        let selectedLine = lines.firstIndex { line in
            switch line {
            case .item(let row), .entry(let row, _, _, _): return row == state.scroll
            default: return false
            }
        } ?? 0
        let visible = state.bodyHeight
        let top = max(0, min(selectedLine - visible / 2, lines.count - visible))
        let labelWidth = min(13, max(state.width / 4, 8))
        for offset in 0..<visible {
            let index = top + offset
            guard lines.indices.contains(index) else { break }
            let y = 1 + offset
            switch lines[index] {
            case .text(let text, let style, let tint):
                buffer.put(text, x: 1, y: y, limit: state.width - 2, style: style, tint: tint)
            case .field(let label, let value):
                buffer.putPadded(label, x: 2, y: y, columns: labelWidth, tint: .muted)
                buffer.put(value, x: 3 + labelWidth, y: y, limit: state.width - labelWidth - 4)
            case .entry(let row, let when, let kind, let title):
                let selected = row == state.scroll
                if selected { buffer.fill(y: y, style: [.reverse]) }
                let style: CellStyle = selected ? [.reverse] : []
                buffer.putPadded(when, x: 2, y: y, columns: 17, style: style, tint: selected ? .normal : .muted)
                buffer.putPadded(kind, x: 20, y: y, columns: 10, style: style, tint: selected ? .normal : .accent)
                buffer.put(title, x: 31, y: y, limit: state.width - 32, style: style)
            case .item(let item):
                ItemRows.draw(items[item], y: y, selected: item == state.scroll, state: state, refWidth: ItemRows.refWidth(items),
                              whenWidth: ItemRows.whenWidth(items, state), into: &buffer)
            case .blank:
                break
            }
        }
    }
}

enum ContactCardView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard let card = state.contactCard, case .contact(let id) = state.screen, card.contact.id == id else {
            buffer.put("Loading…", x: 2, y: 2, tint: .muted)
            return
        }
        let headline = card.headline
        var lines: [CardLine] = [.text(card.contact.name + "  @\(id)" + (headline.isEmpty ? "" : " · " + headline), [.bold], .accent)]
        lines += card.fields(today: state.agenda.today, calendar: state.calendar).map { CardLine.field($0.label, $0.value) }
        lines.append(.blank)
        lines.append(.text("Open · \(card.open.count)", [.bold], .today))
        lines += card.open.indices.map(CardLine.item)
        if card.open.isEmpty { lines.append(.text("  nothing open", [.dim], .muted)) }
        lines.append(.blank)
        lines.append(.text("Timeline", [.bold], .accent))
        if card.timeline.isEmpty { lines.append(.text("  nothing logged yet", [.dim], .muted)) }
        for (index, entry) in card.timeline.enumerated() {
            let when = DateText.due(.instant(entry.at), in: state.calendar, relativeToYear: state.agenda.today.year)
            // What a search found shows where: the notes or outcome, or the others' names, after the title.
            let found = state.timelineSearch.flatMap { search -> String? in
                guard search.matches.contains(index), !SearchText.matches(entry.title, search.query) else { return nil }
                if SearchText.matches(entry.notes, search.query) { return entry.notes }
                return entry.people.isEmpty ? nil : "with " + entry.people.joined(separator: ", ")
            }
            lines.append(.entry(row: card.open.count + index, when, entry.kind,
                                entry.title + (entry.at > state.now ? " (booked)" : "") + (found.map { " — " + $0 } ?? "")))
        }
        CardDrawing.draw(lines, items: card.open, state: state, into: &buffer)
    }
}

enum AccountCardView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard let card = state.accountCard, case .account(let id) = state.screen, card.account.id == id else {
            buffer.put("Loading…", x: 2, y: 2, tint: .muted)
            return
        }
        var lines: [CardLine] = [.text(card.account.name + (card.segment.map { " · \($0.name)" } ?? ""), [.bold], .accent)]
        if let notes = card.account.notes { lines.append(.field("notes", notes)) }
        lines.append(.blank)
        lines.append(.text("Team · \(card.team.count)", [.bold], .accent))
        for member in card.team {
            let detail = [member.contact.title, member.contact.tier.map { "tier \($0.rawValue)" },
                          member.lastTouch.map { "last touch \(Renderer.ago($0, state))" }].compactMap { $0 }.joined(separator: " · ")
            lines.append(.field(member.contact.name, detail))
        }
        lines.append(.blank)
        lines.append(.text("Open · \(card.open.count)", [.bold], .today))
        lines += card.open.indices.map(CardLine.item)
        lines.append(.blank)
        lines.append(.text("Deals · \(card.deals.count)", [.bold], .accent))
        for deal in card.deals {
            let stage = deal.stage == .notAFit ? "not a fit" : deal.stage.rawValue
            lines.append(.field("d\(deal.id!)", "\(deal.title) · \(stage)" + (deal.buyerTeamSize.map { " · team of \($0)" } ?? "")
                                + (deal.closedOn.map { " · \(DateText.day($0, relativeToYear: state.agenda.today.year))" } ?? "")))
        }
        lines.append(.blank)
        lines.append(.text("Gifts · \(card.gifts.count)", [.bold], .accent))
        for gift in card.gifts {
            let cost = gift.costMinorUnits.map { Money(minorUnits: $0, currency: gift.currency ?? "USD").description }
            lines.append(.field("\(gift.ref)", [gift.description, gift.state.rawValue, cost,
                                                 gift.sentOn.map { DateText.day($0, relativeToYear: state.agenda.today.year) }]
                .compactMap { $0 }.joined(separator: " · ")))
        }
        CardDrawing.draw(lines, items: card.open, state: state, into: &buffer)
    }
}

enum HelpView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let rows = KeyBinding.table.map { binding in
            (binding.keys.map(\.description).joined(separator: " "), binding.help)
        }
        let keyWidth = min(rows.map { TerminalText.width($0.0) }.max() ?? 10, state.width / 3)
        // Where the page is in the table, so that a short screen says there is more below.
        let shown = max(min(state.bodyHeight - 1, rows.count - state.scroll), 0)
        let position = shown < rows.count ? " · \(state.scroll + 1)–\(state.scroll + shown) of \(rows.count), j k PgDn scroll" : ""
        buffer.put("Keys" + position, x: 1, y: 1, limit: state.width - 2, style: [.bold], tint: .accent)
        for offset in 0..<(state.bodyHeight - 1) {
            let index = state.scroll + offset
            guard rows.indices.contains(index) else { break }
            buffer.putPadded(rows[index].0, x: 2, y: 2 + offset, columns: keyWidth, style: [.bold])
            buffer.put(rows[index].1, x: 4 + keyWidth, y: 2 + offset, limit: state.width - keyWidth - 5)
        }
    }
}

enum FormView {
    static func draw(_ form: Form, state: AppState, into buffer: inout ScreenBuffer) {
        buffer.put(form.title, x: 1, y: 1, limit: state.width - 2, style: [.bold], tint: .accent)
        let labelWidth = min((form.fields.map { TerminalText.width($0.label) }.max() ?? 8) + 1, state.width / 3)
        let visible = max(state.bodyHeight - 2, 1)
        let top = max(0, min(form.focus - visible + 1, form.fields.count - visible))
        for offset in 0..<visible {
            let index = top + offset
            guard form.fields.indices.contains(index) else { break }
            let field = form.fields[index]
            let y = 2 + offset
            let focused = index == form.focus
            buffer.putPadded(field.label, x: 1, y: y, columns: labelWidth, style: focused ? [.bold] : [], tint: focused ? .accent : .muted)
            let x = labelWidth + 2
            if focused {
                Renderer.drawEditor(field.editor, x: x, y: y, width: state.width - x - 1, into: &buffer)
                if field.editor.text.isEmpty { buffer.put(field.hint, x: x + 2, y: y, limit: state.width - x - 3, style: [.dim], tint: .muted) }
                if let completion = field.completion, completion.matches.count > 1 {
                    // Every match, the one shown marked: Tab goes to the next.
                    let list = completion.matches.enumerated().map { ($0.offset == completion.index ? "▸" : "") + $0.element }
                    buffer.put("Tab: " + list.joined(separator: " · "), x: 1, y: state.height - 2, limit: state.width - 2, style: [.dim], tint: .muted)
                }
            } else if field.editor.text.isEmpty {
                buffer.put(field.hint, x: x, y: y, limit: state.width - x - 1, style: [.dim], tint: .muted)
            } else {
                buffer.put(field.editor.text, x: x, y: y, limit: state.width - x - 1)
            }
        }
        if let error = form.error {
            buffer.put(error, x: 1, y: state.height - 2, limit: state.width - 2, style: [.bold], tint: .late)
        }
    }
}
