import Foundation
import Testing
@testable import RapportCore

/// Contacts from CSV as CRMs and spreadsheets export them.
@Suite("CSV import")
struct CSVContactsTests {
    /// Salesforce-style: comma-separated, quoted fields with commas and a newline.
    static let salesforce = """
        First Name,Last Name,Title,Account Name,Email,Phone,Description
        Dana,Ruiz,VP Sales,"Acme, Inc.",dana@acme.com,+1 555 0100,"Met at Dreamforce,
        likes golf"
        Lee,Park,CTO,Globex,lee@globex.example,,
        ,,Assistant,Globex,,,
        """

    /// HubSpot-style from a European spreadsheet: BOM, semicolons, other names.
    static let hubspot = "\u{FEFF}Contact Name;E-mail;Company Name;Job Title;Labels\r\nZoë Ångström;zoe@example.com;Initech;Buyer;golf, board\r\n"

    @Test("columns map by their usual names; quoted commas and newlines stay in their field")
    func salesforce() throws {
        let (cards, problems) = try CSVContacts.read(Self.salesforce)
        #expect(cards.map(\.name) == ["Dana Ruiz", "Lee Park"])
        #expect(cards[0].organisation == "Acme, Inc." && cards[0].title == "VP Sales")
        #expect(cards[0].emails.map(\.address) == ["dana@acme.com"] && cards[0].phones.map(\.number) == ["+1 555 0100"])
        #expect(cards[0].note == "Met at Dreamforce,\nlikes golf")
        #expect(problems == [VCardProblem(line: 5, message: "a row without a name or an email")])
    }

    @Test("a BOM and semicolons are handled")
    func hubspot() throws {
        let (cards, problems) = try CSVContacts.read(Self.hubspot)
        #expect(problems.isEmpty)
        #expect(cards.first?.name == "Zoë Ångström")
        #expect(cards.first?.organisation == "Initech")
        #expect(cards.first?.categories == ["golf", "board"])
        #expect(cards.first?.emails.map(\.address) == ["zoe@example.com"])
    }

    @Test("--map names a column the import does not know; a file without a name column is refused")
    func mapping() throws {
        let text = "Person,Mail\nDana Ruiz,dana@acme.com\n"
        #expect(throws: PhraseError.self) { try CSVContacts.read(text) }
        let (cards, _) = try CSVContacts.read(text, overrides: try CSVContacts.overrides(["Person=name", "Mail=email"]))
        #expect(cards.first?.name == "Dana Ruiz" && cards.first?.emails.first?.address == "dana@acme.com")
        #expect(throws: PhraseError.self) { try CSVContacts.overrides(["Person=shoe size"]) }
    }

    @Test("importing the same file twice creates no one")
    func reimport() throws {
        let store = try RapportStore.inMemory()
        let (cards, _) = try CSVContacts.read(Self.salesforce)
        #expect(try store.importCards(cards, dryRun: false, now: at(2026, 11, 24, 9)).created.count == 2)
        let again = try store.importCards(cards, dryRun: false, now: at(2026, 11, 24, 9))
        #expect(again.created.isEmpty && again.unchanged.count == 2)
        #expect(try store.contactCount() == 2)
    }

    @Test("a quote that is never closed stops the reading there and says so")
    func brokenQuote() throws {
        let text = "Name,Email\nDana Ruiz,dana@acme.com\n\"Lee Park,lee@globex.example\n"
        let (cards, problems) = try CSVContacts.read(text)
        #expect(cards.map(\.name) == ["Dana Ruiz"])
        #expect(problems == [VCardProblem(line: 3, message: "a quote is not closed; this row and the rest of the file were not imported")])
        #expect(CSVContacts.unclosedQuoteLine(Self.salesforce) == nil)
        #expect(CSVContacts.unclosedQuoteLine("a,\"b \"\"quoted\"\" c\"\n") == nil)
    }
}
