import Foundation

/// Report figures as both front ends write them.
public enum ReportText {
    /// "▲3", "▼2", "=" where arrows can be shown, else in ASCII "+3", "-2".
    public static func trend(_ current: Int, _ previous: Int, blocks: Bool) -> String {
        let delta = current - previous
        if delta == 0 { return "=" }
        return blocks ? (delta > 0 ? "▲\(delta)" : "▼\(-delta)") : (delta > 0 ? "+\(delta)" : "-\(-delta)")
    }

    /// "1 (50%)"; the share is left out when there is nothing to share.
    public static func part(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "\(part)" : "\(part) (\(percent(Double(part) / Double(whole))))"
    }

    /// "50%", from a share 0–1.
    public static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// "2.5", "1", "–" for none.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? "\(Int(value))" : String(format: "%.1f", value)
    }

    /// What was spent in each currency over `spend`: "€100.00 · $25.00", or "none".
    public static func spend(_ spend: [MonthlySpend]) -> String {
        var totals: [String: Int] = [:]
        for month in spend { totals[month.currency, default: 0] += month.lunchesMinorUnits + month.giftsMinorUnits }
        guard !totals.isEmpty else { return "none" }
        return totals.sorted { $0.key < $1.key }.map { Money(minorUnits: $0.value, currency: $0.key).description }.joined(separator: " · ")
    }

    /// "Nov 2026" for "2026-11".
    public static func month(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return key }
        return "\(DateText.monthAbbreviations[month - 1]) \(parts[0])"
    }

    /// "3 · 4 · 4" (or "3·4·4" compact): a segment's ratings (attractiveness,
    /// competitiveness, appeal), "–" where unrated.
    public static func ratings(_ segment: Segment, compact: Bool = false) -> String {
        [segment.attractiveness, segment.competitiveness, segment.appealToBuyers].map { $0.map(String.init) ?? "–" }
            .joined(separator: compact ? "·" : " · ")
    }

    /// "1 account", "3 accounts".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
