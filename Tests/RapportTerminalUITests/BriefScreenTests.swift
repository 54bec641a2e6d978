import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// The sample book with what a brief shows: needs and a birthday for Li,
/// the Globex segment with its ONLY statement, deals qualified and not.
func briefBook() throws -> RapportStore {
    let store = try sampleBook()
    let li = try #require(try store.contactList(ContactFilter(search: "李"), now: tuesday, scheduler: Scheduler(calendar: berlin)).first?.contact)
    _ = try store.editContact(id: li.id!, now: tuesday) {
        $0.title = "CTO"
        $0.needs = "a pilot that runs without their IT team"
        $0.interests = "table tennis"
        $0.birthday = Birthday(year: 1980, month: 12, day: 1)
    }
    let globex = li.accountID!
    let banks = try store.addSegment(named: "Regional banks, Nordics", ratings: SegmentRatings(attractiveness: 4, competitiveness: 2, appealToBuyers: 3),
                                     now: at(2026, 9, 1, 9))
    try store.assign(accountIDs: [globex], toSegment: banks.id, now: at(2026, 9, 1, 9))
    try store.setOnlyStatement("We are the ONLY ones certified for Nordic bank audits", forSegment: banks.id!)
    try store.addDeal(accountID: globex, title: "Branch scheduling",
                      qualification: DealQualification(theirWin: "fewer idle tellers", ourWin: "a first bank reference", fit: 4), now: at(2026, 10, 1, 9))
    try store.addDeal(accountID: globex, title: "Mobile app", now: at(2026, 10, 1, 9))
    let pilot = try store.addDeal(accountID: globex, title: "Pilot", qualification: DealQualification(fit: 2), now: at(2026, 10, 1, 9))
    try store.closeDeal(id: pilot.id!, as: .notAFit, on: day(2026, 11, 12), reason: "needs on-premise hosting")
    _ = try store.editMeeting(id: 2, MeetingEdit(prepNotes: "Bring the audit certificate"))
    return store
}

@Suite("Brief screen")
struct BriefScreenTests {
    /// The agenda's "prepare" item for the Globex pitch.
    func openPrep(_ app: RapportApp) throws {
        let index = try #require(app.state.agendaItems.firstIndex { $0.kind == .prep })
        app.state.agendaPosition.selected = index
        app.press(.enter)
    }

