import Foundation
import GRDB

/// What a deal is worth to each side: what the client wins, what we win, and
/// the fit (1–5). In an edit, nil leaves a field as it is and an empty text
/// clears it.
public struct DealQualification: Sendable, Equatable {
    public var theirWin: String?
    public var ourWin: String?
    public var fit: Int?

    public init(theirWin: String? = nil, ourWin: String? = nil, fit: Int? = nil) {
        self.theirWin = theirWin
        self.ourWin = ourWin
        self.fit = fit
    }

    public var isEmpty: Bool { theirWin == nil && ourWin == nil && fit == nil }

    func validate() throws {
        if let fit, !Deal.fitRange.contains(fit) { throw StoreError.invalid("a deal's fit is 1 to 5, not \(fit)") }
    }

    func apply(to deal: inout Deal) {
        if let theirWin { deal.theirWin = theirWin.trimmedOrNil }
        if let ourWin { deal.ourWin = ourWin.trimmedOrNil }
        if let fit { deal.fit = fit }
    }
}

extension String {
    /// The text without surrounding blanks, or nil when nothing is left.
    var trimmedOrNil: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension RapportStore {
    @discardableResult
    public func addDeal(accountID: Int64, title: String, buyerTeamSize: Int? = nil,
                        qualification: DealQualification = DealQualification(), now: Date) throws -> Deal {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid("a deal needs a title") }
        if let size = buyerTeamSize, size < 0 { throw StoreError.invalid("a team cannot have fewer than 0 people") }
        try qualification.validate()
        return try write { db in
            guard try Account.exists(db, key: accountID) else { throw StoreError.notFound("no account #\(accountID)") }
            var deal = Deal(accountID: accountID, title: title, buyerTeamSize: buyerTeamSize, createdAt: now)
            qualification.apply(to: &deal)
            try deal.insert(db)
            return deal
        }
    }

    /// Records what each side wins and the fit; the fields not given stay.
    @discardableResult
    public func qualifyDeal(id: Int64, _ qualification: DealQualification) throws -> Deal {
        guard !qualification.isEmpty else { throw StoreError.invalid("give at least one of what they win, what we win, the fit") }
        try qualification.validate()
        return try write { db in
            guard var deal = try Deal.fetchOne(db, key: id) else { throw StoreError.notFound("no deal d\(id)") }
            qualification.apply(to: &deal)
            try deal.update(db)
            return deal
        }
    }

    /// Closes an open deal as won, lost or not a fit, on `day`; a loss or
    /// a not-a-fit keeps its reason.
    @discardableResult
    public func closeDeal(id: Int64, as stage: DealStage, on day: CivilDate, buyerTeamSize: Int? = nil, reason: String? = nil) throws -> Deal {
        guard stage != .open else { throw StoreError.invalid("a deal is closed as won, lost or not a fit") }
        if reason?.trimmedOrNil != nil, stage == .won { throw StoreError.invalid("a reason is kept for a deal lost or not a fit") }
        return try write { db in
            guard var deal = try Deal.fetchOne(db, key: id) else { throw StoreError.notFound("no deal d\(id)") }
            guard deal.stage == .open else { throw StoreError.invalid("deal d\(id) is already \(deal.stage.text)") }
            deal.stage = stage
            deal.closedOn = day
            deal.closeReason = reason?.trimmedOrNil
            if let buyerTeamSize { deal.buyerTeamSize = buyerTeamSize }
            try deal.update(db)
            return deal
        }
    }

    public func deal(id: Int64) throws -> Deal? {
        try read { db in try Deal.fetchOne(db, key: id) }
    }

    /// The deal a user named: `d3` (or `3`), else its title or the only
    /// title containing the words (ignoring case and accents). Several
    /// matches or none are an error naming the candidates or the closest title.
    public func resolveDeal(_ name: String) throws -> Deal {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = trimmed.lowercased().hasPrefix("d") ? String(trimmed.dropFirst()) : trimmed
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let id = Int64(digits), id > 0, let deal = try deal(id: id) else { throw StoreError.notFound("no deal \(trimmed)") }
            return deal
        }
        let wanted = NameMatcher.fold(trimmed)
        guard !wanted.isEmpty else { throw StoreError.invalid("name a deal: d3, or words of its title") }
        let all = try read { db in
            try Row.fetchAll(db, sql: "SELECT d.*, a.name AS accountName FROM deal d JOIN account a ON a.id = d.accountID ORDER BY d.id")
                .map { (deal: try Deal(row: $0), account: (try $0.decode(forColumn: "accountName")) as String) }
        }
        let exact = all.filter { NameMatcher.fold($0.deal.title) == wanted }
        let matches = exact.isEmpty ? all.filter { NameMatcher.fold($0.deal.title).contains(wanted) } : exact
        if matches.count == 1 { return matches[0].deal }
        if matches.count > 1 {
            let list = matches.prefix(8).map { "\($0.deal.ref) \($0.deal.title) (\($0.account), \($0.deal.stage.text))" }.joined(separator: ", ")
            throw StoreError.invalid("'\(name)' matches \(matches.count) deals: \(list)\(matches.count > 8 ? ", …" : ""); name one by d…")
        }
        let closest = all.map { ($0.deal, editDistance(NameMatcher.fold($0.deal.title), wanted)) }
            .filter { $0.1 <= max(2, wanted.count / 4) }.min { $0.1 < $1.1 }?.0
        throw StoreError.notFound("no deal matches '\(name)'" + (closest.map { "; did you mean \($0.ref) \"\($0.title)\"?" }
            ?? (all.isEmpty ? "; add one with: rapport deal add TITLE --account A" : "")))
    }
}
