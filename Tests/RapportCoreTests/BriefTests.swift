import Foundation
import Testing
@testable import RapportCore

/// A book whose facts are known, and the brief of its next meeting: each
/// fact must come out in its place.
@Suite("Brief")
struct BriefTests {
    /// Friday 27 November 2026, 09:00 in Berlin: the kickoff is on Monday.
    let now = at(2026, 11, 27, 9)
    let calendar = Zone.berlin

    struct Facts {
        let book: TestBook
        let dana: Contact, lee: Contact, omar: Contact
        let kickoff: Meeting, discovery: Meeting
        let acmeID: Int64
    }

    func facts() throws -> Facts {
        let book = try TestBook()
        let store = book.store
        let added = at(2026, 9, 1, 9)
        var dana = try book.contact("Dana Ruiz", account: "Acme", tier: .a, favourite: true, added: added)
        dana = try store.editContact(id: dana.id!, now: added) {
            $0.title = "Head of Operations"
            $0.needs = "one view of stock across 4 warehouses"
            $0.caresAbout = "her team's overtime"
            $0.family = "two kids, Leo and Mia"
            $0.birthday = Birthday(year: 1985, month: 12, day: 3)
            $0.dietaryNeeds = "vegetarian"
        }
        var lee = try book.contact("Lee Park", account: "Acme", tier: .b, added: at(2026, 10, 1, 9))
        lee = try store.editContact(id: lee.id!, now: added) {
            $0.title = "CFO"
            $0.wants = "a fixed price for three years"
            $0.birthday = Birthday(year: nil, month: 2, day: 1) // beyond 30 days: not shown
        }
        let omar = try book.contact("Omar Haddad", account: "Globex", added: added)
        let acmeID = dana.accountID!
        // Touches: four that happened (the oldest must drop out), one to come.
        let discovery = try store.addMeeting(MeetingDraft(title: "Acme discovery", startsAt: at(2026, 11, 3, 10), accountID: acmeID,
                                                          attendees: People(existingIDs: [dana.id!, lee.id!]),
                                                          outcomeNotes: "Wants a pilot in Hamburg before January"), now: at(2026, 11, 2, 9)).meeting
        try store.logInteraction(kind: .email, title: "Intro", contactIDs: [dana.id!], at: at(2026, 10, 1, 9), now: at(2026, 10, 1, 9))
        try store.logInteraction(kind: .call, title: "Renewal terms", contactIDs: [dana.id!], at: at(2026, 11, 24, 8, 30),
                                 notes: "Budget approved for Q1", now: at(2026, 11, 24, 8, 30))
        try store.addLunch(guestIDs: [dana.id!], startsAt: at(2026, 11, 13, 12, 30), place: "Nobu", state: .held, now: at(2026, 11, 13, 14))
        let kickoff = try store.addMeeting(MeetingDraft(title: "Acme kickoff", startsAt: at(2026, 11, 30, 10), endsAt: at(2026, 11, 30, 11),
                                                        place: "HQ", accountID: acmeID, attendees: People(existingIDs: [dana.id!, lee.id!]),
                                                        prepNotes: "Ask about the January freeze"), now: at(2026, 11, 24, 9)).meeting
        // Open: a follow-up late, one to come, one for someone else; a note sent, one owed; gifts.
        try book.followUp("Send the case study", with: [lee], on: day(2026, 12, 4), added: at(2026, 11, 24, 9))
        try book.followUp("Send the pricing deck", with: [dana], on: day(2026, 11, 23), added: at(2026, 11, 20, 9))
        try book.followUp("Call Omar", with: [omar], on: day(2026, 11, 20), added: at(2026, 11, 20, 9))
        let notes = try store.thankYouNotes(ofMeeting: discovery.id!)
        try store.markThankYouSent(id: notes[0].id!, channel: .handwritten, at: at(2026, 11, 4, 9))
        try store.addGift(Gift(accountID: acmeID, occasion: "kickoff", description: "Cheese basket", costMinorUnits: 6000, currency: "EUR",
                               state: .idea, sendBy: day(2026, 12, 1), createdAt: at(2026, 11, 24, 9)), recipientIDs: [])
        try store.addGift(Gift(occasion: "thanks", description: "Book on logistics", state: .sent, sentOn: day(2026, 11, 16),
                               createdAt: at(2026, 11, 16, 9)), recipientIDs: [lee.id!])
        // The account: segment with ONLY statement, deals each way.
        let segment = try store.addSegment(named: "Mid-size logistics, DACH",
                                           ratings: SegmentRatings(attractiveness: 5, competitiveness: 4, appealToBuyers: 4), now: added)
        try store.assign(accountIDs: [acmeID], toSegment: segment.id, now: added)
        try store.setOnlyStatement("We are the ONLY ones that plan stock and staff together", forSegment: segment.id!)
        try store.setRule("only-statement", to: "We are the ONLY ones who answer within the hour")
        try store.addDeal(accountID: acmeID, title: "Warehouse platform",
                          qualification: DealQualification(theirWin: "one view of stock", ourWin: "a 3-year contract", fit: 4), now: added)
        try store.addDeal(accountID: acmeID, title: "Staff planning add-on", now: added)
        let pilot = try store.addDeal(accountID: acmeID, title: "Hamburg pilot", qualification: DealQualification(fit: 2), now: added)
        try store.closeDeal(id: pilot.id!, as: .notAFit, on: day(2026, 11, 24), reason: "they need it on-premise")
        return Facts(book: book, dana: dana, lee: lee, omar: omar, kickoff: kickoff, discovery: discovery, acmeID: acmeID)
    }

