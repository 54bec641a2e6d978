/// The character encodings an imported file can be in, and how Rapport
/// decides which one it is: a byte-order mark (UTF-8, UTF-16), else the
/// user's `--encoding`, else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1252 (what Outlook and Excel write), said in a warning.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8", utf16 = "utf-16", utf16le = "utf-16le", utf16be = "utf-16be"
    case windows1252 = "windows-1252", latin1 = "iso-8859-1"

    /// The encoding a `CHARSET=` parameter or `--encoding` names, in its usual spellings.
    public init?(name: String) {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "\"" }
        switch folded {
        case "utf8", "usascii", "ascii": self = .utf8
        case "utf16": self = .utf16
        case "utf16le": self = .utf16le
        case "utf16be": self = .utf16be
        case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
        case "iso88591", "latin1", "l1": self = .latin1
        default: return nil
        }
    }

    /// The bytes as text in this encoding (bytes it cannot map become U+FFFD).
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf16, .utf16be, .utf16le:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var iterator = bytes.makeIterator()
            while let first = iterator.next() {
                let second = iterator.next() ?? 0
                units.append(self == .utf16le ? UInt16(second) << 8 | UInt16(first) : UInt16(first) << 8 | UInt16(second))
            }
            return String(decoding: units, as: UTF16.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            return String(String.UnicodeScalarView(bytes.map { byte in
                guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
                return Unicode.Scalar(TextEncoding.windows1252High[Int(byte) - 0x80]) ?? "\u{FFFD}"
            }))
        }
    }

    /// Windows-1252's 0x80–0x9F (five are unassigned: shown as U+FFFD).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func isValidUTF8<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// A file's bytes as text, with how they were read.
public struct DecodedFile: Sendable {
    /// The text, as UTF-8 bytes (a UTF-16 file transcoded; anything else as it was).
    public var bytes: [UInt8]
    /// The encoding for bytes that are not valid UTF-8: the one the user chose, or Windows-1252.
    public var fallback: TextEncoding
    /// Whether the user chose the encoding (then no warning is due when it is used).
    public var chosen: Bool

    /// Reads a file's bytes: a BOM decides (and is dropped); UTF-16 without
    /// a BOM is recognised by its zero bytes; `chosen` applies otherwise.
    public init(_ data: [UInt8], encoding: TextEncoding? = nil) {
        var data = data
        var utf16: TextEncoding?
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            data.removeFirst(3)
        } else if data.starts(with: [0xFF, 0xFE]) {
            data.removeFirst(2); utf16 = .utf16le
        } else if data.starts(with: [0xFE, 0xFF]) {
            data.removeFirst(2); utf16 = .utf16be
        } else if let encoding, [.utf16, .utf16le, .utf16be].contains(encoding) {
            utf16 = encoding == .utf16 ? .utf16be : encoding
        } else if data.count >= 4, data[1] == 0, data[3] == 0, data[0] != 0 {
            utf16 = .utf16le // "B\0E\0": UTF-16 written without a BOM
        } else if data.count >= 4, data[0] == 0, data[2] == 0, data[1] != 0 {
            utf16 = .utf16be
        }
        if let utf16 {
            self.bytes = Array(utf16.decode(data).utf8)
            self.fallback = .windows1252
            self.chosen = false
        } else {
            self.bytes = data
            self.fallback = encoding ?? .windows1252
            self.chosen = encoding != nil && encoding != .utf8
        }
    }

    /// Text from some of these bytes: `charset` when the file names one,
    /// else UTF-8 when valid (unless another encoding was chosen), else the
    /// fallback — `usedFallback` tells, for a warning.
    public func text<Bytes: Collection>(_ part: Bytes, charset: TextEncoding? = nil, usedFallback: inout Bool) -> String where Bytes.Element == UInt8 {
        if let charset { return charset.decode(part) }
        if chosen { return fallback.decode(part) }
        if TextEncoding.isValidUTF8(part) { return String(decoding: part, as: UTF8.self) }
        usedFallback = true
        return fallback.decode(part)
    }
}
