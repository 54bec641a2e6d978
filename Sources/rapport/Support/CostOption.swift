import RapportCore

/// Reads a `--cost` value ("$80", "€75.50", "80 EUR") with the quick-add
/// grammar's money rules, or fails naming what was wrong.
enum CostOption {
    static func parse(_ text: String?) throws -> Money? {
        guard let text else { return nil }
        do {
            return try Money(amount: text)
        } catch {
            throw CommandFailure("--cost \(error.message)", status: CommandFailure.badInput)
        }
    }
}
