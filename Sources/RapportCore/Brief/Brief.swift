import Foundation

/// What a brief is about: a meeting (or its "prepare" item), a lunch, a
/// contact or an account.
public enum BriefSubject: Hashable, Sendable {
    case meeting(Int64)
    case lunch(Int64)
    case contact(Int64)
    case account(Int64)
}

/// One page to read before walking into a meeting, in the order it is read:
/// when, where and who; what they need and care about; what is open between
/// us; the account, its segment and deals; the prep notes. Built by
/// `RapportStore.brief(for:now:calendar:)` from one read of the book.
public struct Brief: Codable, Hashable, Sendable {
    /// "meeting", "lunch", "contact" or "account".
    public var kind: String
    /// "m3", "l2", "@1", or the account's name.
    public var ref: String
    /// The meeting's title, "Lunch at Nobu", the person's or the account's name.
    public var title: String
    public var startsAt: Date?
    public var endsAt: Date?
    public var place: String?
    /// Whether the meeting was called off.
    public var cancelled: Bool
    /// For a contact or an account: the next meeting or lunch booked with them.
    public var next: BriefAppointment?
    /// Who attends (for an account, its team, by tier), with what the book knows of each.
    public var people: [BriefPerson]
    /// People of an account's team beyond those listed.
    public var morePeople: Int
    public var open: BriefOpen
    /// Each account concerned: the meeting's, then the attendees'.
    public var accounts: [BriefAccount]
    /// The book's ONLY statement ("We are the ONLY ones that…").
    public var bookOnlyStatement: String?
    /// The meeting's prep notes (a lunch's notes), and whether the preparation is done.
    public var prep: BriefPrep?
}

/// A meeting or lunch booked.
public struct BriefAppointment: Codable, Hashable, Sendable {
    public var ref: String
    public var title: String
    public var startsAt: Date
    public var place: String?
}

/// An attendee as the brief shows them.
public struct BriefPerson: Codable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var role: String?
    public var tier: Tier?
    public var account: String?
    public var favourite: Bool
    public var preferredChannel: String?
    /// Since when they are in the book (their first touch, if earlier).
    public var knownSince: Date
    /// The latest touches that have happened, newest first (three at most).
    public var lastTouches: [BriefTouch]
    /// What they need, want and care about, and the personal details; a fact
    /// without a value is a question to ask.
    public var facts: [BriefFact]
    /// Their birthday when it falls in the next 30 days.
    public var birthday: BriefBirthday?
    public var notes: String?
    /// Their anniversary (their `anniversary` detail) when it falls in the
    /// next 30 days; `turns` is then the years it marks.
    public var anniversary: BriefBirthday? = nil
}

/// One touch: what, when, and what came of it.
public struct BriefTouch: Codable, Hashable, Sendable {
    public var at: Date
    /// meeting, lunch, call, email, message, visit, note, other, gift, thank-you
    public var kind: String
    public var title: String
    /// The meeting's outcome notes, the lunch's or the interaction's notes.
    public var outcome: String?
}

/// "needs: a second warehouse", or "needs: unknown — ask".
public struct BriefFact: Codable, Hashable, Sendable {
    /// "needs", "wants", "cares about", "family", "interests", "dietary".
    public var label: String
    /// nil: not known yet, to be asked.
    public var value: String?
}

public struct BriefBirthday: Codable, Hashable, Sendable {
    public var day: CivilDate
    public var inDays: Int
    /// The age they turn, when the year of birth is known.
    public var turns: Int?
}

/// What is open between us and the people.
public struct BriefOpen: Codable, Hashable, Sendable {
    /// Follow-ups promised to them or their account, late ones first.
    public var followUps: [BriefFollowUp]
    /// Thank-you notes still owed to them.
    public var thankYouNotes: [BriefThankYou]
    /// Gifts planned (not sent yet) for them or their account.
    public var gifts: [BriefGift]

    public var isEmpty: Bool { followUps.isEmpty && thankYouNotes.isEmpty && gifts.isEmpty }
}

public struct BriefFollowUp: Codable, Hashable, Sendable {
    public var ref: String
    public var title: String
    public var dueDay: CivilDate
    public var dueAt: Date?
    public var late: Bool
    public var people: [String]

    public var due: Due { dueAt.map(Due.instant) ?? .day(dueDay) }
}

public struct BriefThankYou: Codable, Hashable, Sendable {
    public var ref: String
    public var to: String
    /// The meeting it thanks for, or the reason.
    public var forWhat: String
    /// The day of the meeting, when it is for one.
    public var metOn: CivilDate?
    public var dueDay: CivilDate
    public var late: Bool
}

public struct BriefGift: Codable, Hashable, Sendable {
    public var ref: String
    public var description: String
    public var occasion: String
    public var state: GiftState
    public var sendBy: CivilDate?
    public var cost: Money?
    /// The people it goes to.
    public var recipients: [String]
}

/// An account, its segment and its deals.
public struct BriefAccount: Codable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var segment: BriefSegment?
    /// Open deals first (best fit first), then closed ones, latest first.
    public var deals: [BriefDeal]
    public var lastLunch: BriefPastLunch?
    public var lastGift: BriefPastGift?
    public var notes: String?
}

public struct BriefSegment: Codable, Hashable, Sendable {
    public var name: String
    public var attractiveness: Int?
    public var competitiveness: Int?
    public var appealToBuyers: Int?
    /// "invest", "build", "maintain", "deprioritise"; nil until rated on all three axes.
    public var quadrant: SegmentQuadrant?
    public var onlyStatement: String?
}

public struct BriefDeal: Codable, Hashable, Sendable {
    public var ref: String
    public var title: String
    public var stage: DealStage
    public var fit: Int?
    public var theirWin: String?
    public var ourWin: String?
    public var closedOn: CivilDate?
    public var reason: String?
    public var teamSize: Int?

    /// An open deal with no recorded client win: "what do they win? — ask".
    public var asksForClientWin: Bool { stage == .open && theirWin == nil }
}

public struct BriefPastLunch: Codable, Hashable, Sendable {
    public var ref: String
    public var at: Date
    public var place: String?
    public var guests: [String]
}

public struct BriefPastGift: Codable, Hashable, Sendable {
    public var ref: String
    public var description: String
    public var occasion: String
    public var sentOn: CivilDate
    public var recipients: [String]
}

/// The research typed so far.
public struct BriefPrep: Codable, Hashable, Sendable {
    /// "p3" for a meeting's preparation; nil for a lunch.
    public var ref: String?
    public var notes: String?
    public var doneAt: Date?
}
