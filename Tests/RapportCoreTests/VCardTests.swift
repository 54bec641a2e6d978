import Foundation
import GRDB
import Testing
@testable import RapportCore

/// vCard as the common exporters write it, written from the published formats.
@Suite("vCard import and export")
struct VCardTests {
    /// Google Contacts (3.0): folded lines, escaped commas and semicolons, --MMDD birthday.
    static let google = """
        BEGIN:VCARD\r
        VERSION:3.0\r
        FN:Dana Ruiz\r
        N:Ruiz;Dana;;;\r
        EMAIL;TYPE=INTERNET;TYPE=WORK:dana@acme.com\r
        EMAIL;TYPE=INTERNET;TYPE=HOME:dana.ruiz@example.org\r
        TEL;TYPE=CELL:+1 555 0100\r
        ORG:Acme\\, Inc.;Sales\r
        TITLE:VP Sales\r
        BDAY:--0503\r
        NOTE:Prefers calls before 9\\; likes golf\\nTwo kids\r
        CATEGORIES:golf,board\r
        PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwg\r
         JCQnKCQqLjUtLDE0\r
        END:VCARD\r

        """
    /// Apple Contacts (3.0): grouped properties, a folded name.
    static let apple = """
        BEGIN:VCARD
        VERSION:3.0
        PRODID:-//Apple Inc.//macOS 14.0//EN
        N:Ångström;Zoë;;;
        FN:Zoë Ång
         ström
        item1.EMAIL;type=INTERNET;type=pref:zoe@example.com
        item1.X-ABLabel:_$!<Other>!$_
        BDAY:1985-02-28
        END:VCARD
        """
    /// Outlook (2.1): quoted-printable, bare types, no FN.
    static let outlook = """
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen
        ORG:Globex
        EMAIL;PREF;INTERNET:jm@globex.example
        NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond line that goes on and on =
        and continues here
        END:VCARD
        BEGIN:VCARD
        VERSION:3.0
        EMAIL:nobody@example.com
        END:VCARD
        """
    /// Thunderbird (4.0).
    static let thunderbird = """
        BEGIN:VCARD
        VERSION:4.0
        FN:李小龙
        EMAIL;PREF=1:li@example.cn
        TEL;VALUE=TEXT:+86 10 1234
        BDAY:19401127
        END:VCARD
        """

    @Test("every exporter's shape reads as the person it describes")
    func reading() throws {
        let (google, _) = VCardReader.read(Self.google)
        let dana = try #require(google.first)
        #expect(dana.name == "Dana Ruiz")
        #expect(dana.emails.map(\.address) == ["dana@acme.com", "dana.ruiz@example.org"])
        #expect(dana.emails.map(\.type) == ["work", "home"])
        #expect(dana.phones.map(\.number) == ["+1 555 0100"])
        #expect(dana.organisation == "Acme, Inc.")
        #expect(dana.birthday == Birthday(year: nil, month: 5, day: 3))
        #expect(dana.note == "Prefers calls before 9; likes golf\nTwo kids")
        #expect(dana.categories == ["golf", "board"])
        let (apple, _) = VCardReader.read(Self.apple)
        #expect(apple.first?.name == "Zoë Ångström")
        #expect(apple.first?.emails.map(\.address) == ["zoe@example.com"])
        #expect(apple.first?.birthday == Birthday(year: 1985, month: 2, day: 28))
        let (outlook, problems) = VCardReader.read(Self.outlook)
        #expect(outlook.first?.name == "Jürgen Müller")
        #expect(outlook.first?.note == "First line\nSecond line that goes on and on and continues here")
        #expect(outlook.first?.emails.map(\.address) == ["jm@globex.example"])
        // A card with only an email is named by it (Outlook's distribution entries, Gmail's "other contacts").
        #expect(problems.isEmpty && outlook.last?.name == "nobody@example.com")
        let (thunderbird, _) = VCardReader.read(Self.thunderbird)
        #expect(thunderbird.first?.name == "李小龙" && thunderbird.first?.birthday == Birthday(year: 1940, month: 11, day: 27))
    }

    @Test("importing creates, re-importing changes nothing, a new email updates")
    func importing() throws {
        let store = try RapportStore.inMemory()
        let cards = [Self.google, Self.apple, Self.outlook, Self.thunderbird].flatMap { VCardReader.read($0).cards }
        let first = try store.importCards(cards, dryRun: false, now: at(2026, 11, 24, 9))
        #expect(first.created == ["Dana Ruiz", "Zoë Ångström", "Jürgen Müller", "nobody@example.com", "李小龙"])
        let again = try store.importCards(cards, dryRun: false, now: at(2026, 11, 24, 9))
        #expect(again.created.isEmpty && again.updated.isEmpty && again.unchanged.count == 5)
        #expect(try store.contactCount() == 5)
        var more = cards[0]
        more.emails.append((address: "dana@new.example", type: "work"))
        #expect(try store.importCards([more], dryRun: false, now: at(2026, 11, 25, 9)).updated == ["Dana Ruiz"])
        #expect(try store.emails(ofContact: 1).contains("dana@new.example"))
        #expect(try store.findAccount("Acme, Inc.")?.name == "Acme, Inc.")
        // A dry run reports and writes nothing.
        let newcomer = VCard(name: "New Person")
        #expect(try store.importCards([newcomer], dryRun: true, now: at(2026, 11, 25, 9)).created == ["New Person"])
        #expect(try store.contactCount() == 5)
    }

    @Test("export then import changes nothing; the output is valid vCard 4.0")
    func roundTrip() throws {
        let store = try RapportStore.inMemory()
        _ = try BookGenerator(contacts: 150, interactions: 300, seed: 9, now: at(2026, 11, 24, 9)).generate(into: store, calendar: Zone.berlin)
        _ = try store.importCards([Self.google, Self.outlook].flatMap { VCardReader.read($0).cards }, dryRun: false, now: at(2026, 11, 24, 9))
        let text = VCardWriter.write(try store.exportCards())
        for line in text.components(separatedBy: "\r\n").dropLast() { #expect(line.utf8.count <= 75) }
        let (cards, problems) = VCardReader.read(text)
        #expect(problems.isEmpty && cards.count == 153)
        // vCard carries what other tools know; Rapport's own fields (tier, cadences…) travel in its CSV and JSON.
        #expect(cards == (try store.exportCards()).map(\.portable))
        let before = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM contact ORDER BY id").map(\.description) }
        let summary = try store.importCards(cards, dryRun: false, now: at(2026, 12, 1, 9))
        #expect(summary.unchanged.count == 153 && summary.created.isEmpty && summary.updated.isEmpty)
        #expect(try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM contact ORDER BY id").map(\.description) } == before)
    }
}

extension VCard {
    /// The card without the fields only Rapport has.
    var portable: VCard {
        var card = self
        card.tier = nil; card.isFavourite = nil; card.stayInTouchDays = nil; card.lunchCadenceDays = nil
        card.preferredChannel = nil; card.needs = nil; card.wants = nil; card.caresAbout = nil
        card.dietaryNeeds = nil; card.family = nil; card.interests = nil
        return card
    }
}
