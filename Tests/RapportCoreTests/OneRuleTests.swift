import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Each rule has one home, and the entry points that used to disagree now
/// give the same answer (issue: each rule said once).
@Suite("One rule, one home")
struct OneRuleTests {
    let now = at(2026, 3, 2, 9) // Monday 2 March 2026, Berlin

    func quickAdd(_ phrase: String, in book: TestBook, new: [String] = []) throws -> (QuickAddPlan, QuickAddOutcome) {
        let rules = try book.store.rules()
        let parser = try book.store.quickAddParser(dates: DatePhraseParser(today: book.calendar.day(of: now), weekend: rules.weekend))
        let plan = try book.store.plan(try parser.parse(phrase), new: .whenClearlyNew(named: new), now: now,
                                       calendar: book.calendar, rules: rules)
        return (plan, try book.store.perform(plan, now: now, calendar: book.calendar))
    }

    // MARK: People

    @Test("a list of people splits the same everywhere: commas, 'and', '&'")
    func splitting() {
        #expect(NameMatcher.splitPeople("Sam Okafor and Lee Park") == ["Sam Okafor", "Lee Park"])
        #expect(NameMatcher.splitPeople("Dana, Lee & Sam Okafor") == ["Dana", "Lee", "Sam Okafor"])
        #expect(NameMatcher.splitPeople(" Dana Ruiz ,, ") == ["Dana Ruiz"])
        // "Andrea" is a name, not the word "and".
        #expect(NameMatcher.splitPeople("Andrea Moss and Anders Lund") == ["Andrea Moss", "Anders Lund"])
    }

    @Test("--with \"Sam Okafor and Lee Park\" names two people, as the phrase does (was: one contact named with 'and')")
    func withSplitsOnAnd() throws {
        let book = try TestBook()
        let people = try book.store.resolvePeople(NameMatcher.splitPeople("Sam Okafor and Lee Park"), new: .whenClearlyNew())
        #expect(people.newNames == ["Sam Okafor", "Lee Park"])
    }

    @Test("folding: case, accents, width and transliteration (ü = ue, ß = ss, ø = o)")
    func folding() {
        #expect(NameMatcher.variants("juergen mueller").contains(NameMatcher.fold("Jürgen Müller")))
        #expect(NameMatcher.variants("Michael") == ["michael"] || NameMatcher.variants("Michael").first == "michael")
        #expect(NameMatcher.fold("Michael") != NameMatcher.fold("Michal")) // a literal "ae" is not an umlaut
        #expect(NameMatcher.fold("Straße") == NameMatcher.fold("strasse"))
        #expect(NameMatcher.fold("Søren Kierkegård") == NameMatcher.fold("soren kierkegard"))
        #expect(NameMatcher.fold("ZOË  Lefèvre") == NameMatcher.fold("zoe lefevre"))
        #expect(NameMatcher.fold("प्रिया") == "प्रिया") // other scripts are kept as they are
    }

    @Test("'Juergen' finds Jürgen Müller in every entry point: the resolver, quick-add's names, and no new contact")
    func transliteratedName() throws {
        let book = try TestBook()
        let jurgen = try book.contact("Jürgen Müller", account: "Müller & Söhne GmbH", added: now)
        #expect(try book.store.resolveContact("Juergen") == .found(jurgen))
        #expect(try book.store.resolveContact("mueller") == .found(jurgen))
        #expect(book.store.isKnownName(NameMatcher.fold("juergen")))
        let (plan, outcome) = try quickAdd("call Juergen in 2 weeks", in: book)
        #expect(plan.people.existingIDs == [jurgen.id!])
        #expect(outcome.createdContacts.isEmpty)
        #expect(try book.store.contactCount() == 1)
    }

