import Foundation

/// How the relationship work went over a period, with the period before it
/// for trends, and where the book stands today. Computed by
/// `RapportStore.reportCard(_:)`; every figure is documented on its field.
public struct ReportCard: Codable, Hashable, Sendable {
    public var period: ReportPeriod
    public var previousPeriod: ReportPeriod
    /// The figures of `period`.
    public var current: PeriodFigures
    /// The same figures for `previousPeriod`, for the trends.
    public var previous: PeriodFigures
    /// Where the book stands at the moment the report was made.
    public var standing: Standing
    /// Touches a week, oldest first, for the weeks ending on the period's last
    /// day: the period's and at least twelve.
    public var weeklyTouches: [WeekCount]
    /// Touches a week per account (same weeks), busiest account first; only
    /// accounts touched in those weeks.
    public var accountWeeks: [AccountWeeks]
    /// Every segment (and the accounts in none, last), with its figures for `period`.
    public var segments: [SegmentFigures]
    /// Deals by fit: open now, closed in `period` each way with the win rate;
    /// and the deals closed in `period` as not a fit, with their reasons.
    public var dealFit = DealFitSummary()
}

/// The figures a period has; a report holds one for its period and one for the period before.
public struct PeriodFigures: Codable, Hashable, Sendable {
    public var thankYouNotes = ThankYouFigures()
    public var followUps = FollowUpFigures()
    public var touches = TouchFigures()
    public var lunches = LunchFigures()
    public var gifts = GiftFigures()
    /// Lunch and gift spend by month and currency, months oldest first.
    public var spend: [MonthlySpend] = []
    public var meetings = MeetingFigures()
    public var deals = DealFigures()
}

/// Thank-you notes in a period.
public struct ThankYouFigures: Codable, Hashable, Sendable {
    /// Notes whose due day falls in the period (a meeting's by the business-day rule).
    public var due = 0
    /// Of those, still owed.
    public var stillOwed = 0
    /// Of those, waived.
    public var waived = 0
    /// Notes sent in the period, whenever they were due.
    public var sent = 0
    /// Of the notes sent in the period, those sent on or before their due day.
    public var sentOnTime = 0
    /// Median days from the meeting (or from when a standalone note was added)
    /// to sending, over the notes sent in the period.
    public var medianDaysToSend: Double?
}

/// Follow-ups whose original due day falls in the period (a snooze does not
/// move one out of the period it was first promised for).
public struct FollowUpFigures: Codable, Hashable, Sendable {
    public var due = 0
    /// Done by the deadline first promised: before its time for a timed
    /// promise, by the end of its day for a day's (as the agenda counts late).
    public var keptOnTime = 0
    /// Done after it.
    public var doneLate = 0
    /// Not done yet.
    public var stillOpen = 0
    public var cancelled = 0
    /// Put off at least once.
    public var snoozed = 0
    /// How many times they were put off, in all.
    public var snoozes = 0
}

/// Touches (a meeting, lunch, call, message, gift or thank-you with a contact) that happened in the period.
public struct TouchFigures: Codable, Hashable, Sendable {
    public var total = 0
    /// Different contacts touched.
    public var contacts = 0
    /// Different accounts with a contact touched.
    public var accounts = 0
    /// Per tier A, B, C, then contacts without a tier.
    public var byTier: [TierTouches] = []
    /// Per account, most touched first.
    public var byAccount: [AccountTouches] = []
}

public struct TierTouches: Codable, Hashable, Sendable {
    /// nil for contacts without a tier.
    public var tier: Tier?
    public var touches: Int
    /// Different contacts of the tier touched.
    public var contactsTouched: Int
    /// Contacts in the tier now.
    public var contacts: Int
}

public struct AccountTouches: Codable, Hashable, Sendable {
    public var accountID: Int64
    public var name: String
    public var touches: Int
}

/// Lunches in a period.
public struct LunchFigures: Codable, Hashable, Sendable {
    /// Held in the period.
    public var held = 0
    /// Offered in the period, or logged as held when added (whatever became of them).
    public var offered = 0
    /// Offered in the period and declined.
    public var declined = 0
}

/// Gifts in a period.
public struct GiftFigures: Codable, Hashable, Sendable {
    /// Sent in the period.
    public var sent = 0
}

/// What lunches held and gifts sent cost in one month, in one currency.
public struct MonthlySpend: Codable, Hashable, Sendable {
    /// "2026-11".
    public var month: String
    public var currency: String
    public var lunchesMinorUnits: Int
    public var giftsMinorUnits: Int

    public var total: Money { Money(minorUnits: lunchesMinorUnits + giftsMinorUnits, currency: currency) }
}

