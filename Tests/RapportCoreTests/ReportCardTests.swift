import Foundation
import Testing
@testable import RapportCore

/// A book built so that every figure of its report card is known by
/// construction: the comments say which entry each expected number counts.
/// "Now" is Tue 24 Nov 2026 10:00 in Berlin; the month reported is
/// 25 Oct – 24 Nov (it starts on the day clocks went back), the one before
/// 24 Sep – 24 Oct.
struct ReportBook {
    let book: TestBook
    var store: RapportStore { book.store }
    let now = at(2026, 11, 24, 10)
    var period: ReportPeriod { .month(endingOn: day(2026, 11, 24)) }

    init() throws {
        book = try TestBook(calendar: Zone.berlin)
        let store = book.store
        let calendar = book.calendar
        let added = at(2026, 1, 1, 9)
        let logistics = try store.addSegment(named: "Logistics, DACH", ratings: SegmentRatings(attractiveness: 5, competitiveness: 4, appealToBuyers: 4), now: added)
        let banks = try store.addSegment(named: "Banks, Nordics", ratings: SegmentRatings(attractiveness: 2, competitiveness: 2, appealToBuyers: 3), now: added)

        let dana = try book.contact("Dana Ruiz", account: "Acme", tier: .a, added: added)
        let lee = try book.contact("Lee Park", account: "Acme", tier: .b, added: added)
        let mia = try book.contact("Mia Chen", account: "Globex", tier: .c, added: added)
        let omar = try book.contact("Omar Haddad", account: "Initech", every: 10, added: added)
        _ = try book.contact("Zed Berg", account: "Initech", tier: .a, added: added)            // never touched: 313 days past
        let ivy = try book.contact("Ivy Moreau", account: "Globex", tier: .c, added: at(2026, 6, 1, 9))
        let pat = try book.contact("Pat Rossi", account: "Hooli", added: added)
        let accounts = try store.accountList(now: now).reduce(into: [String: Int64]()) { $0[$1.account.name] = $1.account.id! }
        try store.assign(accountIDs: [accounts["Acme"]!], toSegment: logistics.id, now: added)
        try store.assign(accountIDs: [accounts["Globex"]!, accounts["Hooli"]!], toSegment: banks.id, now: added)

        // Touches long before the reported weeks.
        try store.logInteraction(kind: .call, title: "Intro", contactIDs: [ivy.id!], at: at(2026, 8, 1, 11), now: at(2026, 8, 1, 11)) // due 30 Oct: 25 days past
        try store.logInteraction(kind: .call, title: "Check-in", contactIDs: [pat.id!], at: at(2026, 3, 2, 11), now: at(2026, 3, 2, 11)) // Hooli cold: 267 days

        // Meetings.
        let m1 = try book.meeting("Kick-off", with: [dana, lee], starts: at(2026, 11, 2, 10), added: at(2026, 10, 20, 9))
        _ = try store.complete([ItemRef(.prep, m1.meeting.id!)], now: at(2026, 11, 1, 18), calendar: calendar) // prepared
        try store.markThankYouSent(id: m1.thankYouNotes[0].id!, channel: .email, at: at(2026, 11, 3, 17))   // due Tue 3 Nov: on time, 1 day
        try store.markThankYouSent(id: m1.thankYouNotes[1].id!, channel: .card, at: at(2026, 11, 6, 9))     // late, 4 days
        _ = try book.meeting("Review", with: [mia], starts: at(2026, 11, 20, 15), added: at(2026, 11, 1, 9)) // note due Mon 23 Nov, still owed
        let m6 = try book.meeting("Conference", with: [omar], starts: at(2026, 11, 9, 14), added: at(2026, 11, 1, 9))
        try store.waiveThankYou(id: m6.thankYouNotes[0].id!, reason: "met at a conference")
        let m5 = try book.meeting("Cancelled demo", with: [lee], starts: at(2026, 11, 10, 10), added: at(2026, 11, 1, 9))
        _ = try store.cancel([ItemRef(.meeting, m5.meeting.id!)], reason: nil, now: at(2026, 11, 9, 9))
        _ = try book.meeting("Planning", with: [omar], starts: at(2026, 11, 26, 10), added: at(2026, 11, 20, 9)) // to come
        let m3 = try book.meeting("Previous review", with: [dana], starts: at(2026, 10, 12, 10), added: at(2026, 10, 1, 9))
        try store.markThankYouSent(id: m3.thankYouNotes[0].id!, channel: .email, at: at(2026, 10, 13, 9))

        // Follow-ups, by the day first promised.
        let f1 = try book.followUp("Send deck", with: [dana], on: day(2026, 11, 5), added: at(2026, 11, 1, 9))
        _ = try store.complete([ItemRef(.followUp, f1.id!)], now: at(2026, 11, 5, 16), calendar: calendar)       // kept
        let f2 = try book.followUp("Send terms", with: [lee], on: day(2026, 11, 10), added: at(2026, 11, 1, 9))
        _ = try store.snoozeFollowUp(id: f2.id!, to: day(2026, 11, 12), time: nil, calendar: calendar)
        _ = try store.complete([ItemRef(.followUp, f2.id!)], now: at(2026, 11, 12, 16), calendar: calendar)      // late, snoozed once
        let f3 = try book.followUp("Call back", with: [mia], on: day(2026, 11, 18), added: at(2026, 11, 1, 9))
        _ = try store.snoozeFollowUp(id: f3.id!, to: day(2026, 11, 30), time: nil, calendar: calendar)
        _ = try store.snoozeFollowUp(id: f3.id!, to: day(2026, 12, 2), time: nil, calendar: calendar)           // open, snoozed twice
        let f4 = try book.followUp("Ask about budget", with: [omar], on: day(2026, 11, 20), added: at(2026, 11, 1, 9))
        _ = try store.cancel([ItemRef(.followUp, f4.id!)], reason: nil, now: at(2026, 11, 19, 9))               // cancelled
        try book.followUp("Share case study", with: [lee], on: day(2026, 11, 20), added: at(2026, 11, 1, 9)) // open, overdue
        try book.followUp("Quarterly plan", with: [dana], on: day(2026, 12, 1), added: at(2026, 11, 1, 9))   // open, after the period
        let f5 = try book.followUp("Old promise", with: [dana], on: day(2026, 10, 1), added: at(2026, 9, 20, 9))
        _ = try store.complete([ItemRef(.followUp, f5.id!)], now: at(2026, 10, 3, 16), calendar: calendar)      // previous: late

        // Other touches, lunches and gifts.
        try store.logInteraction(kind: .call, title: "Catch-up", contactIDs: [omar.id!], at: at(2026, 11, 15, 11), now: at(2026, 11, 15, 11))
        try store.addLunch(guestIDs: [dana.id!], startsAt: at(2026, 11, 18, 12, 30), state: .held,
                           cost: Money(minorUnits: 6000, currency: "EUR"), now: at(2026, 11, 18, 14))
        try store.addLunch(guestIDs: [lee.id!], startsAt: at(2026, 12, 3, 12, 30), now: at(2026, 11, 20, 9)) // offered
        let declined = try store.addLunch(guestIDs: [mia.id!], startsAt: at(2026, 11, 25, 12, 30), now: at(2026, 11, 5, 9))
        try store.setLunchState(id: declined.id!, to: .declined, now: at(2026, 11, 6, 9))
        try store.addLunch(guestIDs: [dana.id!], startsAt: at(2026, 10, 20, 12, 30), state: .held,
                           cost: Money(minorUnits: 4500, currency: "EUR"), now: at(2026, 10, 20, 14))  // previous
        try store.addGift(Gift(occasion: "thanks", description: "Book", costMinorUnits: 4000, currency: "EUR", state: .sent,
                               sentOn: day(2026, 11, 19), createdAt: at(2026, 11, 19, 10)), recipientIDs: [mia.id!])
        try store.addGift(Gift(occasion: "birthday", description: "Coffee", costMinorUnits: 2500, currency: "USD", state: .sent,
                               sentOn: day(2026, 11, 21), createdAt: at(2026, 11, 21, 10)), recipientIDs: [omar.id!])
        try store.addGift(Gift(occasion: "holidays", description: "Wine", state: .idea, sendBy: day(2026, 12, 15),
                               createdAt: at(2026, 11, 21, 10)), recipientIDs: [dana.id!])                      // not sent

        // Deals.
        let d1 = try store.addDeal(accountID: accounts["Acme"]!, title: "Fleet", now: at(2026, 11, 1, 9))
        try store.closeDeal(id: d1.id!, as: .won, on: day(2026, 11, 10))
        let d2 = try store.addDeal(accountID: accounts["Acme"]!, title: "Depot", now: at(2026, 6, 1, 9))
        try store.closeDeal(id: d2.id!, as: .lost, on: day(2026, 11, 12))
        let d3 = try store.addDeal(accountID: accounts["Globex"]!, title: "Pilot", now: at(2026, 11, 3, 9))
        try store.closeDeal(id: d3.id!, as: .notAFit, on: day(2026, 11, 20))
        try store.addDeal(accountID: accounts["Acme"]!, title: "Renewal", now: at(2026, 6, 1, 9))             // open
        let d5 = try store.addDeal(accountID: accounts["Globex"]!, title: "Old", now: at(2026, 6, 1, 9))
        try store.closeDeal(id: d5.id!, as: .lost, on: day(2026, 10, 15))                                     // previous
    }

