import Foundation
@testable import RapportCore

/// Time zones the tests pin.
enum Zone {
    static let berlin = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    static let newYork = LocalCalendar(timeZone: TimeZone(identifier: "America/New_York")!)
    static let lordHowe = LocalCalendar(timeZone: TimeZone(identifier: "Australia/Lord_Howe")!)
    /// UTC+14, the farthest east of UTC.
    static let kiritimati = LocalCalendar(timeZone: TimeZone(identifier: "Pacific/Kiritimati")!)
    static let utc = LocalCalendar(timeZone: TimeZone(identifier: "UTC")!)
}

/// A civil date from literals the test knows exist.
func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

func time(_ h: Int, _ m: Int = 0) -> LocalTime { LocalTime(hour: h, minute: m)! }

/// The instant the wall clock in `calendar` shows `y-m-d h:min`.
func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0, in calendar: LocalCalendar = Zone.berlin) -> Date {
    calendar.instant(on: day(y, m, d), at: time(h, min))
}

/// An instant given in UTC.
func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Date {
    Zone.utc.instant(on: day(y, m, d), at: time(h, min))
}

/// An in-memory book with helpers to fill it.
struct TestBook {
    let store: RapportStore
    var calendar: LocalCalendar

    init(calendar: LocalCalendar = Zone.berlin) throws {
        store = try RapportStore.inMemory()
        self.calendar = calendar
    }

    init(store: RapportStore, calendar: LocalCalendar) {
        self.store = store
        self.calendar = calendar
    }

    @discardableResult
    func contact(_ name: String, account: String? = nil, tier: Tier? = nil, every: Int? = nil,
                 favourite: Bool = false, lunchEvery: Int? = nil, email: String? = nil,
                 nickname: String? = nil, added: Date) throws -> Contact {
        try store.addContact(ContactDraft(
            contact: Contact(name: name, nickname: nickname, tier: tier, isFavourite: favourite, stayInTouchDays: every,
                             lunchCadenceDays: lunchEvery, createdAt: added),
            accountName: account, emails: email.map { [$0] } ?? []))
    }

    @discardableResult
    func followUp(_ title: String, with contacts: [Contact] = [], on dueDay: CivilDate, at dueTime: LocalTime? = nil,
                  repeating: Recurrence? = nil, added: Date) throws -> FollowUp {
        try store.addFollowUp(title: title, people: People(existingIDs: contacts.map { $0.id! }), day: dueDay,
                              time: dueTime, recurrence: repeating, now: added, calendar: calendar).followUp
    }

    @discardableResult
    func meeting(_ title: String, with contacts: [Contact], starts: Date, added: Date) throws -> (meeting: Meeting, thankYouNotes: [ThankYouNote]) {
        let result = try store.addMeeting(MeetingDraft(title: title, startsAt: starts, attendees: People(existingIDs: contacts.map { $0.id! })), now: added)
        return (result.meeting, result.thankYouNotes)
    }

    func agenda(at now: Date, days: Int = 7, rules: SchedulerRules? = nil) throws -> Agenda {
        let scheduler = Scheduler(rules: try rules ?? store.rules(), calendar: calendar)
        return try scheduler.agenda(from: store, now: now, upcomingDays: days)
    }
}

extension Agenda {
    var overdueRefs: [String] { overdue.map(\.ref.description) }
    var todayRefs: [String] { dueToday.map(\.ref.description) }
    var upcomingRefs: [String] { upcoming.map(\.ref.description) }

    func item(_ ref: String) -> AgendaItem? { all.first { $0.ref.description == ref } }
}

/// A small deterministic random generator, so that a failing property can be replayed:
/// the library's own SplitMix64 (`SeededRandom`), under the name the tests use.
typealias SplitMix = SeededRandom

extension SeededRandom {
    init(state: UInt64) { self.init(seed: state) }
}
