import Foundation
import GRDB
import Testing
@testable import RapportCore

/// Contacts merged, deleted and archived: one transaction each, undo-able.
@Suite("Contact lifecycle")
struct ContactLifecycleTests {
    let now = at(2026, 3, 2, 9)

    @Test("a merge moves every row naming the other contact, drops duplicates, keeps the earliest touch history, and the other id resolves to the kept")
    func merge() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", account: "Acme", tier: .b, email: "dana@acme.com", added: at(2026, 1, 5, 9))
        let other = try book.contact("Dana Ruis", tier: .a, email: "d.ruiz@gmail.com", added: at(2025, 12, 1, 9))
        try book.followUp("Call", with: [other], on: day(2026, 3, 3), added: now)
        // Both attended one meeting: after the merge, one attendee, one note owed.
        try book.meeting("Kickoff", with: [dana, other], starts: at(2026, 2, 27, 10), added: at(2026, 2, 20, 9))
        book.store.beginChange("merge")
        let merge = try book.store.mergeContact(other.id!, into: dana.id!, now: now)
        #expect(merge.kept.tier == .a)                           // the higher tier of the two
        #expect(merge.kept.createdAt == at(2025, 12, 1, 9))      // known since the earlier of the two
        #expect(merge.kept.latestTouchAt == at(2026, 2, 27, 10)) // the meeting, kept by the touch triggers
        #expect(merge.duplicates >= 2)                           // the second attendee row and note
        #expect(try book.store.emails(ofContact: dana.id!).sorted() == ["d.ruiz@gmail.com", "dana@acme.com"])
        #expect(try book.store.contact(id: other.id!) == nil)
        guard case .found(let found) = try book.store.resolveContact("@\(other.id!)") else { Issue.record("@2 did not resolve"); return }
        #expect(found.id == dana.id)
        let agenda = try book.agenda(at: now)
        #expect(agenda.all.filter { $0.kind == .thankYou }.count == 1)
        #expect(agenda.item("f1")?.contacts.map(\.id) == [dana.id!])
        // One change in the journal, and undo restores both.
        try book.store.undoNewest()
        #expect(try book.store.contact(id: other.id!)?.name == "Dana Ruis")
        #expect(try book.store.emails(ofContact: dana.id!) == ["dana@acme.com"])
        #expect(try book.agenda(at: now).all.filter { $0.kind == .thankYou }.count == 2)
    }

    @Test("a contact with open items is not deleted unless with its items; what was only theirs goes with them")
    func delete() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", added: now)
        let lee = try book.contact("Lee Park", added: now)
        try book.followUp("Only Dana", with: [dana], on: day(2026, 3, 3), added: now)      // f1
        try book.followUp("Dana and Lee", with: [dana, lee], on: day(2026, 3, 3), added: now) // f2
        #expect(try book.store.openItems(ofContact: dana.id!, now: now).refs.map(\.description) == ["f1", "f2"])
        #expect(throws: StoreError.invalid("Dana Ruiz has open items (f1, f2); close them first, or delete with --with-items")) {
            try book.store.deleteContact(dana.id!, withItems: false, now: now)
        }
        let deletion = try book.store.deleteContact(dana.id!, withItems: true, now: now)
        #expect(deletion.itemsDeleted == ["f1"])
        #expect(try book.agenda(at: now).item("f2")?.contacts.map(\.id) == [lee.id!])
        #expect(try book.store.contact(id: dana.id!) == nil)
        try book.store.undoNewest()
        #expect(try book.agenda(at: now).item("f2")?.contacts.count == 2)
        #expect(try book.agenda(at: now).item("f1") != nil)
    }

    @Test("an archived contact leaves the list and the cadences (keeping in touch, lunches) and comes back")
    func archive() throws {
        let book = try TestBook()
        let dana = try book.contact("Dana Ruiz", tier: .a, favourite: true, lunchEvery: 30, added: at(2025, 1, 1, 9))
        let scheduler = Scheduler(calendar: book.calendar)
        #expect(try book.agenda(at: now).all.map(\.kind).sorted { $0.rank < $1.rank } == [.stayInTouch, .lunchDue].sorted { $0.rank < $1.rank })
        try book.store.setArchived(true, contact: dana.id!, now: now)
        #expect(try book.agenda(at: now).all.isEmpty)
        #expect(try book.store.contactList(ContactFilter(), now: now, scheduler: scheduler).isEmpty)
        var archived = ContactFilter()
        archived.archived = true
        #expect(try book.store.contactList(archived, now: now, scheduler: scheduler).map(\.contact.name) == ["Dana Ruiz"])
        #expect(throws: StoreError.self) { try book.store.setArchived(true, contact: dana.id!, now: now) }
        try book.store.setArchived(false, contact: dana.id!, now: now)
        #expect(try book.agenda(at: now).all.count == 2)
    }
}