    func kickoffBrief() throws -> (Brief, Facts) {
        let facts = try facts()
        return (try facts.book.store.brief(for: .meeting(facts.kickoff.id!), now: now, calendar: calendar), facts)
    }

    @Test("when, where, who: each attendee's role, tier, account, how long known, the last three touches and what came of them")
    func who() throws {
        let (brief, facts) = try kickoffBrief()
        #expect(brief.kind == "meeting" && brief.ref == "m\(facts.kickoff.id!)" && brief.title == "Acme kickoff")
        #expect(brief.startsAt == at(2026, 11, 30, 10) && brief.endsAt == at(2026, 11, 30, 11) && brief.place == "HQ")
        #expect(brief.people.map(\.name) == ["Dana Ruiz", "Lee Park"])
        let dana = brief.people[0]
        #expect(dana.role == "Head of Operations" && dana.tier == .a && dana.account == "Acme" && dana.favourite)
        #expect(dana.knownSince == at(2026, 9, 1, 9))
        // Newest first, three at most: the discovery meeting and the October email drop out; the booked kickoff is not a touch yet.
        #expect(dana.lastTouches.map(\.title) == ["Renewal terms", "Lunch at Nobu", "Thank-you sent (handwritten)"])
        #expect(dana.lastTouches.map(\.kind) == ["call", "lunch", "thank-you"])
        #expect(dana.lastTouches[0].outcome == "Budget approved for Q1")
        // Lee's first touch (the discovery, 3 Nov) is later than when they were added (1 Oct).
        #expect(brief.people[1].knownSince == at(2026, 10, 1, 9))
        #expect(brief.people[1].lastTouches.map(\.title) == ["Book on logistics", "Acme discovery"])
        #expect(brief.people[1].lastTouches[1].outcome == "Wants a pilot in Hamburg before January")
        let text = BriefLayout.lines(brief, now: now, calendar: calendar)
        #expect(text.first?.text == "Acme kickoff · m\(facts.kickoff.id!) · Mon 30 Nov 10:00–11:00 at HQ")
        #expect(text.contains(BriefLine(.field, "when", "in 3 days", tone: .muted)))
        #expect(text.contains(BriefLine(.field, "", "→ Budget approved for Q1", tone: .muted)))
    }

