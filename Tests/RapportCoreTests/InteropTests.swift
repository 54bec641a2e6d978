import Foundation
import GRDB
import Testing
@testable import RapportCore

/// The files in Fixtures/imports (see its README for where each comes from).
enum ImportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/imports")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func vcard(_ name: String, encoding: TextEncoding? = nil) throws -> ReadResult {
        VCardReader.read(bytes: try bytes(name), encoding: encoding)
    }

    static func csv(_ name: String, dateOrder: CSVContacts.DateOrder? = nil) throws -> ReadResult {
        try CSVContacts.read(bytes: try bytes(name), dateOrder: dateOrder)
    }
}

extension VCard {
    func detail(_ kind: ContactDetail.Kind, _ label: String? = nil) -> String? {
        details.first { $0.kind == kind && (label == nil || $0.label == label) }?.value
    }
}

@Suite("Imports that respect the book")
struct ImportMergeTests {
    static let now = at(2026, 11, 24, 9)

    func card(_ name: String, email: String? = nil, phone: String? = nil, account: String? = nil,
              title: String? = nil, note: String? = nil) -> VCard {
        var card = VCard(name: name, line: 1)
        if let email { card.emails = [(email, nil)] }
        if let phone { card.phones = [(phone, nil)] }
        card.organisation = account
        card.title = title
        card.note = note
        return card
    }

