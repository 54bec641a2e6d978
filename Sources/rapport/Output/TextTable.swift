import RapportCore

/// Aligned columns, measured in terminal columns; the widest column gives
/// way when the terminal is narrower than the table.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    var rightAligned: Set<Int> = []
    var style: OutputStyle

    var lines: [String] {
        var widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(TerminalText.width).max() ?? 0
        }
        if let width = style.width {
            while widths.reduce(0, +) + 2 * (widths.count - 1) > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > 8 {
                widths[widest] -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            var text = cells.indices.map { column -> String in
                let cell = TerminalText.truncate(cells[column], toWidth: widths[column])
                let padding = String(repeating: " ", count: max(0, widths[column] - TerminalText.width(cell)))
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return [style.bold(line(header))] + rows.map(line)
    }
}
