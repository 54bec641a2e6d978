import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// Every key, through the pure update function and through the controller
/// on a real (in-memory) book.
@Suite("Keys")
struct UpdateTests {
    @Test("movement keys move the selection and keep it on screen")
    func movement() throws {
        let app = try makeApp(width: 80, height: 10)
        #expect(app.state.agendaPosition.selected == 0)
        app.press(.character("j"), .down)
        #expect(app.state.agendaPosition.selected == 2)
        app.press(.character("k"))
        #expect(app.state.agendaPosition.selected == 1)
        app.press(.end)
        #expect(app.state.agendaPosition.selected == app.state.agendaItems.count - 1)
        #expect(app.screen.text.contains("m2 "))
        app.press(.home)
        #expect(app.state.agendaPosition.selected == 0 && app.state.agendaPosition.top == 0)
        app.press(.pageDown)
        #expect(app.state.agendaPosition.selected > 1)
        app.press(.pageUp, .character("G"), .character("g"))
        #expect(app.state.agendaPosition.selected == 0)
        app.handle(.scroll(down: true))
        #expect(app.state.agendaPosition.selected == 1)
    }

    @Test("Tab and number keys switch screens; Enter opens; q and Esc go back, then quit")
    func navigation() throws {
        let app = try makeApp()
        app.press(.tab)
        #expect(app.state.screen == .contacts)
        app.press(.tab, .tab, .tab)
        #expect(app.state.screen == .segments)
        app.press(.tab)
        #expect(app.state.screen == .agenda)
        app.press(.backTab)
        #expect(app.state.screen == .segments)
        app.press(.character("4"))
        #expect(app.state.screen == .report)
        app.press(.character("1"), .enter)
        #expect(app.state.screen == .contact(1)) // the lunch due with Dana
        #expect(app.screen.text.contains("Dana Ruiz  @1"))
        app.press(.character("q"))
        #expect(app.state.screen == .agenda)
        app.press(.character("?"))
        #expect(app.state.screen == .help)
        app.press(.escape, .escape)
        #expect(app.isRunning) // Esc never quits
        #expect(app.state.screen == .agenda && app.state.message?.text == "q quits")
        app.press(.character("q"))
        #expect(!app.isRunning)
        let other = try makeApp()
        other.press(.control("c"))
        #expect(!other.isRunning)
    }

    @Test("d marks the selected item done; u undoes it")
    func doneAndUndo() throws {
        let app = try makeApp()
        app.press(.character("j")) // f2 Intro José to finance
        #expect(app.state.selectedAgendaItem?.ref.description == "f2")
        app.press(.character("d"))
        #expect(app.state.message?.text.hasPrefix("follow-up \"Intro José to finance\" done") == true)
        #expect(!app.state.agendaItems.contains { $0.ref.description == "f2" })
        app.press(.character("u"))
        #expect(app.state.message?.text == "Undid done f2")
        #expect(app.state.agendaItems.contains { $0.ref.description == "f2" })
        app.press(.character("u"))
        #expect(app.state.message?.text == "Nothing to undo")
    }

    @Test("t sends a thank-you note and refuses other items")
    func thanks() throws {
        let app = try makeApp()
        app.press(.character("t")) // ld1 is not a thank-you
        #expect(app.state.message?.isError == true)
        app.press(.character("j"), .character("j"), .character("t"))
        #expect(app.state.message?.text.hasPrefix("thank-you note to Dana Ruiz marked sent") == true)
    }

    @Test("s asks until when, previews the day, and moves the item")
    func snooze() throws {
        let app = try makeApp()
        app.press(.character("j"), .character("s"))
        app.type("next mon")
        guard case .snooze(_, _, let preview, let isError) = app.state.prompt else { Issue.record("no snooze prompt"); return }
        #expect(preview == "until Mon 30 Nov" && !isError)
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(app.state.agenda.upcoming.contains { $0.ref.description == "f2" && $0.dueDay == day(2026, 11, 30) })
        app.press(.character("1"), .character("s"))
        app.type("feb 30")
        guard case .snooze(_, _, let error, true) = app.state.prompt else { Issue.record("no error shown"); return }
        #expect(error.contains("February has no day 30"))
        app.press(.escape)
        #expect(app.state.prompt == nil)
    }

    @Test("x asks before cancelling; anything but y keeps the item")
    func cancel() throws {
        let app = try makeApp()
        app.press(.character("j"), .character("x"))
        #expect(app.screen.text.contains("Cancel f2 \"Intro José to finance\"? y/n"))
        app.press(.character("n"))
        #expect(app.state.message?.text == "Not cancelled")
        app.press(.character("x"), .character("y"))
        #expect(app.state.message?.text.hasPrefix("follow-up \"Intro José to finance\" cancelled") == true)
        #expect(!app.state.agendaItems.contains { $0.ref.description == "f2" })
    }

