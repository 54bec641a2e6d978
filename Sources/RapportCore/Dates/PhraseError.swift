/// Why a date, time or recurrence phrase was not understood. The message
/// names the part that was wrong, so it can be shown to the user as it is.
public struct PhraseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
