import Foundation
import GRDB
import Testing
@testable import RapportCore

@Suite("Segments")
struct SegmentTests {
    let now = at(2026, 11, 24, 10)

    @Test("a segment is added once by name (ignoring case and accents), rated 1–5 on each axis")
    func addAndRate() throws {
        let store = try RapportStore.inMemory()
        let segment = try store.addSegment(named: "  Mid-size logistics, DACH ", now: now)
        #expect(segment.name == "Mid-size logistics, DACH" && !segment.isRated && segment.quadrant == nil)
        #expect(throws: StoreError.invalid("there is already a segment 'Mid-size logistics, DACH'")) {
            try store.addSegment(named: "mid-size LOGISTICS, dach", now: now)
        }
        #expect(throws: StoreError.invalid("a segment needs a name")) { try store.addSegment(named: " ", now: now) }
        var rated = try store.rateSegment(id: segment.id!, SegmentRatings(attractiveness: 4))
        #expect(rated.attractiveness == 4 && rated.competitiveness == nil)
        rated = try store.rateSegment(id: segment.id!, SegmentRatings(competitiveness: 2, appealToBuyers: 3))
        #expect(rated.isRated && rated.position == 2.5 && rated.quadrant == .build)
        #expect(throws: StoreError.invalid("competitiveness is rated 1 to 5, not 6")) {
            try store.rateSegment(id: segment.id!, SegmentRatings(competitiveness: 6))
        }
        #expect(throws: StoreError.invalid("give at least one rating (1–5)")) { try store.rateSegment(id: segment.id!, SegmentRatings()) }
        #expect(try store.segment(id: segment.id!) == rated)
    }

    @Test("the grid's quadrants: attractiveness across, our position (competitiveness and appeal) up, 3 and over is high")
    func quadrants() {
        func quadrant(_ a: Int, _ c: Int, _ b: Int) -> SegmentQuadrant? {
            Segment(name: "x", attractiveness: a, competitiveness: c, appealToBuyers: b, createdAt: now).quadrant
        }
        #expect(quadrant(5, 5, 5) == .invest)
        #expect(quadrant(3, 3, 3) == .invest)
        #expect(quadrant(3, 3, 2) == .build)
        #expect(quadrant(2, 4, 2) == .maintain)
        #expect(quadrant(1, 1, 1) == .deprioritise)
    }

    @Test("a segment is found by its name, a unique start of it, or suggested when misspelt")
    func resolve() throws {
        let store = try RapportStore.inMemory()
        #expect(throws: StoreError.notFound("no segment 'x'; add one with: rapport segment add NAME")) { try store.resolveSegment("x") }
        try store.addSegment(named: "Banks, Nordics", now: now)
        try store.addSegment(named: "Banks, Benelux", now: now)
        try store.addSegment(named: "Hospitals, UK", now: now)
        #expect(try store.resolveSegment("hospitals, uk").name == "Hospitals, UK")
        #expect(try store.resolveSegment("Hosp").name == "Hospitals, UK")
        #expect(throws: StoreError.invalid("'banks' matches 2 segments: 'Banks, Benelux', 'Banks, Nordics'; name one in full")) {
            try store.resolveSegment("banks")
        }
        #expect(throws: StoreError.notFound("no segment 'Hospitls, UK'; did you mean 'Hospitals, UK'?")) { try store.resolveSegment("Hospitls, UK") }
    }

    @Test("accounts are assigned to one segment at a time, all or none; removing a segment unassigns its accounts")
    func assign() throws {
        let store = try RapportStore.inMemory()
        let acme = try store.addAccount(named: "Acme", now: now), globex = try store.addAccount(named: "Globex", now: now)
        let banks = try store.addSegment(named: "Banks", now: now), retail = try store.addSegment(named: "Retail", now: now)
        try store.assign(accountIDs: [acme.id!, globex.id!], toSegment: banks.id, now: now)
        #expect(try store.accounts(inSegment: banks.id!).map(\.name) == ["Acme", "Globex"])
        try store.assign(accountIDs: [globex.id!], toSegment: retail.id, now: now)
        #expect(try store.accounts(inSegment: banks.id!).map(\.name) == ["Acme"])
        #expect(throws: StoreError.notFound("no account #99")) { try store.assign(accountIDs: [acme.id!, 99], toSegment: retail.id, now: now) }
        #expect(try store.accounts(inSegment: banks.id!).map(\.name) == ["Acme"]) // unchanged
        try store.removeSegment(id: banks.id!)
        #expect(try store.account(id: acme.id!)?.segmentID == nil)
        #expect(try store.accounts(inSegment: nil).map(\.name) == ["Acme"])
        #expect(try store.accountList(now: now).map(\.segmentName) == [nil, "Retail"])
    }

    @Test("v1's free-text segment names become segments, merged ignoring case and spaces, when the book is upgraded")
    func migrationFromV1() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v1: book, meetings, follow-ups, touches")
        try queue.write { db in
            for (name, segment) in [("Acme", "SMB"), ("Globex", " smb"), ("Initech", "Enterprise"), ("Hooli", nil), ("Stark", "  ")] {
                try db.execute(sql: "INSERT INTO account (name, segment, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
                               arguments: [name, segment, now, now])
            }
            try db.execute(sql: "INSERT INTO lunch (startsAt, state, createdAt) VALUES (?, 'held', ?)", arguments: [now, now])
        }
        try Schema.migrator.migrate(queue)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT a.name, s.name AS segment FROM account a LEFT JOIN segment s ON s.id = a.segmentID ORDER BY a.id")
        }
        #expect(rows.map { $0["segment"] as String? } == ["SMB", "SMB", "Enterprise", nil, nil])
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM segment ORDER BY id") } == ["SMB", "Enterprise"])
        #expect(try queue.read { db in try db.columns(in: "account").contains { $0.name == "segment" } } == false)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lunch WHERE costMinorUnits IS NULL") } == 1)
    }
}