    @Test("a opens the quick-add bar, shows the parse live and stores on Enter")
    func quickAdd() throws {
        let app = try makeApp()
        app.press(.character("a"))
        app.type("send recap with Lee Park fri")
        guard case .quickAdd(_, let preview, false, _) = app.state.prompt else { Issue.record("no preview"); return }
        #expect(preview == "Enter adds: follow-up \"send recap\" with Lee Park (new), due Fri 27 Nov")
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(app.state.message?.text.hasPrefix("Added f3 follow-up \"send recap\" with Lee Park (new @6)") == true)
        #expect(app.state.agenda.upcoming.contains { $0.title == "send recap" })
        app.press(.character("a"))
        app.type("meeting no time with Dana fri")
        app.press(.enter)
        guard case .quickAdd(_, let error, true, _) = app.state.prompt else { Issue.record("no error"); return }
        #expect(error == "a meeting needs a time, like 'fri 14:00' or 'fri 10'")
        app.press(.escape)
        #expect(app.state.prompt == nil)
    }

    @Test("/ filters contacts as you type; o cycles the order; Esc clears the filter")
    func filterAndSort() throws {
        let app = try makeApp()
        app.press(.character("2"), .character("/"))
        app.type("zoe")
        #expect(app.state.visibleContacts.map(\.contact.name) == ["Zoë Ångström"])
        app.press(.enter)
        #expect(app.state.prompt == nil && app.state.contactFilter == "zoe")
        app.press(.character("/"), .escape)
        #expect(app.state.visibleContacts.count == 5)
        app.press(.character("o"))
        #expect(app.state.contactSort == .lastTouch)
        app.press(.character("o"), .character("o"))
        #expect(app.state.contactSort == .tier)
        #expect(app.state.visibleContacts.first?.contact.tier == .a)
    }

    @Test("m logs a meeting with two attendees through the form; its thank-you notes follow")
    func meetingForm() throws {
        let app = try makeApp()
        app.press(.character("m"))
        app.type("Quarterly review")
        app.press(.tab)
        app.type("today 8:00")
        app.press(.tab)
        // The attendees field starts with the selected item's contact, and ", " to add another.
        #expect(app.state.form?.value("with") == "Dana Ruiz,")
        app.type("zo")
        app.press(.tab) // completes
        #expect(app.state.form?.value("with") == "Dana Ruiz, Zoë Ångström")
        app.press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text.hasPrefix("Logged m3 \"Quarterly review\"; thank-you notes owed: t4 t5") == true)
        let owed = app.state.agendaItems.filter { $0.kind == .thankYou && $0.title == "Quarterly review" }
        #expect(owed.map { $0.contacts[0].name } == ["Dana Ruiz", "Zoë Ångström"])
    }

    @Test("a form with a mistake stays open and says what is wrong")
    func formErrors() throws {
        let app = try makeApp()
        app.press(.character("m"))
        app.type("No time")
        app.press(.control("s"))
        #expect(app.state.form?.error == "a meeting needs a time, like 'today 10:00'")
        #expect(app.screen.text.contains("a meeting needs a time"))
        app.press(.escape)
        #expect(app.state.form == nil && app.state.message?.text == "Nothing saved")
    }

    @Test("e edits a contact; other forms log calls, lunches and gifts")
    func otherForms() throws {
        let app = try makeApp()
        app.press(.character("2"), .character("e"))
        #expect(app.state.form?.title == "Edit Dana Ruiz")
        for _ in 0..<4 { app.press(.tab) } // tier
        app.press(.control("u"))
        app.type("B")
        app.press(.control("s"))
        #expect(app.state.message?.text.hasPrefix("Saved @1 Dana Ruiz") == true)
        #expect(app.state.contacts.first { $0.contact.id == 1 }?.contact.tier == .b)

        app.press(.character("c"))
        app.press(.tab)
        app.type("Renewal")
        app.press(.control("s"))
        let logged = app.state.message?.text ?? ""
        #expect(logged.hasPrefix("Logged i") && logged.contains(" call \"Renewal\""), "\(logged)")

        app.press(.character("l"), .tab)
        app.type("fri 12:30")
        app.press(.control("s"))
        #expect(app.state.message?.text.hasPrefix("Added l1 lunch offered") == true)

        // A lunch held yesterday, with what it cost; a cost on a lunch to come is refused.
        app.press(.character("l"), .tab)
        app.type("yesterday 12:30")
        app.press(.tab, .tab)
        app.type("€64.50")
        app.press(.control("s"))
        #expect(app.state.message?.text.hasPrefix("Logged l2 lunch held") == true)
        #expect(try app.store.lunch(id: 2)?.costMinorUnits == 6450)
        app.press(.character("l"), .tab)
        app.type("fri 12:30")
        app.press(.tab, .tab)
        app.type("€30")
        app.press(.control("s"))
        #expect(app.state.form?.error == "a cost is for a lunch that was held: give its time in the past")
        app.press(.escape)

        app.press(.character("$"))
        app.type("Cheese basket")
        app.press(.tab, .tab, .tab)
        app.type("€80")
        app.press(.control("s"))
        #expect(app.state.message?.text.hasPrefix("Added g1 gift \"Cheese basket\"") == true)
    }

    @Test("e from the agenda edits the whole contact, keeping what the form did not change")
    func editFromAgenda() throws {
        let store = try sampleBook()
        _ = try store.editContact(id: 1, now: tuesday) { $0.needs = "a faster rollout" }
        let app = try makeApp(store)
        app.press(.character("e"))
        #expect(app.state.form?.title == "Edit Dana Ruiz")
        #expect(app.state.form?.value("needs") == "a faster rollout")
        app.press(.control("s"))
        #expect(try store.contact(id: 1)?.needs == "a faster rollout")
        #expect(try store.contact(id: 1)?.isFavourite == true)
    }

    @Test("r reads the book again")
    func refresh() throws {
        let store = try sampleBook()
        let app = try makeApp(store)
        try store.addFollowUp(title: "Written behind the app's back", people: People(), day: day(2026, 11, 24), now: tuesday, calendar: berlin)
        app.press(.character("r"))
        #expect(app.state.agendaItems.contains { $0.title == "Written behind the app's back" })
        #expect(app.state.message?.text == "Refreshed")
    }

    @Test("a click selects a row, a second click opens it")
    func clicks() throws {
        let app = try makeApp()
        app.handle(.click(x: 10, y: 3)) // second item row (row 1 is the heading)
        #expect(app.state.agendaPosition.selected == 1)
        app.handle(.click(x: 10, y: 3))
        #expect(app.state.screen == .contact(4))
    }

    @Test("resizing keeps the selection on screen")
    func resize() throws {
        let app = try makeApp(width: 80, height: 24)
        app.press(.end)
        app.handle(.resize(width: 40, height: 10))
        let row = app.state.agendaRow(ofItem: app.state.agendaPosition.selected)
        #expect(row >= app.state.agendaPosition.top && row < app.state.agendaPosition.top + app.state.bodyHeight)
        #expect(app.screen.width == 40 && app.screen.height == 10)
    }

    @Test("the help lists every key of the table that dispatches them")
    func help() throws {
        let app = try makeApp(width: 120, height: 60)
        app.press(.character("?"))
        let text = app.screen.text
        for binding in KeyBinding.table { #expect(text.contains(binding.help), "\(binding.help)") }
    }
}

