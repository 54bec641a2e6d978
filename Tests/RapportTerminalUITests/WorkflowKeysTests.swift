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
        // At 100 columns the full names fit once "Rapport ·" gives way: short names only when needed.
        let hundred = try makeApp(width: 100, height: 30).screen.text.components(separatedBy: "\n")[0]
        #expect(hundred.hasSuffix("1 Agenda  2 Contacts  3 Accounts  4 Report  5 Segments") && !hundred.contains("Accts"), "\(hundred)")
        #expect(hundred.hasPrefix(" Tue 24 Nov 2026 ·"), "\(hundred)")
        // Wide enough, both.
        let both = try makeApp(width: 110, height: 30).screen.text.components(separatedBy: "\n")[0]
        #expect(both.hasPrefix(" Rapport · ") && both.hasSuffix("5 Segments"), "\(both)")
    }

    @Test("on the Contacts screen A archives, D deletes (refused with open items), M merges a duplicate; each asks, u undoes")
    func contactsScreen() throws {
        let app = try makeApp()
        app.press(.character("n"))
        app.type("Dana Ruis")
        app.press(.control("s"))
        app.press(.character("2"))
        let names = { app.state.contacts.map(\.contact.name) }
        let count = names().count
        // Select Dana Ruiz (the card's contact with items) and merge the typo into her.
        let dana = try #require(app.state.contacts.firstIndex { $0.contact.name == "Dana Ruiz" })
        app.state.contactsPosition.selected = dana
        app.press(.character("M"))
        app.type("Dana Ruis")
        app.press(.enter)
        #expect(app.state.message?.text.hasPrefix("Merged @") == true, "\(String(describing: app.state.message))")
        #expect(names().count == count - 1)
        app.press(.character("u"))
        #expect(names().count == count)
        // Archive asks first; n keeps it.
        let typo = try #require(app.state.contacts.firstIndex { $0.contact.name == "Dana Ruis" })
        app.state.contactsPosition.selected = typo
        app.press(.character("A"), .character("n"))
        #expect(app.state.message?.text == "Not archived" && names().count == count)
        app.press(.character("A"), .character("y"))
        #expect(!names().contains("Dana Ruis"))
        app.press(.character("u"))
        #expect(names().contains("Dana Ruis"))
        // Delete: refused while the contact has open items, done otherwise.
        let withItems = try #require(app.state.contacts.firstIndex { $0.contact.name == "Dana Ruiz" })
        app.state.contactsPosition.selected = withItems
        app.press(.character("D"), .character("y"))
        #expect(app.state.message?.isError == true && app.state.message?.text.contains("has open items") == true)
        let plain = try #require(app.state.contacts.firstIndex { $0.contact.name == "Dana Ruis" })
        app.state.contactsPosition.selected = plain
        app.press(.character("D"), .character("y"))
        #expect(!names().contains("Dana Ruis"))
    }

    @Test("Favourite in the edit form is a toggle: typing y gives yes (not \"noy\"), Space flips it")
    func favouriteToggle() throws {
        let app = try makeApp()
        app.press(.character("2"))
        let jose = try #require(app.state.contacts.firstIndex { $0.contact.name == "José 👋" })
        app.state.contactsPosition.selected = jose
        app.press(.character("e"))
        for _ in 0..<6 { app.press(.tab) }
        #expect(app.state.form?.fields[app.state.form!.focus].key == "favourite")
        app.press(.character("o"), .character("y"))
        #expect(app.state.form?.value("favourite") == "yes")
        app.press(.character(" "))
        #expect(app.state.form?.value("favourite") == "no")
        app.press(.character(" "), .control("s"))
        #expect(app.state.contacts.first { $0.contact.name == "José 👋" }?.contact.isFavourite == true)
    }

    @Test("$ on a suggested team gift pre-fills the account's team, and planning it settles the suggestion")
    func teamGiftForm() throws {
        let store = try RapportStore.inMemory()
        for name in ["Ann Globex", "Bo Globex"] {
            _ = try store.addContact(ContactDraft(contact: Contact(name: name, createdAt: at(2026, 11, 1, 9)), accountName: "Globex"))
        }
        let globex = try store.resolveAccount("globex")
        let deal = try store.addDeal(accountID: globex.id!, title: "Fleet tracking rollout", now: at(2026, 11, 1, 9))
        try store.closeDeal(id: deal.id!, as: .won, on: day(2026, 11, 20), buyerTeamSize: 12)
        let app = try makeApp(store)
        let index = try #require(app.state.agendaItems.firstIndex { $0.ref.description == "gd\(deal.id!)" })
        app.state.agendaPosition.selected = index
        app.press(.character("$"))
        #expect(app.state.form?.value("account") == "Globex")
        #expect(app.state.form?.value("with") == "")
        app.type("Cheese basket")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(String(describing: app.state.form?.error))")
        #expect(!app.state.agendaItems.contains { $0.ref.description == "gd\(deal.id!)" })
    }

    @Test("help at 80×24 says where it is in the key table and scrolls down to the quit key")
    func helpScrolls() throws {
        let app = try makeApp(width: 80, height: 24)
        app.press(.character("?"))
        let first = app.screen.text
        #expect(first.contains("Keys · 1–"), "\(first)")
        #expect(!first.contains("quit from a top screen"))
        app.press(.end)
        #expect(app.screen.text.contains("back; quit from a top screen"), "\(app.screen.text)")
    }

    @Test("e on an agenda item edits that item: a follow-up's promise and due time, a meeting's attendees")
    func editItem() throws {
        let app = try makeApp()
        let followUp = try #require(app.state.agendaItems.firstIndex { $0.kind == .followUp && $0.due != .day($0.dueDay) })
        let ref = app.state.agendaItems[followUp].ref
        app.state.agendaPosition.selected = followUp
        app.press(.character("e"))
        #expect(app.state.form?.title == "Edit \(ref) follow-up")
        app.press(.control("u"))
        app.type("Send the revised deck")
        app.press(.tab, .control("u"))
        app.type("2026-11-27 11:00")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(String(describing: app.state.form?.error))")
        let edited = try #require(app.state.agendaItems.first { $0.ref == ref })
        #expect(edited.title == "Send the revised deck" && edited.due == .instant(at(2026, 11, 27, 11)))
        // A meeting that happened: an attendee added is owed a thank-you note.
        let meetingRef: Int64 = 1
        #expect(try app.store.meeting(id: meetingRef)?.title == "Acme kickoff")
        let before = try app.store.thankYouNotes(ofMeeting: meetingRef).count
        for outcome in app.perform(.editItem(ItemRef(.meeting, meetingRef))) { app.handle(.outcome(outcome)) }
        #expect(app.state.form?.title == "Edit m\(meetingRef) meeting")
        for _ in 0..<3 { app.press(.tab) }
        app.type("José 👋")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(String(describing: app.state.form?.error))")
        #expect(try app.store.thankYouNotes(ofMeeting: meetingRef).count == before + 1)
    }
}
