import Foundation
import GRDB
import Testing
@testable import RapportCore

/// The daily workflow's rules (issue 14): team gifts, and the rest.
@Suite("Workflow")
struct WorkflowTests {
    let added = at(2026, 3, 2, 9)

    /// Globex with three people and a deal won on Monday 2 March with a team of 12.
    func globex(_ book: TestBook) throws -> (account: Account, deal: Deal, team: [Contact]) {
        let team = try ["Ann", "Bo", "Cy"].map { try book.contact("\($0) Globex", account: "Globex", added: added) }
        let account = try book.store.resolveAccount("globex")
        let deal = try book.store.addDeal(accountID: account.id!, title: "Fleet tracking rollout", now: added)
        try book.store.closeDeal(id: deal.id!, as: .won, on: day(2026, 3, 2), buyerTeamSize: 12)
        return (account, deal, team)
    }

    @Test("a gift planned for the account's team settles its team-gift suggestion; sent, it counts once and touches each once")
    func teamGiftSettlesSuggestion() throws {
        let book = try TestBook()
        let (account, deal, team) = try globex(book)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") != nil)
        let gift = try book.store.addGift(Gift(accountID: account.id, occasion: "closed deal", description: "Cheese basket",
                                               sendBy: day(2026, 3, 6), createdAt: added), recipientIDs: [])
        #expect(gift.dealID == deal.id)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") == nil)
        #expect(throws: StoreError.self) {
            try book.store.complete([ItemRef(.giftSuggestion, deal.id!)], now: added, calendar: book.calendar)
        }
        _ = try book.store.complete([gift.ref], now: at(2026, 3, 5, 10), calendar: book.calendar)
        let card = try book.store.reportCard(for: try ReportPeriod(from: day(2026, 3, 1), to: day(2026, 3, 31)),
                                             now: at(2026, 3, 5, 11), calendar: book.calendar)
        #expect(card.current.gifts.sent == 1)
        let touches = try book.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM touch WHERE kind = 'gift'")!
        }
        #expect(touches == team.count)
    }

    @Test("a gift to every member of the team, one by one, settles it too; a gift to some of them does not")
    func everyMemberSettles() throws {
        let book = try TestBook()
        let (_, deal, team) = try globex(book)
        let some = try book.store.addGift(Gift(occasion: "thanks", description: "Wine", createdAt: added), recipientIDs: [team[0].id!])
        #expect(some.dealID == nil)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") != nil)
        let all = try book.store.addGift(Gift(occasion: "closed deal", description: "Chocolates", createdAt: added),
                                         recipientIDs: team.map { $0.id! })
        #expect(all.dealID == deal.id)
        #expect(try book.agenda(at: added).item("gd\(deal.id!)") == nil)
    }
}
