import Foundation

/// Deals by their fit (1–5, or not rated): how many are open, how the
/// closed ones ended, and the win rate — whether the deals we rate as
/// good for both sides are the ones we win.
public struct FitFigures: Codable, Hashable, Sendable {
    /// 1–5; nil for the deals not rated.
    public var fit: Int?
    /// Open now.
    public var open = 0
    /// Closed (in the period, for a report) each way.
    public var won = 0
    public var lost = 0
    public var notAFit = 0

    public init(fit: Int?, open: Int = 0, won: Int = 0, lost: Int = 0, notAFit: Int = 0) {
        self.fit = fit
        self.open = open
        self.won = won
        self.lost = lost
        self.notAFit = notAFit
    }

    /// Won out of won and lost (not a fit is left out); nil when none closed either way.
    public var winRate: Double? { won + lost == 0 ? nil : Double(won) / Double(won + lost) }

    /// "fit 4", "not rated".
    public var label: String { fit.map { "fit \($0)" } ?? "not rated" }

    enum CodingKeys: String, CodingKey { case fit, open, won, lost, notAFit, winRate }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fit = try container.decodeIfPresent(Int.self, forKey: .fit)
        open = try container.decode(Int.self, forKey: .open)
        won = try container.decode(Int.self, forKey: .won)
        lost = try container.decode(Int.self, forKey: .lost)
        notAFit = try container.decode(Int.self, forKey: .notAFit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fit, forKey: .fit)
        try container.encode(open, forKey: .open)
        try container.encode(won, forKey: .won)
        try container.encode(lost, forKey: .lost)
        try container.encode(notAFit, forKey: .notAFit)
        try container.encode(winRate, forKey: .winRate)
    }
}

/// A deal closed as lost or not a fit, with why.
public struct DealOutcome: Codable, Hashable, Sendable {
    public var dealID: Int64
    public var title: String
    public var account: String
    public var stage: DealStage
    public var fit: Int?
    public var closedOn: CivilDate?
    public var reason: String?
}

/// Deals seen by fit: the open ones, the win rate of each fit, and the
/// deals that were not a fit with their reasons.
public struct DealFitSummary: Codable, Hashable, Sendable {
    /// One row a fit that has any deal, best fit first, the unrated last.
    public var byFit: [FitFigures] = []
    /// Deals closed as not a fit (in the period, for a report), latest first.
    public var notAFit: [DealOutcome] = []

    public init(byFit: [FitFigures] = [], notAFit: [DealOutcome] = []) {
        self.byFit = byFit
        self.notAFit = notAFit
    }

    /// Counts `deals` (with their account's name): every open deal, and the
    /// closed ones whose closing day `counts`.
    public static func of(_ deals: [(deal: Deal, account: String)], counting counts: (CivilDate) -> Bool = { _ in true }) -> DealFitSummary {
        var rows: [Int?: FitFigures] = [:]
        var notAFit: [DealOutcome] = []
        for (deal, account) in deals {
            var row = rows[deal.fit] ?? FitFigures(fit: deal.fit)
            switch deal.stage {
            case .open: row.open += 1
            case .won, .lost, .notAFit:
                guard let closed = deal.closedOn, counts(closed) else { continue }
                switch deal.stage {
                case .won: row.won += 1
                case .lost: row.lost += 1
                default:
                    row.notAFit += 1
                    notAFit.append(DealOutcome(dealID: deal.id!, title: deal.title, account: account, stage: deal.stage, fit: deal.fit,
                                               closedOn: deal.closedOn, reason: deal.closeReason))
                }
            }
            rows[deal.fit] = row
        }
        let byFit = rows.values.sorted { ($0.fit ?? 0) > ($1.fit ?? 0) }
        notAFit.sort { ($0.closedOn?.daysSinceEpoch ?? 0, $0.dealID) > ($1.closedOn?.daysSinceEpoch ?? 0, $1.dealID) }
        return DealFitSummary(byFit: byFit, notAFit: notAFit)
    }
}
