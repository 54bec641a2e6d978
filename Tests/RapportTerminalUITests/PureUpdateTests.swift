import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// The update and render functions on hand-built state: no database, no
/// controller. Effects are asked for; their outcomes come back as events.
@Suite("Update and render, pure")
struct PureUpdateTests {
    let now = at(2026, 11, 24, 9)

    func item(_ kind: ItemKind, _ id: Int64, _ title: String, due: Due, late: Bool = false) -> AgendaItem {
        let calendar = berlin
        return AgendaItem(ref: ItemRef(kind, id), title: title,
                          contacts: [ContactSummary(id: 1, name: "Dana Ruiz", tier: .a, accountName: "Acme")], account: "Acme",
                          due: due, dueDay: due.day(in: calendar), overdueDays: late ? 2 : 0, isOverdue: late, detail: nil)
    }

    func state() -> AppState {
        var state = AppState(now: now, calendar: berlin, width: 80, height: 12)
        let book = BookView(agenda: Agenda(now: now, today: day(2026, 11, 24),
                                           overdue: [item(.followUp, 1, "Send the deck", due: .day(day(2026, 11, 22)), late: true)],
                                           dueToday: [item(.thankYou, 2, "Acme kickoff", due: .day(day(2026, 11, 24)))],
                                           upcoming: [item(.meeting, 3, "Review", due: .instant(at(2026, 11, 26, 10)))],
                                           horizon: day(2026, 12, 1)))
        _ = Update.handle(.outcome(.loaded(book)), state: &state)
        return state
    }

    @Test("a key asks for an effect and changes nothing the effect owns; the effect's outcome then updates the state")
    func keyThenOutcome() {
        var state = state()
        state.agendaPosition.selected = 1
        let effects = Update.handle(.key(.character("d")), state: &state)
        #expect(effects == [.complete([ItemRef(.thankYou, 2)])])
        #expect(state.message == nil && state.undoLabel == nil)
        _ = Update.handle(.outcome(.changed(summary: "thank-you note to Dana Ruiz marked sent", undoLabel: "done t2")), state: &state)
        #expect(state.message == Message(text: "thank-you note to Dana Ruiz marked sent · u undoes", isError: false))
        #expect(state.undoLabel == "done t2")
        #expect(Update.handle(.key(.character("u")), state: &state) == [.undo])
    }

    @Test("a reload keeps the selected item selected when it moved")
    func reloadKeepsSelection() {
        var state = state()
        state.agendaPosition.selected = 2 // m3
        var agenda = state.agenda
        agenda.dueToday = []
        _ = Update.handle(.outcome(.loaded(BookView(agenda: agenda))), state: &state)
        #expect(state.selectedAgendaItem?.ref == ItemRef(.meeting, 3))
    }

    @Test("a refused quick-add keeps the bar open with the reason; a failure elsewhere goes to the message line")
    func failures() {
        var state = state()
        _ = Update.handle(.key(.character("a")), state: &state)
        #expect(state.prompt != nil)
        _ = Update.handle(.outcome(.failed("no contact is called 'hnak'")), state: &state)
        guard case .quickAdd(_, let preview, let isError, _) = state.prompt else { Issue.record("the bar closed"); return }
        #expect(preview == "no contact is called 'hnak'" && isError)
        _ = Update.handle(.key(.escape), state: &state)
        _ = Update.handle(.outcome(.failed("the database is busy")), state: &state)
        #expect(state.message == Message(text: "the database is busy", isError: true))
    }

    @Test("another process's write keeps the undo: the shared journal decides whether it still applies")
    func changedElsewhere() {
        var state = state()
        _ = Update.handle(.outcome(.changed(summary: "Added f4", undoLabel: "add")), state: &state)
        _ = Update.handle(.outcome(.changedElsewhere), state: &state)
        #expect(state.undoLabel == "add")
        #expect(Update.handle(.key(.character("u")), state: &state) == [.undo])
    }

