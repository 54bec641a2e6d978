import RapportCore

/// Reads a `--cost` value ("$80", "€75.50", "80 EUR") with the quick-add
/// grammar's money rules, or fails naming what was wrong.
enum CostOption {
    static func parse(_ text: String?) throws -> Money? {
        guard let text else { return nil }
        let words = DatePhraseParser.tokenize(text)
        guard !words.isEmpty, let (money, used) = try reporting({ try Money.parse(words) }), used == words.count else {
            throw CommandFailure("--cost '\(text)' is not an amount like $80, €75.50 or 80 EUR", status: CommandFailure.badInput)
        }
        return money
    }
}
