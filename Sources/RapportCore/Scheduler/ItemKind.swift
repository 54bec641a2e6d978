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
    /// A card for a contact's birthday, due a few days before it.
    case birthday
    /// A card for a contact's anniversary (a contact detail), due as a birthday's.
    case anniversary
    /// A scheduled meeting (an appointment, never late).
    case meeting
    /// A scheduled lunch (late when its time passed and it was not marked held).
    case lunch

    /// The kind's row in the table of kinds (`ItemKindSpec.table`).
    public var spec: ItemKindSpec { ItemKindSpec.table[rank] }

    /// The letters that start the item's reference ("f12").
    public var refPrefix: String { spec.prefix }

    /// Its name on screens and in lists.
    public var label: String { spec.label }

    /// The kind a user names (`--kind`): its name (`thank-you`), its label
    /// (`keep in touch`) or an alias (`thanks`), ignoring case, and spaces
    /// or hyphens alike.
    public init?(named text: String) {
        func key(_ word: String) -> String { word.lowercased().replacingOccurrences(of: " ", with: "-") }
        let wanted = key(text.trimmingCharacters(in: .whitespaces))
        guard let spec = ItemKindSpec.table.first(where: { spec in
            ([spec.kind.rawValue, spec.label] + spec.aliases).map(key).contains(wanted)
        }) else { return nil }
        self = spec.kind
    }

    /// Every kind's name and aliases, for help and errors.
    public static var namesForHelp: String {
        ItemKindSpec.table.map { spec in
            spec.kind.rawValue + (spec.aliases.isEmpty ? "" : " (" + spec.aliases.joined(separator: ", ") + ")")
        }.joined(separator: ", ")
    }

    var rank: Int { ItemKind.allCases.firstIndex(of: self) ?? 0 }

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
            throw PhraseError("'\(text)' is not an item reference (like \(ItemKindSpec.examples))")
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(digits), id > 0 else {
            throw PhraseError("'\(text)' is not an item reference (like \(ItemKindSpec.examples))")
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
