import Foundation

/// One thing on the agenda: something owed, or an appointment.
public struct AgendaItem: Hashable, Sendable, Identifiable {
    public var ref: ItemRef
    public var title: String
    public var contacts: [ContactSummary]
    public var account: String?
    public var due: Due
    /// The local day it is due (for a timed item, the day of its instant).
    public var dueDay: CivilDate
    /// Whole local days it is late; 0 when it is not late or late today.
    public var overdueDays: Int
    /// Whether it is late (a timed item can be late by hours only).
    public var isOverdue: Bool
    /// A short line of context: "last touch 45 days ago", "Acme kickoff, Fri 20 Nov".
    public var detail: String?

    public var id: ItemRef { ref }
    public var kind: ItemKind { ref.kind }

    /// The highest tier among the item's contacts.
    public var tier: Tier? { contacts.compactMap(\.tier).min() }
}

/// The agenda at one instant: what is late, what is due today, what comes
/// within the next days.
public struct Agenda: Sendable, Equatable {
    public var now: Date
    public var today: CivilDate
    public var overdue: [AgendaItem]
    public var dueToday: [AgendaItem]
    public var upcoming: [AgendaItem]
    /// The last day that `upcoming` covers.
    public var horizon: CivilDate

    public init(now: Date, today: CivilDate, overdue: [AgendaItem], dueToday: [AgendaItem], upcoming: [AgendaItem], horizon: CivilDate) {
        self.now = now
        self.today = today
        self.overdue = overdue
        self.dueToday = dueToday
        self.upcoming = upcoming
        self.horizon = horizon
    }

    public var isEmpty: Bool { overdue.isEmpty && dueToday.isEmpty && upcoming.isEmpty }
    public var all: [AgendaItem] { overdue + dueToday + upcoming }
}