    @Test("a re-import adds what is new and keeps what the user wrote, reporting the conflict; --prefer-file takes the file's")
    func mergeNotOverwrite() throws {
        let store = try RapportStore.inMemory()
        let original = card("Dana Ruiz", email: "dana@acme.com", title: "VP Sales", note: "From the card")
        _ = try store.importCards([original], dryRun: false, now: Self.now)
        try store.write { db in
            try db.execute(sql: "UPDATE contact SET title = 'Head of Sales', notes = 'Mine: prefers calls before 9'")
        }
        var again = original
        again.phones = [("+1 555 0100", "cell")]
        let summary = try store.importCards([again], dryRun: false, now: Self.now)
        let outcome = try #require(summary.outcomes.first)
        #expect(outcome.action == .conflict)
        #expect(outcome.changes == ["phone +1 555 0100"])
        #expect(outcome.conflicts == ["title: 'Head of Sales' in the book, 'VP Sales' in the file",
                                      "notes: 'Mine: prefers calls before 9' in the book, 'From the card' in the file"])
        var contact = try #require(try store.read { db in try Contact.fetchOne(db, key: 1) })
        #expect(contact.title == "Head of Sales" && contact.notes == "Mine: prefers calls before 9")
        #expect(try store.read { db in try String.fetchAll(db, sql: "SELECT number FROM contactPhone") } == ["+1 555 0100"])

        _ = try store.importCards([again], dryRun: false, preferFile: true, now: Self.now)
        contact = try #require(try store.read { db in try Contact.fetchOne(db, key: 1) })
        #expect(contact.title == "VP Sales" && contact.notes == "From the card")
    }

    @Test("two people sharing a name, with other phones and no email, stay two; the second is a possible duplicate")
    func sameNameDifferentPeople() throws {
        let store = try RapportStore.inMemory()
        let result = try ImportFixture.csv("same-name-different-people.csv")
        let summary = try store.importCards(result.cards, dryRun: false, now: Self.now)
        #expect(summary.created == ["John Smith", "John Smith"])
        #expect(summary.outcomes[1].possibleDuplicates == ["@1"])
        let phones = try store.read { db in try Row.fetchAll(db, sql: "SELECT contactID, number FROM contactPhone ORDER BY id") }
        #expect(phones.map { $0[0] as Int64 } == [1, 2]) // each keeps their own phone
        #expect(try store.read { db in try String.fetchAll(db, sql: "SELECT notes FROM contact ORDER BY id") }
                == ["Plumber in Leeds", "Met at the London fair"])
        // Again: each row finds its own person by phone; no one is created.
        #expect(try store.importCards(result.cards, dryRun: false, now: Self.now).unchanged.count == 2)
    }

    @Test("matching: an email first, then a phone, then the whole name at the same account — never a name alone at another")
    func matchingOrder() throws {
        let store = try RapportStore.inMemory()
        _ = try store.importCards([card("Dana Ruiz", email: "dana@acme.com", phone: "+1 202 555 0100", account: "Acme"),
                                   card("Lee Park", account: "Globex")], dryRun: false, now: Self.now)
        let outcomes = try store.importCards([
            card("D. Ruiz", email: "DANA@ACME.COM"),              // email, whatever the case
            card("Dana R.", phone: "555-0100"),                   // fewer digits: not provably the same number
            card("Dana Ruiz", phone: "(202) 555-0100"),           // the same number written nationally
            card("Lee Park", account: "globex"),                  // whole name at the same account
            card("Lee Park", account: "Initech"),                 // the same name elsewhere: someone else
        ], dryRun: true, now: Self.now).outcomes
        #expect(outcomes[0].matchedBy == "email DANA@ACME.COM" && outcomes[0].contactID == 1)
        #expect(outcomes[1].action == .new)
        #expect(outcomes[2].matchedBy == "phone (202) 555-0100" && outcomes[2].contactID == 1)
        #expect(outcomes[3].matchedBy == "name at globex" && outcomes[3].contactID == 2)
        #expect(outcomes[4].action == .new && outcomes[4].possibleDuplicates == ["@2"])
    }

    @Test("an email with a non-ASCII capital is the same address: a re-import adds no second one")
    func unicodeEmailCase() throws {
        let store = try RapportStore.inMemory()
        _ = try store.importCards([card("Émile Zola", email: "émile@example.fr")], dryRun: false, now: Self.now)
        let again = try store.importCards([card("Émile Zola", email: "ÉMILE@example.fr")], dryRun: false, now: Self.now)
        #expect(again.unchanged == ["Émile Zola"])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contactEmail") } == 1)
    }

    @Test("a dry run reads a book it cannot write and says what each record would do, writing nothing")
    func dryRunReadOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-dry-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("book.sqlite").path
        do {
            let store = try RapportStore.open(path: path)
            _ = try store.importCards([card("Dana Ruiz", email: "dana@acme.com", title: "VP")], dryRun: false, now: Self.now)
        }
        let readOnly = try #require(try RapportStore.openForReading(path: path))
        let summary = try readOnly.importCards([card("Dana Ruiz", email: "dana@acme.com", phone: "+1 555 0100", title: "CEO"),
                                                card("New Person", email: "new@example.com"),
                                                card("New Person", email: "new@example.com")], dryRun: true, now: Self.now)
        #expect(summary.outcomes.map(\.action) == [.conflict, .new, .unchanged]) // the third is the second, again
        #expect(summary.outcomes[0].changes == ["phone +1 555 0100"])
        #expect(try readOnly.contactCount() == 1)
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite("Reading real exports")
struct ImportCorpusTests {
    @Test("Google's vCard (ez-vcard gmail-single2): every kind of field is kept, labelled")
    func gmailSingle() throws {
        let result = try ImportFixture.vcard("ez-vcard-gmail-single2.vcf")
        let card = try #require(result.cards.first)
        #expect(result.problems.isEmpty && card.name == "VCard Test" && card.nickname == "TheNickname")
        #expect(card.emails.count == 5 && card.emails[4] == ("customcategory@example.com", "CustomEmailCategory"))
        #expect(card.phones.count == 11 && card.phones.contains { $0 == ("5555551121", "CustomePhoneCategory") })
        #expect(card.organisation == "TheCompany" && card.title == "TheJobTitle" && card.birthday == Birthday(year: 1912, month: 6, day: 23))
        #expect(card.details.filter { $0.kind == .address }.count == 5)
        #expect(card.detail(.address, "CustomAddressCategory") == "115 Main St, NY, New York, 10011")
        #expect(card.detail(.url, "HomePage") == "http://www.example4.com")
        #expect(card.detail(.anniversary) == "1930-03-20")
        #expect(card.detail(.event, "CustomDateCategory") == "2000-09-12")
        #expect(card.detail(.related, "Spouse") == "Name2")
        #expect(card.detail(.social, "skype") == "IM5")
        #expect(card.note == "note line 1\nnote line 2\nCustomField: field value")
    }