@Suite("Report keys")
struct ReportKeyTests {
    @Test("p cycles the report through month, quarter and week, reading it again each time")
    func period() throws {
        let app = try makeApp(reportBook())
        app.press(.character("4"))
        #expect(app.state.report?.period == .month(endingOn: day(2026, 11, 24)))
        app.press(.character("p"))
        #expect(app.state.report?.period == .quarter(endingOn: day(2026, 11, 24)))
        app.press(.character("p"))
        #expect(app.state.report?.period == .week(endingOn: day(2026, 11, 24)))
        #expect(app.screen.text.contains("Report card · 18 Nov – 24 Nov 2026 · against the 7 days before"))
        app.press(.character("p"))
        #expect(app.state.reportLength == .month)
    }

    @Test("j and k scroll the report within its lines, and move through the segments")
    func scrolling() throws {
        let app = try makeApp(reportBook(), width: 80, height: 24)
        app.press(.character("4"), .character("G"))
        let last = app.state.scroll
        #expect(last == ReportLayout.lines(app.state).count - app.state.bodyHeight)
        app.press(.character("j"))
        #expect(app.state.scroll == last)
        app.press(.character("g"))
        #expect(app.state.scroll == 0)
        app.press(.character("5"), .character("G"))
        #expect(app.state.selectedSegment?.segment?.name == "Start-ups, Berlin")
        app.press(.character("k"))
        #expect(app.state.selectedSegment?.segment?.name == "Retail chains, Benelux")
    }

    @Test("a change from another process shows on the report at the next tick")
    func liveReport() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-report-\(UUID().uuidString).sqlite").path
        let app = try makeApp(RapportStore.open(path: path))
        app.press(.character("4"))
        #expect(app.state.report?.current.deals.lost == 0)
        let theirs = try RapportStore.open(path: path)
        let deal = try theirs.addDeal(accountID: theirs.addAccount(named: "Acme", now: tuesday).id!, title: "Depot", now: tuesday)
        try theirs.closeDeal(id: deal.id!, as: .lost, on: day(2026, 11, 24))
        #expect(app.tick())
        #expect(app.state.report?.current.deals.lost == 1)
        #expect(app.screen.text.contains("lost 1"))
    }
}