    @Test("deleting a contact asks: y deletes, a deletes with their open items too, n keeps")
    func deleteAsks() {
        var state = state()
        state.prompt = .confirmContact(id: 3, name: "Lee Park", delete: true)
        #expect(Update.handle(.key(.character("a")), state: &state) == [.deleteContact(3, withItems: true)])
        state.prompt = .confirmContact(id: 3, name: "Lee Park", delete: true)
        #expect(Update.handle(.key(.character("y")), state: &state) == [.deleteContact(3, withItems: false)])
        state.prompt = .confirmContact(id: 3, name: "Lee Park", delete: false)
        #expect(Update.handle(.key(.character("a")), state: &state).isEmpty) // archiving has no "with items"
    }

    @Test("render records styles: the selected row is reversed, a late item is tinted late")
    func renderStyles() throws {
        var state = state()
        state.agendaPosition.selected = 1
        let screen = Renderer.render(state)
        let lines = (0..<screen.height).map(screen.line)
        let late = try #require(lines.firstIndex { $0.contains("Send the deck") })
        let selected = try #require(lines.firstIndex { $0.contains("Acme kickoff") })
        let lateX = try #require(lines[late].range(of: "late").map { lines[late].distance(from: lines[late].startIndex, to: $0.lowerBound) })
        #expect(screen[lateX, late].tint == .late)
        #expect(screen[3, selected].style.contains(.reverse))
        #expect(!screen[3, late].style.contains(.reverse))
        try assertSnapshot(styles: screen, named: "agenda-styles-80x12")
    }
}

/// Capture in the front end: a name that means several people is offered to
/// pick; completion shows every match.
@Suite("Quick-add bar and completion")
struct CaptureScreenTests {
    @Test("an ambiguous name offers its candidates; Tab puts one in the phrase, Tab again the next; Enter stores the one picked")
    func pickAmbiguous() throws {
        let store = try RapportStore.inMemory()
        try store.addContact(ContactDraft(contact: Contact(name: "Dana Ruiz", createdAt: at(2026, 11, 1, 9)), accountName: "Acme"))
        try store.addContact(ContactDraft(contact: Contact(name: "Dana Scully", createdAt: at(2026, 11, 1, 9)), accountName: "Globex"))
        let app = try makeApp(store)
        app.press(.character("a"))
        app.type("lunch with dana fri")
        guard case .quickAdd(_, _, _, let choices?) = app.state.prompt else { Issue.record("no choices"); return }
        #expect(choices.preview == "'dana' is 2 people — Tab picks: Dana Ruiz · Acme · Dana Scully · Globex")
        #expect(app.screen.text.contains("'dana' is 2 people — Tab picks"))
        app.press(.tab)
        guard case .quickAdd(let editor, let preview, false, _) = app.state.prompt else { Issue.record("no pick"); return }
        #expect(editor.text == "lunch with @1 fri")
        #expect(preview == "Enter adds: lunch with Dana Ruiz, Fri 27 Nov 12:00")
        app.press(.tab)
        guard case .quickAdd(let second, _, _, _) = app.state.prompt else { Issue.record("no second pick"); return }
        #expect(second.text == "lunch with @2 fri")
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(try store.lunch(id: 1) != nil)
        #expect(app.state.message?.text.contains("Dana Scully") == true)
    }

