/// What a quick-add phrase asks to store.
public enum QuickAddKind: String, CaseIterable, Sendable, Codable {
    /// A promise to keep (the kind when no kind word is given).
    case followUp = "follow-up"
    /// A scheduled (or, in the past, held) meeting.
    case meeting
    /// A lunch offered.
    case lunch
    /// A call to make: a follow-up titled "Call …".
    case call
    /// An email to write: a follow-up titled "Email …".
    case email
    /// A thank-you note to write, one per person.
    case thanks
    /// A gift idea, with its cost and the day to send it by.
    case gift
    /// A note logged now about the people.
    case note

    /// What a phrase of this kind stores, named as `--kind` and JSON name
    /// it: a call or an email is a follow-up ("Call …"); a note is a logged note.
    public var stored: String {
        switch self {
        case .followUp, .call, .email: return ItemKind.followUp.rawValue
        case .meeting: return ItemKind.meeting.rawValue
        case .lunch: return ItemKind.lunch.rawValue
        case .thanks: return ItemKind.thankYou.rawValue
        case .gift: return ItemKind.gift.rawValue
        case .note: return InteractionKind.note.rawValue
        }
    }

    /// The words that name each kind at the start of a phrase, beside a
    /// follow-up's names in the table of kinds (`QuickAddParser.kindWord`).
    static let words: [String: QuickAddKind] = [
        "todo": .followUp,
        "meeting": .meeting, "mtg": .meeting, "meet": .meeting,
        "lunch": .lunch,
        "call": .call,
        "email": .email, "e-mail": .email,
        "thanks": .thanks, "thank-you": .thanks, "thankyou": .thanks, "ty": .thanks,
        "gift": .gift,
        "note": .note,
    ]
}

/// A quick-add phrase, parsed but not yet resolved against the book.
public struct QuickAddEntry: Hashable, Sendable {
    public var kind: QuickAddKind
    /// The words left over: what it is about.
    public var title: String
    /// People as written: names, emails, `@id`s.
    public var people: [String]
    public var when: When?
    public var place: String?
    /// The account, as written after `#`.
    public var account: String?
    public var cost: Money?
    /// How it repeats ("every first monday"), for follow-ups and calls.
    public var recurrence: Recurrence?

    public init(kind: QuickAddKind, title: String, people: [String] = [], when: When? = nil,
                place: String? = nil, account: String? = nil, cost: Money? = nil, recurrence: Recurrence? = nil) {
        self.recurrence = recurrence
        self.kind = kind
        self.title = title
        self.people = people
        self.when = when
        self.place = place
        self.account = account
        self.cost = cost
    }

    /// A phrase that parses back to this entry: the kind word, the title in
    /// quotes, then the people, the date and time, the place, the account and the cost.
    public var phrase: String {
        var parts = [kind.rawValue]
        if !title.isEmpty { parts.append(QuickAddEntry.quoted(title)) }
        parts += people.map { $0.hasPrefix("@") ? $0 : "@" + QuickAddEntry.quoted($0) }
        if let when {
            parts.append(when.day.iso)
            if let time = when.time { parts.append(time.description) }
        }
        if let place { parts.append("at " + QuickAddEntry.quoted(place)) }
        if let account { parts.append("#" + QuickAddEntry.quoted(account)) }
        if let cost { parts.append(cost.description.replacingOccurrences(of: " ", with: "")) }
        if let recurrence { parts.append(recurrence.phrase) }
        return parts.joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
