import Foundation

/// Small charts drawn with characters: sparklines, bars and heat-map cells,
/// in block characters where the terminal can show them and in ASCII where
/// it cannot. (No library we use draws these; they are a few lines each.)
public enum Chart {
    /// Whether block characters can be shown: a UTF-8 locale on a terminal
    /// whose fonts have them (not the Linux console or a VT100), unless
    /// RAPPORT_ASCII is set.
    public static func canDrawBlocks(environment: [String: String], codeset: String) -> Bool {
        if let ascii = environment["RAPPORT_ASCII"], !ascii.isEmpty, ascii != "0" { return false }
        let term = environment["TERM"] ?? ""
        if term == "linux" || term.hasPrefix("vt") || term == "dumb" { return false }
        return TerminalText.isUTF8(codeset: codeset)
    }

    static let blockLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = [".", "-", "=", "+", "*", "#"]

    /// One character a value, scaled to the largest: a zero is the lowest
    /// mark ("▁" or "_"), any other count at least the next one up.
    public static func sparkline(_ values: [Int], blocks: Bool) -> String {
        let top = values.max() ?? 0
        let levels = blocks ? blockLevels : ["_"] + asciiLevels
        return String(values.map { value -> Character in
            guard value > 0, top > 0 else { return levels[0] }
            let step = 1 + (value * (levels.count - 2) + top - 1) / top
            return levels[min(step, levels.count - 1)]
        })
    }

    /// A horizontal bar `width` cells wide at most, long in proportion to
    /// `value / maximum`, in eighths of a cell with blocks ("█████▍") and in
    /// whole cells of "#" without; a non-zero value shows at least a sliver.
    public static func bar(_ value: Int, maximum: Int, width: Int, blocks: Bool) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let eighths = max(1, min(width * 8, (value * width * 8 + maximum / 2) / maximum))
        guard blocks else { return String(repeating: "#", count: max(1, (eighths + 4) / 8)) }
        let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partials[eighths % 8 - 1]) }
        return text
    }

    /// A heat-map cell for `value` out of `maximum`: blank for none, then
    /// "░▒▓█" (or ".:*#") in quarters.
    public static func heat(_ value: Int, maximum: Int, blocks: Bool) -> Character {
        guard value > 0, maximum > 0 else { return blocks ? "·" : " " }
        let shades: [Character] = blocks ? ["░", "▒", "▓", "█"] : [".", ":", "*", "#"]
        return shades[min(3, (value * 4 - 1) / maximum)]
    }
}
