/// An exact amount of money: minor units (cents) and an ISO 4217 currency.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var minorUnits: Int
    public var currency: String

    public init(minorUnits: Int, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Currencies written without minor units.
    static let zeroDecimal: Set<String> = ["JPY", "KRW", "ISK", "CLP", "VND", "HUF"]
    /// Codes accepted after an amount ("80 EUR").
    static let codes: Set<String> = ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK",
                                     "PLN", "CZK", "HUF", "INR", "CNY", "HKD", "SGD", "KRW", "BRL", "MXN", "ZAR",
                                     "ISK", "CLP", "VND", "ILS", "AED", "TRY"]
    /// Symbols accepted before or after an amount; `$` means US dollars.
    static let symbols: [Character: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"]

    static func decimals(_ currency: String) -> Int { zeroDecimal.contains(currency) ? 0 : 2 }

    /// The amount alone, in major units: "75.00", "5000".
    public var amountText: String {
        let decimals = Money.decimals(currency)
        let amount = String(minorUnits)
        guard decimals > 0 else { return amount }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - amount.count)) + amount
        return String(padded.dropLast(decimals)) + "." + String(padded.suffix(decimals))
    }

    /// "€75.00", "$80.50", "1200 CHF": symbol first where there is one.
    public var description: String {
        let amount = amountText
        if let symbol = Money.symbols.first(where: { $0.value == currency })?.key {
            return "\(symbol)\(amount)"
        }
        return "\(amount) \(currency)"
    }

    /// Reads an amount with its currency: `$80`, `€75.50`, `80€`, `80 EUR`
    /// (two words), `80eur`. Returns the amount and how many words it used,
    /// nil when the words are not an amount. Throws on a malformed amount
    /// of a currency ("$8.123").
    static func match(_ words: [String], at index: Int) throws(PhraseError) -> (Money, Int)? {
        let word = words[index]
        if let first = word.first, let currency = symbols[first] {
            return try amount(String(word.dropFirst()), currency, word).map { ($0, 1) }
        }
        if let last = word.last, let currency = symbols[last] {
            return try amount(String(word.dropLast()), currency, word).map { ($0, 1) }
        }
        let upper = word.uppercased()
        if let code = codes.first(where: { upper.hasSuffix($0) && upper.count > $0.count }),
           upper.dropLast(code.count).allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) {
            return try amount(String(word.dropLast(code.count)), code, word).map { ($0, 1) }
        }
        if index + 1 < words.count, codes.contains(words[index + 1].uppercased()),
           word.first?.isNumber == true {
            return try amount(word, words[index + 1].uppercased(), word + " " + words[index + 1]).map { ($0, 2) }
        }
        return nil
    }

    /// Reads a whole text as one amount; nil when it is not one.
    public static func parse(_ words: [String]) throws(PhraseError) -> (Money, Int)? {
        try match(words, at: 0)
    }

    /// Reads a whole text as one amount ("$80", "€75.50", "€84,50", "80 EUR"),
    /// as a cost option or field takes it; anything else is refused, naming it.
    public init(amount text: String) throws(PhraseError) {
        // Words split at spaces only: a comma here is part of the amount.
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty, let (money, used) = try Money.parse(words), used == words.count else {
            throw PhraseError("'\(text)' is not an amount like $80, €75.50 or 80 EUR")
        }
        self = money
    }

    /// The amount's digits with "." as the decimal point: a comma is the
    /// decimal separator when it is the last separator and fewer than three
    /// digits follow it ("84,50", "1.234,56"); otherwise it groups thousands
    /// ("1,200", "1,234.56").
    static func normalized(_ text: String) -> String {
        guard let comma = text.lastIndex(of: ",") else { return text }
        let after = text[text.index(after: comma)...]
        let lastIsComma = text.lastIndex(of: ".").map { $0 < comma } ?? true
        if lastIsComma && !after.isEmpty && after.count < 3 && after.allSatisfy(\.isNumber) {
            let whole = text[..<comma].replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
            return whole + "." + after
        }
        return text.replacingOccurrences(of: ",", with: "")
    }

    private static func amount(_ text: String, _ currency: String, _ original: String) throws(PhraseError) -> Money? {
        let digits = normalized(text)
        guard let first = digits.first, first.isNumber || first == "-" else { return nil }
        if first == "-" { throw PhraseError("'\(original)': a cost cannot be negative") }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let decimals = decimals(currency)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !parts[0].isEmpty,
              parts[0].count <= 12
        else { throw PhraseError("'\(original)' is not an amount of money") }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= decimals, parts.count == 1 || !fraction.isEmpty else {
            throw PhraseError("'\(original)': \(currency) has \(decimals == 0 ? "no" : String(decimals)) decimal places")
        }
        let minor = Int(parts[0])! * power(decimals) + (Int(fraction.padding(toLength: decimals, withPad: "0", startingAt: 0)) ?? 0)
        return Money(minorUnits: minor, currency: currency)
    }

    private static func power(_ n: Int) -> Int { (0..<n).reduce(1) { value, _ in value * 10 } }
}
