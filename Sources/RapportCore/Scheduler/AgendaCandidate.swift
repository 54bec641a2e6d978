import Foundation

/// A stored fact that may put an item on the agenda, before the scheduler
/// has applied its rules. The storage layer finds candidates (from indexes,
/// possibly a few too many); the scheduler decides what is due and when.
public struct AgendaCandidate: Hashable, Sendable {
    /// The facts each rule works from.
    public enum Basis: Hashable, Sendable {
        /// An open follow-up.
        case followUp(due: Due, snoozeCount: Int)
        /// A thank-you note owed for a meeting that started at `meetingStart`.
        case thankYou(meetingStart: Date)
        /// A thank-you note owed by itself, due on its day.
        case standaloneThankYou(due: CivilDate)
        /// A meeting starting at `start`, booked at `bookedAt`, its preparation done or not.
        case meeting(start: Date, bookedAt: Date, prepDone: Bool)
        /// A contact with a cadence (its own, or nil to use its tier's),
        /// last touched at `lastTouch` (nil: never, counted from `addedAt`).
        case stayInTouch(lastTouch: Date?, addedAt: Date, cadenceDays: Int?)
        /// A favourite with a lunch cadence, last lunch held at `lastLunch`
        /// (nil: never, counted from `addedAt`), with no lunch offered or accepted.
        case lunchDue(lastLunch: Date?, addedAt: Date, cadenceDays: Int)
        /// A lunch offered or accepted for `start`.
        case lunch(start: Date)
        /// A gift not yet sent, to send by `sendBy`.
        case gift(sendBy: CivilDate)
        /// A deal won on `closedOn` with `teamSize` buyers and no gift yet.
        case giftSuggestion(closedOn: CivilDate, teamSize: Int)
        /// A contact's birthday; `sentYears`: the years a card was sent (or skipped).
        case birthday(Birthday, sentYears: Set<Int>)
        /// A contact's anniversary (the date of their `anniversary` detail); `sentYears` as for a birthday.
        case anniversary(Birthday, sentYears: Set<Int>)
    }

    /// The id the item's reference is built from (follow-up, note, meeting, contact, lunch or deal).
    public var id: Int64
    public var title: String
    public var contacts: [ContactSummary]
    public var account: String?
    public var basis: Basis
    /// The day the user put the item off to (not used for follow-ups,
    /// which move their own due date).
    public var snoozedUntil: CivilDate?

    public init(id: Int64, title: String, contacts: [ContactSummary], account: String?, basis: Basis,
                snoozedUntil: CivilDate? = nil) {
        self.id = id
        self.title = title
        self.contacts = contacts
        self.account = account
        self.basis = basis
        self.snoozedUntil = snoozedUntil
    }
}

extension AgendaCandidate {
    /// The references of the items this candidate can yield.
    public var refs: [ItemRef] {
        switch basis {
        case .followUp: return [ItemRef(.followUp, id)]
        case .thankYou, .standaloneThankYou: return [ItemRef(.thankYou, id)]
        case .meeting: return [ItemRef(.prep, id), ItemRef(.meeting, id)]
        case .stayInTouch: return [ItemRef(.stayInTouch, id)]
        case .lunchDue: return [ItemRef(.lunchDue, id)]
        case .birthday: return [ItemRef(.birthday, id)]
        case .anniversary: return [ItemRef(.anniversary, id)]
        case .lunch: return [ItemRef(.lunch, id)]
        case .gift: return [ItemRef(.gift, id)]
        case .giftSuggestion: return [ItemRef(.giftSuggestion, id)]
        }
    }
}

/// The span the scheduler asks candidates for.
public struct AgendaWindow: Sendable {
    /// The instant the agenda is computed for.
    public var now: Date
    /// The user's local day at `now`.
    public var today: CivilDate
    /// The last local day shown as upcoming.
    public var horizon: CivilDate
    /// The first instant of `today`.
    public var startOfToday: Date
    /// The first instant after `horizon`.
    public var endOfHorizon: Date
}

/// Where the scheduler reads candidates from. `RapportStore` is the one
/// source in use; tests may pass others.
public protocol AgendaSource {
    /// The candidates in `window`; with `contactID`, only those involving that
    /// contact (a source may return a few more: the scheduler filters exactly).
    func agendaCandidates(in window: AgendaWindow, rules: SchedulerRules, contactID: Int64?) throws -> [AgendaCandidate]
}

extension AgendaSource {
    public func agendaCandidates(in window: AgendaWindow, rules: SchedulerRules) throws -> [AgendaCandidate] {
        try agendaCandidates(in: window, rules: rules, contactID: nil)
    }
}
