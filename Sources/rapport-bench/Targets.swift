import Foundation

/// One target of issue #17 checked on one book.
struct TargetCheck: Codable {
    var target: String
    var book: String
    var measured: String
    var limit: String
    /// The figure the target is about, with the target's own bound.
    var ratio: String
    var pass: Bool
}

/// The targets (issue #17), checked on a run's figures. Each compares
/// medians of the same run; a target whose figure was not measured (a tool
/// not installed, a size not in the preset) is left out, and one checked on
/// another size than its own says so.
struct Targets {
    var figures: [SizeFigures]

    static let naturalSlug = "contacts-10k-interactions-"

    func checks() -> [TargetCheck] {
        var checks: [TargetCheck] = []
        for sized in figures {
            guard let floor = sized.figure(Name.floor)?.medianMs else { continue }
            let label = sized.size.label
            if let count = sized.figure(Name.count)?.medianMs {
                checks.append(TargetCheck(target: "`overdue --count` within 2× the floor", book: label, measured: ms(count),
                                          limit: ms(2 * floor), ratio: times(count / floor) + " floor (≤ 2×)", pass: count <= 2 * floor))
            }
            for name in [Name.overdue, Name.today] {
                guard let figure = sized.figure(name) else { continue }
                let lines = figure.lines ?? 0
                let limit = 2 * floor + 0.003 * Double(lines)
                checks.append(TargetCheck(target: "`\(name.dropFirst(8))` within 2× the floor + 3 µs a line", book: "\(label) (\(lines) lines)",
                                          measured: ms(figure.medianMs), limit: ms(limit),
                                          ratio: times(figure.medianMs / limit) + " the limit (≤ 1×)", pass: figure.medianMs <= limit))
            }
            if let add = sized.figure(Name.add)?.medianMs {
                checks.append(TargetCheck(target: "`add` within 3× the floor", book: label, measured: ms(add), limit: ms(3 * floor),
                                          ratio: times(add / floor) + " floor (≤ 3×)", pass: add <= 3 * floor))
            }
        }

        // At 10M interactions no slower than at 10k.
        let natural = figures.filter { $0.size.slug.hasPrefix(Self.naturalSlug) }
        if let small = natural.first(where: { $0.size.interactions == 10_000 })?.figure(Name.count),
           let largest = natural.max(by: { $0.size.interactions < $1.size.interactions }), largest.size.interactions > 10_000,
           let big = largest.figure(Name.count) {
            let note = largest.size.interactions < 10_000_000 ? " (10M: `Scripts/benchmark large`)" : ""
            checks.append(TargetCheck(target: "`overdue --count` at 10M interactions no slower than at 10k (10% for noise)",
                                      book: "\(largest.size.label) vs 10k\(note)", measured: ms(big.medianMs), limit: ms(small.medianMs * 1.1),
                                      ratio: times(big.medianMs / small.medianMs) + " (≤ 1.1×)", pass: big.medianMs <= small.medianMs * 1.1))
        }

        // Side by side: at 100k items, or the largest task list of the run.
        let lists = figures.filter { $0.size.openItems != nil }
        if let list = lists.first(where: { $0.size.openItems == 100_000 }) ?? lists.max(by: { $0.book.openItems < $1.book.openItems }),
           let overdue = list.figure(Name.overdue)?.medianMs {
            let book = list.size.openItems == 100_000 ? list.size.label : "\(list.size.label) (target: 100k)"
            if let task = list.figure(Name.task)?.medianMs {
                checks.append(TargetCheck(target: "`overdue` ≥ 100× faster than `task overdue`", book: book,
                                          measured: "\(ms(overdue)) vs \(ms(task))", limit: ms(task / 100),
                                          ratio: times(task / overdue) + " faster (≥ 100×)", pass: task / overdue >= 100))
            }
            if let remind = list.figure(Name.remind)?.medianMs {
                checks.append(TargetCheck(target: "`overdue` ≥ 10× faster than `remind -q`", book: book,
                                          measured: "\(ms(overdue)) vs \(ms(remind))", limit: ms(remind / 10),
                                          ratio: times(remind / overdue) + " faster (≥ 10×)", pass: remind / overdue >= 10))
            }
        }

        // The front end and memory: at 1M interactions, or the largest book of the run.
        if let big = figures.first(where: { $0.size.slug == Self.naturalSlug + "1M" })
            ?? figures.max(by: { $0.book.databaseBytes < $1.book.databaseBytes }) {
            let book = big.size.slug == Self.naturalSlug + "1M" ? big.size.label : "\(big.size.label) (target: 1M)"
            if let first = big.figure(Name.firstFrame)?.medianMs {
                checks.append(TargetCheck(target: "front end's first frame in a pseudo-terminal under 30 ms", book: book, measured: ms(first),
                                          limit: ms(30), ratio: times(first / 30) + " the limit (< 1×)", pass: first < 30))
            }
            if let redraw = big.figure(Name.redraw)?.medianMs {
                checks.append(TargetCheck(target: "a key to its redraw under 2 ms", book: book, measured: ms(redraw),
                                          limit: ms(2), ratio: times(redraw / 2) + " the limit (< 1×)", pass: redraw < 2))
            }
            if let memory = big.figure(Name.count)?.peakMemoryMiB {
                checks.append(TargetCheck(target: "peak memory of `overdue --count` under 12 MiB", book: book, measured: mib(memory),
                                          limit: mib(12), ratio: times(memory / 12) + " the limit (< 1×)", pass: memory < 12))
            }
            // The import runs into a new book (at the first size only), not on this one.
            let commands = big.measurements.filter { $0.name.hasPrefix("rapport ") && $0.name != Name.importVCard && $0.peakMemoryMiB != nil }
            if let most = commands.max(by: { $0.peakMemoryMiB! < $1.peakMemoryMiB! }), let memory = most.peakMemoryMiB {
                checks.append(TargetCheck(target: "peak memory of every shell command under 25 MiB", book: "\(book): most is `\(most.name.dropFirst(8))`",
                                          measured: mib(memory), limit: mib(25), ratio: times(memory / 25) + " the limit (< 1×)", pass: memory < 25))
            }
        }
        return checks
    }
}

func ms(_ value: Double) -> String {
    value >= 1_000 ? String(format: "%.2f s", value / 1_000) : value >= 100 ? String(format: "%.0f ms", value)
        : value >= 10 ? String(format: "%.1f ms", value) : String(format: "%.2f ms", value)
}

func mib(_ value: Double) -> String { String(format: "%.1f MiB", value) }

func times(_ value: Double) -> String { value >= 10 ? String(format: "%.0f×", value) : String(format: "%.1f×", value) }