    func report() throws -> ReportCard {
        try store.reportCard(for: period, now: now, calendar: book.calendar)
    }
}

@Suite("Report card")
struct ReportCardTests {
    @Test("periods: a week, a month to the same date, a quarter, and the period before of the same length")
    func periods() throws {
        let month = ReportPeriod.month(endingOn: day(2026, 11, 24))
        #expect(month.from == day(2026, 10, 25) && month.days == 31)
        #expect(month.previous.from == day(2026, 9, 24) && month.previous.to == day(2026, 10, 24))
        #expect(ReportPeriod.month(endingOn: day(2026, 3, 31)).from == day(2026, 3, 1))
        #expect(ReportPeriod.month(endingOn: day(2024, 3, 29)).from == day(2024, 3, 1))
        #expect(ReportPeriod.week(endingOn: day(2026, 1, 2)).from == day(2025, 12, 27))
        #expect(ReportPeriod.quarter(endingOn: day(2026, 11, 24)).from == day(2026, 8, 25))
        #expect(throws: StoreError.self) { try ReportPeriod(from: day(2026, 2, 2), to: day(2026, 2, 1)) }
        #expect(month.text == "25 Oct – 24 Nov 2026")
        #expect(ReportPeriod.week(endingOn: day(2026, 1, 2)).text == "27 Dec 2025 – 2 Jan 2026")
    }

