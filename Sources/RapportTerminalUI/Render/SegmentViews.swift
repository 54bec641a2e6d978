import Foundation
import RapportCore

/// The Segments screen: the segments listed with their figures, placed on
/// the grid by their ratings, and the selected one in detail.
enum SegmentsView {
    /// The letter that marks a segment on the grid.
    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : "+"
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard let report = state.report else {
            buffer.put("Computing the segments…", x: 2, y: 2, tint: .muted)
            return
        }
        let segments = report.segments
        buffer.put("Segments · touches and deals \(report.period.text)", x: 1, y: 1, limit: state.width - 2, style: [.bold], tint: .accent)
        guard segments.contains(where: { $0.segment != nil }) else {
            buffer.put("No segments yet: + adds one, A puts accounts in it; or from a shell:", x: 2, y: 3, limit: state.width - 3, tint: .muted)
            // One option a line, so the example fits an 80-column screen.
            for (offset, line) in ["rapport segment add \"Logistics, DACH\" \\", "  --attractiveness 4 --competitiveness 3 --appeal 3",
                                   "rapport segment assign logistics Acme Globex"].enumerated() {
                buffer.put(line, x: 4, y: 4 + offset, limit: state.width - 5)
            }
            return
        }
        // The list first, as long as the smallest grid allows; the grid takes
        // what is left, at a height whose middle line falls on a rating of 3.
        let listRows = max(2, min(segments.count, state.bodyHeight - 9 - 5))
        drawList(state, segments: segments, rows: listRows, into: &buffer)
        let room = state.bodyHeight - listRows - 5
        let gridHeight = room >= 17 ? 17 : room >= 13 ? 13 : 9
        let gridTop = 2 + 1 + listRows + 1
        let gridWidth = min(gridHeight == 9 ? 37 : 49, max(21, state.width / 2 - 4))
        drawGrid(state, segments: segments, top: gridTop, width: gridWidth, height: gridHeight, into: &buffer)
        let detailX = gridWidth + 9
        if state.width - detailX >= 28 {
            drawDetail(state, x: detailX, top: gridTop - 1, width: state.width - detailX - 1, height: gridHeight + 2, into: &buffer)
        }
    }

    /// One row a segment: letter, name, ratings, grid region, accounts, open deals, touches with a bar of their share.
    static func drawList(_ state: AppState, segments: [SegmentFigures], rows: Int, into buffer: inout ScreenBuffer) {
        let wide = state.width >= 100
        let numbers: [(String, Int)] = wide ? [("Accts", 6), ("Open", 5), ("W/L/NF", 8), ("Touches", 12), ("Lapsed", 7), ("Cold", 5)]
                                            : [("Accts", 6), ("Open", 5), ("Touches", 12)]
        let barWidth = wide ? 12 : (state.width >= 80 ? 8 : 0)
        let fixed = 3 + 9 + 13 + numbers.reduce(0) { $0 + $1.1 } + barWidth + 1
        let nameWidth = max(8, state.width - fixed - 1)
        func row(_ values: [String], y: Int, style: CellStyle, tint: Tint, bar: String = "") {
            var x = 1
            buffer.putPadded(values[0], x: x, y: y, columns: 2, style: style, tint: tint); x += 3
            buffer.putPadded(values[1], x: x, y: y, columns: nameWidth - 1, style: style, tint: tint); x += nameWidth
            buffer.putPadded(values[2], x: x, y: y, columns: 8, style: style, tint: tint); x += 9
            buffer.putPadded(values[3], x: x, y: y, columns: 12, style: style, tint: tint); x += 13
            for (offset, column) in numbers.enumerated() {
                buffer.putPadded(values[4 + offset], x: x, y: y, columns: column.1 - 1, style: style, tint: tint, alignRight: true)
                x += column.1
            }
            if barWidth > 0 { buffer.putPadded(bar, x: x + 1, y: y, columns: barWidth, style: style, tint: style.contains(.reverse) ? tint : .accent) }
        }
        row(["", "Segment", "Rated", "Grid"] + numbers.map(\.0), y: 2, style: [.bold], tint: .muted)
        let largestShare = segments.map(\.shareOfTouches).max() ?? 0
        let position = state.segmentsPosition
        let top = min(max(0, position.selected - rows + 1), max(segments.count - rows, 0))
        for offset in 0..<rows {
            let index = top + offset
            guard segments.indices.contains(index) else { break }
            let figures = segments[index]
            let selected = index == position.selected
            let y = 3 + offset
            if selected { buffer.fill(y: y, style: [.reverse]) }
            var values = [figures.segment == nil ? "" : letter(index), figures.segment?.name ?? "(no segment)",
                          figures.segment.map { ReportText.ratings($0, compact: true) } ?? "", figures.segment.map { $0.quadrant?.rawValue ?? "unrated" } ?? "",
                          "\(figures.accounts)", "\(figures.openDeals)"]
            if wide { values.append("\(figures.deals.won)/\(figures.deals.lost)/\(figures.deals.notAFit)") }
            values.append("\(figures.touches) \(ReportText.percent(figures.shareOfTouches))")
            if wide { values += ["\(figures.pastCadence)", "\(figures.coldAccounts)"] }
            // Bars against the busiest segment, so that differences show.
            let bar = Chart.bar(Int((figures.shareOfTouches * 1000).rounded()), maximum: Int((largestShare * 1000).rounded()),
                                width: barWidth, blocks: state.drawsBlocks)
            row(values, y: y, style: selected ? [.reverse] : [], tint: figures.effort == nil ? .normal : .late, bar: bar)
        }
    }

    /// The grid: attractiveness to us across (1–5), our position up (1–5),
    /// split at 3 into the four regions; each rated segment is its letter.
    static func drawGrid(_ state: AppState, segments: [SegmentFigures], top: Int, width: Int, height: Int, into buffer: inout ScreenBuffer) {
        let blocks = state.drawsBlocks
        let left = 5
        let (horizontal, vertical, cross): (String, String, String) = blocks ? ("─", "│", "┼") : ("-", "|", "+")
        let middleX = left + (width - 1) / 2, middleY = top + (height - 1) / 2
        buffer.put("our position", x: 1, y: top - 1, tint: .muted)
        for row in 0..<height {
            let y = top + row
            if row == 0 || row == height - 1 || y == middleY {
                buffer.put("\(row == 0 ? 5 : row == height - 1 ? 1 : 3)", x: 3, y: y, tint: .muted)
            }
            buffer.put(vertical, x: left - 1, y: y, tint: .muted)
            buffer.put(vertical, x: middleX, y: y, tint: .muted)
            buffer.put(vertical, x: left + width, y: y, tint: .muted)
        }
        buffer.put(String(repeating: horizontal, count: width), x: left, y: middleY, tint: .muted)
        buffer.put(cross, x: middleX, y: middleY, tint: .muted)
        buffer.put(String(repeating: horizontal, count: width + 2), x: left - 1, y: top + height, tint: .muted)
        let axis = " attractiveness to us "
        buffer.put(axis, x: left + max(0, (width - TerminalText.width(axis)) / 2), y: top + height, tint: .muted)
        buffer.put("1", x: left, y: top + height + 1, tint: .muted)
        buffer.put("3", x: middleX, y: top + height + 1, tint: .muted)
        buffer.put("5", x: left + width - 1, y: top + height + 1, tint: .muted)
        // The regions' names in their corners.
        let half = (width - 1) / 2 - 1
        buffer.put("maintain", x: left + 1, y: top, limit: half, style: [.dim], tint: .muted)
        buffer.put("invest", x: middleX + 2, y: top, limit: half, style: [.dim], tint: .muted)
        buffer.put("deprioritise", x: left + 1, y: top + height - 1, limit: half, style: [.dim], tint: .muted)
        buffer.put("build", x: middleX + 2, y: top + height - 1, limit: half, style: [.dim], tint: .muted)
        // The segments, by their ratings; a second one at the same place moves right.
        var taken = Set<Int>()
        for (index, figures) in segments.enumerated() {
            guard let segment = figures.segment, let attractiveness = segment.attractiveness, let position = segment.position else { continue }
            let y = top + Int(((5 - position) * Double(height - 1) / 4).rounded())
            var x = left + Int((Double(attractiveness - 1) * Double(width - 1) / 4).rounded())
            if x == middleX { x += 1 }
            while taken.contains(y * 1000 + x) && x < left + width - 1 { x += 1 }
            taken.insert(y * 1000 + x)
            let selected = index == state.segmentsPosition.selected
            buffer.put(letter(index), x: x, y: y, style: selected ? [.bold, .reverse] : [.bold], tint: figures.effort == nil ? .accent : .late)
        }
    }

    /// The selected segment: its place and what it calls for, its accounts and figures.
    static func drawDetail(_ state: AppState, x: Int, top: Int, width: Int, height: Int, into buffer: inout ScreenBuffer) {
        guard let figures = state.selectedSegment else { return }
        var lines: [(String, CellStyle, Tint)] = []
        let name = figures.segment?.name ?? "Accounts in no segment"
        lines.append(((figures.segment == nil ? "" : letter(state.segmentsPosition.selected) + " ") + name, [.bold], .accent))
        if let segment = figures.segment {
            lines.append((segment.quadrant?.advice ?? "not rated on all three axes yet", [], segment.quadrant == nil ? .muted : .normal))
            func rating(_ value: Int?) -> String { value.map(String.init) ?? "–" }
            lines.append(("attractiveness \(rating(segment.attractiveness)) · competitiveness \(rating(segment.competitiveness))", [], .muted))
            lines.append(("appeal to buyers \(rating(segment.appealToBuyers))", [], .muted))
            if let only = segment.onlyStatement { lines.append(("ONLY: " + only, [], .accent)) }
        }
        let accounts = state.accounts.filter { $0.account.segmentID == figures.segment?.id }.map(\.account.name)
        lines.append((ReportText.count(figures.accounts, "account") + (accounts.isEmpty ? "" : ": " + accounts.prefix(6).joined(separator: ", "))
                      + (accounts.count > 6 ? ", …" : ""), [], .normal))
        lines.append((ReportText.count(figures.contacts, "contact") + " · " + ReportText.count(figures.openDeals, "open deal"), [], .normal))
        lines.append(("\(figures.touches) touches (\(ReportText.percent(figures.shareOfTouches)) of all) this \(state.reportLength.rawValue)", [], .normal))
        lines.append(("won \(figures.deals.won) · lost \(figures.deals.lost) · not a fit \(figures.deals.notAFit)", [], .normal))
        lines.append(("past cadence \(figures.pastCadence) · cold accounts \(figures.coldAccounts)", [], figures.pastCadence + figures.coldAccounts > 0 ? .late : .normal))
        if let effort = figures.effort { lines.append((effort.text, [.bold], .late)) }
        let wrapped = lines.flatMap { line in wrap(line.0, width: width).map { ($0, line.1, line.2) } }
        for (offset, line) in wrapped.prefix(height).enumerated() {
            buffer.put(line.0, x: x, y: top + offset, limit: width, style: line.1, tint: line.2)
        }
    }

    /// Splits text into lines of at most `width` columns at spaces (a word
    /// longer than the width is cut when drawn).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if TerminalText.width(candidate) > width && !current.isEmpty {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        return lines + [current]
    }
}
