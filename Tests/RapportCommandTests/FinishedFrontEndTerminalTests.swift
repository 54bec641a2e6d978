import Foundation
import Testing

/// The front end's last part of issue 14 in a real terminal (tmux), as a
/// person would use it: segments managed from their screen, a card's
/// timeline searched, edited and deleted from, an anniversary on the agenda.
@Suite("rapport in a terminal: segments, timelines, anniversaries", .serialized)
struct FinishedFrontEndTerminalTests {
    typealias Session = InteractiveTests.Session
    let tuesday = "2026-11-24 09:00:00"

    @Test("on the Segments screen, + adds a segment with its ratings, e rates it, A puts an account in it: the shell sees them")
    func segments() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: tuesday)
        let session = try Session(rapport, at: tuesday, width: 80, height: 24)
        #expect(session.waitFor("Nothing late") || session.waitFor("Overdue"), "\(session.screen)")
        try session.keys("5")
        #expect(session.waitFor("No segments yet: + adds one"), "\(session.screen)")
        try session.type("+")
        #expect(session.waitFor("Add a segment"), "\(session.screen)")
        try session.type("Logistics, DACH")
        try session.keys("Tab")
        try session.type("5")
        try session.keys("Tab")
        try session.type("4")
        try session.keys("C-s")
        #expect(session.waitFor("Added segment 'Logistics, DACH', rated 5·4·–"), "\(session.screen)")
        try session.keys("e")
        #expect(session.waitFor("Rate Logistics, DACH"), "\(session.screen)")
        try session.keys("Tab", "Tab", "Tab")
        try session.type("3")
        try session.keys("C-s")
        #expect(session.waitFor("Saved segment 'Logistics, DACH', rated 5·4·3"), "\(session.screen)")
        try session.keys("A")
        #expect(session.waitFor("Accounts of Logistics, DACH"), "\(session.screen)")
        try session.type("acme")
        try session.keys("C-s")
        #expect(session.waitFor("Acme now in 'Logistics, DACH'"), "\(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("EXITED 0"), "\(session.screen)")
        let list = try rapport.run(["segment", "list", "--accounts"], at: tuesday).stdout
        #expect(list.contains("Logistics, DACH") && list.contains("Acme") && list.contains("5"), "\(list)")
    }

    @Test("on a contact's card, / finds a word in the timeline, n goes to the next; e edits the logged call found, d deletes it after asking")
    func timeline() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: tuesday)
        try rapport.run(["log", "call", "Renewal", "--with", "Dana", "--at", "yesterday 10:00", "--notes", "asked about FLEET pricing"], at: tuesday)
        try rapport.run(["log", "note", "Fleet of 400 trucks", "--with", "Dana", "--at", "mon 9:00"], at: tuesday)
        try rapport.run(["log", "email", "Agenda for Thursday", "--with", "Dana", "--at", "today 8:00"], at: tuesday)
        let session = try Session(rapport, at: tuesday)
        #expect(session.waitFor("Nothing late") || session.waitFor("Keep in touch"), "\(session.screen)")
        try session.keys("2")
        #expect(session.waitFor("Dana Ruiz"))
        try session.keys("Enter")
        #expect(session.waitFor("Timeline"), "\(session.screen)")
        try session.type("/fleet")
        #expect(session.waitFor("2 found in the timeline"), "\(session.screen)")
        #expect(session.screen.contains("Renewal — asked about FLEET pricing"), "\(session.screen)")
        try session.keys("Enter")
        #expect(session.waitFor("'fleet': 1 of 2"), "\(session.screen)")
        try session.type("n")
        #expect(session.waitFor("'fleet': 2 of 2"), "\(session.screen)")
        try session.type("N")
        #expect(session.waitFor("'fleet': 1 of 2"), "\(session.screen)")
        // e on the call found: its form; the title changed is saved.
        try session.type("e")
        #expect(session.waitFor("Edit i1 call"), "\(session.screen)")
        try session.keys("C-u")
        try session.type("Renewal terms")
        try session.keys("C-s")
        #expect(session.waitFor("Saved i1 call \"Renewal terms\""), "\(session.screen)")
        // d on it asks; y deletes it.
        try session.type("d")
        #expect(session.waitFor("Delete i1 \"Renewal terms\"? y/n"), "\(session.screen)")
        try session.type("y")
        #expect(session.waitFor("Deleted i1 call \"Renewal terms\""), "\(session.screen)")
        try session.keys("q", "q")
        #expect(session.waitFor("EXITED 0"), "\(session.screen)")
        let found = try rapport.run(["search", "fleet"], at: tuesday).stdout
        #expect(!found.contains("i1") && found.contains("i2"), "\(found)")
    }

    @Test("an anniversary card is on the agenda in the front end, and d marks it sent")
    func anniversary() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--anniversary", "2011-11-27"], at: tuesday)
        let session = try Session(rapport, at: tuesday)
        // Friday 27 November − 3 days: due today, Tuesday.
        #expect(session.waitFor("a1 anniversary"), "\(session.screen)")
        #expect(session.screen.contains("Anniversary card — anniversary Fri 27 Nov"), "\(session.screen)")
        try session.type("d")
        #expect(session.waitFor("a1: anniversary card to Dana Ruiz sent") || session.waitFor("anniversary card to Dana Ruiz sent"), "\(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("EXITED 0"), "\(session.screen)")
        #expect(try rapport.run(["today"], at: tuesday).stdout.contains("a1") == false)
    }
}