    @Test("the brief of a meeting at 80×24 and 120×40, scrolled to its end", arguments: ["80x24", "120x40"])
    func snapshots(size: String) throws {
        let parts = size.split(separator: "x").map { Int($0)! }
        let app = try makeApp(briefBook(), width: parts[0], height: parts[1])
        try openPrep(app)
        try assertSnapshot(app.screen, named: "brief-\(size)")
        app.press(.end)
        try assertSnapshot(app.screen, named: "brief-end-\(size)")
        // Every row fits the width: nothing is drawn past the edge.
        for line in app.screen.text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= parts[0]) }
    }

    @Test("at 40×10 the brief still draws within the screen and scrolls")
    func small() throws {
        let app = try makeApp(briefBook(), width: 40, height: 10)
        try openPrep(app)
        #expect(app.screen.text.contains("Globex pitch · m2"))
        for line in app.screen.text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 40) }
        app.press(.end)
        #expect(app.screen.text.contains("Bring the audit certificate"))
    }

    @Test("Enter on a prepare item or a meeting opens its brief; Esc goes back; other items still open their contact")
    func opening() throws {
        let app = try makeApp(briefBook())
        try openPrep(app)
        #expect(app.state.screen == .brief(.meeting(2)))
        #expect(app.screen.text.contains("Globex pitch · m2 · Thu 26 Nov 15:00"))
        app.press(.escape)
        #expect(app.state.screen == .agenda)
        let meeting = try #require(app.state.agendaItems.firstIndex { $0.kind == .meeting })
        app.state.agendaPosition.selected = meeting
        app.press(.enter)
        #expect(app.state.screen == .brief(.meeting(2)))
        app.press(.escape)
        app.state.agendaPosition.selected = try #require(app.state.agendaItems.firstIndex { $0.kind == .followUp })
        app.press(.enter)
        guard case .contact = app.state.screen else { Issue.record("a follow-up opens its contact, not \(app.state.screen)"); return }
        // On a contact's card too: Li's (@3) first open item is the pitch's preparation.
        app.press(.escape)
        app.state.stack = [.agenda, .contact(3)]
        app.press(.character("r"))
        #expect(app.state.contactCard?.open.first?.kind == .prep)
        app.press(.enter)
        #expect(app.state.screen == .brief(.meeting(2)))
    }

    @Test("j and k scroll the brief within its length")
    func scrolling() throws {
        let app = try makeApp(briefBook(), width: 80, height: 24)
        try openPrep(app)
        let total = BriefView.lines(app.state).count
        #expect(total > app.state.bodyHeight)
        app.press(.character("j"), .character("j"))
        #expect(app.state.scroll == 2)
        app.press(.character("G"))
        #expect(app.state.scroll == total - app.state.bodyHeight)
        app.press(.character("j"))
        #expect(app.state.scroll == total - app.state.bodyHeight)
        app.press(.character("g"))
        #expect(app.state.scroll == 0)
    }

    @Test("e edits the prep notes in a form; saving shows them in the brief and u undoes it")
    func editPrep() throws {
        let store = try briefBook()
        let app = try makeApp(store)
        try openPrep(app)
        app.press(.character("e"))
        let form = try #require(app.state.form)
        #expect(form.kind == .prepNotes(2) && form.value("prep") == "Bring the audit certificate")
        app.press(.end)
        app.type("; ask about Q1 budget")
        app.press(.enter)
        #expect(app.state.form == nil)
        #expect(try store.meeting(id: 2)?.prepNotes == "Bring the audit certificate; ask about Q1 budget")
        app.press(.end)
        #expect(app.screen.text.contains("Bring the audit certificate; ask about Q1 budget"))
        app.press(.character("u"))
        #expect(try store.meeting(id: 2)?.prepNotes == "Bring the audit certificate")
    }

    @Test("d marks the preparation done, once; the report counts the meeting as prepared beforehand")
    func markPrepared() throws {
        let store = try briefBook()
        let clock = TestClock(tuesday)
        let app = try makeApp(store, clock: clock)
        try openPrep(app)
        #expect(app.screen.text.contains("d prepared"))
        app.press(.character("d"))
        #expect(try store.meeting(id: 2)?.prepDoneAt == tuesday)
        #expect(app.state.message?.isError == false)
        #expect(!app.state.agendaItems.contains { $0.kind == .prep })
        app.press(.end)
        #expect(app.screen.text.contains("Prep notes · done Tue 24 Nov 09:00"))
        app.press(.character("d"))
        #expect(app.state.message?.text.hasPrefix("Already prepared") == true)
        // After the pitch (Thu 26 Nov 15:00) the report's month has it held and prepared.
        let report = try store.reportCard(for: ReportPeriod.ending(on: day(2026, 11, 27), length: .month), now: at(2026, 11, 27, 9), calendar: berlin)
        #expect(report.current.meetings.prepared == 1)
    }

    @Test("a lunch's brief has no preparation to mark: e and d say so")
    func lunchBrief() throws {
        let store = try briefBook()
        let lunch = try store.addLunch(guestIDs: [1], startsAt: at(2026, 11, 27, 12, 30), place: "Nobu", now: tuesday)
        let app = try makeApp(store)
        app.state.agendaPosition.selected = try #require(app.state.agendaItems.firstIndex { $0.ref == ItemRef(.lunch, lunch.id!) })
        app.press(.enter)
        #expect(app.state.screen == .brief(.lunch(lunch.id!)))
        #expect(app.screen.text.contains("Lunch at Nobu · l\(lunch.id!)"))
        app.press(.character("d"))
        #expect(app.state.message == Message(text: "Only a meeting's preparation is marked done", isError: true))
        app.press(.character("e"))
        #expect(app.state.form == nil && app.state.message?.isError == true)
    }

    @Test("the Report screen shows deals by fit and the not-a-fit reasons once fits are recorded")
    func reportByFit() throws {
        let app = try makeApp(briefBook(), width: 100, height: 40)
        app.press(.character("4"))
        let text = app.screen.text
        #expect(text.contains("   fit 4          open 1 · won 0 · lost 0 · not a fit 0 · win rate –"), "\(text)")
        #expect(text.contains("   not a fit      Pilot · Globex · needs on-premise hosting"), "\(text)")
    }

    @Test("the Segments screen shows the selected segment's ONLY statement")
    func segmentsShowStatement() throws {
        let app = try makeApp(briefBook(), width: 120, height: 40)
        app.press(.character("5"))
        #expect(app.screen.text.contains("ONLY: We are the ONLY ones certified for Nordic bank audits"))
    }
}