    @Test("Evolution and Apple (ez-vcard John Doe): department, anniversary, addresses, related people")
    func evolutionAndApple() throws {
        let evolution = try #require(try ImportFixture.vcard("ez-vcard-John_Doe_EVOLUTION.vcf").cards.first)
        #expect(evolution.name == "Mr. John Richter, James Doe Sr." && evolution.organisation == "IBM")
        #expect(evolution.department == "Accounting, Dungeon" && evolution.title == "Money Counter")
        #expect(evolution.emails.map(\.address) == ["john.doe@ibm.com"]) // folded inside the address
        #expect(evolution.detail(.anniversary) == "1980-03-22" && evolution.detail(.related, "spouse") == "Maria")
        #expect(evolution.detail(.address, "home") == "ASB-123, 15 Crescent moon drive, Albaney, New York, 12345, United States of America")
        #expect(evolution.detail(.social, "aim") == "johnny5@aol.com" && evolution.categories == ["VIP"])
        let apple = try #require(try ImportFixture.vcard("ez-vcard-John_Doe_MAC_ADDRESS_BOOK.vcf").cards.first)
        #expect(apple.department == "Accounting" && apple.phones.contains { $0 == ("905-222-1234", "AssistantPhone") })
        #expect(apple.detail(.related, "Spouse") == "Jenny" && apple.detail(.url, "HomePage") == "http://www.ibm.com")
        #expect(apple.detail(.address, "work") == "Street4, Building 6, Floor 8, New York, 12345, USA")
    }

    @Test("vCard 4.0 (py-vobject): the first FN, ANNIVERSARY, IMPP, ROLE; a group card is skipped with its reason")
    func vcard40() throws {
        let full = try #require(try ImportFixture.vcard("py-vobject-vcard40_full.vcf").cards.first)
        #expect(full.name == "Dr. John Q. Public, III" && full.department == "North Division, Marketing")
        #expect(full.phones.map(\.number) == ["+1-555-555-5555", "+1-555-123-4567"] && full.birthday == Birthday(year: 1985, month: 4, day: 15))
        #expect(full.detail(.anniversary) == "2010-06-12" && full.detail(.custom, "Role") == "Executive")
        let group = try ImportFixture.vcard("py-vobject-vcard40_group.vcf")
        #expect(group.cards.isEmpty && group.problems.isEmpty)
        #expect(group.ignored.map(\.message) == ["not a person: a group card (KIND:group)"])
    }

    @Test("encodings: Outlook's Windows-1252 quoted-printable, UTF-16 with a BOM, a fold inside a character, no CHARSET")
    func encodings() throws {
        let outlook = try ImportFixture.vcard("outlook-2.1-windows-1252.vcf")
        let jurgen = try #require(outlook.cards.first)
        #expect(jurgen.name == "Jürgen Müller" && jurgen.department == "Einkauf" && outlook.warnings.isEmpty)
        #expect(jurgen.note == "Trinkt Tee – keinen Kaffee\nZweite Zeile, die Outlook weich umbricht")
        #expect(jurgen.phones.map(\.number) == ["+49 89 1234567"] && jurgen.phones.map(\.type) == ["work"])
        let utf16 = try ImportFixture.vcard("utf16-bom.vcf")
        #expect(utf16.cards.map(\.name) == ["Zoë Ångström"])
        let fold = try ImportFixture.vcard("fold-inside-utf8.vcf")
        #expect(fold.cards.first?.name == String(repeating: "A", count: 70) + "Zoë")
        #expect(fold.cards.first?.birthday == Birthday(year: nil, month: 3, day: 15)) // Apple's 1604: no year
        let plain = try ImportFixture.vcard("no-charset-windows-1252.vcf")
        #expect(plain.cards.first?.name == "Jürgen Müller")
        #expect(plain.warnings == ["line 3: not UTF-8 and no CHARSET given; read as windows-1252 (--encoding chooses another)"])
        // Chosen by the user: no warning, and the choice applies.
        let chosen = try ImportFixture.vcard("no-charset-windows-1252.vcf", encoding: .latin1)
        #expect(chosen.cards.first?.name == "Jürgen Müller" && chosen.warnings.isEmpty)
    }

