/// What an agenda item asks of the user. The order of the cases is the
/// order of kinds on the agenda when day and tier are equal.
public enum ItemKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// A thank-you note owed to a meeting's attendee.
    case thankYou = "thank-you"
    /// A promise made to a contact.
    case followUp = "follow-up"
    /// Research before a scheduled meeting.
    case prep
    /// A gift not yet sent, with a day to send it by.
    case gift
    /// A gift suggested after a deal won with a large team.
    case giftSuggestion = "gift-suggestion"
    /// A lunch due with a favourite client.
    case lunchDue = "lunch-due"
    /// A contact past their stay-in-touch cadence.
    case stayInTouch = "stay-in-touch"
    /// A scheduled meeting (an appointment, never late).
    case meeting
    /// A scheduled lunch (late when its time passed and it was not marked held).
    case lunch

    /// The letters that start the item's reference ("f12").
    public var refPrefix: String {
        switch self {
        case .thankYou: return "t"
        case .followUp: return "f"
        case .prep: return "p"
        case .gift: return "g"
        case .giftSuggestion: return "gd"
        case .lunchDue: return "ld"
        case .stayInTouch: return "s"
        case .meeting: return "m"
        case .lunch: return "l"
        }
    }

    /// A short label for lists.
    public var label: String {
        switch self {
        case .thankYou: return "thank-you"
        case .followUp: return "follow-up"
        case .prep: return "prepare"
        case .gift: return "gift"
        case .giftSuggestion: return "gift due"
        case .lunchDue: return "lunch due"
        case .stayInTouch: return "keep in touch"
        case .meeting: return "meeting"
        case .lunch: return "lunch"
        }
    }

    var rank: Int { ItemKind.allCases.firstIndex(of: self)! }

    public static func < (lhs: ItemKind, rhs: ItemKind) -> Bool { lhs.rank < rhs.rank }
}

/// A reference to one agenda item, typed by the user as its prefix and
/// number: `f12` (follow-up 12), `t3` (thank-you note 3), `p5` (prep for
/// meeting 5), `m5` (meeting 5), `s7` (keep in touch with contact 7),
/// `ld7` (lunch due with contact 7), `l2` (lunch 2), `g4` (gift 4 to send),
/// `gd4` (a gift suggested for deal 4).
public struct ItemRef: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let kind: ItemKind
    public let id: Int64

    public init(_ kind: ItemKind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }

    /// Reads `f12`; throws a message naming the accepted forms otherwise.
    public init(parsing text: String) throws(PhraseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let letters = trimmed.prefix { $0.isLetter }
        let digits = trimmed.dropFirst(letters.count)
        guard let kind = ItemKind.allCases.first(where: { $0.refPrefix == letters }) else {
            if letters.isEmpty, !digits.isEmpty {
                throw PhraseError("'\(text)' needs its kind letter, as the lists show it: f\(digits) (follow-up), t\(digits) (thank-you), …")
            }
            throw PhraseError("'\(text)' is not an item reference (like f12, t3, p5, s7, ld7, l2, g4, gd4, m5)")
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(digits), id > 0 else {
            throw PhraseError("'\(text)' is not an item reference (like f12, t3, p5, s7, ld7, l2, g4, gd4, m5)")
        }
        self.init(kind, id)
    }

    public var description: String { kind.refPrefix + String(id) }

    public static func < (lhs: ItemRef, rhs: ItemRef) -> Bool {
        (lhs.kind.rank, lhs.id) < (rhs.kind.rank, rhs.id)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
