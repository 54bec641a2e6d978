import Foundation
import GRDB

/// The ratings to change on a segment; nil leaves an axis as it is.
public struct SegmentRatings: Sendable, Equatable {
    public var attractiveness: Int?
    public var competitiveness: Int?
    public var appealToBuyers: Int?

    public init(attractiveness: Int? = nil, competitiveness: Int? = nil, appealToBuyers: Int? = nil) {
        self.attractiveness = attractiveness
        self.competitiveness = competitiveness
        self.appealToBuyers = appealToBuyers
    }

    public var isEmpty: Bool { attractiveness == nil && competitiveness == nil && appealToBuyers == nil }
}

extension RapportStore {
    /// Adds a segment. Its name must not be taken (ignoring case and accents).
    @discardableResult
    public func addSegment(named name: String, notes: String? = nil, ratings: SegmentRatings = SegmentRatings(),
                           now: Date) throws -> Segment {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid("a segment needs a name") }
        try Self.validate(ratings)
        return try write { db in
            let folded = NameMatcher.fold(name)
            if let taken = try Segment.fetchAll(db).first(where: { NameMatcher.fold($0.name) == folded }) {
                throw StoreError.invalid("there is already a segment '\(taken.name)'")
            }
            var segment = Segment(name: name, notes: notes, attractiveness: ratings.attractiveness,
                                  competitiveness: ratings.competitiveness, appealToBuyers: ratings.appealToBuyers, createdAt: now)
            try segment.insert(db)
            return segment
        }
    }

    public func segment(id: Int64) throws -> Segment? {
        try read { db in try Segment.fetchOne(db, key: id) }
    }

    /// Every segment, by name.
    public func segments() throws -> [Segment] {
        try read { db in try Segment.order(sql: "name COLLATE NOCASE").fetchAll(db) }
    }

    /// The segment a user named: its exact name (ignoring case and accents),
    /// else the only one the words start, else an error naming the candidates
    /// or the closest name.
    public func resolveSegment(_ name: String) throws -> Segment {
        let all = try segments()
        switch NameResolver.resolve(name.trimmingCharacters(in: .whitespacesAndNewlines), among: all, name: \.name) {
        case .found(let segment):
            return segment
        case .ambiguous(let candidates):
            throw StoreError.invalid("'\(name)' matches \(candidates.count) segments: "
                                     + candidates.map { "'\($0.name)'" }.joined(separator: ", ") + "; name one in full")
        case .notFound(let closest):
            throw StoreError.notFound("no segment '\(name)'" + (closest.map { "; did you mean '\($0.name)'?" }
                ?? (all.isEmpty ? "; add one with: rapport segment add NAME" : "")))
        }
    }

    /// Changes the ratings given; the others stay.
    @discardableResult
    public func rateSegment(id: Int64, _ ratings: SegmentRatings) throws -> Segment {
        guard !ratings.isEmpty else { throw StoreError.invalid("give at least one rating (1–5)") }
        try Self.validate(ratings)
        return try write { db in
            guard var segment = try Segment.fetchOne(db, key: id) else { throw StoreError.notFound("no segment #\(id)") }
            if let value = ratings.attractiveness { segment.attractiveness = value }
            if let value = ratings.competitiveness { segment.competitiveness = value }
            if let value = ratings.appealToBuyers { segment.appealToBuyers = value }
            try segment.update(db)
            return segment
        }
    }

    /// Renames a segment, changes its notes or its ratings (those given; the
    /// others stay): one change.
    @discardableResult
    public func editSegment(id: Int64, name: String? = nil, notes: String?? = nil, ratings: SegmentRatings = SegmentRatings()) throws -> Segment {
        try Self.validate(ratings)
        return try write { db in
            guard var segment = try Segment.fetchOne(db, key: id) else { throw StoreError.notFound("no segment #\(id)") }
            if let name {
                let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty else { throw StoreError.invalid("a segment needs a name") }
                if let taken = try Segment.fetchAll(db).first(where: { $0.id != id && NameMatcher.fold($0.name) == NameMatcher.fold(name) }) {
                    throw StoreError.invalid("there is already a segment '\(taken.name)'")
                }
                segment.name = name
            }
            if let notes { segment.notes = notes }
            if let value = ratings.attractiveness { segment.attractiveness = value }
            if let value = ratings.competitiveness { segment.competitiveness = value }
            if let value = ratings.appealToBuyers { segment.appealToBuyers = value }
            try segment.update(db)
            return segment
        }
    }

    /// Removes a segment; its accounts stay, unassigned.
    public func removeSegment(id: Int64) throws {
        try write { db in
            guard try Segment.deleteOne(db, key: id) else { throw StoreError.notFound("no segment #\(id)") }
        }
    }

    /// Puts accounts in a segment (an account is in at most one), or takes
    /// them out of theirs with `segmentID` nil; `removing` takes accounts
    /// out in the same change. All or none are changed.
    public func assign(accountIDs: [Int64], toSegment segmentID: Int64?, removing: [Int64] = [], now: Date) throws {
        try write { db in
            if let segmentID, try !Segment.exists(db, key: segmentID) { throw StoreError.notFound("no segment #\(segmentID)") }
            for id in removing {
                guard var account = try Account.fetchOne(db, key: id) else { throw StoreError.notFound("no account #\(id)") }
                account.segmentID = nil
                account.updatedAt = now
                try account.update(db)
            }
            for id in accountIDs {
                guard var account = try Account.fetchOne(db, key: id) else { throw StoreError.notFound("no account #\(id)") }
                account.segmentID = segmentID
                account.updatedAt = now
                try account.update(db)
            }
        }
    }

    /// The accounts in a segment, by name; with nil, those in none.
    public func accounts(inSegment id: Int64?) throws -> [Account] {
        try read { db in
            try Account.filter(Column("segmentID") == id).order(sql: "name COLLATE NOCASE").fetchAll(db)
        }
    }

    private static func validate(_ ratings: SegmentRatings) throws {
        for (axis, value) in [("attractiveness", ratings.attractiveness), ("competitiveness", ratings.competitiveness),
                              ("appeal", ratings.appealToBuyers)] {
            if let value, !(1...5).contains(value) {
                throw StoreError.invalid("\(axis) is rated 1 to 5, not \(value)")
            }
        }
    }
}
