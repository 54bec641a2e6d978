import Foundation

/// Folds names for matching: lower case, accents removed, spaces collapsed,
/// so that "zoe angstrom" finds "Zoë Ångström".
public enum NameMatcher {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
