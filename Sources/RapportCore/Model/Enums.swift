import GRDB

/// A contact's priority. Each tier has a default stay-in-touch cadence.
public enum Tier: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible, Comparable {
    case a = "A", b = "B", c = "C"

    public init?(text: String) { self.init(rawValue: text.uppercased()) }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a contact prefers to be reached.
public enum Channel: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case email, phone, text, inPerson = "in-person", video, letter, social
}

/// How a thank-you note went out.
public enum ThankYouChannel: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case handwritten, email, card, other
}

/// Where a thank-you note stands.
public enum ThankYouState: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case owed, sent, waived
}

/// Where a lunch stands: offered → accepted → held, or declined / cancelled.
public enum LunchState: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case offered, accepted, held, declined, cancelled
}

/// Where a gift stands: idea → ordered → sent.
public enum GiftState: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case idea, ordered, sent
}

/// Where a follow-up stands.
public enum FollowUpState: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case open, done, cancelled
}

/// Where a deal stands. "Not a fit" is a decision by either side that the
/// deal is not right for both, counted apart from losses.
public enum DealStage: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case open, won, lost, notAFit = "not-a-fit"
}

/// What kind of exchange a logged interaction was.
public enum InteractionKind: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case call, email, message, visit, note, other
}

/// What produced a touch.
public enum TouchKind: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
    case meeting, lunch, interaction, gift, thankYou = "thank-you"
}
