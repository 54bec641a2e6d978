import Foundation
import RapportCore

/// The Brief screen: the brief's lines, wrapped to the width, scrolled by
/// `state.scroll`.
enum BriefView {
    /// One drawn row: where it starts, its label (in the label column) and its text.
    struct Row: Hashable {
        var indent: Int
        var label: String
        var text: String
        var kind: BriefLine.Kind
        var tone: BriefTone
    }

    /// The rows of the current brief at the screen's width: the layout the
    /// view draws and the scrolling measures.
    static func lines(_ state: AppState) -> [Row] {
        guard let screen = state.briefScreen, let brief = screen.brief else { return [] }
        let labelWidth = state.width >= 60 ? BriefLine.labelWidth : 9
        var rows: [Row] = []
        var indent = 1
        for line in BriefLayout.lines(brief, now: state.now, calendar: state.calendar) {
            switch line.kind {
            case .title, .heading, .blank:
                indent = 1
                rows.append(Row(indent: 1, label: "", text: line.text, kind: line.kind, tone: line.tone))
            case .subheading:
                rows.append(Row(indent: 2, label: "", text: line.text, kind: line.kind, tone: line.tone))
                indent = 4
            case .field:
                let valueX = indent + labelWidth + 1
                for (index, part) in wrap(line.text, width: state.width - valueX - 1).enumerated() {
                    rows.append(Row(indent: indent, label: index == 0 ? line.label : "", text: part, kind: .field, tone: line.tone))
                }
            case .text:
                let x = indent == 1 ? 2 : indent
                for part in wrap(line.text, width: state.width - x - 1) {
                    rows.append(Row(indent: x, label: "", text: part, kind: .text, tone: line.tone))
                }
            }
        }
        return rows
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard let screen = state.briefScreen, case .brief(let subject) = state.screen, screen.subject == subject, screen.brief != nil else {
            buffer.put("Reading the brief…", x: 2, y: 2, tint: .muted)
            return
        }
        let rows = lines(state)
        let labelWidth = state.width >= 60 ? BriefLine.labelWidth : 9
        for offset in 0..<state.bodyHeight {
            let index = state.scroll + offset
            guard rows.indices.contains(index) else { break }
            let row = rows[index], y = 1 + offset
            switch row.kind {
            case .title:
                buffer.put(row.text, x: 1, y: y, limit: state.width - 2, style: [.bold], tint: .accent)
            case .heading:
                buffer.put(row.text, x: 1, y: y, limit: state.width - 2, style: [.bold], tint: .accent)
            case .subheading:
                buffer.put(row.text, x: row.indent, y: y, limit: state.width - row.indent - 1, style: [.bold])
            case .field:
                buffer.putPadded(row.label, x: row.indent, y: y, columns: labelWidth, tint: .muted)
                let x = row.indent + labelWidth + 1
                buffer.put(row.text, x: x, y: y, limit: state.width - x - 1, style: style(row.tone), tint: tint(row.tone))
            case .text:
                buffer.put(row.text, x: row.indent, y: y, limit: state.width - row.indent - 1, style: style(row.tone), tint: tint(row.tone))
            case .blank:
                break
            }
        }
        // More below: say so on the last row rather than cut silently.
        if state.scroll + state.bodyHeight < rows.count {
            let more = " ↓ \(rows.count - state.scroll - state.bodyHeight) more "
            buffer.put(more, x: max(0, state.width - TerminalText.width(more) - 1), y: state.bodyHeight, style: [.reverse], tint: .muted)
        }
    }

    private static func style(_ tone: BriefTone) -> CellStyle {
        switch tone {
        case .muted: return [.dim]
        case .ask, .accent: return [.bold]
        default: return []
        }
    }

    private static func tint(_ tone: BriefTone) -> Tint {
        switch tone {
        case .normal: return .normal
        case .muted: return .muted
        case .accent: return .accent
        case .ask: return .today
        case .late: return .late
        }
    }

    /// Lines of at most `width` columns, split at spaces; a leading indent is kept on each.
    private static func wrap(_ text: String, width: Int) -> [String] {
        let indent = String(text.prefix { $0 == " " })
        guard width - indent.count > 8 else { return [text] }
        return SegmentsView.wrap(String(text.dropFirst(indent.count)), width: width - indent.count).map { indent + $0 }
    }
}
