/// Turns the bytes a terminal sends into scalars, where the terminal library
/// hands them over one byte at a time (a locale that is not UTF-8): a
/// multi-byte character typed there is one key, not two or four Latin-1
/// letters. A malformed sequence becomes U+FFFD, never a guess.
public struct UTF8KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// Feeds one byte; returns the scalars it completes (none while a
    /// sequence is incomplete; U+FFFD for each malformed one).
    public mutating func feed(_ byte: UInt8) -> [Unicode.Scalar] {
        if pending.isEmpty {
            if byte < 0x80 { return [Unicode.Scalar(byte)] }
            guard Self.length(lead: byte) > 1 else { return ["\u{FFFD}"] }
            pending = [byte]
            return []
        }
        guard byte & 0xC0 == 0x80 else {
            // The sequence broke off: it is malformed, and this byte starts afresh.
            pending = []
            return ["\u{FFFD}"] + feed(byte)
        }
        pending.append(byte)
        guard pending.count == Self.length(lead: pending[0]) else { return [] }
        defer { pending = [] }
        var decoder = UTF8()
        var iterator = pending.makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return [scalar] }
        return ["\u{FFFD}"]
    }

    private static func length(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }
}
