import Foundation

/// The suite's tables: as text on standard output, and as the Markdown of
/// the README's figures section.
enum Report {
    /// `rapport overdue` next to `task overdue` and `remind -q`, book by book.
    static func sideBySideRows(_ figures: [SizeFigures]) -> [[String]] {
        figures.map { sized in
            let overdue = sized.figure(Name.overdue)
            func versus(_ name: String) -> [String] {
                guard let other = sized.figure(name) else { return ["–", "–"] }
                let ratio = overdue.map { times(other.medianMs / $0.medianMs) } ?? "–"
                return [ms(other.medianMs) + (other.peakMemoryMiB.map { " (\(mib($0)))" } ?? ""), ratio]
            }
            return [sized.size.label, grouped(sized.book.openItems), overdue.flatMap(\.lines).map(grouped) ?? "–",
                    overdue.map { ms($0.medianMs) + ($0.peakMemoryMiB.map { " (\(mib($0)))" } ?? "") } ?? "–"]
                + versus(Name.task) + versus(Name.remind)
        }
    }

    static let sideBySideHeader = ["book", "open items", "overdue lines", "rapport overdue", "task overdue", "÷ rapport", "remind -q", "÷ rapport"]

    static func sideBySide(_ figures: [SizeFigures]) -> String {
        "Side by side (medians, peak memory in brackets; ÷ rapport: the tool's time over `rapport overdue`'s):\n"
            + text([sideBySideHeader] + sideBySideRows(figures))
    }

    static let targetHeader = ["target", "book", "measured", "limit", "ratio", "result"]

    static func targetRows(_ checks: [TargetCheck]) -> [[String]] {
        checks.map { [$0.target, $0.book, $0.measured, $0.limit, $0.ratio, $0.pass ? "PASS" : "MISS"] }
    }

    static func targetTable(_ checks: [TargetCheck], markdown: Bool) -> String {
        let passed = checks.filter(\.pass).count
        let rows = [targetHeader] + targetRows(checks)
        return (markdown ? Report.markdown(rows, left: 2) : "Targets (issue #17): \(passed) of \(checks.count) met\n" + text(rows, left: 2))
    }

