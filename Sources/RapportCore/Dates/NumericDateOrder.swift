/// How to read a numeric date such as `12/1`: day first or month first.
///
/// The rule: `RAPPORT_DATE_ORDER=dmy` or `mdy` decides; else the region of
/// the locale (`LC_ALL`, then `LC_TIME`, then `LANG`): the United States and
/// the few others that write month first read `mdy`, every other region
/// `dmy`. With no region (the C or POSIX locale) the order is not clear and
/// numeric dates are refused; `dec 1` and `2026-12-01` always work.
public enum NumericDateOrder: String, Sendable {
    case dayMonth = "dmy"
    case monthDay = "mdy"

    static let monthFirstRegions: Set<String> = ["US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"]

    public static func from(environment: [String: String]) -> NumericDateOrder? {
        if let explicit = environment["RAPPORT_DATE_ORDER"], let order = NumericDateOrder(rawValue: explicit.lowercased()) {
            return order
        }
        let locale = [environment["LC_ALL"], environment["LC_TIME"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        // language_REGION.encoding@modifier
        let base = locale.split(separator: ".").first.map(String.init) ?? locale
        let parts = base.split(separator: "_")
        guard parts.count >= 2 else { return nil }
        let region = String(parts[1].prefix(2)).uppercased()
        return monthFirstRegions.contains(region) ? .monthDay : .dayMonth
    }
}
