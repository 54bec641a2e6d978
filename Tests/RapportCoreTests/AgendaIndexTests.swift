import Foundation
import GRDB
import Testing
@testable import RapportCore

/// A clock a test moves forward.
final class MovingClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ start: Date) { instant = start }
    var now: Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// The agenda index (#17) is the scheduler: after every kind of write, read
/// through the index at several moments, the agenda equals the scheduler's
/// computation from every open item.
@Suite("The agenda as an index")
struct AgendaIndexTests {
    /// The agenda computed from every open item, without the index.
    func computed(_ store: RapportStore, _ scheduler: Scheduler, now: Date, days: Int) throws -> Agenda {
        let window = scheduler.window(now: now, upcomingDays: days)
        return scheduler.agenda(for: try store.agendaCandidates(in: window, rules: scheduler.rules, contactID: nil, bounded: false), in: window)
    }

    /// Reads through the index at `now` and compares; records the first difference.
    func compare(_ store: RapportStore, _ calendar: LocalCalendar, now: Date, days: Int, _ context: @autoclosure () -> String) throws {
        let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)
        #expect(try store.agendaIndexAnswers(now: now, calendar: calendar), "the index does not answer: \(context())")
        let indexed = try store.agenda(scheduler, now: now, upcomingDays: days)
        let expected = try computed(store, scheduler, now: now, days: days)
        #expect(indexed == expected, "\(context()): index \(indexed.all.map(\.ref)) vs scheduler \(expected.all.map(\.ref))")
        #expect(try store.overdueCount(scheduler, now: now) == expected.overdue.count, "\(context()): late count")
        let kinds: Set<ItemKind> = [.thankYou, .prep]
        #expect(try store.overdueCount(scheduler, now: now, kinds: kinds) == expected.overdue.filter { kinds.contains($0.kind) }.count)
    }

    @Test("property: after any sequence of writes from every entry point, the index equals the scheduler at several moments (40 books of 30 writes)")
    func indexIsTheScheduler() throws {
        let seed = ProcessInfo.processInfo.environment["RAPPORT_SEED"].flatMap(UInt64.init) ?? 2026_11_30
        var random = SeededRandom(seed: seed)
        let zones = ["Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Australia/Lord_Howe"]
        let names = ["Dana Ruiz", "Dana Park", "Lee Chen", "प्रिया शर्मा", "Zoë Berg", "Omar Haddad", "Mei Sato"]
        let phrases = ["call {p} {d}", "meeting with {p} {d} 10:00", "meeting with {p} {d} 15:30 #acme", "lunch with {p} {d} 12:30",
                       "email {p} {d} 9h30", "thanks {p}", "gift for {p} by {d}", "follow up with {p} every monday",
                       "visit {p} {d}", "send the deck to {p} by {d} #globex"]
        let days = ["today", "tomorrow", "fri", "next tue", "in 3 days", "the 20th", "mon", "in 2 weeks"]
        for book in 0..<40 {
            let calendar = LocalCalendar(timeZone: TimeZone(identifier: zones[book % zones.count])!)
            let clock = MovingClock(calendar.instant(on: day(2026, 3, 1 + book % 20), at: time(8)))
            let store = try RapportStore.inMemory(clock: clock, calendar: calendar)
            func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
            func openRefs() throws -> [ItemRef] {
                try computed(store, Scheduler(rules: try store.rules(), calendar: calendar), now: clock.now, days: 60).all.map(\.ref)
            }
            func contactIDs() throws -> [Int64] { try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM contact") } }
            var log: [String] = []
            for step in 0..<30 {
                let now = clock.now, today = calendar.day(of: now)
                let operation = Int.random(in: 0..<16, using: &random)
                do {
                    switch operation {
                    case 0...4:
                        let phrase = pick(phrases).replacingOccurrences(of: "{p}", with: pick(names)).replacingOccurrences(of: "{d}", with: pick(days))
                        log.append(phrase)
                        let parser = try store.quickAddParser(dates: DatePhraseParser(today: today))
                        let plan = try store.plan(try parser.parse(phrase), new: .whenClearlyNew(named: names), now: now,
                                                  calendar: calendar, rules: try store.rules())
                        _ = try store.perform(plan, now: now, calendar: calendar)
                    case 5:
                        if let ref = try openRefs().filter({ $0.kind.spec.canBeDone }).randomElement(using: &random) {
                            log.append("done \(ref)")
                            _ = try store.complete([ref], now: now, calendar: calendar)
                        }
                    case 6:
                        if let ref = try openRefs().randomElement(using: &random) {
                            let until = today.adding(days: Int.random(in: 1...9, using: &random))
                            log.append("snooze \(ref) \(until)")
                            _ = try store.snooze(ref, to: until, time: Bool.random(using: &random) ? time(9) : nil, now: now, calendar: calendar)
                        }
                    case 7:
                        if let ref = try openRefs().randomElement(using: &random) {
                            log.append("cancel \(ref)")
                            _ = try store.cancel([ref], reason: nil, now: now)
                        }
                    case 8:
                        if let id = try store.read({ db in try Int64.fetchAll(db, sql: "SELECT id FROM meeting WHERE cancelledAt IS NULL") }).randomElement(using: &random) {
                            let start = calendar.instant(on: today.adding(days: Int.random(in: -3...6, using: &random)), at: time(Int.random(in: 7...18, using: &random)))
                            log.append("edit m\(id) --at \(start)")
                            _ = try store.editMeeting(id: id, MeetingEdit(startsAt: start), now: now)
                        }
                    case 9:
                        let ids = try contactIDs()
                        if ids.count >= 2 {
                            let keep = pick(ids), other = pick(ids.filter { $0 != keep })
                            log.append("merge \(other) into \(keep)")
                            _ = try store.mergeContact(other, into: keep, now: now)
                        }
                    case 10:
                        if let id = try contactIDs().randomElement(using: &random) {
                            if Bool.random(using: &random) {
                                log.append("delete \(id)")
                                _ = try store.deleteContact(id, withItems: true, now: now)
                            } else {
                                let archived = try store.contact(id: id)?.archivedAt != nil
                                log.append("archive \(id) \(!archived)")
                                _ = try store.setArchived(!archived, contact: id, now: now)
                            }
                        }
                    case 11:
                        if var contact = try contactIDs().randomElement(using: &random).flatMap({ try store.contact(id: $0) }) {
                            let birthday = today.adding(days: Int.random(in: -5...20, using: &random))
                            contact.birthday = Birthday(year: Bool.random(using: &random) ? 1980 : nil, month: birthday.month, day: birthday.day)
                            contact.tier = pick([Tier.a, .b, .c, nil])
                            contact.isFavourite = Bool.random(using: &random)
                            contact.lunchCadenceDays = contact.isFavourite ? Int.random(in: 5...40, using: &random) : nil
                            log.append("update \(contact.name): birthday \(birthday) tier \(contact.tier?.rawValue ?? "-")")
                            if Bool.random(using: &random) {
                                try store.updateContact(contact, now: now)
                            } else {
                                // Through the edit, with an anniversary (a contact detail) too.
                                var extras = ContactExtras()
                                let anniversary = today.adding(days: Int.random(in: -3...12, using: &random))
                                extras.anniversary = .some(Birthday(year: 2010, month: anniversary.month, day: anniversary.day))
                                let updated = contact
                                _ = try store.editContact(id: contact.id!, now: now, extras: extras) { $0 = updated }
                            }
                        }
                    case 12:
                        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\(pick(names))\r\nEMAIL:x\(step)@example.com\r\nBDAY:--\(String(format: "%02d-%02d", today.month, min(today.day + 2, 28)))\r\nEND:VCARD\r\n"
                        log.append("import vCard")
                        _ = try store.importCards(VCardReader.read(card).cards, dryRun: false, now: now)
                    case 13:
                        log.append("undo")
                        _ = try store.undoNewest()
                    case 14:
                        let setting = pick([("cadence-a", "\(Int.random(in: 2...20, using: &random))"), ("thank-you-days", "\(Int.random(in: 0...3, using: &random))"),
                                            ("weekend", pick(["sat,sun", "fri,sat", "none"])), ("birthday-lead", "\(Int.random(in: 0...7, using: &random))"),
                                            ("holidays", "\(today.adding(days: 1).iso),\(today.adding(days: 4).iso)"), ("gift-team-size", "2")])
                        log.append("config \(setting.0) \(setting.1)")
                        try store.setRule(setting.0, to: setting.1)
                    default:
                        if let id = try contactIDs().randomElement(using: &random) {
                            log.append("log call with \(id)")
                            _ = try store.logInteraction(kind: .call, title: "Catch-up", contactIDs: [id],
                                                         at: now.addingTimeInterval(-Double(Int.random(in: 0...72, using: &random)) * 3600), now: now)
                        }
                    }
                } catch is StoreError {
                    // Refused (a merge of a contact into itself, a snooze to a past day…): nothing written.
                } catch is PeopleError {
                } catch is PhraseError {
                }
                let differences = try store.agendaIndexDifferences(now: clock.now)
                #expect(differences.isEmpty, "seed \(seed) book \(book) step \(step) after \(log.suffix(2)): \(differences)")
                clock.advance(Double(Int.random(in: 0...(36 * 4), using: &random)) * 900)
                for later in [0, Int.random(in: 1...96, using: &random), Int.random(in: 96...(40 * 96), using: &random)] {
                    let moment = clock.now.addingTimeInterval(Double(later) * 900)
                    try compare(store, calendar, now: moment, days: pick([0, 1, 7, 31]),
                                "seed \(seed) book \(book) step \(step) +\(later)×15 min after \(log.suffix(4))")
                }
            }
        }
        }

    @Test("a reader in another zone, before the index's moment, or past its year computes from the scheduler instead, and agrees")
    func fallsBack() throws {
        let clock = MovingClock(at(2026, 3, 2, 9))
        let store = try RapportStore.inMemory(clock: clock, calendar: Zone.berlin)
        let book = TestBook(store: store, calendar: Zone.berlin)
        let dana = try book.contact("Dana Ruiz", tier: .a, added: at(2026, 2, 1, 9))
        var contact = try #require(try store.contact(id: dana.id!))
        contact.birthday = Birthday(year: nil, month: 3, day: 20)
        try store.updateContact(contact, now: clock.now)
        try book.followUp("Send the deck", with: [dana], on: day(2026, 3, 3), at: time(23, 30), added: clock.now)
        #expect(try store.agendaIndexAnswers(now: clock.now, calendar: Zone.berlin))
        // Another zone: the index was kept for Berlin.
        #expect(try !store.agendaIndexAnswers(now: clock.now, calendar: Zone.newYork))
        try compareComputed(store, Zone.newYork, now: at(2026, 3, 3, 23, 45))
        // Before the moment it was last written at (a clock set back).
        #expect(try !store.agendaIndexAnswers(now: at(2026, 3, 1, 9), calendar: Zone.berlin))
        try compareComputed(store, Zone.berlin, now: at(2026, 3, 1, 9))
        // It holds for a year (the birthday's next two occasions), then the scheduler answers.
        #expect(try store.agendaIndexAnswers(now: at(2027, 2, 20, 9), calendar: Zone.berlin))
        #expect(try !store.agendaIndexAnswers(now: at(2027, 3, 3, 9), calendar: Zone.berlin))
        try compareComputed(store, Zone.berlin, now: at(2027, 3, 19, 9), days: 30)
        // A write near the end of that year rebuilds it for the next.
        clock.advance(350 * 86_400)
        try book.followUp("Renewal", with: [dana], on: day(2027, 3, 1), added: clock.now)
        #expect(try store.agendaIndexAnswers(now: at(2027, 3, 19, 9), calendar: Zone.berlin))
        try compare(store, Zone.berlin, now: at(2027, 3, 19, 9), days: 30, "a year on")
    }

    func compareComputed(_ store: RapportStore, _ calendar: LocalCalendar, now: Date, days: Int = 7) throws {
        let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)
        let expected = try computed(store, scheduler, now: now, days: days)
        #expect(try store.agenda(scheduler, now: now, upcomingDays: days) == expected)
        #expect(try store.overdueCount(scheduler, now: now) == expected.overdue.count)
    }

    @Test("a book from before the index gets it when a command that writes upgrades it; reading commands never write")
    func upgradedBook() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("book.sqlite").path
        let clock = FixedClock(at(2026, 3, 2, 9))
        do {
            let store = try RapportStore.open(path: path, clock: clock, calendar: Zone.berlin)
            let book = TestBook(store: store, calendar: Zone.berlin)
            let dana = try book.contact("Dana Ruiz", tier: .a, added: at(2026, 1, 1, 9))
            try book.followUp("Send the deck", with: [dana], on: day(2026, 3, 2), added: clock.now)
            // As the previous version left it: no index, no migration for it.
            try store.writer.writeWithoutTransaction { db in
                try AgendaIndex.dropTriggers(db)
                try db.execute(sql: "DROP TABLE agendaEntry; DROP TABLE agendaDirty; DROP TABLE agendaIndexState")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4: agenda index'")
            }
        }
        #expect(throws: StoreError.self) { try RapportStore.openForReading(path: path, clock: clock, calendar: Zone.berlin) }
        let store = try RapportStore.open(path: path, clock: clock, calendar: Zone.berlin)
        #expect(try store.agendaIndexAnswers(now: clock.now, calendar: Zone.berlin))
        try compare(store, Zone.berlin, now: at(2026, 3, 3, 9), days: 7, "upgraded")
        let late = try store.agenda(Scheduler(rules: try store.rules(), calendar: Zone.berlin), now: at(2026, 3, 3, 9)).overdue.map(\.ref.description)
        #expect(late == ["s1", "f1"])
    }

    @Test("check lists where the index differs from the rules; a rebuild makes them agree")
    func checkFindsDifferences() throws {
        let clock = MovingClock(at(2026, 3, 2, 9))
        let store = try RapportStore.inMemory(clock: clock, calendar: Zone.berlin)
        let book = TestBook(store: store, calendar: Zone.berlin)
        let dana = try book.contact("Dana Ruiz", added: at(2026, 2, 1, 9))
        try book.followUp("Send the deck", with: [dana], on: day(2026, 3, 3), added: clock.now)
        #expect(try store.agendaIndexDifferences(now: clock.now) == [])
        // A row changed behind the store's back (as a bug, or an old tool, would).
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE agendaEntry SET dueDay = '2026-03-09' WHERE kind = 'follow-up'")
        }
        let differences = try store.agendaIndexDifferences(now: clock.now)
        #expect(differences.count == 2)
        #expect(differences.contains { $0.hasPrefix("agenda index has f1 due 2026-03-09") })
        #expect(differences.contains { $0.hasPrefix("agenda index lacks f1 due 2026-03-03") })
        try store.rebuildAgendaIndex()
        #expect(try store.agendaIndexDifferences(now: clock.now) == [])
    }
}
