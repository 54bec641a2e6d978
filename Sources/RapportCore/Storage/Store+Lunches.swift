import Foundation
import GRDB

extension RapportStore {
    /// Stores a lunch with people, creating the new ones in the same transaction.
    public func addLunch(people: People, startsAt: Date?, place: String? = nil, state: LunchState = .offered,
                         notes: String? = nil, cost: Money? = nil, now: Date) throws -> (Lunch, [Contact]) {
        guard !people.isEmpty else { throw StoreError.invalid("a lunch needs at least one guest") }
        return try write { db in
            let (ids, created) = try RapportStore.materialize(people, now: now, db)
            return (try RapportStore.insertLunch(guestIDs: ids, startsAt: startsAt, place: place, state: state, notes: notes,
                                                 cost: cost, now: now, db), created)
        }
    }

    /// Stores a lunch with guests; a lunch stored as held touches each guest.
    @discardableResult
    public func addLunch(guestIDs: [Int64], startsAt: Date?, place: String? = nil, state: LunchState = .offered,
                         notes: String? = nil, cost: Money? = nil, now: Date) throws -> Lunch {
        guard !guestIDs.isEmpty else { throw StoreError.invalid("a lunch needs at least one guest") }
        return try write { db in
            try RapportStore.insertLunch(guestIDs: guestIDs, startsAt: startsAt, place: place, state: state, notes: notes,
                                         cost: cost, now: now, db)
        }
    }

    /// The one way a lunch is stored: the lunch and its guests; a lunch
    /// stored as held touches each guest at its time.
    static func insertLunch(guestIDs: [Int64], startsAt: Date?, place: String?, accountID: Int64? = nil, state: LunchState,
                            notes: String?, cost: Money?, now: Date, _ db: Database) throws -> Lunch {
        try requireContacts(guestIDs, db)
        var lunch = Lunch(startsAt: startsAt, place: place, accountID: accountID, state: state, notes: notes, cost: cost, createdAt: now)
        try lunch.insert(db)
        for contactID in uniqued(guestIDs) {
            try LunchGuest(lunchID: lunch.id!, contactID: contactID).insert(db)
        }
        if state == .held { try touchGuests(of: lunch, at: startsAt ?? now, db) }
        return lunch
    }

    public func lunch(id: Int64) throws -> Lunch? {
        try read { db in try Lunch.fetchOne(db, key: id) }
    }

    /// Moves a lunch along offered → accepted → held (or declined / cancelled);
    /// a held lunch can be given what it cost.
    @discardableResult
    public func setLunchState(id: Int64, to state: LunchState, cost: Money? = nil, now: Date) throws -> Lunch {
        try write { db in try RapportStore.setLunchState(id: id, to: state, cost: cost, now: now, db) }
    }

    static func setLunchState(id: Int64, to state: LunchState, cost: Money? = nil, now: Date, _ db: Database) throws -> Lunch {
        if cost != nil && state != .held { throw StoreError.invalid("only a held lunch has a cost") }
        guard var lunch = try Lunch.fetchOne(db, key: id) else { throw StoreError.notFound("no lunch l\(id)") }
        let allowed: [LunchState: Set<LunchState>] = [
            .offered: [.accepted, .held, .declined, .cancelled],
            .accepted: [.held, .cancelled, .declined],
        ]
        guard allowed[lunch.state]?.contains(state) == true else {
            throw StoreError.invalid("lunch l\(id) is \(lunch.state.rawValue); it cannot become \(state.rawValue)")
        }
        lunch.state = state
        if let cost {
            lunch.costMinorUnits = cost.minorUnits
            lunch.currency = cost.currency
        }
        if state == .held {
            if lunch.startsAt == nil || lunch.startsAt! > now { lunch.startsAt = now }
            try touchGuests(of: lunch, at: lunch.startsAt!, db)
        }
        try lunch.update(db)
        return lunch
    }

    static func touchGuests(of lunch: Lunch, at: Date, _ db: Database) throws {
        let guests = try Int64.fetchAll(db, sql: "SELECT contactID FROM lunchGuest WHERE lunchID = ?", arguments: [lunch.id])
        try recordTouches(guests, at: at, from: .lunch(lunch.id!), db)
    }
}
