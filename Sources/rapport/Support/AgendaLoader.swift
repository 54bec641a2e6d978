import RapportCore

/// Reads the agenda the way every listing command does: from the database
/// when there is one (read-only), from an empty book when there is none.
struct AgendaLoader {
    var options: StoreOptions

    func load(upcomingDays: Int) throws -> (agenda: Agenda, bookIsEmpty: Bool) {
        let calendar = options.calendar
        let now = options.clock.now
        return try reporting {
            guard let store = try options.openForReading() else {
                let scheduler = Scheduler(rules: .default, calendar: calendar)
                return (scheduler.agenda(for: [], in: scheduler.window(now: now, upcomingDays: upcomingDays)), true)
            }
            let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)
            let agenda = try store.agenda(scheduler, now: now, upcomingDays: upcomingDays)
            return (agenda, agenda.isEmpty ? try store.contactCount() == 0 : false)
        }
    }

    /// How many items are late (of `kinds`, nil: all): one count of the
    /// agenda index when it answers.
    func overdueCount(kinds: Set<ItemKind>?) throws -> Int {
        try reporting {
            guard let store = try options.openForReading() else { return 0 }
            return try store.overdueCount(Scheduler(rules: try store.rules(), calendar: options.calendar),
                                          now: options.clock.now, kinds: kinds)
        }
    }
}
