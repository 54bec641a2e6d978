import RapportCore

/// The segments as `rapport report` and `rapport segment list` print them:
/// ratings, place on the grid, accounts, deals and touches in the period.
enum SegmentTable {
    static func lines(_ segments: [SegmentFigures], style: OutputStyle) -> [String] {
        let rows = segments.map { figures in
            [TerminalText.safe(figures.segment?.name ?? "(no segment)"), figures.segment.map { ReportText.ratings($0) } ?? "",
             figures.segment.map { $0.quadrant?.rawValue ?? "unrated" } ?? "", "\(figures.accounts)", "\(figures.contacts)",
             "\(figures.openDeals)", "\(figures.deals.won)/\(figures.deals.lost)/\(figures.deals.notAFit)",
             "\(figures.touches) (\(ReportText.percent(figures.shareOfTouches)))", "\(figures.pastCadence)", "\(figures.coldAccounts)",
             figures.effort?.rawValue ?? ""]
        }
        return TextTable(header: ["segment", "rated A·C·B", "grid", "accounts", "contacts", "open deals", "won/lost/not fit",
                                  "touches", "past cadence", "cold", "effort"],
                         rows: rows, rightAligned: [3, 4, 5, 6, 7, 8, 9], style: style).lines
    }
}
