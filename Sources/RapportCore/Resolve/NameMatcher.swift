import Foundation

/// How Rapport compares names: the one folding and the one list splitting
/// that every entry point uses (quick-add, `--with`, `@ref`, `show`, `edit`,
/// the front end's filter and completion, accounts and segments).
///
/// Folding ignores case, accents and width, and writes Nordic and other
/// letters as they are transliterated: "Strasse" finds "Straße", "Soren"
/// finds "Søren", "Zoe" finds "Zoé". A typed name is also looked for with
/// German transliterations read back (`variants`): "Juergen" finds
/// "Jürgen", "Mueller" finds "Müller" — while "Michael" stays Michael, not Michal.
public enum NameMatcher {
    public static func fold(_ text: String) -> String {
        let basic = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var letters = ""
        letters.reserveCapacity(basic.utf8.count)
        for character in basic {
            switch character {
            case "ø": letters += "o"
            case "æ": letters += "ae"
            case "œ": letters += "oe"
            case "ł": letters += "l"
            case "đ", "ð": letters += "d"
            case "þ": letters += "th"
            case "ı": letters += "i"
            default: letters.append(character)
            }
        }
        return letters.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The folded forms a typed name is looked for under, in order: as typed,
    /// then with `ae`, `oe`, `ue` read as the umlauts they transliterate
    /// (folded like the stored name: "juergen" → "jurgen", the key of "Jürgen").
    public static func variants(_ text: String) -> [String] {
        let folded = fold(text)
        guard folded.contains("e") else { return [folded] }
        let umlauts = folded.replacingOccurrences(of: "ae", with: "a").replacingOccurrences(of: "oe", with: "o")
            .replacingOccurrences(of: "ue", with: "u")
        return umlauts == folded ? [folded] : [folded, umlauts]
    }

    /// Splits a list of people as typed: "Sam Okafor and Lee Park",
    /// "Dana, Lee & Sam". Commas, the word "and" and "&" separate names.
    /// Only people are split: an account's name ("Müller & Söhne GmbH") never is.
    public static func splitPeople(_ text: String) -> [String] {
        var names: [String] = []
        for part in text.split(separator: ",") {
            var current: [Substring] = []
            for word in part.split(whereSeparator: \.isWhitespace) {
                if word == "&" || word.lowercased() == "and" || word.lowercased() == "+" {
                    if !current.isEmpty { names.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(word)
                }
            }
            if !current.isEmpty { names.append(current.joined(separator: " ")) }
        }
        return names
    }

    /// The names that complete what was typed, in the order given: those
    /// whose whole name starts with it first, then those with a word that
    /// does ("lee" → "Lee Park", then "Ann Leeds"), folded as everywhere.
    public static func completions(of typed: String, among names: [String]) -> [String] {
        let folded = fold(typed)
        guard !folded.isEmpty else { return [] }
        let keyed = names.map { (name: $0, key: fold($0)) }
        let whole = keyed.filter { $0.key.hasPrefix(folded) }.map(\.name)
        let word = keyed.filter { !$0.key.hasPrefix(folded) && $0.key.split(separator: " ").contains { $0.hasPrefix(folded) } }.map(\.name)
        return whole + word
    }

    /// How far a typed name may be from a stored one to be offered as
    /// "did you mean": one edit for short words, a third of the length beyond.
    static func isClose(_ typed: String, _ stored: String) -> Int? {
        guard typed.count >= 3 else { return nil }
        let distance = editDistance(typed, stored)
        return distance <= max(1, typed.count / 3) ? distance : nil
    }
}

/// Edit distance over characters, counting a swap of two neighbours as one
/// edit (optimal string alignment): "hnak" is one edit from "hank".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], before[j - 2] + 1)
            }
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
}
