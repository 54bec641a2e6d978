import Foundation
import Testing
@testable import RapportCore

@Suite("Generated book topped up with open follow-ups")
struct BookGeneratorTopUpTests {
    let now = at(2026, 11, 24, 9)

    func book() throws -> (RapportStore, BookGenerator) {
        let store = try RapportStore.inMemory()
        let generator = BookGenerator(contacts: 50, interactions: 300, seed: 5, now: now)
        _ = try generator.generate(into: store, calendar: Zone.berlin)
        return (store, generator)
    }

    func items(_ store: RapportStore) throws -> [AgendaItem] {
        try Scheduler(calendar: Zone.berlin).agenda(from: store, now: now, upcomingDays: 3_660).all
    }

    @Test("adds exactly that many open follow-ups, spread around today, each with a contact of the book")
    func topUp() throws {
        let (store, generator) = try book()
        let before = try items(store)
        try generator.addOpenFollowUps(400, into: store, calendar: Zone.berlin)
        let after = try items(store)
        #expect(after.count == before.count + 400)
        let added = Set(after.map(\.ref)).subtracting(before.map(\.ref))
        let new = after.filter { added.contains($0.ref) }
        #expect(new.count == 400 && new.allSatisfy { $0.kind == .followUp && $0.contacts.count == 1 })
        #expect(new.allSatisfy { (1...50).contains($0.contacts[0].id) })
        let late = new.filter(\.isOverdue).count
        #expect((20...70).contains(late)) // a tenth
        #expect(new.contains { if case .instant = $0.due { true } else { false } })
        #expect(new.allSatisfy { $0.dueDay <= CivilDate(iso: "2027-03-24")! })
    }

    @Test("the same seed adds the same follow-ups; nothing of it is in the undo journal")
    func deterministic() throws {
        let (first, generator) = try book()
        let (second, _) = try book()
        let changes = try first.changes()
        try generator.addOpenFollowUps(30, into: first, calendar: Zone.berlin)
        try generator.addOpenFollowUps(30, into: second, calendar: Zone.berlin)
        func described(_ store: RapportStore) throws -> [String] {
            try items(store).map { "\($0.ref) \($0.title) \($0.due) \($0.contacts.map(\.id))" }
        }
        #expect(try described(first) == described(second))
        #expect(try first.changes().map(\.id) == changes.map(\.id))
    }
}
