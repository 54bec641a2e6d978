import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// The front end's last part of issue 14: lines cut with an ellipsis, the
/// tab bar, segments managed from their screen, a card's timeline searched
/// and its entries edited.
@Suite("Front end, finished")
struct FinishedFrontEndTests {
    @Test("text cut at the edge ends with …, never chopped; several spans of a line are cut as one line")
    func cutWithEllipsis() {
        var buffer = ScreenBuffer(width: 12, height: 2)
        buffer.put("follow-ups overdue", x: 0, y: 0)
        #expect(buffer.line(0) == "follow-ups …")
        // Spans that together overflow, the cut falling exactly after a whole span: "…" still says so.
        let used = buffer.put(spans: [("held 1", [], .normal), (" · ", [], .muted), ("sent 12", [.bold], .normal)], x: 0, y: 1, limit: 9)
        #expect(buffer.line(1) == "held 1 ·…" && used == 9)
        // Spans that fit are drawn whole, each in its style.
        var fits = ScreenBuffer(width: 12, height: 1)
        fits.put(spans: [("due 2", [.bold], .normal), (" ▲2", [], .muted)], x: 0, y: 0, limit: 12)
        #expect(fits.line(0) == "due 2 ▲2" && fits[0, 0].style == [.bold] && fits[6, 0].tint == .muted)
        // A wide character that does not fit whole gives way to the "…".
        var wide = ScreenBuffer(width: 4, height: 1)
        wide.put("ab李小龙", x: 0, y: 0)
        #expect(wide.line(0) == "ab…")
    }

    @Test("every line of every screen at 80×24 that is cut ends with …: the report's figures too")
    func reportAt80() throws {
        let app = try makeApp(reportBook(), width: 80, height: 24)
        app.press(.character("4"))
        let lines = app.screen.text.components(separatedBy: "\n")
        let followUps = try #require(lines.first { $0.hasPrefix(" Follow-ups") })
        #expect(followUps.hasSuffix("…") && TerminalText.width(followUps) <= 79, "\(followUps)")
        // Wider, the same line is whole.
        let wide = try makeApp(reportBook(), width: 120, height: 40)
        wide.press(.character("4"))
        #expect(wide.screen.text.contains("snoozed 0 (0×)"))
    }

    // MARK: Segments from their screen

    /// The Segments screen's state from the report book: segments by name, then the accounts in none.
    func segmentsState() throws -> AppState {
        let store = try reportBook()
        try store.assign(accountIDs: [try store.resolveAccount("Initech").id!], toSegment: nil, now: tuesday)
        var state = AppState(now: tuesday, calendar: berlin, width: 80, height: 24)
        state.stack = [.segments]
        let report = try store.reportCard(for: ReportPeriod.ending(on: day(2026, 11, 24), length: .month), now: tuesday, calendar: berlin)
        _ = Update.handle(.outcome(.report(report)), state: &state)
        return state
    }