    @Test("LinkedIn's Connections.csv: the notes above the header are skipped; profile and Connected On kept")
    func linkedIn() throws {
        let result = try ImportFixture.csv("linkedin-Connections.csv")
        #expect(result.problems.isEmpty && result.cards.map(\.name) == ["Priya Sharma", "Arjun Mehta"])
        let priya = result.cards[0]
        #expect(priya.line == 5 && priya.organisation == "Stripe, Inc." && priya.title == "Technical Recruiter")
        #expect(priya.detail(.social, "LinkedIn") == "https://www.linkedin.com/in/priya-sharma-1a2b3c")
        #expect(priya.detail(.event, "Connected On") == "2024-03-12")
        #expect(result.cards[1].emails.map(\.address) == ["arjun@example.com"])
    }

    @Test("Google CSV, current and legacy: organisation, title, department, labels as tags, ' ::: ' values, every email and phone")
    func google() throws {
        let current = try ImportFixture.csv("google-contacts-current.csv")
        let dana = try #require(current.cards.first)
        #expect(dana.organisation == "Acme" && dana.title == "VP Sales" && dana.department == "Procurement")
        #expect(dana.categories == ["Golf", "Board"] && dana.birthday == Birthday(year: nil, month: 5, day: 3))
        #expect(dana.emails.map(\.address) == ["dana@acme.com", "dana.ruiz@acme.com", "dana@example.org"])
        #expect(dana.emails.map(\.type) == ["work", "work", "home"])
        #expect(dana.phones.map(\.number) == ["+1 555 0100", "+1 555 0101"])
        #expect(dana.detail(.address, "work") == "1 Main St, Springfield")
        #expect(dana.detail(.anniversary) == "2011-06-18" && dana.detail(.custom, "Shoe size") == "39")
        #expect(dana.detail(.url, "Profile") == "https://acme.example/dana")
        #expect(current.cards[1].name == "João Silva" && current.cards[1].categories == ["Governo"])
        let legacy = try #require(try ImportFixture.csv("google-contacts-legacy.csv").cards.first)
        #expect(legacy.name == "Lee Park" && legacy.organisation == "Globex" && legacy.title == "Buyer" && legacy.department == "Purchasing")
        #expect(legacy.emails.map(\.address) == ["lee@globex.example", "lee.park@example.org"] && legacy.categories == ["Fair 2024"])
        #expect(legacy.birthday == Birthday(year: 1979, month: 11, day: 2) && legacy.note == "Met at the Berlin fair")
    }