    @Test("an account is never split, and '#müller' finds Müller & Söhne GmbH as segment assign does (was: a new account 'müller')")
    func accountByWord() throws {
        let book = try TestBook()
        try book.contact("Jürgen Müller", account: "Müller & Söhne GmbH", added: now)
        try book.store.addAccount(named: "Acme Corp", now: now)
        #expect(try book.store.resolveAccount("müller").name == "Müller & Söhne GmbH")
        #expect(try book.store.resolveAccount("Mueller & Soehne GmbH").name == "Müller & Söhne GmbH")
        #expect(try book.store.resolveAccount("acme-corp").name == "Acme Corp")
        #expect(NameResolver.resolve("logistics", among: ["Mid-size logistics, DACH", "Retail, Nordics"], name: { $0 })
                    .found == "Mid-size logistics, DACH")
        let (plan, outcome) = try quickAdd("send the quote #müller fri", in: book)
        #expect(plan.account == .existing(id: 1, name: "Müller & Söhne GmbH"))
        #expect(outcome.createdAccount == nil)
        #expect(throws: StoreError.notFound("no account matches 'Acne'; did you mean Acme Corp?")) {
            try book.store.resolveAccount("Acne")
        }
    }

    @Test("two people called Dana: 'dana' alone is ambiguous, 'dana' with #acme is the one at Acme")
    func accountNarrowsPeople() throws {
        let book = try TestBook()
        let ruiz = try book.contact("Dana Ruiz", account: "Acme", added: now)
        try book.contact("Dana Scully", account: "Globex", added: now)
        #expect(throws: PeopleError.self) { try book.store.resolvePeople(["dana"], new: .refuse) }
        #expect(try book.store.resolveContact("dana", account: ruiz.accountID) == .found(ruiz))
        let (plan, _) = try quickAdd("lunch with dana #acme fri", in: book)
        #expect(plan.people.existingIDs == [ruiz.id!])
    }

    @Test("a typo, a one-word name or a near name never becomes a contact; a clearly new full name does; --new forces one")
    func noContactFromAGuess() throws {
        let book = try TestBook()
        try book.contact("Hank Scorpio", added: now)
        try book.contact("Dana Ruiz", added: now)
        // A typo of a known name: refused, with the name meant.
        #expect(throws: PeopleError.notClearlyNew(name: "hnak", close: ["Hank Scorpio"])) {
            try book.store.resolvePeople(["hnak"], new: .whenClearlyNew())
        }
        // Another Dana: maybe the same person, so it is asked.
        #expect(throws: PeopleError.notClearlyNew(name: "Dana Smith", close: ["Dana Ruiz"])) {
            try book.store.resolvePeople(["Dana Smith"], new: .whenClearlyNew())
        }
        // One word, close to no one: still not enough to create someone.
        #expect(throws: PeopleError.notClearlyNew(name: "Priya", close: [])) {
            try book.store.resolvePeople(["Priya"], new: .whenClearlyNew())
        }
        #expect(try book.store.resolvePeople(["Lee Park"], new: .whenClearlyNew()).newNames == ["Lee Park"])
        #expect(try book.store.resolvePeople(["Priya"], new: .whenClearlyNew(named: ["priya"])).newNames == ["Priya"])
        #expect(try book.store.resolvePeople(["प्रिया"], new: .whenClearlyNew(named: ["प्रिया"])).newNames == ["प्रिया"])
        #expect(try book.store.contactCount() == 2)
        let message = PeopleError.notClearlyNew(name: "hnak", close: ["Hank Scorpio"]).description
        #expect(message == "no contact is called 'hnak'; did you mean Hank Scorpio? to add 'hnak' anyway: --new \"hnak\" or rapport contact add \"hnak\"")
    }

    @Test("new people join the account named in the same command, in every entry point")
    func newPeopleJoinTheAccount() throws {
        let book = try TestBook()
        let acme = try book.store.addAccount(named: "Acme", now: now)
        let (meeting, _, created) = try book.store.addMeeting(MeetingDraft(
            title: "Kickoff", startsAt: at(2026, 3, 4, 10), accountID: acme.id, attendees: People(newNames: ["Lee Park"])), now: now)
        #expect(meeting.accountID == acme.id)
        #expect(created.map(\.accountID) == [acme.id])
        let (_, followUpCreated) = try book.store.addFollowUp(title: "Deck", people: People(newNames: ["Sam Okafor"]), day: day(2026, 3, 5),
                                                              accountID: acme.id, now: now, calendar: book.calendar)
        #expect(followUpCreated.map(\.accountID) == [acme.id])
    }

    // MARK: The policy

    @Test("a standalone thank-you follows thank-you-days like a meeting's (was: always the next business day)")
    func standaloneThanksFollowsTheSetting() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        try book.store.setRule("thank-you-days", to: "3")
        let (plan, _) = try quickAdd("thanks Dana Ruiz for the intro", in: book)
        // Monday + 3 business days → Thursday 5 March.
        #expect(plan.day == day(2026, 3, 5))
        let policy = Policy(rules: try book.store.rules(), calendar: book.calendar)
        #expect(plan.day == policy.thankYouDue(meetingDay: day(2026, 3, 2)))
    }

    @Test("preparation: the business day before, but never before the meeting was booked (was: late the moment it was booked)")
    func preparationDue() throws {
        let policy = Policy(calendar: Zone.berlin)
        // Booked a week ahead for Wednesday 10:00 → by the end of Tuesday.
        #expect(policy.preparationDue(meetingStart: at(2026, 3, 4, 10), bookedAt: at(2026, 2, 25, 9)) == .day(day(2026, 3, 3)))
        // Monday's meeting booked the Friday before → by the end of Friday.
        #expect(policy.preparationDue(meetingStart: at(2026, 3, 9, 10), bookedAt: at(2026, 3, 6, 9)) == .day(day(2026, 3, 6)))
        // Booked this morning for 15:00 → due at the meeting's start.
        #expect(policy.preparationDue(meetingStart: at(2026, 3, 2, 15), bookedAt: at(2026, 3, 2, 9)) == .instant(at(2026, 3, 2, 15)))
        // Logged after it happened → nothing to prepare.
        #expect(policy.preparationDue(meetingStart: at(2026, 3, 2, 8), bookedAt: at(2026, 3, 2, 9)) == nil)

        let book = try TestBook()
        let hank = try book.contact("Hank Scorpio", added: now)
        try book.meeting("API review", with: [hank], starts: at(2026, 3, 2, 15), added: now)
        let agenda = try book.agenda(at: at(2026, 3, 2, 9, 5))
        #expect(agenda.overdueRefs.isEmpty)
        #expect(agenda.todayRefs.contains("p1"))
        #expect(try book.agenda(at: at(2026, 3, 2, 15, 1)).item("p1") == nil)
    }

    @Test("a gift logged for last Tuesday touches its people last Tuesday (was: today)")
    func giftTouchesWhenSent() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: at(2026, 1, 5, 9))
        let policy = Policy(calendar: book.calendar)
        let lastTuesday = day(2026, 2, 24)
        _ = try book.store.addGift(Gift(occasion: "", description: "Wine", state: .sent, sentOn: lastTuesday, createdAt: now),
                                   people: People(existingIDs: [dana.id!]), sentAt: policy.instant(on: lastTuesday, now: now))
        #expect(try book.store.lastTouch(ofContact: dana.id!, before: now) == at(2026, 2, 24, 12))
    }

    @Test("an instant without a time: now for today, noon on another day, the default time when one is given")
    func instantWithoutTime() {
        let policy = Policy(calendar: Zone.berlin)
        #expect(policy.instant(for: When(day: day(2026, 3, 2)), now: now) == now)
        #expect(policy.instant(for: When(day: day(2026, 2, 27)), now: now) == at(2026, 2, 27, 12))
        #expect(policy.instant(for: When(day: day(2026, 3, 6)), now: now, defaultTime: time(12, 30)) == at(2026, 3, 6, 12, 30))
        #expect(policy.instant(for: When(day: day(2026, 3, 6), time: time(9)), now: now) == at(2026, 3, 6, 9))
    }

    // MARK: Bad stored values

    @Test("a stored repeat rule that cannot be read is an error naming the follow-up (was: it silently stopped repeating)")
    func badStoredRecurrence() throws {
        let book = try TestBook()
        try book.followUp("Report", on: day(2026, 3, 2), repeating: .months(1, day: 2), added: now)
        try book.store.write { db in try db.execute(sql: "UPDATE followUp SET recurrence = 'every blue moon' WHERE id = 1") }
        #expect(throws: StoreError.corrupt("follow-up f1 holds a repeat rule that cannot be read ('every blue moon'): set it again with rapport edit f1 --repeat … (or --repeat none)")) {
            try book.store.complete([ItemRef(.followUp, 1)], now: now, calendar: book.calendar)
        }
        #expect(try book.store.followUp(id: 1)?.state == .open) // nothing was changed
    }

    @Test("a stored setting that cannot be read is an error naming it (was: silently the default)")
    func badStoredSetting() throws {
        let book = try TestBook()
        try book.store.write { db in try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('cadence-a', 'often')") }
        #expect(throws: StoreError.corrupt("the book's setting cadence-a must be a whole number from 1 to 3650, not 'often'; set it again with: rapport config cadence-a VALUE")) {
            try book.store.rules()
        }
        try book.store.setRule("cadence-a", to: "21")
        #expect(try book.store.rules().tierCadenceDays[.a] == 21)
    }

    // MARK: Item kinds

    @Test("one table of item kinds: each kind has one row, a unique prefix, and every name, label and alias reads back")
    func kindTable() throws {
        #expect(ItemKindSpec.table.map(\.kind) == ItemKind.allCases)
        #expect(Set(ItemKindSpec.table.map(\.prefix)).count == ItemKind.allCases.count)
        for kind in ItemKind.allCases {
            #expect(ItemKind(named: kind.rawValue) == kind)
            #expect(ItemKind(named: kind.label) == kind)
            for alias in kind.spec.aliases { #expect(ItemKind(named: alias) == kind) }
            #expect(try ItemRef(parsing: "\(kind.refPrefix)7") == ItemRef(kind, 7))
        }
        // What the screens print is what --kind takes (was: --kind thanks and prepare refused).
        #expect(ItemKind(named: "thanks") == .thankYou)
        #expect(ItemKind(named: "prepare") == .prep)
        #expect(ItemKind(named: "Keep In Touch") == .stayInTouch)
        #expect(ItemKind(named: "keep-in-touch") == .stayInTouch)
        #expect(ItemKind(named: "lunches") == nil)
    }

    @Test("snooze and cancel follow each kind's row")
    func kindBehaviour() throws {
        let book = try TestBook()
        let hank = try book.contact("Hank Scorpio", added: now)
        try book.meeting("API review", with: [hank], starts: at(2026, 3, 4, 10), added: now)
        #expect(throws: StoreError.invalid("m1 is an appointment: move it with rapport edit m1 --at …")) {
            try book.store.snooze(ItemRef(.meeting, 1), to: day(2026, 3, 5), time: nil, now: now, calendar: book.calendar)
        }
        let change = try book.store.snooze(ItemRef(.prep, 1), to: day(2026, 3, 3), time: nil, now: now, calendar: book.calendar)
        #expect(change.summary == "prepare put off to Tue 3 Mar")
        let cancelled = try book.store.cancel([ItemRef(.meeting, 1)], reason: nil, now: now)
        #expect(cancelled.map(\.summary) == ["meeting \"API review\" cancelled"])
        // A cancelled meeting owes no thanks and touched no one.
        #expect(try book.store.thankYouNotes(ofMeeting: 1).map(\.state) == [.waived])
        #expect(try book.store.lastTouch(ofContact: hank.id!, before: at(2026, 3, 9, 9)) == nil)
    }

    // MARK: The agenda's SQL never drops what the policy keeps

    @Test("property: the agenda's bounded SQL never drops an item the scheduler would show (300 random books and windows)")
    func boundsNeverDrop() throws {
        var random = SplitMix(state: 2026_03_02)
        let zones = ["Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe"]
        for round in 0..<300 {
            let calendar = LocalCalendar(timeZone: TimeZone(identifier: zones[Int.random(in: 0..<zones.count, using: &random)])!)
            let book = try TestBook(calendar: calendar)
            let start = calendar.instant(on: day(2026, 1, 1), at: time(9))
            func instant(_ days: ClosedRange<Int>) -> Date {
                start.addingTimeInterval(Double(Int.random(in: days, using: &random)) * 86_400
                                         + Double(Int.random(in: 0..<96, using: &random)) * 900)
            }
            var rules = SchedulerRules()
            rules.thankYouBusinessDays = Int.random(in: 0...4, using: &random) == 0 ? 3 : 1
            rules.giftDelayDays = Int.random(in: 0...14, using: &random)
            rules.tierCadenceDays = [.a: Int.random(in: 1...30, using: &random), .b: 30, .c: 90]
            var contacts: [Contact] = []
            for index in 0..<Int.random(in: 1...6, using: &random) {
                contacts.append(try book.contact("Person \(index) Test", account: ["Acme", "Globex", nil][index % 3],
                                                 tier: [Tier.a, .b, .c, nil][Int.random(in: 0...3, using: &random)],
                                                 every: Bool.random(using: &random) ? Int.random(in: 1...60, using: &random) : nil,
                                                 favourite: Bool.random(using: &random), lunchEvery: Int.random(in: 10...90, using: &random),
                                                 added: instant(-60...0)))
            }
            func some() -> [Contact] { contacts.filter { _ in Bool.random(using: &random) } }
            for index in 0..<Int.random(in: 0...5, using: &random) {
                let due = calendar.day(of: instant(-20...60))
                try book.followUp("Promise \(index)", with: some(), on: due,
                                  at: Bool.random(using: &random) ? time(Int.random(in: 0...23, using: &random)) : nil, added: start)
            }
            for index in 0..<Int.random(in: 0...4, using: &random) {
                let people = some()
                guard !people.isEmpty else { continue }
                try book.meeting("Meeting \(index)", with: people, starts: instant(-20...60), added: instant(-30...(-21)))
            }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let people = some()
                guard !people.isEmpty else { continue }
                try book.store.addLunch(guestIDs: people.map { $0.id! }, startsAt: instant(-10...40), now: start)
            }
            for index in 0..<Int.random(in: 0...2, using: &random) {
                let people = some()
                guard !people.isEmpty else { continue }
                try book.store.addGift(Gift(occasion: "", description: "Gift \(index)", sendBy: calendar.day(of: instant(-10...40)),
                                            createdAt: start), recipientIDs: people.map { $0.id! })
            }
            for index in 0..<Int.random(in: 0...2, using: &random) {
                let account = try book.store.addAccount(named: ["Acme", "Globex"][index % 2], now: start)
                let deal = try book.store.addDeal(accountID: account.id!, title: "Deal \(index)",
                                                  buyerTeamSize: Int.random(in: 1...12, using: &random), now: start)
                _ = try book.store.closeDeal(id: deal.id!, as: .won, on: calendar.day(of: instant(-20...40)),
                                             buyerTeamSize: nil)
            }
            let now = instant(-5...50)
            let days = Int.random(in: 0...21, using: &random)
            let scheduler = Scheduler(rules: rules, calendar: calendar)
            let window = scheduler.window(now: now, upcomingDays: days)
            let bounded = scheduler.agenda(for: try book.store.agendaCandidates(in: window, rules: rules, contactID: nil, bounded: true), in: window)
            let everything = scheduler.agenda(for: try book.store.agendaCandidates(in: window, rules: rules, contactID: nil, bounded: false), in: window)
            #expect(bounded == everything, "round \(round): \(everything.all.map(\.ref)) vs bounded \(bounded.all.map(\.ref))")
        }
    }

    // MARK: The statements the store really runs use indexes

    @Test("the agenda's, the card's and the report's statements, as run, read through indexes, never scanning the history")
    func realQueryPlans() throws {
        final class Recorder: @unchecked Sendable {
            let lock = NSLock()
            var statements: [String] = []
            func add(_ sql: String) { lock.withLock { statements.append(sql) } }
        }
        let recorder = Recorder()
        let store = try RapportStore.inMemory(tracing: recorder.add)
        let book = TestBook(store: store, calendar: Zone.berlin)
        let dana = try book.contact("Dana Ruiz", tier: .a, favourite: true, lunchEvery: 30, added: now)
        try book.meeting("Kickoff", with: [dana], starts: at(2026, 3, 4, 10), added: now)
        try book.followUp("Deck", with: [dana], on: day(2026, 3, 3), added: now)
        recorder.lock.withLock { recorder.statements = [] }
        _ = try book.agenda(at: now)
        _ = try store.contactCard(id: dana.id!, now: now, scheduler: Scheduler(calendar: Zone.berlin), timelineLimit: 20)
        _ = try store.reportCard(for: ReportPeriod.ending(on: day(2026, 3, 2), length: .month), now: now, calendar: Zone.berlin)
        let statements = recorder.lock.withLock { recorder.statements }.filter { $0.hasPrefix("SELECT") }
        #expect(statements.count >= 8)
        let history = ["followUp", "thankYouNote", "meeting", "touch", "lunch", "gift", "deal", "interaction"]
        var allPlans: [String] = []
        for sql in statements {
            let plan = try store.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
            allPlans += plan
            // A scan of a partial index reads only open items; a plain scan reads the whole table.
            // Deals are read whole by the report: a book has few (one per account or so).
            for line in plan where line.hasPrefix("SCAN ") && !line.contains(" USING ") {
                let table = line.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
                #expect(!history.contains(table) || table == "deal", "\(sql)\n→ \(plan)")
            }
        }
        #expect(statements.contains { $0.contains("FROM followUp") })
        // The indexes over open items, a favourite's last lunch, a card's last touch, the report's period.
        for index in ["followUp_open", "thankYouNote_owed", "lunch_pending", "contact_lunchCadence", "touch_lunch",
                      "touch_contact_at", "touch_at", "gift_pending", "deal_won", "lunch_createdAt"] {
            #expect(allPlans.contains { $0.contains(index) }, "no statement used \(index)")
        }
    }
}

extension NamedResolution {
    var found: Value? { if case .found(let value) = self { return value } else { return nil } }
}
