import Foundation
import GRDB

/// A micro-segment of the market ("mid-size logistics, DACH") that accounts
/// are assigned to, rated 1–5 on three axes so the user can see where their
/// relationship effort should go.
public struct Segment: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "segment"

    public var id: Int64?
    public var name: String
    public var notes: String?
    /// How attractive the segment is to us (size, margins, fit with what we sell), 1–5.
    public var attractiveness: Int?
    /// How competitive we are in it (references, product fit, price), 1–5.
    public var competitiveness: Int?
    /// How attractive we are to its buyers (what they say of us), 1–5.
    public var appealToBuyers: Int?
    public var createdAt: Date
    /// What we ONLY can do for the segment's buyers ("We are the ONLY ones that…").
    public var onlyStatement: String?

    public init(id: Int64? = nil, name: String, notes: String? = nil, attractiveness: Int? = nil,
                competitiveness: Int? = nil, appealToBuyers: Int? = nil, createdAt: Date, onlyStatement: String? = nil) {
        self.id = id
        self.name = name
        self.notes = notes
        self.attractiveness = attractiveness
        self.competitiveness = competitiveness
        self.appealToBuyers = appealToBuyers
        self.createdAt = createdAt
        self.onlyStatement = onlyStatement
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Whether all three axes have a rating.
    public var isRated: Bool { attractiveness != nil && competitiveness != nil && appealToBuyers != nil }

    /// Our position in the segment: the mean of how competitive we are and
    /// how attractive we are to its buyers (the grid's vertical axis).
    public var position: Double? {
        guard let competitiveness, let appealToBuyers else { return nil }
        return Double(competitiveness + appealToBuyers) / 2
    }

    /// Where the segment stands on the grid, and so where effort should go.
    public var quadrant: SegmentQuadrant? {
        guard let attractiveness, let position else { return nil }
        switch (attractiveness >= 3, position >= 3) {
        case (true, true): return .invest
        case (true, false): return .build
        case (false, true): return .maintain
        case (false, false): return .deprioritise
        }
    }
}

/// The four regions of the segment grid (attractiveness to us across, our
/// position up), each with the effort it calls for.
public enum SegmentQuadrant: String, Codable, CaseIterable, Sendable {
    /// Attractive, and we are strong there: most of the effort.
    case invest
    /// Attractive, but we are weak: build relationships and references.
    case build
    /// Less attractive, and we are strong: keep the relationships warm at low cost.
    case maintain
    /// Less attractive and we are weak: little effort.
    case deprioritise

    public var advice: String {
        switch self {
        case .invest: return "invest: most of the effort"
        case .build: return "build: grow relationships and references"
        case .maintain: return "maintain: keep warm at low cost"
        case .deprioritise: return "deprioritise: little effort"
        }
    }
}