    @Test("what they need, want and care about: an empty field is a question to ask; a birthday within 30 days is shown")
    func needs() throws {
        let (brief, _) = try kickoffBrief()
        let dana = brief.people[0], lee = brief.people[1]
        #expect(dana.facts == [BriefFact(label: "needs", value: "one view of stock across 4 warehouses"), BriefFact(label: "wants", value: nil),
                               BriefFact(label: "cares about", value: "her team's overtime"), BriefFact(label: "family", value: "two kids, Leo and Mia"),
                               BriefFact(label: "interests", value: nil), BriefFact(label: "dietary", value: "vegetarian")])
        // Lee's dietary needs are unknown and this is not a lunch: not asked here.
        #expect(lee.facts.map(\.label) == ["needs", "wants", "cares about", "family", "interests"])
        #expect(lee.facts[1].value == "a fixed price for three years")
        // 3 December is 6 days after Friday 27 November; born 1985, turns 41. Lee's 1 February is too far.
        #expect(dana.birthday == BriefBirthday(day: day(2026, 12, 3), inDays: 6, turns: 41))
        #expect(lee.birthday == nil)
        let lines = BriefLayout.lines(brief, now: now, calendar: calendar)
        #expect(lines.contains(BriefLine(.field, "needs", "unknown — ask", tone: .ask)))
        #expect(lines.contains(BriefLine(.field, "birthday", "Thu 3 Dec (in 6 days, turns 41)", tone: .accent)))
    }

    @Test("an anniversary within 30 days is shown with the years it marks; one further off, or none, is not")
    func anniversary() throws {
        let facts = try facts()
        var extras = ContactExtras()
        extras.anniversary = Birthday(year: 2011, month: 12, day: 18)   // 21 days after Friday 27 November, 15 years
        _ = try facts.book.store.editContact(id: facts.dana.id!, now: now, extras: extras) { _ in }
        extras.anniversary = Birthday(year: nil, month: 1, day: 15)     // 49 days off
        _ = try facts.book.store.editContact(id: facts.lee.id!, now: now, extras: extras) { _ in }
        let brief = try facts.book.store.brief(for: .meeting(facts.kickoff.id!), now: now, calendar: calendar)
        #expect(brief.people[0].anniversary == BriefBirthday(day: day(2026, 12, 18), inDays: 21, turns: 15))
        #expect(brief.people[1].anniversary == nil)
        #expect(BriefLayout.lines(brief, now: now, calendar: calendar)
            .contains(BriefLine(.field, "anniversary", "Fri 18 Dec (in 21 days, 15 years)", tone: .accent)))
    }

    @Test("a lunch's brief asks for dietary needs")
    func lunchAsksDiet() throws {
        let facts = try facts()
        let lunch = try facts.book.store.addLunch(guestIDs: [facts.lee.id!], startsAt: at(2026, 12, 2, 12, 30), place: "Tim Raue", now: now)
        let brief = try facts.book.store.brief(for: .lunch(lunch.id!), now: now, calendar: calendar)
        #expect(brief.title == "Lunch at Tim Raue" && brief.kind == "lunch")
        #expect(brief.people[0].facts.last == BriefFact(label: "dietary", value: nil))
    }

    @Test("what is open: follow-ups promised (late first), thank-you notes still owed, gifts planned — only theirs")
    func open() throws {
        let (brief, facts) = try kickoffBrief()
        #expect(brief.open.followUps.map(\.title) == ["Send the pricing deck", "Send the case study"])
        #expect(brief.open.followUps.map(\.late) == [true, false])
        #expect(brief.open.followUps[0].people == ["Dana Ruiz"])
        // Dana's note for the discovery was sent; Lee's is owed, due the next business day after 3 Nov.
        #expect(brief.open.thankYouNotes.map(\.to) == ["Lee Park"])
        #expect(brief.open.thankYouNotes[0].forWhat == "Acme discovery" && brief.open.thankYouNotes[0].dueDay == day(2026, 11, 4))
        #expect(brief.open.thankYouNotes[0].late)
        // The kickoff's own notes are not owed before it happens.
        #expect(!brief.open.thankYouNotes.contains { $0.metOn == day(2026, 11, 30) })
        #expect(brief.open.gifts.map(\.description) == ["Cheese basket"])
        #expect(brief.open.gifts[0].cost == Money(minorUnits: 6000, currency: "EUR") && brief.open.gifts[0].sendBy == day(2026, 12, 1))
        _ = facts
    }

    @Test("the account: its segment with ratings and ONLY statement, open and past deals with why, the last lunch and gift")
    func account() throws {
        let (brief, _) = try kickoffBrief()
        #expect(brief.accounts.map(\.name) == ["Acme"])
        let acme = brief.accounts[0]
        #expect(acme.segment == BriefSegment(name: "Mid-size logistics, DACH", attractiveness: 5, competitiveness: 4, appealToBuyers: 4,
                                             quadrant: .invest, onlyStatement: "We are the ONLY ones that plan stock and staff together"))
        #expect(brief.bookOnlyStatement == "We are the ONLY ones who answer within the hour")
        // Open deals first, the best fit first; then the closed ones.
        #expect(acme.deals.map(\.title) == ["Warehouse platform", "Staff planning add-on", "Hamburg pilot"])
        #expect(acme.deals.map(\.asksForClientWin) == [false, true, false])
        #expect(acme.deals[0].theirWin == "one view of stock" && acme.deals[0].ourWin == "a 3-year contract" && acme.deals[0].fit == 4)
        #expect(acme.deals[2].stage == .notAFit && acme.deals[2].reason == "they need it on-premise" && acme.deals[2].closedOn == day(2026, 11, 24))
        #expect(acme.lastLunch?.place == "Nobu" && acme.lastLunch?.guests == ["Dana Ruiz"])
        #expect(acme.lastGift?.description == "Book on logistics" && acme.lastGift?.recipients == ["Lee Park"])
        let lines = BriefLayout.lines(brief, now: now, calendar: calendar)
        // The segment's statement wins over the book's.
        #expect(lines.contains(BriefLine(.field, "ONLY", "We are the ONLY ones that plan stock and staff together", tone: .accent)))
        #expect(lines.contains(BriefLine(.field, "", "  they win: what do they win? — ask", tone: .ask)))
        #expect(lines.contains { $0.text.contains("Hamburg pilot · not a fit Tue 24 Nov · fit 2/5 · why: they need it on-premise") })
    }

    @Test("without a segment statement the book's ONLY statement is shown")
    func bookStatement() throws {
        let facts = try facts()
        let brief = try facts.book.store.brief(for: .contact(facts.omar.id!), now: now, calendar: calendar)
        #expect(brief.accounts.map(\.name) == ["Globex"] && brief.accounts[0].segment == nil)
        let lines = BriefLayout.lines(brief, now: now, calendar: calendar)
        #expect(lines.contains(BriefLine(.field, "ONLY", "We are the ONLY ones who answer within the hour", tone: .accent)))
        #expect(brief.open.followUps.map(\.title) == ["Call Omar"])
    }

    @Test("the prep notes typed so far, and whether the preparation is done")
    func prep() throws {
        let (brief, facts) = try kickoffBrief()
        #expect(brief.prep == BriefPrep(ref: "p\(facts.kickoff.id!)", notes: "Ask about the January freeze", doneAt: nil))
        try facts.book.store.complete([ItemRef(.prep, facts.kickoff.id!)], now: now, calendar: calendar)
        let done = try facts.book.store.brief(for: .meeting(facts.kickoff.id!), now: now, calendar: calendar)
        #expect(done.prep?.doneAt == now)
        #expect(BriefLayout.lines(done, now: now, calendar: calendar).contains(BriefLine(.heading, "", "Prep notes · done Fri 27 Nov 09:00", tone: .accent)))
    }

    @Test("a meeting that was held says when; an account's team is listed up to twelve, by tier")
    func pastAndLargeTeam() throws {
        let facts = try facts()
        let store = facts.book.store
        let past = try store.brief(for: .meeting(facts.discovery.id!), now: now, calendar: calendar)
        #expect(BriefLayout.lines(past, now: now, calendar: calendar).contains(BriefLine(.field, "when", "held 24 d ago", tone: .muted)))
        for index in 1...14 { try facts.book.contact("Teammate \(index)", account: "Acme", tier: index == 14 ? .a : .c, added: now) }
        let account = try store.brief(for: .account(facts.acmeID), now: now, calendar: calendar)
        #expect(account.people.count == 12 && account.morePeople == 4)
        // Tier A first (Dana, then the tier-A teammate), then B, then C.
        #expect(account.people.prefix(3).map(\.name) == ["Dana Ruiz", "Teammate 14", "Lee Park"])
    }

    @Test("a contact's or an account's brief names the next meeting; an account's lists its team")
    func contactAndAccount() throws {
        let facts = try facts()
        let store = facts.book.store
        let contact = try store.brief(for: .contact(facts.lee.id!), now: now, calendar: calendar)
        #expect(contact.kind == "contact" && contact.title == "Lee Park" && contact.people.map(\.name) == ["Lee Park"])
        #expect(contact.next == BriefAppointment(ref: "m\(facts.kickoff.id!)", title: "Acme kickoff", startsAt: at(2026, 11, 30, 10), place: "HQ"))
        #expect(contact.prep == nil)
        let account = try store.brief(for: .account(facts.acmeID), now: now, calendar: calendar)
        #expect(account.kind == "account" && account.people.map(\.name) == ["Dana Ruiz", "Lee Park"] && account.morePeople == 0)
        #expect(account.next?.title == "Acme kickoff")
    }

    @Test("a brief is named by m…, p…, l…, @…, an account or a contact; anything else is refused with the reason")
    func subjects() throws {
        let facts = try facts()
        let store = facts.book.store
        let id = facts.kickoff.id!
        #expect(try store.resolveBriefSubject("m\(id)") == .meeting(id))
        #expect(try store.resolveBriefSubject("p\(id)") == .meeting(id))
        #expect(try store.resolveBriefSubject("@\(facts.dana.id!)") == .contact(facts.dana.id!))
        #expect(try store.resolveBriefSubject("dana") == .contact(facts.dana.id!))
        #expect(try store.resolveBriefSubject("acme") == .account(facts.acmeID))
        #expect(try store.resolveBriefSubject("#Acme") == .account(facts.acmeID))
        #expect(throws: StoreError.notFound("no meeting m99")) { try store.resolveBriefSubject("m99") }
        #expect(throws: StoreError.invalid("'f1' is a follow-up item; a brief is for a meeting (m3, p3), a lunch (l2), a contact or an account")) {
            try store.resolveBriefSubject("f1")
        }
        #expect(throws: PeopleError.unknown(name: "Dnaa Ruiz", suggestion: "Dana Ruiz")) { try store.resolveBriefSubject("Dnaa Ruiz") }
    }
}