    @Test("Outlook CSV (Windows-1252): every e-mail and phone column; Title is Dr., Job Title the job; dates month first as proven")
    func outlook() throws {
        let result = try ImportFixture.csv("outlook-contacts-windows-1252.csv")
        #expect(result.warnings == ["the file is not UTF-8; read as windows-1252 (--encoding chooses another)"])
        let jurgen = try #require(result.cards.first)
        #expect(jurgen.name == "Jürgen Müller" && jurgen.title == "Leiter Einkauf" && jurgen.detail(.custom, "Prefix") == "Dr.")
        #expect(jurgen.emails.map(\.address) == ["juergen.mueller@globex.example", "jm@privat.example"])
        #expect(jurgen.phones.map(\.number) == ["+49 89 1234567", "+49 89 7654321", "+49 171 1234567"])
        #expect(jurgen.phones.map(\.type) == ["business", "home", "mobile"])
        #expect(jurgen.birthday == Birthday(year: 1969, month: 12, day: 28) && jurgen.detail(.anniversary) == nil) // 0/0/00: none
        #expect(jurgen.detail(.address, "work") == "Hauptstraße 1, München, 80331, Deutschland")
        #expect(jurgen.categories == ["Kunden", "Golf"] && jurgen.detail(.custom, "Spouse") == "Anna")
        #expect(result.cards[1].birthday == Birthday(year: 1980, month: 3, day: 5)) // 3/5: March, as 12/28 proved
    }

    @Test("HubSpot and Salesforce: Associated Company, Account Name, mailing address, day-first dates proven by 28.12.")
    func crm() throws {
        let maria = try #require(try ImportFixture.csv("hubspot-contacts.csv").cards.first)
        #expect(maria.organisation == "Umbrella Corp" && maria.title == "Head of IT")
        #expect(maria.phones.map(\.number) == ["+34 91 123 4567", "+34 600 123 456"])
        #expect(maria.detail(.address) == "Calle Mayor 5, Madrid, 28013, Spain" && maria.detail(.custom, "Lifecycle Stage") == "Customer")
        let salesforce = try ImportFixture.csv("salesforce-contacts.csv")
        #expect(salesforce.cards.map(\.organisation) == ["Hooli SA", "Hooli SA"] && salesforce.cards[0].department == "Achats")
        #expect(salesforce.cards[0].birthday == Birthday(year: 1969, month: 12, day: 28))
        #expect(salesforce.cards[1].birthday == Birthday(year: 1980, month: 5, day: 3))
    }

    @Test("a date column that does not prove its order is refused, unless --date-order says")
    func ambiguousDates() throws {
        #expect(throws: PhraseError.self) { try ImportFixture.csv("ambiguous-dates.csv") }
        let dmy = try ImportFixture.csv("ambiguous-dates.csv", dateOrder: .dmy)
        #expect(dmy.cards.map(\.birthday) == [Birthday(year: 1980, month: 5, day: 3), Birthday(year: 1975, month: 6, day: 4)])
        let mdy = try ImportFixture.csv("ambiguous-dates.csv", dateOrder: .mdy)
        #expect(mdy.cards.map(\.birthday) == [Birthday(year: 1980, month: 3, day: 5), Birthday(year: 1975, month: 4, day: 6)])
    }

    @Test("email-only records are named by their email")
    func emailOnly() throws {
        let vcard = VCardReader.read("BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:solo@example.com\r\nEND:VCARD\r\n")
        #expect(vcard.cards.map(\.name) == ["solo@example.com"])
        let csv = try CSVContacts.read("Email,Notes\nsolo@example.com,hi\n")
        #expect(csv.cards.map(\.name) == ["solo@example.com"])
    }

    @Test("the whole corpus imports into one book, and a second import changes nothing")
    func corpus() throws {
        let store = try RapportStore.inMemory()
        var cards: [VCard] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: ImportFixture.folder.path).sorted() {
            if name.hasSuffix(".vcf") { cards += try ImportFixture.vcard(name).cards }
            if name.hasSuffix(".csv"), name != "ambiguous-dates.csv" { cards += try ImportFixture.csv(name).cards }
        }
        let first = try store.importCards(cards, dryRun: false, now: at(2026, 11, 24, 9))
        #expect(first.created.count > 20)
        let second = try store.importCards(cards, dryRun: false, now: at(2026, 11, 24, 9))
        #expect(second.created.isEmpty && second.updated.isEmpty)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contactDetail") }! > 50)
    }
}
