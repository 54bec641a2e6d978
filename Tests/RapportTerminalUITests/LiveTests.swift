import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

@Suite("Live updates")
struct LiveTests {
    @Test("another process's write shows on the next tick; u still undoes this session's change unless the other write touched it")
    func otherWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-live-\(UUID().uuidString).sqlite").path
        let mine = try RapportStore.open(path: path)
        let theirs = try RapportStore.open(path: path)
        let app = try makeApp(mine)
        #expect(app.state.agendaItems.isEmpty)
        app.press(.character("a"))
        app.type("call Dana Ruiz today")
        app.press(.enter)
        #expect(app.state.undoLabel != nil)
        #expect(app.tick() == false) // nothing new from elsewhere
        try theirs.addFollowUp(title: "From another shell", people: People(), day: day(2026, 11, 24), now: tuesday, calendar: berlin)
        #expect(app.tick() == true)
        #expect(app.state.agendaItems.contains { $0.title == "From another shell" })
        app.press(.character("u"))
        #expect(app.state.message?.text.hasPrefix("Undid") == true)
        #expect(!app.state.agendaItems.contains { $0.title == "call Dana Ruiz" || $0.title == "call" })
        #expect(app.state.agendaItems.contains { $0.title == "From another shell" })

        // A change the other process then makes to the same row blocks the undo, naming it.
        app.press(.character("a"))
        app.type("call Dana Ruiz today")
        app.press(.enter)
        let ref = try #require(app.state.agendaItems.first { $0.title != "From another shell" }?.ref)
        theirs.beginChange("rapport done \(ref)")
        _ = try theirs.complete([ref], now: tuesday, calendar: berlin)
        _ = app.tick()
        app.press(.character("u"))
        #expect(app.state.message?.isError == true)
        #expect(app.state.message?.text.contains("rapport done \(ref)") == true)
    }

    @Test("the date rolls over at local midnight")
    func midnight() throws {
        let clock = TestClock(at(2026, 11, 24, 23, 59))
        let app = try makeApp(clock: clock)
        #expect(app.state.agenda.today == day(2026, 11, 24))
        #expect(app.state.agenda.upcoming.contains { $0.ref.description == "p2" })
        clock.now = at(2026, 11, 25, 0, 0)
        #expect(app.tick() == true)
        #expect(app.state.agenda.today == day(2026, 11, 25))
        #expect(app.state.agenda.dueToday.contains { $0.ref.description == "p2" })
        #expect(app.screen.text.contains("Wed 25 Nov · "))
    }
}