    /// The figures table a size a column, in the README's form.
    static func figureRows(_ figures: [SizeFigures]) -> [[String]] {
        func row(_ label: String, _ value: (SizeFigures) -> String?) -> [String] { [label] + figures.map { value($0) ?? "–" } }
        func median(_ name: String) -> (SizeFigures) -> String? { { $0.figure(name).map { ms($0.medianMs) } } }
        var rows = [[""] + figures.map(\.size.label)]
        rows.append(row("contacts / interactions") { "\(grouped($0.size.contacts)) / \(grouped($0.size.interactions))" })
        rows.append(row("open items / lines `overdue` prints") { sized in
            "\(grouped(sized.book.openItems)) / \(sized.figure(Name.overdue)?.lines.map(grouped) ?? "–")"
        })
        rows.append(row("floor: a static Swift program that prints one line", median(Name.floor)))
        rows.append(row("`rapport --version`", median(Name.version)))
        rows.append(row("`rapport overdue --count`", median(Name.count)))
        rows.append(row("`rapport overdue`", median(Name.overdue)))
        rows.append(row("`rapport today`", median(Name.today)))
        rows.append(row("`rapport upcoming` (7 days)", median(Name.upcoming)))
        rows.append(row("`rapport add` (on a copy of the book)", median(Name.add)))
        rows.append(row("`rapport show @1`", median(Name.show)))
        rows.append(row("`rapport report` (the month)", median(Name.report)))
        rows.append(row("`rapport import vcard` (10 MB into a new book; peak memory)") { sized in
            sized.figure(Name.importVCard).map { ms($0.medianMs) + ($0.peakMemoryMiB.map { " (\(mib($0)))" } ?? "") }
        })
        rows.append(row("scheduler, overdue, in process", median(Name.schedulerOverdue)))
        func pair(_ first: String, _ second: String) -> (SizeFigures) -> String? {
            { sized in
                guard let a = sized.figure(first), let b = sized.figure(second) else { return nil }
                return "\(ms(a.medianMs)) / \(ms(b.medianMs))"
            }
        }
        rows.append(row("report card in process: month / quarter", pair("report card, month (in process)", "report card, quarter (in process)")))
        rows.append(row("front end in process: first frame / key to redraw",
                        pair("front end: first frame, 100×30 (in process)", "front end: key to redraw (in process)")))
        rows.append(row("front end in a pseudo-terminal: first frame (100×30)", median(Name.firstFrame)))
        rows.append(row("front end in a pseudo-terminal: key to redraw", median(Name.redraw)))
        rows.append(row("`task overdue` (× `rapport overdue`)") { sized in
            sized.figure(Name.task).map { task in ms(task.medianMs) + (sized.figure(Name.overdue).map { " (\(times(task.medianMs / $0.medianMs)))" } ?? "") }
        })
        rows.append(row("`remind -q` (× `rapport overdue`)") { sized in
            sized.figure(Name.remind).map { remind in ms(remind.medianMs) + (sized.figure(Name.overdue).map { " (\(times(remind.medianMs / $0.medianMs)))" } ?? "") }
        })
        rows.append(row("peak memory: `overdue --count` / most of a shell command") { sized in
            let commands = sized.measurements.filter { $0.name.hasPrefix("rapport ") && $0.name != Name.importVCard && $0.peakMemoryMiB != nil }
            guard let count = sized.figure(Name.count)?.peakMemoryMiB,
                  let most = commands.max(by: { $0.peakMemoryMiB! < $1.peakMemoryMiB! }) else { return nil }
            return String(format: "%.0f / %.0f MiB (`%@`)", count, most.peakMemoryMiB!, String(most.name.dropFirst(8)))
        })
        rows.append(row("peak memory: `task overdue` / `remind -q`") { sized in
            let task = sized.figure(Name.task)?.peakMemoryMiB, remind = sized.figure(Name.remind)?.peakMemoryMiB
            guard task != nil || remind != nil else { return nil }
            return [task, remind].map { $0.map { String(format: "%.0f", $0) } ?? "–" }.joined(separator: " / ") + " MiB"
        })
        rows.append(row("seeding the book") { String(format: "%.1f s", $0.book.seedSeconds) })
        rows.append(row("database size") { "\($0.book.databaseBytes / 1_048_576) MiB" })
        return rows
    }

    /// The README's figures section: the figures, then the targets.
    static func markdown(_ run: SuiteRun) -> String {
        let date = ISO8601DateFormatter.string(from: run.startedAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        var text = "Figures of one run of `Scripts/benchmark\(run.preset == "quick" ? " quick" : run.preset == "large" ? " large" : "")` "
            + "(\(date), \(run.machine); static release build; medians of \(run.runs) runs after a warm-up (\(run.runs * 5) for the floor), "
            + "\(run.toolRuns) for `task` and `remind`; measured in \(Int(run.wallSeconds.rounded())) s"
            + (run.missingTools.isEmpty ? "" : "; not installed: \(run.missingTools.joined(separator: ", "))") + "):\n\n"
        text += markdown(figureRows(run.sizes)) + "\n"
        let passed = run.targets.filter(\.pass).count
        text += "Targets (issue #17), \(passed) of \(run.targets.count) met:\n\n"
        text += targetTable(run.targets, markdown: true)
        return text
    }

    /// A Markdown table: the first `left` columns left-aligned, the others right-aligned.
    static func markdown(_ rows: [[String]], left: Int = 1) -> String {
        guard let header = rows.first else { return "" }
        let escaped = rows.map { $0.map { $0.replacingOccurrences(of: "|", with: "\\|") } }
        var lines = ["| " + escaped[0].joined(separator: " | ") + " |",
                     "| " + header.indices.map { $0 < left ? "---" : "---:" }.joined(separator: " | ") + " |"]
        for row in escaped.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell: the first `left` left-aligned, the others right-aligned.
    static func text(_ rows: [[String]], left: Int = 1) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < left ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