    @Test("a one-word or near name is not created on a guess: the bar says so, offers the close names, and Enter adds it as new")
    func newNameConfirmed() throws {
        let store = try RapportStore.inMemory()
        try store.addContact(ContactDraft(contact: Contact(name: "Hank Scorpio", createdAt: at(2026, 11, 1, 9))))
        let app = try makeApp(store)
        app.press(.character("a"))
        app.type("call with hnak fri")
        guard case .quickAdd(_, _, _, let choices?) = app.state.prompt else { Issue.record("no choices"); return }
        #expect(choices.preview == "no contact is called 'hnak' — Tab picks: Hank Scorpio — Enter twice adds 'hnak' as a new contact")
        app.press(.tab) // the close name
        guard case .quickAdd(let editor, let preview, _, _) = app.state.prompt else { Issue.record("no pick"); return }
        #expect(editor.text == "call with @1 fri")
        #expect(preview == "Enter adds: follow-up \"Call\" with Hank Scorpio, due Fri 27 Nov")
        app.press(.escape, .character("a"))
        app.type("call with Priya fri")
        app.press(.enter)
        guard case .quickAdd(_, let asked, _, _) = app.state.prompt else { Issue.record("one Enter closed the bar"); return }
        #expect(asked == "Enter again adds 'Priya' as a new contact; Esc keeps the phrase")
        #expect(try store.contactCount() == 1)
        app.press(.enter)
        #expect(app.state.prompt == nil)
        #expect(try store.contactCount() == 2)
        #expect(app.state.message?.text.hasPrefix("Added f1 follow-up \"Call\" with Priya (new @2)") == true, "\(app.state.message?.text ?? "")")
    }

    @Test("Tab completes the name typed with every match in turn, and the form shows them all")
    func completionCycles() {
        let names = ["Ann Leeds", "Lee Park", "Leena Shah", "Zoë Ångström"]
        let first = Forms.complete("Dana Ruiz, lee", from: names)
        #expect(first?.0 == "Dana Ruiz, Lee Park")
        #expect(first?.1.matches == ["Lee Park", "Leena Shah", "Ann Leeds"])
        let second = Forms.complete(first!.0, from: names, after: first!.1)
        #expect(second?.0 == "Dana Ruiz, Leena Shah")
        let third = Forms.complete(second!.0, from: names, after: second!.1)
        #expect(third?.0 == "Dana Ruiz, Ann Leeds")
        #expect(Forms.complete(third!.0, from: names, after: third!.1)?.0 == "Dana Ruiz, Lee Park")
        #expect(Forms.complete("Dana Ruiz, xq", from: names) == nil)
    }
}

@Suite("Typing in any script")
struct TypingTests {
    @Test("a cluster of several spacing letters takes a column a letter, as the terminal draws it (was: one, and ncurses dropped the rest)")
    func conjunctWidths() {
        #expect(TerminalText.width("प्रिया") == 5)    // प ्(0) र ि | य ा — glibc's wcswidth says 5
        #expect(TerminalText.width("สวัสดี") == 4)    // the two vowel marks take no column
        #expect(TerminalText.width("Rene\u{301}") == 4)
        #expect(TerminalText.width("👨‍👩‍👧") == 2)
        var buffer = ScreenBuffer(width: 10, height: 1)
        #expect(buffer.put("प्रिया!", x: 0, y: 0) == 6)
        #expect(buffer[5, 0].character == "!")
        #expect(buffer[1, 0].isContinuation && buffer[2, 0].isContinuation)
    }

    @Test("code points typed one by one (as a terminal sends them) make up Hindi, Thai and emoji sequences in the bar")
    func scalarsOneByOne() throws {
        var state = AppState(now: at(2026, 11, 24, 9), calendar: berlin, width: 80, height: 24)
        _ = Update.handle(.key(.character("a")), state: &state)
        let typed = "call प्रिया 👨‍👩‍👧 สวัสดี Rene\u{301}"
        for scalar in typed.unicodeScalars { _ = Update.handle(.key(.character(Character(scalar))), state: &state) }
        guard case .quickAdd(let editor, _, _, _) = state.prompt else { Issue.record("no bar"); return }
        #expect(editor.text == typed)
        // And through the controller, whose previews come back while typing.
        let app = try makeApp()
        app.press(.character("a"))
        for scalar in typed.unicodeScalars { app.handle(.key(.character(Character(scalar)))) }
        guard case .quickAdd(let typedInApp, _, _, _) = app.state.prompt else { Issue.record("no bar in the app"); return }
        #expect(typedInApp.text == typed)
    }
}