/// Meetings held in the period (not cancelled, started by now).
public struct MeetingFigures: Codable, Hashable, Sendable {
    public var held = 0
    /// Of those, with their preparation marked done before they started.
    public var prepared = 0
    /// Cancelled meetings that were to be held in the period.
    public var cancelled = 0
}

/// Deals closed in the period. "Not a fit" is counted apart from losses:
/// deciding together that it is not right is a healthy outcome.
public struct DealFigures: Codable, Hashable, Sendable {
    public var opened = 0
    public var won = 0
    public var lost = 0
    public var notAFit = 0

    /// Won out of won and lost; nil when none closed either way.
    public var winRate: Double? { won + lost == 0 ? nil : Double(won) / Double(won + lost) }
}

/// Where the book stands at the moment of the report.
public struct Standing: Codable, Hashable, Sendable {
    public var asOf: Date
    /// Thank-you notes owed for meetings that have happened (and standalone ones).
    public var thankYouNotesOwed = 0
    /// Of those, past their due day.
    public var thankYouNotesLate = 0
    public var followUpsOpen = 0
    /// Open follow-ups past their (possibly snoozed) due day.
    public var followUpsOverdue = 0
    public var openDeals = 0
    /// Contacts whose stay-in-touch cadence has run out, longest first.
    public var pastCadence: [CadenceLapse] = []
    /// Median days past the cadence, over `pastCadence`.
    public var medianDaysPastCadence: Double?
    /// The days without a touch after which an account counts as cold.
    public var coldAfterDays: Int
    /// Accounts with a team where no one has been touched for `coldAfterDays`, coldest first.
    public var coldAccounts: [ColdAccount] = []
}

/// A contact past their stay-in-touch cadence.
public struct CadenceLapse: Codable, Hashable, Sendable {
    public var contactID: Int64
    public var name: String
    public var tier: Tier?
    public var cadenceDays: Int
    /// The latest touch; nil when never touched (counted from when added).
    public var lastTouch: Date?
    /// Days since the touch was due.
    public var daysPast: Int
}

/// An account no one has been touched at for a while.
public struct ColdAccount: Codable, Hashable, Sendable {
    public var accountID: Int64
    public var name: String
    public var teamSize: Int
    /// The latest touch with anyone there; nil when never.
    public var lastTouch: Date?
    /// Days since that touch (or since the account was added).
    public var daysSinceTouch: Int
}

/// A count for the week ending on `lastDay`.
public struct WeekCount: Codable, Hashable, Sendable {
    public var lastDay: CivilDate
    public var count: Int
}

/// One account's touches a week.
public struct AccountWeeks: Codable, Hashable, Sendable {
    public var accountID: Int64
    public var name: String
    /// Aligned with `ReportCard.weeklyTouches`.
    public var counts: [Int]
}

/// A segment with what happened in it during the report's period.
public struct SegmentFigures: Codable, Hashable, Sendable {
    /// nil for the accounts in no segment.
    public var segment: Segment?
    public var accounts = 0
    public var contacts = 0
    public var openDeals = 0
    /// Deals closed in the period.
    public var deals = DealFigures()
    /// Touches in the period with contacts at the segment's accounts.
    public var touches = 0
    /// Those touches as a share of all touches in the period, 0–1.
    public var shareOfTouches = 0.0
    /// Contacts there past their stay-in-touch cadence now.
    public var pastCadence = 0
    /// Cold accounts there now.
    public var coldAccounts = 0
    /// Whether the segment gets much less or much more of the touches than its place on the grid calls for.
    public var effort: SegmentEffort?
}

/// A segment's share of the touches against its place on the grid.
public enum SegmentEffort: String, Codable, Hashable, Sendable {
    /// An "invest" or "build" segment with under three quarters of an even share of the touches.
    case underServed = "under-served"
    /// A "maintain" or "deprioritise" segment with over one and a quarter even shares.
    case overServed = "over-served"

    /// The judgement for a segment in `quadrant` with `share` of the touches,
    /// when an even share is `evenShare`; nil when the effort fits.
    public static func judge(_ quadrant: SegmentQuadrant?, share: Double, evenShare: Double) -> SegmentEffort? {
        switch quadrant {
        case .invest, .build: return share < evenShare * 0.75 ? .underServed : nil
        case .maintain, .deprioritise: return share > evenShare * 1.25 ? .overServed : nil
        case nil: return nil
        }
    }

    public var text: String {
        switch self {
        case .underServed: return "gets less effort than its rating calls for"
        case .overServed: return "gets more effort than its rating calls for"
        }
    }
}
