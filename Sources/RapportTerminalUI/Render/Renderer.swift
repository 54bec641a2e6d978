import Foundation
import RapportCore

/// Draws the state into a buffer: the header, the screen's body, the
/// message or prompt line and the footer. A pure function of the state.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        if state.isTooSmall {
            drawTooSmall(state, into: &buffer)
            return buffer
        }
        drawHeader(state, into: &buffer)
        if let form = state.form {
            FormView.draw(form, state: state, into: &buffer)
        } else {
            switch state.screen {
            case .agenda: AgendaView.draw(state, into: &buffer)
            case .contacts: ContactsView.draw(state, into: &buffer)
            case .accounts: AccountsView.draw(state, into: &buffer)
            case .report: ReportView.draw(state, into: &buffer)
            case .segments: SegmentsView.draw(state, into: &buffer)
            case .contact: ContactCardView.draw(state, into: &buffer)
            case .account: AccountCardView.draw(state, into: &buffer)
            case .brief: BriefView.draw(state, into: &buffer)
            case .help: HelpView.draw(state, into: &buffer)
            }
        }
        drawBottom(state, into: &buffer)
        return buffer
    }

    /// Row 0: the date and the counts on the left, the tabs on the right.
    static func drawHeader(_ state: AppState, into buffer: inout ScreenBuffer) {
        buffer.fill(y: 0, style: .reverse, tint: .accent)
        let counts = "\(state.agenda.overdue.count) late · \(state.agenda.dueToday.count) today"
        let date = DateText.day(state.agenda.today, relativeToYear: 0)
        let shortDate = DateText.day(state.agenda.today, relativeToYear: state.agenda.today.year)
        // The left side from the fullest to the shortest: with "Rapport ·", without, without the year.
        let lefts = [" Rapport · \(date) · \(counts)", " \(date) · \(counts)", " \(shortDate) · \(counts)"]
        func fits(_ left: String, _ tabs: [String]) -> Bool {
            state.width - TerminalText.width(left) > tabs.reduce(0, { $0 + $1.count }) + 2
        }
        // Every tab named in full wherever they fit, the left side giving way
        // first; then short names (Accts, Segs); narrower, only the current
        // one named, the others by number.
        let full = Screen.tabs.enumerated().map { " \($0.offset + 1) \($0.element.title) " }
        let short = Screen.tabs.enumerated().map { " \($0.offset + 1) \($0.element.shortTitle)" }
        let current = Screen.tabs.enumerated().map { state.stack.first == $0.element ? " \($0.offset + 1) \($0.element.title) " : " \($0.offset + 1) " }
        var left = lefts[lefts.count - 1], tabs = current
        search: for candidate in [full, short] {
            for text in lefts where fits(text, candidate) {
                (left, tabs) = (text, candidate)
                break search
            }
        }
        let tabsWidth = tabs.reduce(0) { $0 + $1.count }
        let showTabs = state.width - TerminalText.width(left) > tabsWidth + 2
        buffer.put(left, x: 0, y: 0, limit: showTabs ? state.width - tabsWidth - 1 : state.width, style: [.reverse, .bold], tint: .accent)
        guard showTabs else { return }
        var x = state.width - tabsWidth
        for (index, tab) in tabs.enumerated() {
            let current = state.stack.first == Screen.tabs[index]
            x += buffer.put(tab, x: x, y: 0, style: current ? [.bold] : [.reverse], tint: current ? .normal : .accent)
        }
    }

    /// The two last rows: a message or a prompt, and the keys that apply here.
    static func drawBottom(_ state: AppState, into buffer: inout ScreenBuffer) {
        let messageRow = state.height - 2, footerRow = state.height - 1
        if let prompt = state.prompt {
            let (label, editor, preview, isError): (String, LineEditor?, String, Bool) = {
                switch prompt {
                case .quickAdd(let editor, let preview, let isError, let choices):
                    return ("add ›", editor, choices.map { $0.picked == nil ? $0.preview : preview + "   (Tab: next of \($0.candidates.count))" } ?? preview,
                            isError && choices == nil)
                case .snooze(let ref, let editor, let preview, let isError): return ("snooze \(ref) until ›", editor, preview, isError)
                case .confirmCancel(let ref, let title): return ("Cancel \(ref) \"\(title)\"? y/n", nil, "", false)
                case .filter(let editor): return ("filter ›", editor, "Enter keeps the filter, Esc clears it", false)
                case .confirmContact(let id, let name, let delete):
                    return ("\(delete ? "Delete" : "Archive") @\(id) \(name)? \(delete ? "y/a/n" : "y/n")", nil,
                            delete ? "y deletes, a deletes with their open items too, n keeps; u undoes it" : "hidden from lists and cadences; u undoes it", false)
                case .mergeInto(let keep, let name, let editor):
                    return ("merge into @\(keep) \(name) ›", editor, "the duplicate's name, @id or email; Enter merges", false)
                case .searchTimeline(let editor):
                    let found = state.timelineSearch.map { "\($0.matches.count) found in the timeline" } ?? "titles, notes and outcomes"
                    return ("search ›", editor, found + " · Enter keeps it (n next, N previous), Esc clears it",
                            state.timelineSearch?.matches.isEmpty == true)
                case .confirmDelete(let source, let title):
                    return ("Delete \(source.ref) \"\(title)\"? y/n", nil, "with the touches it made; u undoes it", false)
                }
            }()
            buffer.put(preview, x: 1, y: messageRow, limit: state.width - 2, style: isError ? [] : [.dim], tint: isError ? .late : .muted)
            let used = buffer.put(label + " ", x: 0, y: footerRow, style: [.bold], tint: .accent)
            if let editor { drawEditor(editor, x: used, y: footerRow, width: state.width - used, into: &buffer) }
            return
        }
        if let message = state.message {
            buffer.put(message.text, x: 1, y: messageRow, limit: state.width - 2, tint: message.isError ? .late : .success)
        }
        if state.form != nil {
            buffer.put("Tab/↓ next · Shift-Tab/↑ back · Enter on the last or Ctrl-S saves · Esc discards", x: 0, y: footerRow,
                       limit: state.width, style: [.dim], tint: .muted)
            return
        }
        // A key another row takes on this screen (e in a brief) is named once, by that row.
        let entries = KeyBinding.table.filter { binding in
            binding.label != nil && binding.applies(to: state.screen) && KeyBinding.action(for: binding.keys[0], on: state.screen) == binding.action
        }.map { binding in (key: binding.keys[0] == .escape ? "q" : binding.keys[0].description, label: binding.label!, isHelp: binding.action == .help) }
        func width(_ entry: (key: String, label: String, isHelp: Bool)) -> Int { TerminalText.width("\(entry.key) \(entry.label)") + 2 }
        // As many as fit, in the table's order, always keeping "? help".
        var room = state.width - entries.filter(\.isHelp).reduce(0) { $0 + width($1) }
        var shown = entries.map(\.isHelp)
        for (index, entry) in entries.enumerated() where !entry.isHelp {
            guard width(entry) <= room else { break }
            room -= width(entry)
            shown[index] = true
        }
        var x = 0
        for (index, entry) in entries.enumerated() where shown[index] {
            x += buffer.put(entry.key, x: x, y: footerRow, style: [.bold, .reverse], tint: .normal)
            x += buffer.put(" " + entry.label + "  ", x: x, y: footerRow, tint: .muted)
        }
    }

    /// A text field with its cursor shown as a reversed cell; long text scrolls.
    static func drawEditor(_ editor: LineEditor, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        // Made safe on each side of the cursor, so that the cursor stays between the same characters.
        let split = editor.text.index(editor.text.startIndex, offsetBy: min(editor.cursor, editor.text.count))
        let before = Array(TerminalText.safe(String(editor.text[..<split])))
        let characters = before + Array(TerminalText.safe(String(editor.text[split...])))
        let cursor = before.count
        var start = 0
        while TerminalText.width(String(characters[start..<cursor])) >= width - 1 && start < cursor { start += 1 }
        let used = buffer.put(String(characters[start...]), x: x, y: y, limit: width)
        _ = used
        let cursorX = x + TerminalText.width(String(characters[start..<cursor]))
        if cursorX < buffer.width {
            let under = cursor < characters.count ? String(characters[cursor]) : " "
            buffer.put(under, x: cursorX, y: y, style: [.reverse])
        }
    }

    static func drawTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let lines = ["Enlarge the window:", "Rapport needs \(AppState.minimumWidth)×\(AppState.minimumHeight),",
                     "this is \(state.width)×\(state.height).", "q quits."]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (state.width - TerminalText.width(line)) / 2)
            buffer.put(line, x: x, y: top + offset, style: offset == 0 ? [.bold] : [])
        }
    }

    /// "today", "yesterday", "12 d ago" for a past instant.
    static func ago(_ instant: Date, _ state: AppState) -> String {
        DateText.ago(instant, today: state.agenda.today, calendar: state.calendar)
    }

    /// When a touch is due, relative to today.
    static func dueText(_ day: CivilDate?, _ state: AppState) -> String {
        day.map { DateText.relative($0, today: state.agenda.today) } ?? ""
    }
}
