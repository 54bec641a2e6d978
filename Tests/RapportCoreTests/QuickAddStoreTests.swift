import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Quick-add entries resolved against a book and stored.
@Suite("Quick-add, stored")
struct QuickAddStoreTests {
    let now = at(2026, 11, 24, 9)

    func add(_ phrase: String, in book: TestBook, createMissing: Bool = true, new: [String] = []) throws -> (QuickAddPlan, QuickAddOutcome) {
        let rules = try book.store.rules()
        let parser = try book.store.quickAddParser(dates: DatePhraseParser(today: book.calendar.day(of: now)))
        let plan = try book.store.plan(try parser.parse(phrase), new: createMissing ? .whenClearlyNew(named: new) : .refuse, now: now, calendar: book.calendar, rules: rules)
        return (plan, try book.store.perform(plan, now: now, calendar: book.calendar))
    }

    @Test("a follow-up with a known person, a new one, an account and a time")
    func followUp() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", account: "Acme", added: now)
        let (plan, outcome) = try add("send the deck with dana ruiz and Lee Park fri 14:00 #acme", in: book)
        #expect(outcome.refs == [ItemRef(.followUp, 1)])
        #expect(outcome.createdContacts.map(\.name) == ["Lee Park"])
        #expect(outcome.createdContacts.first?.accountID == dana.accountID) // new people join the account
        #expect(plan.description(calendar: book.calendar, today: day(2026, 11, 24), created: outcome.createdContacts)
                == "follow-up \"send the deck\" with Dana Ruiz, Lee Park (new @2) · Acme, due Fri 27 Nov 14:00")
        let followUp = try #require(try book.store.followUp(id: 1))
        #expect(followUp.dueAt == at(2026, 11, 27, 14))
        #expect(try book.store.contactIDs(ofFollowUp: 1) == [1, 2])
    }

    @Test("names in scripts without capitals are names: a new Hindi or Chinese name after a kind word or 'with' becomes a contact, whole", arguments: [
        ("lunch with प्रिया शर्मा tomorrow 12:30", "प्रिया शर्मा"),
        ("call प्रिया शर्मा fri", "प्रिया शर्मा"),
        ("call 李 小龍 fri", "李 小龍"),
        ("send the deck with محمد علي fri", "محمد علي"),
    ])
    func caselessScripts(_ phrase: String, _ name: String) throws {
        let book = try TestBook()
        let (_, outcome) = try add(phrase, in: book)
        #expect(outcome.createdContacts.map(\.name) == [name])
    }

    @Test("a new name that shares a first name with a contact ('call Dana Park' beside Dana Ruiz) is refused, never read as Dana Ruiz and a word of title")
    func sharedFirstName() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        #expect(throws: (any Error).self) { try add("call Dana Park fri", in: book) }
        #expect(try book.store.followUp(id: 1) == nil)
        // A known whole name followed by a capitalised word is still that person and a title.
        let (plan, _) = try add("call Dana Ruiz Pricing fri", in: book)
        #expect(plan.title == "Call Pricing" && plan.peopleNames == ["Dana Ruiz"])
        // Forced new, it is a new contact.
        let (_, outcome) = try add("call Dana Park fri", in: book, new: ["Dana Park"])
        #expect(outcome.createdContacts.map(\.name) == ["Dana Park"])
    }

    @Test("'w/' is 'with', as a hurried person writes it")
    func withAbbreviated() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        let (plan, outcome) = try add("lunch w/ Dana Ruiz thurs 12:30", in: book)
        #expect(plan.peopleNames == ["Dana Ruiz"] && outcome.createdContacts.isEmpty)
    }

    @Test("a name matching several contacts stores nothing and lists them")
    func ambiguous() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        try book.contact("Dana Scully", added: now)
        #expect(throws: PeopleError.self) { try add("send the deck with Dana fri", in: book) }
        #expect(try book.store.followUp(id: 1) == nil)
        let (_, outcome) = try add("send the deck with Dana Scully fri", in: book)
        #expect(try book.store.contactIDs(ofFollowUp: outcome.refs[0].id) == [2])
    }

    @Test("an account close to one in the book (#acmee for Acme) is refused with a did-you-mean, nothing stored; --new-account creates it; a new name no account is close to is created")
    func accountTypo() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", account: "Acme", added: now)
        let rules = try book.store.rules()
        let parser = try book.store.quickAddParser(dates: DatePhraseParser(today: book.calendar.day(of: now)))
        func plan(_ phrase: String, newAccounts: [String] = []) throws -> QuickAddPlan {
            try book.store.plan(try parser.parse(phrase), new: .whenClearlyNew(), newAccounts: newAccounts, now: now, calendar: book.calendar, rules: rules)
        }
        #expect(throws: StoreError.invalid("no account is called '#acmee'; did you mean #Acme? to add 'acmee' as a new account anyway: --new-account \"acmee\"")) {
            try plan("send the deck @dana fri #acmee")
        }
        #expect(try book.store.read { db in try Account.fetchCount(db) } == 1)
        guard case .new(let forced)? = try plan("send the deck @dana fri #acmee", newAccounts: ["Acmee"]).account else {
            Issue.record("--new-account did not create it"); return
        }
        #expect(forced == "acmee")
        guard case .new(let globex)? = try plan("send the deck @dana fri #globex").account else { Issue.record("a new name is created"); return }
        #expect(globex == "globex")
        guard case .existing(_, let acme)? = try plan("send the deck @dana fri #ACME").account else { Issue.record("Acme is Acme"); return }
        #expect(acme == "Acme")
    }

    @Test("--no-create refuses unknown people and accounts")
    func noCreate() throws {
        let book = try TestBook()
        #expect(throws: PeopleError.self) { try add("send the deck with Zed", in: book, createMissing: false) }
        #expect(throws: StoreError.notFound("no account matches '#globex'")) { try add("send the deck #globex", in: book, createMissing: false) }
        #expect(try book.store.contactCount() == 0)
    }

    @Test("a meeting in the past owes its thank-you notes at once; one to come, after it")
    func meetings() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        let (_, past) = try add("meeting Kickoff with Dana yesterday 10:00 at HQ", in: book)
        #expect(past.thankYouNotes.count == 1)
        #expect(try book.agenda(at: now).item("t1")?.dueDay == day(2026, 11, 24))
        let (_, future) = try add("meeting Review with Dana fri 15:00", in: book)
        #expect(try book.store.meeting(id: future.refs[0].id)?.startsAt == at(2026, 11, 27, 15))
        #expect(try book.agenda(at: now).item("p2")?.dueDay == day(2026, 11, 26))
        #expect(throws: StoreError.self) { try add("meeting No time with Dana fri", in: book) }
    }

    @Test("lunches, thank-yous to a team, gifts and notes")
    func otherKinds() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", account: "Acme", favourite: true, lunchEvery: 30, added: at(2026, 1, 1, 9))
        try book.contact("Lee Park", account: "Acme", added: now)
        let (_, lunch) = try add("lunch with Dana fri at Nobu", in: book)
        #expect(try book.store.lunch(id: lunch.refs[0].id)?.startsAt == at(2026, 11, 27, 12))
        #expect(try book.agenda(at: now).item("ld1") == nil) // a lunch is on offer
        let (_, paid) = try add("lunch with Lee dec 3 €64.50", in: book)
        let paidLunch = try #require(try book.store.lunch(id: paid.refs[0].id))
        #expect(paidLunch.costMinorUnits == 6450 && paidLunch.currency == "EUR")
        let (_, thanks) = try add("thanks dana and lee for the dinner", in: book)
        #expect(thanks.refs.count == 2)
        #expect(try book.agenda(at: now).item("t1")?.title == "Thank you for the dinner")
        #expect(try book.agenda(at: now).item("t1")?.dueDay == day(2026, 11, 25))
        let (_, gift) = try add("gift cheese basket #acme €80 dec 18", in: book)
        let stored = try #require(try book.store.gift(id: gift.refs[0].id))
        #expect(stored.costMinorUnits == 8000 && stored.currency == "EUR" && stored.sendBy == day(2026, 12, 18))
        #expect(try book.store.giftRecipients(stored.id!).count == 2)
        let (_, note) = try add("note prefers calls before 9 @lee", in: book)
        #expect(note.noteID != nil)
        #expect(try book.store.timeline(ofContact: 2).first?.title == "prefers calls before 9")
        #expect(throws: StoreError.self) { try add("note about tomorrow's call @lee tomorrow", in: book) }
        #expect(throws: StoreError.self) { try add("gift wine", in: book) }
        #expect(throws: StoreError.self) { try add("thanks for nothing", in: book) }
    }

    @Test("every rejection stores nothing")
    func rejections() throws {
        let book = try TestBook()
        try book.contact("Dana Ruiz", added: now)
        let before = try book.store.writer.read { db in try Int.fetchOne(db, sql: "SELECT total_changes()") }
        for phrase in ["fri", "with", "meeting x with Dana fri", "lunch fri", "gift wine", "note x", "call Zed fri feb 30"] {
            #expect(throws: (any Error).self, "\(phrase)") { try add(phrase, in: book) }
        }
        #expect(try book.store.contactCount() == 1)
        #expect(try book.store.writer.read { db in try Int.fetchOne(db, sql: "SELECT total_changes()") } == before)
    }
}
