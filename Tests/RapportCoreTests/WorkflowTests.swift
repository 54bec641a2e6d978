import Foundation
import GRDB
import Testing
@testable import RapportCore

/// The daily workflow's rules (issue 14): team gifts, and the rest.
@Suite("Workflow")
struct WorkflowTests {
    let added = at(2026, 3, 2, 9)

    /// Globex with three people and a deal won on Monday 2 March with a team of 12.
    func globex(_ book: TestBook) throws -> (account: Account, deal: Deal, team: [Contact]) {
        let team = try ["Ann", "Bo", "Cy"].map { try book.contact("\($0) Globex", account: "Globex", added: added) }
        let account = try book.store.resolveAccount("globex")
        let deal = try book.store.addDeal(accountID: account.id!, title: "Fleet tracking rollout", now: added)
        try book.store.closeDeal(id: deal.id!, as: .won, on: day(2026, 3, 2), buyerTeamSize: 12)
        return (account, deal, team)
    }

    @Test("a gift planned for the account's team settles its team-gift suggestion; sent, it counts once and touches each once")
    func teamGiftSettlesSuggestion() throws {
        let book = try TestBook()
        let (account, deal, team) = try globex(book)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") != nil)
        let gift = try book.store.addGift(Gift(accountID: account.id, occasion: "closed deal", description: "Cheese basket",
                                               sendBy: day(2026, 3, 6), createdAt: added), recipientIDs: [])
        #expect(gift.dealID == deal.id)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") == nil)
        #expect(throws: StoreError.self) {
            try book.store.complete([ItemRef(.giftSuggestion, deal.id!)], now: added, calendar: book.calendar)
        }
        _ = try book.store.complete([gift.ref], now: at(2026, 3, 5, 10), calendar: book.calendar)
        let card = try book.store.reportCard(for: try ReportPeriod(from: day(2026, 3, 1), to: day(2026, 3, 31)),
                                             now: at(2026, 3, 5, 11), calendar: book.calendar)
        #expect(card.current.gifts.sent == 1)
        let touches = try book.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM touch WHERE kind = 'gift'")!
        }
        #expect(touches == team.count)
    }

    @Test("a gift to every member of the team, one by one, settles it too; a gift to some of them does not")
    func everyMemberSettles() throws {
        let book = try TestBook()
        let (_, deal, team) = try globex(book)
        let some = try book.store.addGift(Gift(occasion: "thanks", description: "Wine", createdAt: added), recipientIDs: [team[0].id!])
        #expect(some.dealID == nil)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") != nil)
        let all = try book.store.addGift(Gift(occasion: "closed deal", description: "Chocolates", createdAt: added),
                                         recipientIDs: team.map { $0.id! })
        #expect(all.dealID == deal.id)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") == nil)
    }

    // MARK: Point 10: the smaller rules

    @Test("keep-in-touch and lunch days on a weekend day or a holiday move to the next business day")
    func cadenceOnBusinessDays() throws {
        var rules = SchedulerRules()
        let policy = Policy(rules: rules, calendar: Zone.berlin)
        // Added Monday 2 March, every 5 days → Saturday 7 March → Monday 9 March.
        #expect(policy.touchDue(lastTouch: nil, addedAt: added, cadence: 5) == day(2026, 3, 9))
        #expect(policy.lunchDue(lastLunch: nil, addedAt: added, cadence: 6) == day(2026, 3, 9))   // Sunday → Monday
        #expect(policy.touchDue(lastTouch: nil, addedAt: added, cadence: 3) == day(2026, 3, 5))   // Thursday stays
        rules.holidays = [day(2026, 3, 9)]
        let withHoliday = Policy(rules: rules, calendar: Zone.berlin)
        #expect(withHoliday.touchDue(lastTouch: nil, addedAt: added, cadence: 5) == day(2026, 3, 10)) // Monday is a holiday
        rules.weekend = []
        rules.holidays = []
        #expect(Policy(rules: rules, calendar: Zone.berlin).touchDue(lastTouch: nil, addedAt: added, cadence: 5) == day(2026, 3, 7))
    }

    @Test("holidays are skipped by every business-day rule: a thank-you after Thursday's meeting over Good Friday is due Tuesday")
    func holidays() throws {
        var rules = SchedulerRules()
        rules.holidays = [day(2026, 4, 3), day(2026, 4, 6)] // Good Friday, Easter Monday
        let policy = Policy(rules: rules, calendar: Zone.berlin)
        #expect(policy.thankYouDue(meetingDay: day(2026, 4, 2)) == day(2026, 4, 7))
        // Preparation for Tuesday's meeting is due the Thursday before.
        #expect(policy.preparationDue(meetingStart: at(2026, 4, 7, 10), bookedAt: at(2026, 3, 30, 9)) == .day(day(2026, 4, 2)))
    }

    @Test("thank-you-days 0 means the same day; the setting takes 0 and refuses -1")
    func thankYouSameDay() throws {
        let book = try TestBook()
        try book.store.setRule("thank-you-days", to: "0")
        let rules = try book.store.rules()
        #expect(Policy(rules: rules, calendar: Zone.berlin).thankYouDue(meetingDay: day(2026, 3, 2)) == day(2026, 3, 2))
        #expect(throws: StoreError.self) { try book.store.setRule("thank-you-days", to: "-1") }
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.meeting("Kickoff", with: [dana], starts: at(2026, 3, 2, 10), added: added)
        #expect(try book.agenda(at: at(2026, 3, 2, 11)).todayRefs.contains("t1"))
    }

    @Test("holidays are read from a setting of dates or an iCalendar file; a bad one is refused, naming it")
    func holidaySetting() throws {
        let book = try TestBook()
        try book.store.setRule("holidays", to: "2026-12-25,2026-12-26")
        #expect(try book.store.rules().holidays == [day(2026, 12, 25), day(2026, 12, 26)])
        #expect(throws: StoreError.invalid("holidays: '2026-13-01' is not a date (YYYY-MM-DD)")) {
            try book.store.setRule("holidays", to: "2026-13-01")
        }
        let ics = """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            SUMMARY:Christmas\r
            DTSTART;VALUE=DATE:20261225\r
            DTEND;VALUE=DATE:20261227\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20270101\r
            END:VEVENT\r
            END:VCALENDAR\r
            """
        #expect(try HolidayCalendar.days(fromICS: ics) == [day(2026, 12, 25), day(2026, 12, 26), day(2027, 1, 1)])
        #expect(throws: HolidayCalendar.Failure.notICalendar) { try HolidayCalendar.days(fromICS: "hello") }
        let settings = try book.store.settings()
        #expect(settings.map(\.key) == RapportStore.settingKeys.map(\.key))
        #expect(settings.first { $0.key == "holidays" }?.value == "2026-12-25,2026-12-26")
    }

    @Test("snoozing a timed follow-up without a time keeps its time of day")
    func snoozeKeepsTime() throws {
        let book = try TestBook()
        try book.followUp("Call back", on: day(2026, 3, 2), at: time(9), added: added)
        let change = try book.store.snooze(ItemRef(.followUp, 1), to: day(2026, 3, 3), time: nil, now: added, calendar: book.calendar)
        #expect(try book.store.followUp(id: 1)?.due == .instant(at(2026, 3, 3, 9)))
        #expect(change.summary.hasSuffix("Tue 3 Mar 09:00"))
        _ = try book.store.snooze(ItemRef(.followUp, 1), to: day(2026, 3, 4), time: time(14), now: added, calendar: book.calendar)
        #expect(try book.store.followUp(id: 1)?.due == .instant(at(2026, 3, 4, 14)))
    }

    @Test("the report and the overdue list agree: a 09:00 follow-up done at 10:00 was late")
    func reportLateness() throws {
        let book = try TestBook()
        try book.followUp("Call back", on: day(2026, 3, 3), at: time(9), added: added)
        try book.followUp("Send deck", on: day(2026, 3, 3), added: added)
        let at10 = at(2026, 3, 3, 10)
        #expect(try book.agenda(at: at10).item("f1")?.isOverdue == true)
        _ = try book.store.complete([ItemRef(.followUp, 1), ItemRef(.followUp, 2)], now: at10, calendar: book.calendar)
        let card = try book.store.reportCard(for: try ReportPeriod(from: day(2026, 3, 1), to: day(2026, 3, 31)), now: at10, calendar: book.calendar)
        #expect(card.current.followUps.doneLate == 1)
        #expect(card.current.followUps.keptOnTime == 1)
    }

    @Test("money takes a decimal comma; a comma before three digits groups thousands")
    func decimalComma() throws {
        #expect(try Money(amount: "€84,50") == Money(minorUnits: 8450, currency: "EUR"))
        #expect(try Money(amount: "84,5 EUR") == Money(minorUnits: 8450, currency: "EUR"))
        #expect(try Money(amount: "€1.234,56") == Money(minorUnits: 123_456, currency: "EUR"))
        #expect(try Money(amount: "$1,200") == Money(minorUnits: 120_000, currency: "USD"))
        #expect(try Money(amount: "$1,234.56") == Money(minorUnits: 123_456, currency: "USD"))
        #expect(throws: PhraseError.self) { try Money(amount: "€84,50 EUR") }
    }

    // MARK: Point 9: birthdays

    @Test("a birthday is an agenda item due birthday-lead days before (on a business day), until its card is sent; next year it comes again")
    func birthdays() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        _ = try book.store.editContact(id: dana.id!, now: added) { $0.birthday = Birthday(year: 1986, month: 3, day: 8) }
        let agenda = try book.agenda(at: added)
        let item = try #require(agenda.item("b\(dana.id!)"))
        #expect(item.dueDay == day(2026, 3, 5))           // Sunday 8 March − 3 days = Thursday
        #expect(item.detail == "birthday Sun 8 Mar (turns 40)")
        try book.store.setRule("birthday-lead", to: "7")    // 1 March is a Sunday → Friday 27 February
        #expect(try book.agenda(at: added).item("b1")?.dueDay == day(2026, 2, 27))
        #expect(try book.agenda(at: added).item("b1")?.isOverdue == true)
        _ = try book.store.complete([ItemRef(.birthday, dana.id!)], now: added, calendar: book.calendar)
        #expect(try book.agenda(at: added).item("b1") == nil)
        // After this year's birthday, next year's card is due in time again.
        #expect(try book.agenda(at: at(2027, 2, 25, 9), days: 7).item("b1")?.dueDay == day(2027, 3, 1))
        // An archived contact gets no card reminder.
        try book.store.setArchived(true, contact: dana.id!, now: added)
        #expect(try book.agenda(at: at(2027, 2, 25, 9), days: 7).item("b1") == nil)
    }

    @Test("an anniversary is an agenda item as a birthday is: due birthday-lead days before on a business day; done and cancel settle this year; snooze puts it off")
    func anniversaries() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        let id = dana.id!
        var extras = ContactExtras()
        extras.anniversary = Birthday(year: 2011, month: 3, day: 10)
        _ = try book.store.editContact(id: id, now: added, extras: extras) { $0.birthday = Birthday(year: 1986, month: 3, day: 8) }
        // Tuesday 10 March − 3 days is Saturday 7 March: the business day before, Friday 6 March.
        let item = try #require(try book.agenda(at: added).item("a\(id)"))
        #expect(item.kind == .anniversary && item.title == "Anniversary card" && item.contacts.map(\.name) == ["Dana Ruiz"])
        #expect(item.dueDay == day(2026, 3, 6) && item.detail == "anniversary Tue 10 Mar (15 years)")
        #expect(try book.agenda(at: added).item("b\(id)") != nil) // the birthday is its own item
        // The lead is the birthdays' setting: 7 days before Tuesday is Tuesday 3 March.
        try book.store.setRule("birthday-lead", to: "7")
        #expect(try book.agenda(at: added).item("a\(id)")?.dueDay == day(2026, 3, 3))
        // Snoozed, it is due on the day it was put off to.
        _ = try book.store.snooze(ItemRef(.anniversary, id), to: day(2026, 3, 5), time: nil, now: added, calendar: book.calendar)
        #expect(try book.agenda(at: added).item("a\(id)")?.dueDay == day(2026, 3, 5))
        // Done: this year's card is sent, the birthday is still owed.
        let done = try book.store.complete([ItemRef(.anniversary, id)], now: added, calendar: book.calendar)
        #expect(done.map(\.summary) == ["anniversary card to Dana Ruiz sent (anniversary Tue 10 Mar)"])
        #expect(try book.agenda(at: added).item("a\(id)") == nil && book.agenda(at: added).item("b\(id)") != nil)
        // Next year it comes again (10 March 2027 is a Wednesday, 7 days before: Wednesday 3 March), and cancel skips that year.
        let nextYear = try #require(try book.agenda(at: at(2027, 3, 1, 9), days: 7).item("a\(id)"))
        #expect(nextYear.dueDay == day(2027, 3, 3) && nextYear.detail == "anniversary Wed 10 Mar (16 years)")
        let skipped = try book.store.cancel([ItemRef(.anniversary, id)], reason: nil, now: at(2027, 3, 1, 9))
        #expect(skipped.map(\.summary) == ["no anniversary card to Dana Ruiz this year"])
        #expect(try book.agenda(at: at(2027, 3, 1, 9), days: 7).item("a\(id)") == nil)
        #expect(try book.agenda(at: at(2028, 3, 1, 9), days: 7).item("a\(id)") != nil)
        // Removed, or archived, nothing is due.
        extras.anniversary = .some(nil)
        _ = try book.store.editContact(id: id, now: added, extras: extras) { _ in }
        #expect(try book.agenda(at: at(2028, 3, 1, 9), days: 7).item("a\(id)") == nil)
        #expect(throws: StoreError.self) { try book.store.complete([ItemRef(.anniversary, id)], now: added, calendar: book.calendar) }
    }

    @Test("an anniversary detail that is not a date (an import's free text) puts nothing on the agenda; an archived contact gets no card")
    func anniversaryNotADate() throws {
        let book = try TestBook()
        let lee = try book.contact("Lee Park", added: added)
        let kim = try book.contact("Kim Obi", added: added)
        try book.store.write { db in
            try db.execute(sql: "INSERT INTO contactDetail (contactID, kind, value) VALUES (?, 'anniversary', 'June, some year')", arguments: [lee.id!])
            try db.execute(sql: "INSERT INTO contactDetail (contactID, kind, value) VALUES (?, 'anniversary', '--03-04')", arguments: [kim.id!])
        }
        let agenda = try book.agenda(at: added)
        #expect(agenda.item("a\(lee.id!)") == nil)
        #expect(agenda.item("a\(kim.id!)")?.detail == "anniversary Wed 4 Mar") // no year: no count of years
        try book.store.setArchived(true, contact: kim.id!, now: added)
        #expect(try book.agenda(at: added).item("a\(kim.id!)") == nil)
    }

    @Test("search ignores case in any script (ölpreis finds ÖLPREIS), by one rule: rapport search and a card's timeline find the same")
    func searchRule() throws {
        let book = try TestBook()
        let jurgen = try book.contact("Jürgen Öhler", added: added)
        try book.store.logInteraction(kind: .call, title: "ÖLPREIS und Straße", contactIDs: [jurgen.id!], at: added,
                                      notes: "Fragt nach DÜNGER", now: added)
        try book.store.logInteraction(kind: .note, title: "Lunch plans", contactIDs: [jurgen.id!], at: added, now: added)
        // SQLite's lower() folds only ASCII: "ÖLPREIS" would never be found by "ölpreis".
        #expect(try book.store.search("ölpreis").map(\.ref) == ["i1"])
        #expect(try book.store.search("dünger").map(\.field) == ["notes"])
        #expect(try book.store.search("LUNCH").map(\.ref) == ["i2"])
        #expect(SearchText.matches("ÖLPREIS", SearchText.query("  Ölpreis ")) && !SearchText.matches("ÖLPREIS", SearchText.query(" ")))
        let timeline = try book.store.timeline(ofContact: jurgen.id!)
        for query in ["ölpreis", "dünger", "LUNCH"] {
            let found = timeline.filter { $0.matches(SearchText.query(query)) }.compactMap { $0.source?.ref }
            #expect(found == (try book.store.search(query)).map(\.ref), "\(query)")
        }
    }

    @Test("a 29 February birthday falls on the 28th in other years; a birthday without a year says no age")
    func leapBirthday() throws {
        let policy = Policy(rules: SchedulerRules(), calendar: Zone.berlin)
        let leap = try #require(Birthday(year: nil, month: 2, day: 29))
        #expect(policy.birthdayDue(leap, today: day(2026, 2, 1)).occasion == day(2026, 2, 28))
        #expect(policy.birthdayDue(leap, today: day(2028, 2, 1)).occasion == day(2028, 2, 29))
        #expect(policy.birthdayDue(leap, today: day(2026, 3, 1)).occasion == day(2027, 2, 28))
    }
}