    @Test("thank-you notes: due, still owed, waived, sent, on time, median days; a cancelled or future meeting owes none")
    func thankYouNotes() throws {
        let report = try ReportBook().report()
        #expect(report.current.thankYouNotes == ThankYouFigures(due: 4, stillOwed: 1, waived: 1, sent: 2, sentOnTime: 1, medianDaysToSend: 2.5))
        #expect(report.previous.thankYouNotes == ThankYouFigures(due: 1, stillOwed: 0, waived: 0, sent: 1, sentOnTime: 1, medianDaysToSend: 1))
        #expect(report.standing.thankYouNotesOwed == 1 && report.standing.thankYouNotesLate == 1)
    }

    @Test("follow-ups by the day first promised: kept, late, open, cancelled, snoozed and how often")
    func followUps() throws {
        let report = try ReportBook().report()
        #expect(report.current.followUps == FollowUpFigures(due: 5, keptOnTime: 1, doneLate: 1, stillOpen: 2, cancelled: 1, snoozed: 2, snoozes: 3))
        #expect(report.previous.followUps == FollowUpFigures(due: 1, keptOnTime: 0, doneLate: 1))
        #expect(report.standing.followUpsOpen == 3 && report.standing.followUpsOverdue == 1)
    }

    @Test("touches that happened, per tier and per account; a booked meeting is not counted before it happens")
    func touches() throws {
        let report = try ReportBook().report()
        let touches = report.current.touches
        #expect(touches.total == 10 && touches.contacts == 4 && touches.accounts == 3)
        #expect(touches.byTier == [TierTouches(tier: .a, touches: 3, contactsTouched: 1, contacts: 2),
                                   TierTouches(tier: .b, touches: 2, contactsTouched: 1, contacts: 1),
                                   TierTouches(tier: .c, touches: 2, contactsTouched: 1, contacts: 2),
                                   TierTouches(tier: nil, touches: 3, contactsTouched: 1, contacts: 2)])
        #expect(touches.byAccount.map(\.name) == ["Acme", "Initech", "Globex"])
        #expect(touches.byAccount.map(\.touches) == [5, 3, 2])
        #expect(report.previous.touches.total == 3 && report.previous.touches.contacts == 1)
    }

    @Test("touches a week for twelve weeks ending today, and per account")
    func weeklyTouches() throws {
        let report = try ReportBook().report()
        #expect(report.weeklyTouches.count == 12)
        #expect(report.weeklyTouches.last!.lastDay == day(2026, 11, 24))
        #expect(report.weeklyTouches.first!.lastDay == day(2026, 9, 8))
        #expect(report.weeklyTouches.suffix(7).map(\.count) == [2, 1, 0, 3, 2, 1, 4])
        let acme = try #require(report.accountWeeks.first { $0.name == "Acme" })
        #expect(acme.counts.suffix(7) == [2, 1, 0, 3, 1, 0, 1])
        #expect(report.accountWeeks.map(\.name) == ["Acme", "Initech", "Globex"])
    }

    @Test("lunches, gifts, and spend per month in each currency")
    func lunchesAndGifts() throws {
        let report = try ReportBook().report()
        #expect(report.current.lunches == LunchFigures(held: 1, offered: 3, declined: 1))
        #expect(report.current.gifts.sent == 2)
        #expect(report.current.spend == [MonthlySpend(month: "2026-11", currency: "EUR", lunchesMinorUnits: 6000, giftsMinorUnits: 4000),
                                         MonthlySpend(month: "2026-11", currency: "USD", lunchesMinorUnits: 0, giftsMinorUnits: 2500)])
        #expect(report.previous.lunches == LunchFigures(held: 1, offered: 1, declined: 0))
        #expect(report.previous.spend == [MonthlySpend(month: "2026-10", currency: "EUR", lunchesMinorUnits: 4500, giftsMinorUnits: 0)])
    }

    @Test("meetings held with preparation done beforehand, cancelled apart")
    func meetings() throws {
        let report = try ReportBook().report()
        #expect(report.current.meetings == MeetingFigures(held: 3, prepared: 1, cancelled: 1))
        #expect(report.previous.meetings == MeetingFigures(held: 1, prepared: 0, cancelled: 0))
    }

    @Test("deals: won, lost and not a fit counted apart; the win rate leaves not-a-fit out")
    func deals() throws {
        let report = try ReportBook().report()
        #expect(report.current.deals == DealFigures(opened: 2, won: 1, lost: 1, notAFit: 1))
        #expect(report.current.deals.winRate == 0.5)
        #expect(report.previous.deals == DealFigures(opened: 0, won: 0, lost: 1, notAFit: 0))
        #expect(report.standing.openDeals == 1)
    }

    @Test("contacts past their cadence and for how long; accounts gone cold")
    func lapses() throws {
        let report = try ReportBook().report()
        #expect(report.standing.pastCadence.map(\.name) == ["Zed Berg", "Ivy Moreau"])
        #expect(report.standing.pastCadence.map(\.daysPast) == [313, 25])
        #expect(report.standing.medianDaysPastCadence == 169)
        #expect(report.standing.coldAccounts.map(\.name) == ["Hooli"])
        #expect(report.standing.coldAccounts.first?.daysSinceTouch == 267)
    }

    @Test("segments: accounts, deals, touches and their share, lapses and cold accounts; the unassigned last")
    func segments() throws {
        let report = try ReportBook().report()
        #expect(report.segments.map { $0.segment?.name } == ["Banks, Nordics", "Logistics, DACH", nil])
        let banks = report.segments[0], logistics = report.segments[1], none = report.segments[2]
        #expect(logistics.accounts == 1 && logistics.contacts == 2 && logistics.openDeals == 1)
        #expect(logistics.deals == DealFigures(won: 1, lost: 1) && logistics.touches == 5 && logistics.shareOfTouches == 0.5)
        #expect(banks.accounts == 2 && banks.contacts == 3 && banks.deals.notAFit == 1 && banks.touches == 2)
        #expect(banks.pastCadence == 1 && banks.coldAccounts == 1)
        #expect(none.accounts == 1 && none.touches == 3 && none.pastCadence == 1 && none.shareOfTouches == 0.3)
        #expect(logistics.segment?.quadrant == .invest && banks.segment?.quadrant == .deprioritise)
        #expect(logistics.effort == nil && banks.effort == nil) // 50% for "invest", 20% for "deprioritise": as rated
    }

    @Test("effort against the grid: invest or build under ¾ of an even share is under-served; maintain or deprioritise over 1¼ is over-served")
    func effort() {
        #expect(SegmentEffort.judge(.invest, share: 0.1, evenShare: 0.25) == .underServed)
        #expect(SegmentEffort.judge(.build, share: 0.18, evenShare: 0.25) == .underServed)
        #expect(SegmentEffort.judge(.invest, share: 0.2, evenShare: 0.25) == nil)
        #expect(SegmentEffort.judge(.deprioritise, share: 0.32, evenShare: 0.25) == .overServed)
        #expect(SegmentEffort.judge(.maintain, share: 0.31, evenShare: 0.25) == nil)
        #expect(SegmentEffort.judge(nil, share: 0.9, evenShare: 0.25) == nil)
    }

    @Test("an empty book has a report of zeros")
    func emptyBook() throws {
        let store = try RapportStore.inMemory()
        let report = try store.reportCard(for: .week(endingOn: day(2026, 11, 24)), now: at(2026, 11, 24, 10), calendar: Zone.berlin)
        #expect(report.current == PeriodFigures(touches: TouchFigures(byTier: [
            TierTouches(tier: .a, touches: 0, contactsTouched: 0, contacts: 0), TierTouches(tier: .b, touches: 0, contactsTouched: 0, contacts: 0),
            TierTouches(tier: .c, touches: 0, contactsTouched: 0, contacts: 0), TierTouches(tier: nil, touches: 0, contactsTouched: 0, contacts: 0)])))
        #expect(report.segments.isEmpty && report.weeklyTouches.allSatisfy { $0.count == 0 })
    }
}
