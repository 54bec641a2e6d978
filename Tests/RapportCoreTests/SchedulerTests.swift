import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Every scheduler rule, on a real (in-memory) store, with the clock and the
/// zone pinned. Tuesday 24 November 2026 in Berlin unless a test says otherwise.
@Suite("Scheduler")
struct SchedulerTests {
    let added = at(2026, 11, 1, 9)

    // MARK: Follow-ups

    @Test("a date-only follow-up is due all day and overdue from the next day")
    func dateOnlyFollowUp() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.followUp("Send the deck", with: [dana], on: day(2026, 11, 24), added: added)
        let morning = try book.agenda(at: at(2026, 11, 24, 0, 0))
        #expect(morning.todayRefs == ["f1"])
        let lastMinute = try book.agenda(at: at(2026, 11, 24, 23, 59))
        #expect(lastMinute.todayRefs == ["f1"] && lastMinute.overdue.isEmpty)
        let nextDay = try book.agenda(at: at(2026, 11, 25, 0, 0))
        #expect(nextDay.overdueRefs == ["f1"])
        #expect(nextDay.item("f1")?.overdueDays == 1)
        let weekLater = try book.agenda(at: at(2026, 12, 1, 12))
        #expect(weekLater.item("f1")?.overdueDays == 7)
    }

    @Test("a timed follow-up is overdue from its instant")
    func timedFollowUp() throws {
        let book = try TestBook()
        try book.followUp("Call back", on: day(2026, 11, 24), at: time(14, 30), added: added)
        let before = try book.agenda(at: at(2026, 11, 24, 14, 29))
        #expect(before.todayRefs == ["f1"] && before.overdue.isEmpty)
        let after = try book.agenda(at: at(2026, 11, 24, 14, 30))
        #expect(after.overdueRefs == ["f1"])
        #expect(after.item("f1")?.overdueDays == 0)
        #expect(AgendaText.when(after.item("f1")!, in: after, calendar: book.calendar) == "1 min late")
        let evening = try book.agenda(at: at(2026, 11, 24, 18, 0))
        #expect(AgendaText.when(evening.item("f1")!, in: evening, calendar: book.calendar) == "3 h late")
    }

    @Test("upcoming covers the next N days and no more")
    func upcomingWindow() throws {
        let book = try TestBook()
        try book.followUp("In 7 days", on: day(2026, 12, 1), added: added)
        try book.followUp("In 8 days", on: day(2026, 12, 2), added: added)
        let agenda = try book.agenda(at: at(2026, 11, 24, 9), days: 7)
        #expect(agenda.upcomingRefs == ["f1"])
        #expect(try book.agenda(at: at(2026, 11, 24, 9), days: 0).upcoming.isEmpty)
    }

    @Test("done and cancelled follow-ups leave the agenda")
    func closedFollowUps() throws {
        let book = try TestBook()
        try book.followUp("One", on: day(2026, 11, 20), added: added)
        try book.followUp("Two", on: day(2026, 11, 20), added: added)
        _ = try book.store.complete([ItemRef(.followUp, 1)], now: at(2026, 11, 24, 9), calendar: book.calendar)
        try book.store.cancelFollowUp(id: 2, now: at(2026, 11, 24, 9))
        #expect(try book.agenda(at: at(2026, 11, 24, 10)).isEmpty)
        #expect(try book.store.followUp(id: 1)?.state == .done)
        #expect(try book.store.followUp(id: 2)?.state == .cancelled)
    }

    @Test("a repeating follow-up keeps its reference; its next occurrence counts from its due date, not from when it was done")
    func recurringFromDueDate() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.followUp("Monthly report", with: [dana], on: day(2026, 10, 31), repeating: .months(1, day: 31), added: added)
        // Done three weeks late.
        let completion = try book.store.complete([ItemRef(.followUp, 1)], now: at(2026, 11, 21, 16), calendar: book.calendar)
        let next = try #require(completion.first?.next)
        #expect(next.dueDay == day(2026, 11, 30))
        #expect(next.id == 1) // one reference for the whole series
        #expect(try book.store.contactIDs(ofFollowUp: next.id!) == [dana.id!])
        // The occurrence done is kept: which one (due 31 Oct), and when it was done.
        let history = try #require(try book.store.followUp(id: 2))
        #expect(history.seriesID == 1 && history.state == .done && history.dueDay == day(2026, 10, 31))
        #expect(history.completedAt == at(2026, 11, 21, 16))
        #expect(try book.store.contactIDs(ofFollowUp: 2) == [dana.id!])
        let again = try book.store.complete([ItemRef(.followUp, 1)], now: at(2026, 11, 30, 9), calendar: book.calendar)
        #expect(again.first?.next?.dueDay == day(2026, 12, 31))
        #expect(again.first?.next?.id == 1)
        #expect(try book.store.followUp(id: 3)?.dueDay == day(2026, 11, 30))
    }

    @Test("a timed weekly follow-up keeps its wall-clock time across a daylight-saving change")
    func recurringAcrossDST() throws {
        let book = try TestBook()
        try book.followUp("Standup notes", on: day(2026, 10, 23), at: time(9), repeating: .weeks(1), added: added)
        let completion = try book.store.complete([ItemRef(.followUp, 1)], now: at(2026, 10, 23, 10), calendar: book.calendar)
        let next = try #require(completion.first?.next)
        #expect(next.dueDay == day(2026, 10, 30))
        #expect(next.dueAt == at(2026, 10, 30, 9)) // 09:00 CET, after the change
        #expect(next.dueAt!.timeIntervalSince(at(2026, 10, 23, 9)) == 7 * 86_400 + 3600)
    }

    @Test("snoozing moves the due date and keeps the original")
    func snooze() throws {
        let book = try TestBook()
        try book.followUp("Send the deck", on: day(2026, 11, 20), added: added)
        let snoozed = try book.store.snoozeFollowUp(id: 1, to: day(2026, 11, 27), time: nil, calendar: book.calendar)
        #expect(snoozed.originalDueDay == day(2026, 11, 20))
        #expect(snoozed.snoozeCount == 1)
        let agenda = try book.agenda(at: at(2026, 11, 24, 9))
        #expect(agenda.upcomingRefs == ["f1"])
        #expect(agenda.item("f1")?.detail == "snoozed 1×")
    }

    // MARK: Thank-you notes

    @Test("a thank-you note is owed per attendee, once the meeting has happened")
    func thankYouAfterMeeting() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        let lee = try book.contact("Lee Park", added: added)
        let (_, notes) = try book.meeting("Acme kickoff", with: [dana, lee], starts: at(2026, 11, 24, 10), added: added)
        #expect(notes.count == 2)
        let before = try book.agenda(at: at(2026, 11, 24, 9, 59))
        #expect(before.all.filter { $0.kind == .thankYou }.isEmpty)
        let after = try book.agenda(at: at(2026, 11, 24, 10, 0))
        #expect(after.upcoming.filter { $0.kind == .thankYou }.map { $0.contacts[0].name } == ["Dana Ruiz", "Lee Park"])
        #expect(after.item("t1")?.dueDay == day(2026, 11, 25))
    }

    @Test("a Friday meeting's thank-you is due Monday; Tuesday it is one day late")
    func thankYouAcrossWeekend() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.meeting("Friday review", with: [dana], starts: at(2026, 11, 20, 15), added: added)
        #expect(try book.agenda(at: at(2026, 11, 21, 9)).item("t1")?.dueDay == day(2026, 11, 23))
        #expect(try book.agenda(at: at(2026, 11, 23, 9)).todayRefs == ["t1"])
        let tuesday = try book.agenda(at: at(2026, 11, 24, 9))
        #expect(tuesday.overdueRefs == ["t1"] && tuesday.item("t1")?.overdueDays == 1)
    }

    @Test("the thank-you delay and the weekend are configurable")
    func thankYouRules() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.meeting("Thursday call", with: [dana], starts: at(2026, 11, 19, 15), added: added)
        try book.store.setRule("thank-you-days", to: "2")
        #expect(try book.agenda(at: at(2026, 11, 20, 9)).item("t1")?.dueDay == day(2026, 11, 23))
        try book.store.setRule("weekend", to: "fri,sat")
        try book.store.setRule("thank-you-days", to: "1")
        #expect(try book.agenda(at: at(2026, 11, 20, 9)).item("t1")?.dueDay == day(2026, 11, 22))
        #expect(throws: StoreError.self) { try book.store.setRule("thank-you-days", to: "-1") }
        #expect(throws: StoreError.self) { try book.store.setRule("weekend", to: "funday") }
        #expect(throws: StoreError.self) { try book.store.setRule("no-such-rule", to: "1") }
    }

    @Test("a sent or waived thank-you leaves the agenda")
    func thankYouSent() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        let lee = try book.contact("Lee Park", added: added)
        try book.meeting("Kickoff", with: [dana, lee], starts: at(2026, 11, 23, 10), added: added)
        try book.store.markThankYouSent(id: 1, channel: .handwritten, at: at(2026, 11, 23, 17))
        try book.store.waiveThankYou(id: 2, reason: "saw him again the same day")
        #expect(try book.agenda(at: at(2026, 11, 24, 9)).all.filter { $0.kind == .thankYou }.isEmpty)
        #expect(try book.store.thankYouNote(id: 1)?.channel == .handwritten)
        #expect(throws: StoreError.self) { try book.store.markThankYouSent(id: 1, channel: .email, at: at(2026, 11, 24, 9)) }
    }

    // MARK: Meetings and preparation

    @Test("preparation is due the business day before a meeting, until it starts")
    func prep() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.meeting("Monday pitch", with: [dana], starts: at(2026, 11, 30, 10), added: added)
        let friday = try book.agenda(at: at(2026, 11, 27, 9))
        #expect(friday.todayRefs == ["p1"])
        #expect(friday.upcomingRefs == ["m1"])
        let monday = try book.agenda(at: at(2026, 11, 30, 9))
        #expect(monday.overdueRefs == ["p1"] && monday.item("p1")?.overdueDays == 3)
        #expect(monday.todayRefs == ["m1"])
        let started = try book.agenda(at: at(2026, 11, 30, 10))
        #expect(started.item("p1") == nil)
        #expect(started.todayRefs.contains("m1")) // the meeting is still today's, never late
        #expect(started.overdue.allSatisfy { $0.kind != .meeting })
    }

    @Test("prepared meetings ask for nothing more")
    func prepDone() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        try book.meeting("Pitch", with: [dana], starts: at(2026, 11, 26, 10), added: added)
        _ = try book.store.complete([ItemRef(.prep, 1)], now: at(2026, 11, 24, 9), calendar: book.calendar)
        #expect(try book.agenda(at: at(2026, 11, 25, 9)).item("p1") == nil)
        #expect(throws: StoreError.self) {
            try book.store.complete([ItemRef(.meeting, 1)], now: at(2026, 11, 24, 9), calendar: book.calendar)
        }
    }

    // MARK: Staying in touch

    @Test("a contact is due a touch at the last touch plus their cadence; any touch resets it")
    func stayInTouch() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", tier: .b, added: at(2026, 10, 1, 9))
        // Never touched: counted from when she was added (1 Oct + 30 days = Saturday 31 Oct → Monday 2 Nov).
        let agenda = try book.agenda(at: at(2026, 11, 24, 9))
        #expect(agenda.overdueRefs == ["s\(dana.id!)"])
        #expect(agenda.item("s1")?.dueDay == day(2026, 11, 2))
        #expect(agenda.item("s1")?.overdueDays == 22)
        try book.store.logInteraction(kind: .call, title: "Quick call", contactIDs: [dana.id!], at: at(2026, 11, 20, 16), now: at(2026, 11, 20, 16))
        let after = try book.agenda(at: at(2026, 11, 24, 9), days: 30)
        #expect(after.item("s1")?.dueDay == day(2026, 12, 21)) // 20 Dec is a Sunday
        #expect(after.item("s1")?.isOverdue == false)
    }

    @Test("a contact's own cadence wins over the tier's; no cadence, no reminder")
    func cadences() throws {
        let book = try TestBook()
        try book.contact("Own", tier: .c, every: 7, added: at(2026, 11, 10, 9))
        try book.contact("Tier A", tier: .a, added: at(2026, 11, 10, 9))
        try book.contact("Nobody", added: at(2020, 1, 1, 9))
        let agenda = try book.agenda(at: at(2026, 11, 24, 9))
        #expect(agenda.item("s1")?.dueDay == day(2026, 11, 17))
        #expect(agenda.item("s2")?.dueDay == day(2026, 11, 24))
        #expect(agenda.item("s3") == nil)
        try book.store.setRule("cadence-a", to: "20")
        #expect(try book.agenda(at: at(2026, 11, 24, 9)).item("s2")?.dueDay == day(2026, 11, 30))
    }

    @Test("a booked meeting counts as the touch it will be; a thank-you sent touches too")
    func bookedMeetingTouches() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", every: 14, added: at(2026, 10, 1, 9))
        try book.meeting("Review", with: [dana], starts: at(2026, 12, 3, 10), added: at(2026, 11, 24, 9))
        let agenda = try book.agenda(at: at(2026, 11, 24, 9), days: 30)
        #expect(agenda.item("s1")?.dueDay == day(2026, 12, 17))
        #expect(try book.store.lastTouch(ofContact: dana.id!, before: at(2026, 11, 24, 9)) == nil)
    }

    @Test("deleting what made a touch recomputes the latest touch")
    func touchTriggers() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: added)
        let call = try book.store.logInteraction(kind: .call, title: "Call", contactIDs: [dana.id!], at: at(2026, 11, 10, 9), now: added)
        try book.store.logInteraction(kind: .email, title: "Email", contactIDs: [dana.id!], at: at(2026, 11, 20, 9), now: added)
        #expect(try book.store.contact(id: dana.id!)?.latestTouchAt == at(2026, 11, 20, 9))
        try book.store.writer.write { db in _ = try Interaction.deleteOne(db, key: 2) }
        #expect(try book.store.contact(id: dana.id!)?.latestTouchAt == at(2026, 11, 10, 9))
        try book.store.writer.write { db in _ = try Interaction.deleteOne(db, key: call.id!) }
        #expect(try book.store.contact(id: dana.id!)?.latestTouchAt == nil)
    }

    // MARK: Lunches

    @Test("a favourite's lunch is due at the last lunch plus the cadence, unless one is offered")
    func lunchDue() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", favourite: true, lunchEvery: 60, added: at(2026, 1, 1, 9))
        try book.store.addLunch(guestIDs: [dana.id!], startsAt: at(2026, 9, 1, 12, 30), state: .held, now: at(2026, 9, 1, 15))
        let agenda = try book.agenda(at: at(2026, 11, 24, 9))
        #expect(agenda.item("ld1")?.dueDay == day(2026, 11, 2)) // 1 Sep + 60 = Saturday 31 Oct → Monday
        #expect(agenda.item("ld1")?.isOverdue == true)
        let offered = try book.store.addLunch(guestIDs: [dana.id!], startsAt: at(2026, 11, 27, 12, 30), place: "Nobu", now: at(2026, 11, 24, 9))
        let withOffer = try book.agenda(at: at(2026, 11, 24, 10))
        #expect(withOffer.item("ld1") == nil)
        #expect(withOffer.item("l\(offered.id!)")?.title == "Lunch at Nobu")
        #expect(withOffer.item("l\(offered.id!)")?.dueDay == day(2026, 11, 27))
        // The lunch passes without being marked: it is late until it is.
        let late = try book.agenda(at: at(2026, 11, 28, 9))
        #expect(late.overdueRefs.contains("l\(offered.id!)"))
        try book.store.setLunchState(id: offered.id!, to: .held, now: at(2026, 11, 28, 9))
        let held = try book.agenda(at: at(2026, 11, 28, 10), days: 90)
        #expect(held.item("ld1")?.dueDay == day(2027, 1, 26))
        #expect(held.item("l\(offered.id!)") == nil)
    }

    @Test("a favourite without a lunch yet counts from when they were added; others never")
    func lunchNever() throws {
        let book = try TestBook()
        try book.contact("Fav", favourite: true, lunchEvery: 30, added: at(2026, 11, 1, 9))
        try book.contact("Not fav", lunchEvery: 30, added: at(2026, 1, 1, 9))
        let agenda = try book.agenda(at: at(2026, 12, 2, 9))
        #expect(agenda.item("ld1")?.dueDay == day(2026, 12, 1))
        #expect(agenda.item("ld2") == nil)
    }

    // MARK: Gifts

    @Test("a deal won with a large team suggests a gift, due a week after closing, until there is one")
    func giftSuggestion() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", account: "Acme", added: added)
        try book.contact("Lee Park", account: "Acme", added: added)
        let acme = try book.store.resolveAccount("acme")
        let big = try book.store.addDeal(accountID: acme.id!, title: "Platform", now: added)
        let small = try book.store.addDeal(accountID: acme.id!, title: "Pilot", now: added)
        try book.store.closeDeal(id: big.id!, as: .won, on: day(2026, 11, 20), buyerTeamSize: 12)
        try book.store.closeDeal(id: small.id!, as: .won, on: day(2026, 11, 20), buyerTeamSize: 4)
        let agenda = try book.agenda(at: at(2026, 11, 24, 9))
        let gift = try #require(agenda.item("gd\(big.id!)"))
        #expect(gift.dueDay == day(2026, 11, 27))
        #expect(gift.account == "Acme")
        #expect(gift.contacts.map(\.name) == ["Dana Ruiz", "Lee Park"])
        #expect(agenda.item("gd\(small.id!)") == nil)
        #expect(try book.agenda(at: at(2026, 11, 28, 9)).item("gd\(big.id!)")?.overdueDays == 1)
        let done = try book.store.complete([ItemRef(.giftSuggestion, big.id!)], now: at(2026, 11, 24, 9), calendar: book.calendar)
        #expect(done.first?.summary.contains("2 people") == true)
        #expect(try book.agenda(at: at(2026, 11, 28, 9)).item("gd\(big.id!)") == nil)
        #expect(try book.store.contact(id: dana.id!)?.latestTouchAt == at(2026, 11, 24, 9))
    }

    @Test("lost and not-a-fit deals suggest nothing")
    func otherOutcomes() throws {
        let book = try TestBook()
        let account = try book.store.addAccount(named: "Globex", now: added)
        let lost = try book.store.addDeal(accountID: account.id!, title: "Lost", buyerTeamSize: 20, now: added)
        let fit = try book.store.addDeal(accountID: account.id!, title: "Not a fit", buyerTeamSize: 20, now: added)
        try book.store.closeDeal(id: lost.id!, as: .lost, on: day(2026, 11, 1))
        try book.store.closeDeal(id: fit.id!, as: .notAFit, on: day(2026, 11, 1))
        #expect(try book.agenda(at: at(2026, 11, 24, 9)).isEmpty)
        #expect(throws: StoreError.self) { try book.store.closeDeal(id: lost.id!, as: .won, on: day(2026, 11, 2)) }
    }

    // MARK: Time zones

    @Test("today is the local day, east and west of UTC", arguments: [
        // (zone, UTC instant, expected section for an item due 24 Nov)
        ("Pacific/Kiritimati", utc(2026, 11, 24, 9, 59), "today"),   // 23:59 on the 24th
        ("Pacific/Kiritimati", utc(2026, 11, 24, 10, 0), "overdue"), // 00:00 on the 25th
        ("America/New_York", utc(2026, 11, 25, 4, 59), "today"),     // 23:59 on the 24th
        ("America/New_York", utc(2026, 11, 25, 5, 0), "overdue"),
        ("Australia/Lord_Howe", utc(2026, 11, 24, 12, 59), "today"), // +11: 23:59
        ("Australia/Lord_Howe", utc(2026, 11, 24, 13, 0), "overdue"),
        ("Pacific/Tongatapu", utc(2026, 11, 23, 10, 59), "upcoming"), // +13: 23:59 on the 23rd
    ] as [(String, Date, String)])
    func localToday(zone: String, now: Date, section: String) throws {
        let book = try TestBook(calendar: LocalCalendar(timeZone: TimeZone(identifier: zone)!))
        try book.followUp("Due the 24th", on: day(2026, 11, 24), added: utc(2026, 11, 1, 0))
        let agenda = try book.agenda(at: now)
        let found = agenda.overdueRefs.contains("f1") ? "overdue" : agenda.todayRefs.contains("f1") ? "today"
            : agenda.upcomingRefs.contains("f1") ? "upcoming" : "none"
        #expect(found == section)
    }

    @Test("items due on a day of a daylight-saving change are due until that day's true end",
          arguments: [("Europe/Berlin", 2026, 3, 29), ("Europe/Berlin", 2026, 10, 25),
                      ("America/New_York", 2026, 3, 8), ("America/New_York", 2026, 11, 1),
                      ("Australia/Lord_Howe", 2026, 10, 4), ("Australia/Lord_Howe", 2026, 4, 5)])
    func dstDays(zone: String, y: Int, m: Int, d: Int) throws {
        let calendar = LocalCalendar(timeZone: TimeZone(identifier: zone)!)
        let book = try TestBook(calendar: calendar)
        try book.followUp("On the change", on: day(y, m, d), added: utc(2026, 1, 1, 0))
        let end = calendar.endOfDay(day(y, m, d))
        #expect(try book.agenda(at: end.addingTimeInterval(-1)).todayRefs == ["f1"])
        #expect(try book.agenda(at: end).overdueRefs == ["f1"])
        #expect(calendar.day(of: end) == day(y, m, d).adding(days: 1))
        #expect(calendar.time(of: end) == time(0))
    }

    @Test("a timed item keeps its instant when the user's zone changes")
    func zoneChange() throws {
        let book = try TestBook(calendar: Zone.berlin)
        try book.followUp("Call NY", on: day(2026, 11, 24), at: time(23, 30), added: added)
        var newYorker = book
        newYorker.calendar = Zone.newYork
        let agenda = try newYorker.agenda(at: utc(2026, 11, 24, 21))
        #expect(agenda.todayRefs == ["f1"])
        #expect(AgendaText.when(agenda.item("f1")!, in: agenda, calendar: Zone.newYork) == "17:30")
    }

    // MARK: Order

    @Test("a day is in time order: timed items by time, then date-only items; tier and kind break ties")
    func ordering() throws {
        let book = try TestBook()
        let a = try book.contact("Ann", tier: .a, added: added)
        let b = try book.contact("Bob", tier: .b, added: added)
        let none = try book.contact("Cy", added: added)
        try book.followUp("Old", with: [none], on: day(2026, 11, 10), added: added)       // f1
        try book.followUp("B late", with: [b], on: day(2026, 11, 20), added: added)       // f2
        try book.followUp("A late", with: [a], on: day(2026, 11, 20), added: added)       // f3
        try book.followUp("Untiered", with: [none], on: day(2026, 11, 20), added: added)  // f4
        try book.meeting("Met B", with: [b], starts: at(2026, 11, 19, 10), added: added) // t1 due 20th
        try book.followUp("B at 15:00", with: [b], on: day(2026, 11, 20), at: time(15), added: added) // f5
        try book.followUp("B at 09:00", with: [b], on: day(2026, 11, 20), at: time(9), added: added)  // f6
        let agenda = try book.agenda(at: at(2026, 11, 24, 9), rules: {
            var rules = SchedulerRules()
            rules.tierCadenceDays = [:]
            return rules
        }())
        // The 20th: 09:00 and 15:00 first, then the date-only items by tier (A, B, none), kind breaking B's tie.
        #expect(agenda.overdueRefs == ["f1", "f6", "f5", "f3", "t1", "f2", "f4"])
    }

    @Test("a 16:00 follow-up of an A contact comes after an 11:00 meeting with nobody tiered")
    func timeBeatsTier() throws {
        let book = try TestBook()
        let a = try book.contact("Ann", tier: .a, added: added)
        let none = try book.contact("Cy", added: added)
        try book.followUp("Call Ann", with: [a], on: day(2026, 11, 25), at: time(16), added: added)    // f1
        try book.meeting("API review", with: [none], starts: at(2026, 11, 25, 11), added: added)        // m1
        try book.followUp("Send notes", with: [a], on: day(2026, 11, 25), added: added)                  // f2
        let agenda = try book.agenda(at: at(2026, 11, 25, 8), rules: {
            var rules = SchedulerRules()
            rules.tierCadenceDays = [:]
            return rules
        }())
        #expect(agenda.todayRefs == ["m1", "f1", "f2"])
    }
}