    @Test("on Segments, + opens the form for a new segment, e the selected one's name and ratings, A its accounts; elsewhere they do not")
    func segmentKeysOpenForms() throws {
        var state = try segmentsState()
        #expect(Update.handle(.key(.character("+")), state: &state).isEmpty)
        #expect(state.form?.kind == .newSegment && state.form?.fields.map(\.key) == ["name", "attractiveness", "competitiveness", "appeal"])
        _ = Update.handle(.key(.escape), state: &state)
        let selected = try #require(state.selectedSegment?.segment)
        _ = Update.handle(.key(.character("e")), state: &state)
        #expect(state.form?.kind == .editSegment(selected.id!))
        #expect(state.form?.fields.map { $0.editor.text } == [selected.name] + [selected.attractiveness, selected.competitiveness, selected.appealToBuyers]
            .map { $0.map(String.init) ?? "" })
        _ = Update.handle(.key(.escape), state: &state)
        _ = Update.handle(.key(.character("A")), state: &state)
        #expect(state.form?.kind == .assignSegment(selected.id!) && state.form?.title == "Accounts of \(selected.name)")
        _ = Update.handle(.key(.escape), state: &state)
        // The last row is the accounts in no segment: not a segment to rate.
        _ = Update.handle(.key(.end), state: &state)
        #expect(state.selectedSegment?.segment == nil)
        _ = Update.handle(.key(.character("e")), state: &state)
        #expect(state.form == nil && state.message?.isError == true)
        // On the agenda, e edits as before and + does nothing.
        _ = Update.handle(.key(.escape), state: &state)
        state.stack = [.agenda]
        #expect(Update.handle(.key(.character("+")), state: &state).isEmpty && state.form == nil)
        #expect(KeyBinding.action(for: .character("A"), on: .agenda) == nil)
        #expect(KeyBinding.action(for: .character("e"), on: .agenda) == .edit)
    }

    @Test("a segment added, rated and given accounts from the Segments screen is in the book, through the store; a bad rating is refused; u undoes")
    func segmentsFromTheScreen() throws {
        let store = try reportBook()
        let app = try makeApp(store)
        app.press(.character("5"), .character("+"))
        app.type("Utilities, Austria")
        app.press(.tab)
        app.type("6")
        app.press(.control("s"))
        #expect(app.state.form?.error == "attractiveness is a rating from 1 to 5, not '6'")
        app.press(.control("u"))
        app.type("4")
        app.press(.tab)
        app.type("2")
        app.press(.control("s"))
        #expect(app.state.form == nil && app.state.message?.text == "Added segment 'Utilities, Austria', rated 4·2·– · u undoes")
        let added = try #require(try store.segments().first { $0.name == "Utilities, Austria" })
        #expect(added.attractiveness == 4 && added.competitiveness == 2 && added.appealToBuyers == nil)
        // Select it (segments are listed by name) and rate it: the empty field stays as it was.
        let index = try #require(app.state.report?.segments.firstIndex { $0.segment?.id == added.id })
        app.press(.home)
        for _ in 0..<index { app.press(.down) }
        app.press(.character("e"), .tab, .tab, .tab)
        app.type("5")
        app.press(.control("s"))
        #expect(try store.segment(id: added.id!).map { [$0.attractiveness, $0.competitiveness, $0.appealToBuyers] } == [4, 2, 5])
        // Accounts: Initech moves in from its segment; a name no account has is refused, nothing changed.
        app.press(.character("A"))
        app.type("Initech, Umbrella")
        app.press(.control("s"))
        #expect(app.state.form?.error?.contains("Umbrella") == true)
        #expect(try store.accounts(inSegment: added.id!).isEmpty)
        app.press(.escape, .character("A"))
        app.type("Initech")
        app.press(.control("s"))
        #expect(app.state.message?.text == "Initech now in 'Utilities, Austria' · u undoes")
        #expect(try store.accounts(inSegment: added.id!).map(\.name) == ["Initech"])
        app.press(.character("A"), .tab)
        app.type("initech")
        app.press(.control("s"))
        #expect(try store.accounts(inSegment: added.id!).isEmpty)
        app.press(.character("u"))
        #expect(try store.accounts(inSegment: added.id!).map(\.name) == ["Initech"])
    }

    // MARK: A card's timeline: searched, edited, deleted from

    /// Dana's card, with a second call whose notes say "fleet".
    func danaCard() throws -> RapportApp {
        let store = try sampleBook()
        let dana: Int64 = 1
        try store.logInteraction(kind: .email, title: "Pricing questions", contactIDs: [dana], at: at(2026, 11, 23, 15),
                                 notes: "wants FLEET pricing by Friday", now: at(2026, 11, 23, 15))
        try store.logInteraction(kind: .note, title: "Fleet of 400 trucks", contactIDs: [dana], at: at(2026, 11, 10, 9),
                                 now: at(2026, 11, 10, 9))
        let app = try makeApp(store)
        app.press(.character("2"), .enter)
        #expect(app.state.screen == .contact(dana))
        return app
    }

    @Test("/ on a contact's card finds a word in the timeline's titles and notes (any case), n and N go round the matches, Esc clears")
    func searchTheTimeline() throws {
        let app = try danaCard()
        let card = try #require(app.state.contactCard)
        app.press(.character("/"))
        app.type("fleet")
        // The newest first: the email's notes, then the note's title.
        let search = try #require(app.state.timelineSearch)
        #expect(search.matches.map { card.timeline[$0].title } == ["Pricing questions", "Fleet of 400 trucks"])
        #expect(app.state.selectedTimelineEntry?.entry.title == "Pricing questions")
        #expect(app.screen.text.contains("Pricing questions — wants FLEET pricing by Frid…")) // what was found, cut at 80 columns
        app.press(.enter)
        #expect(app.state.prompt == nil && app.state.message?.text == "'fleet': 1 of 2 · n next, N previous")
        app.press(.character("n"))
        #expect(app.state.selectedTimelineEntry?.entry.title == "Fleet of 400 trucks" && app.state.message?.text == "'fleet': 2 of 2 · n next, N previous")
        app.press(.character("n"))
        #expect(app.state.selectedTimelineEntry?.entry.title == "Pricing questions")
        app.press(.character("N"))
        #expect(app.state.selectedTimelineEntry?.entry.title == "Fleet of 400 trucks")
        // The rule is rapport search's: the same entries, whatever the case of the query.
        let shell = try app.store.search("FLEET").filter { $0.ref.hasPrefix("i") }.map(\.title)
        #expect(Set(shell) == Set(search.matches.map { card.timeline[$0].title }))
        // The names of the others there are searched too: the kickoff was with Zoë.
        app.press(.character("/"), .control("u"))
        app.type("ZOË")
        #expect(app.state.selectedTimelineEntry?.entry.title == "Acme kickoff at HQ" && app.state.timelineSearch?.matches.count == 1)
        #expect(app.screen.text.contains("Acme kickoff at HQ — with Zoë Ångström"), "\(app.screen.text)")
        app.press(.enter)
        // Nothing found says so; Esc clears the search, and n adds a contact again.
        app.press(.character("/"), .control("u"))
        app.type("zeppelin")
        #expect(app.state.timelineSearch?.matches.isEmpty == true)
        // A reload (another card on the stack read too) keeps the search of the card on screen.
        app.press(.control("u"))
        app.type("fleet")
        app.press(.enter)
        app.handle(.outcome(.contactCard(try #require(try app.store.contactCard(id: 2, now: tuesday, scheduler: Scheduler(calendar: berlin),
                                                                               timelineLimit: 100)))))
        app.handle(.outcome(.contactCard(card)))
        #expect(app.state.timelineSearch?.matches.count == 2)
        // Another contact's card has no search: n adds a contact there.
        app.state.stack.append(.contact(2))
        #expect(app.state.timelineSearch == nil)
        app.state.stack.removeLast()
        app.press(.character("/"))
        app.press(.escape)
        #expect(app.state.timelineSearch == nil)
        app.press(.character("n"))
        #expect(app.state.form?.kind == .newContact)
    }

    @Test("e on a card's open item edits that item; on a timeline entry, what it records; d deletes a logged call or a gift after asking, u undoes")
    func editAndDeleteFromTheCard() throws {
        let app = try danaCard()
        let card = try #require(app.state.contactCard)
        // The open follow-up: e edits it, as on the agenda.
        let followUp = try #require(card.open.firstIndex { $0.kind == .followUp })
        app.state.scroll = followUp
        app.press(.character("e"))
        #expect(app.state.form?.title == "Edit f1 follow-up")
        app.press(.escape)
        // The logged call: e edits its title, kind, time and notes.
        let callRow = card.open.count + (try #require(card.timeline.firstIndex { $0.title == "Renewal terms" }))
        app.state.scroll = callRow
        app.press(.character("e"))
        #expect(app.state.form?.kind == .editInteraction(1) && app.state.form?.value("when") == "2026-11-18 11:00")
        app.press(.control("u"))
        app.type("Renewal terms, year two")
        app.press(.control("s"))
        #expect(app.state.message?.text == "Saved i1 call \"Renewal terms, year two\" · u undoes")
        #expect(try app.store.interaction(id: 1)?.title == "Renewal terms, year two")
        // The meeting: e opens the meeting's form.
        let meetingRow = app.state.contactCard!.open.count + (try #require(app.state.contactCard!.timeline.firstIndex { $0.kind == "meeting" }))
        app.state.scroll = meetingRow
        app.press(.character("e"))
        #expect(app.state.form?.kind == .editMeeting(1))
        app.press(.escape)
        // d on the call asks, n keeps it, y deletes it with its touches; u brings it back.
        let row = app.state.contactCard!.open.count + (try #require(app.state.contactCard!.timeline.firstIndex { $0.title.hasPrefix("Renewal terms") }))
        app.state.scroll = row
        app.press(.character("d"))
        #expect(app.state.prompt == .confirmDelete(.interaction(1), title: "Renewal terms, year two"))
        app.press(.character("n"))
        #expect(try app.store.interaction(id: 1) != nil && app.state.message?.text == "Not deleted")
        app.press(.character("d"), .character("y"))
        #expect(try app.store.interaction(id: 1) == nil)
        #expect(app.state.contactCard?.timeline.contains { $0.title.hasPrefix("Renewal terms") } == false)
        app.press(.character("u"))
        #expect(try app.store.interaction(id: 1) != nil)
        // d on a meeting's entry deletes nothing and says what does.
        app.state.scroll = app.state.contactCard!.open.count + (try #require(app.state.contactCard!.timeline.firstIndex { $0.kind == "meeting" }))
        app.press(.character("d"))
        #expect(app.state.prompt == nil && app.state.message?.isError == true)
    }

    @Test("pure: the card's selection runs through the open items, then the timeline; the item keys act on open items only")
    func cardSelection() throws {
        let app = try danaCard()
        let card = try #require(app.state.contactCard)
        var state = app.state
        _ = Update.handle(.key(.end), state: &state)
        #expect(state.scroll == card.open.count + card.timeline.count - 1)
        #expect(state.selectedTimelineEntry?.entry == card.timeline.last && Update.selectedItem(state) == nil)
        #expect(Update.handle(.key(.character("s")), state: &state).isEmpty && state.message?.text == "No item selected")
        _ = Update.handle(.key(.home), state: &state)
        #expect(Update.selectedItem(state) == card.open.first && state.selectedTimelineEntry == nil)
    }

    @Test("the README's keys table names every key of the program's key table, and no key the program does not have")
    func readmeKeys() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.range(of: "| keys | |\n| --- | --- |\n"))
        let rows = readme[table.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("| ") }
        let keyColumn = rows.map { $0.dropFirst(2).components(separatedBy: " | ")[0] }.joined(separator: " ")
        /// A key as the README writes it: a letter or sign in backticks, a named key by its name.
        func written(_ key: Key) -> String {
            if case .character(let c) = key, c != " " { return "`\(c)`" }
            return key.description
        }
        for binding in KeyBinding.table {
            for key in binding.keys { #expect(keyColumn.contains(written(key)), "\(key) (\(binding.help)) is not in the README's keys table") }
        }
        let programKeys = Set(KeyBinding.table.flatMap(\.keys).map(written))
        let named = keyColumn.matches(of: /`([^`]+)`/).map { "`\($0.output.1)`" }
        #expect(!named.isEmpty)
        for key in named { #expect(programKeys.contains(key), "the README names \(key), which no key of the table is") }
    }

    @Test("the contact forms take an anniversary: added, it is due on the agenda; an imported one that is not a date survives an edit")
    func anniversaryInForms() throws {
        let app = try makeApp()
        app.press(.character("n"))
        app.type("Quinn Baker")
        let field = try #require(app.state.form?.fields.firstIndex { $0.key == "anniversary" })
        for _ in 0..<field { app.press(.tab) }
        app.type("2015-11-26")
        app.press(.control("s"))
        var filter = ContactFilter()
        filter.search = "Quinn"
        let quinn = try #require(try app.store.contactList(filter, now: tuesday, scheduler: Scheduler(calendar: berlin)).first)
        #expect(try app.store.anniversary(ofContact: quinn.contact.id!) == Birthday(year: 2015, month: 11, day: 26))
        // Thursday 26 November − 3 days: due Monday 23, late on Tuesday.
        #expect(app.state.agenda.overdue.contains { $0.ref == ItemRef(.anniversary, quinn.contact.id!) })
        // An imported anniversary that is not a date is left alone by an edit of something else.
        let id = quinn.contact.id!
        try app.store.write { db in
            try db.execute(sql: "UPDATE contactDetail SET value = 'June, some year' WHERE contactID = ? AND kind = 'anniversary'", arguments: [id])
        }
        let form = Forms.editContact(try #require(try app.store.contact(id: id)), anniversary: try app.store.anniversary(ofContact: id))
        #expect(form.value("anniversary") == "")
        app.handle(.outcome(.formOpened(form)))
        app.press(.control("s"))
        #expect(try app.store.details(ofContact: id).map(\.value) == ["June, some year"])
    }
}