@Suite("Deals qualified")
struct DealQualificationTests {
    let now = at(2026, 11, 24, 10)

    @Test("a deal records what each side wins and a fit from 1 to 5; qualify changes only what is given, \"\" clears")
    func qualify() throws {
        let store = try RapportStore.inMemory()
        let acme = try store.addAccount(named: "Acme", now: now)
        let deal = try store.addDeal(accountID: acme.id!, title: "Platform", qualification: DealQualification(ourWin: "a reference", fit: 3), now: now)
        #expect(deal.theirWin == nil && deal.ourWin == "a reference" && deal.fit == 3)
        var qualified = try store.qualifyDeal(id: deal.id!, DealQualification(theirWin: " one view of stock "))
        #expect(qualified.theirWin == "one view of stock" && qualified.ourWin == "a reference" && qualified.fit == 3)
        qualified = try store.qualifyDeal(id: deal.id!, DealQualification(ourWin: ""))
        #expect(qualified.ourWin == nil && qualified.theirWin == "one view of stock")
        #expect(throws: StoreError.invalid("a deal's fit is 1 to 5, not 6")) { try store.qualifyDeal(id: deal.id!, DealQualification(fit: 6)) }
        #expect(throws: StoreError.invalid("a deal's fit is 1 to 5, not 0")) {
            try store.addDeal(accountID: acme.id!, title: "X", qualification: DealQualification(fit: 0), now: now)
        }
        #expect(try store.deals().count == 1)
        #expect(throws: StoreError.invalid("give at least one of what they win, what we win, the fit")) {
            try store.qualifyDeal(id: deal.id!, DealQualification())
        }
    }

    @Test("a deal lost or not a fit keeps why; a won deal takes no reason")
    func reasons() throws {
        let store = try RapportStore.inMemory()
        let acme = try store.addAccount(named: "Acme", now: now)
        let a = try store.addDeal(accountID: acme.id!, title: "A", now: now)
        let b = try store.addDeal(accountID: acme.id!, title: "B", now: now)
        #expect(try store.closeDeal(id: a.id!, as: .lost, on: day(2026, 11, 24), reason: " cheaper vendor ").closeReason == "cheaper vendor")
        #expect(throws: StoreError.invalid("a reason is kept for a deal lost or not a fit")) {
            try store.closeDeal(id: b.id!, as: .won, on: day(2026, 11, 24), reason: "great")
        }
        #expect(try store.deal(id: b.id!)?.stage == .open)
    }

    @Test("a deal is named by d3, by its title, or by a part of its title only it has")
    func resolve() throws {
        let store = try RapportStore.inMemory()
        #expect(throws: StoreError.notFound("no deal matches 'x'; add one with: rapport deal add TITLE --account A")) { try store.resolveDeal("x") }
        let acme = try store.addAccount(named: "Acme", now: now)
        let fleet = try store.addDeal(accountID: acme.id!, title: "Fleet", now: now)
        let renewal = try store.addDeal(accountID: acme.id!, title: "Fleet renewal", now: now)
        let pilot = try store.addDeal(accountID: acme.id!, title: "Hamburg pilot", now: now)
        #expect(try store.resolveDeal("d\(pilot.id!)") == pilot)
        #expect(try store.resolveDeal("\(pilot.id!)") == pilot)
        #expect(try store.resolveDeal("pilot") == pilot)
        #expect(try store.resolveDeal("FLEET") == fleet) // the whole title wins over a part of another
        #expect(try store.resolveDeal("renew") == renewal)
        #expect(throws: StoreError.invalid("'flee' matches 2 deals: d1 Fleet (Acme, open), d2 Fleet renewal (Acme, open); name one by d…")) {
            try store.resolveDeal("flee")
        }
        #expect(throws: StoreError.notFound("no deal matches 'Hamburg pilto'; did you mean d3 \"Hamburg pilot\"?")) { try store.resolveDeal("Hamburg pilto") }
        #expect(throws: StoreError.notFound("no deal d9")) { try store.resolveDeal("d9") }
    }

    @Test("by fit: open deals, won, lost and not a fit, the win rate leaving not-a-fit out; not-a-fit reasons listed")
    func byFit() throws {
        let store = try RapportStore.inMemory()
        let acme = try store.addAccount(named: "Acme", now: now)
        func deal(_ title: String, fit: Int?, _ stage: DealStage, on: CivilDate = day(2026, 11, 20), reason: String? = nil) throws {
            let deal = try store.addDeal(accountID: acme.id!, title: title, qualification: DealQualification(fit: fit), now: now)
            if stage != .open { try store.closeDeal(id: deal.id!, as: stage, on: on, reason: reason) }
        }
        try deal("a", fit: 5, .won)
        try deal("b", fit: 5, .won)
        try deal("c", fit: 5, .lost)
        try deal("d", fit: 5, .open)
        try deal("e", fit: 2, .lost)
        try deal("f", fit: 2, .notAFit, reason: "on-premise only")
        try deal("g", fit: nil, .open)
        try deal("h", fit: 2, .notAFit, on: day(2026, 10, 1), reason: "too small")
        let summary = DealFitSummary.of(try store.deals())
        #expect(summary.byFit == [FitFigures(fit: 5, open: 1, won: 2, lost: 1), FitFigures(fit: 2, lost: 1, notAFit: 2), FitFigures(fit: nil, open: 1)])
        #expect(summary.byFit.map(\.winRate) == [2.0 / 3.0, 0, nil])
        #expect(summary.notAFit.map(\.reason) == ["on-premise only", "too small"])
        // In a report, closed deals count in the period only; open ones always.
        let report = try store.reportCard(for: ReportPeriod.ending(on: day(2026, 11, 24), length: .month), now: now, calendar: Zone.berlin)
        #expect(report.dealFit.notAFit.map(\.title) == ["f"])
        #expect(report.dealFit.byFit.first { $0.fit == 2 } == FitFigures(fit: 2, lost: 1, notAFit: 1))
    }

    @Test("the ONLY statement: one for the book (a setting, \"\" clears it) and one per segment")
    func onlyStatements() throws {
        let store = try RapportStore.inMemory()
        #expect(try store.onlyStatement() == nil)
        try store.setRule("only-statement", to: "We are the ONLY ones that plan stock and staff together")
        #expect(try store.onlyStatement() == "We are the ONLY ones that plan stock and staff together")
        // Another setting still applies beside it.
        try store.setRule("gift-days", to: "10")
        #expect(try store.rules().giftDelayDays == 10)
        try store.setRule("only-statement", to: " ")
        #expect(try store.onlyStatement() == nil)
        #expect(throws: StoreError.invalid("an ONLY statement is one sentence, at most 500 characters")) {
            try store.setRule("only-statement", to: String(repeating: "x", count: 501))
        }
        let segment = try store.addSegment(named: "Banks", now: now)
        #expect(try store.setOnlyStatement(" We are the ONLY ones with a banking licence ", forSegment: segment.id!).onlyStatement
                == "We are the ONLY ones with a banking licence")
        #expect(try store.setOnlyStatement("", forSegment: segment.id!).onlyStatement == nil)
    }
}
