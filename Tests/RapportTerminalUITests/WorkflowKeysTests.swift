import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// The front end's part of issue 14: Esc never quits; n adds a contact.
@Suite("Workflow keys")
struct WorkflowKeysTests {
    @Test("n opens a form that adds a contact; u takes it back")
    func newContact() throws {
        let app = try makeApp()
        let before = try app.store.contactCount()
        app.press(.character("2"), .character("n"))
        #expect(app.state.form?.title == "Add a contact")
        app.type("Quinn Baker")
        app.press(.tab)
        app.type("Acme")
        app.press(.tab, .tab)
        app.type("Q")
        app.press(.control("s"))
        #expect(app.state.form?.error == "the tier is A, B, C or empty") // refused, nothing stored, the form stays open
        app.press(.control("u"))
        app.type("B")
        app.press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.message?.text.hasPrefix("Added @\(before + 1) Quinn Baker") == true)
        #expect(app.state.contacts.contains { $0.contact.name == "Quinn Baker" && $0.contact.tier == .b && $0.accountName == "Acme" })
        app.press(.character("u"))
        #expect(try app.store.contactCount() == before)
    }

    @Test("Esc on a top screen, even twice after a filter, does not end the session; q does")
    func escapeNeverQuits() throws {
        let app = try makeApp()
        app.press(.character("2"), .character("/"))
        app.type("dana")
        app.press(.escape, .escape, .escape)
        #expect(app.isRunning)
        app.press(.character("q"))
        #expect(!app.isRunning)
    }

    @Test("the tab bar names every tab at 80 columns (short names) and wider (full names at 120)")
    func tabBar() throws {
        let narrow = try makeApp(width: 80, height: 24)
        let row = narrow.screen.text.components(separatedBy: "\n")[0]
        #expect(row.hasSuffix("1 Agenda 2 Contacts 3 Accts 4 Report 5 Segs"), "\(row)")
        let wide = try makeApp(width: 120, height: 30)
        #expect(wide.screen.text.components(separatedBy: "\n")[0].contains("1 Agenda  2 Contacts  3 Accounts  4 Report  5 Segments"))
    }
}
