import Foundation

/// How a line of a brief is meant to look; each output (a terminal, a
/// pipe, Markdown, the full-screen session) maps it to its own means.
public enum BriefTone: Hashable, Sendable {
    case normal, muted, accent
    /// Something to ask or to do: an unknown field, a deal without a client win.
    case ask
    case late
}

/// One line of a brief, before it is drawn.
public struct BriefLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The first line: what, when, where.
        case title
        /// A section: "Who", "What they need and care about", "Open between you", "Account · Acme", "Prep notes".
        case heading
        /// A person's name within a section.
        case subheading
        /// `label` and `text`: "needs  a second warehouse".
        case field
        /// Free text (notes), possibly several lines.
        case text
        case blank
    }

    public var kind: Kind
    public var label: String
    public var text: String
    public var tone: BriefTone

    public init(_ kind: Kind, _ label: String = "", _ text: String = "", tone: BriefTone = .normal) {
        self.kind = kind
        self.label = label
        self.text = text
        self.tone = tone
    }

    /// The column width of field labels.
    public static let labelWidth = 13
}

/// The brief as lines, in reading order, with dates in the user's zone.
/// The texts are as stored: each output makes them safe for where they go.
public enum BriefLayout {
    public static func lines(_ brief: Brief, now: Date, calendar: LocalCalendar) -> [BriefLine] {
        let today = calendar.day(of: now)
        func day(_ d: CivilDate) -> String { DateText.day(d, relativeToYear: today.year) }
        func instant(_ date: Date) -> String { DateText.due(.instant(date), in: calendar, relativeToYear: today.year) }
        var lines: [BriefLine] = []

        // When, where, who.
        var title = brief.title + " · " + brief.ref
        if let start = brief.startsAt {
            title += " · " + instant(start)
            if let end = brief.endsAt, calendar.day(of: end) == calendar.day(of: start) { title += "–" + calendar.time(of: end).description }
        }
        if let place = brief.place, brief.kind == "meeting" { title += " at " + place }
        lines.append(BriefLine(.title, "", title, tone: .accent))
        if brief.cancelled { lines.append(BriefLine(.field, "status", brief.kind == "lunch" ? "called off" : "cancelled", tone: .late)) }
        if let start = brief.startsAt, !brief.cancelled {
            let days = today.days(until: calendar.day(of: start))
            let when = start <= now ? (days == 0 ? "started today" : "held " + DateText.ago(start, today: today, calendar: calendar))
                : days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
            lines.append(BriefLine(.field, "when", when, tone: .muted))
        }
        if let next = brief.next {
            lines.append(BriefLine(.field, "next", "\(next.ref) \(next.title), \(instant(next.startsAt))"))
        }

        lines.append(.init(.blank))
        lines.append(BriefLine(.heading, "", brief.kind == "account" ? "Team" : "Who", tone: .accent))
        if brief.people.isEmpty { lines.append(BriefLine(.text, "", "no one named yet", tone: .muted)) }
        for person in brief.people {
            var headline = [person.role, person.account].compactMap { $0 }.joined(separator: " at ")
            if let tier = person.tier { headline += (headline.isEmpty ? "" : " · ") + "tier \(tier.rawValue)" }
            if person.favourite { headline += (headline.isEmpty ? "" : " · ") + "★ favourite" }
            lines.append(BriefLine(.subheading, "@\(person.id)", person.name + " @\(person.id)" + (headline.isEmpty ? "" : " · " + headline)))
            let knownDays = calendar.day(of: person.knownSince).days(until: today)
            var known = knownDays < 1 ? "added today" : "\(knownFor(knownDays)), since \(day(calendar.day(of: person.knownSince)))"
            if let channel = person.preferredChannel { known += " · prefers \(channel)" }
            lines.append(BriefLine(.field, "known", known))
            if person.lastTouches.isEmpty { lines.append(BriefLine(.field, "touches", "none yet", tone: .muted)) }
            for (index, touch) in person.lastTouches.enumerated() {
                let what = "\(instant(touch.at)) · \(touch.kind) · \(touch.title)"
                lines.append(BriefLine(.field, index == 0 ? "last touches" : "", what))
                if let outcome = touch.outcome { lines.append(BriefLine(.field, "", "→ " + outcome, tone: .muted)) }
            }
        }
        if brief.morePeople > 0 { lines.append(BriefLine(.text, "", "and \(brief.morePeople) more on the team", tone: .muted)) }

        // What they need, want and care about.
        if !brief.people.isEmpty {
            lines.append(.init(.blank))
            lines.append(BriefLine(.heading, "", "What they need and care about", tone: .accent))
            for person in brief.people {
                lines.append(BriefLine(.subheading, "@\(person.id)", person.name))
                for fact in person.facts {
                    lines.append(BriefLine(.field, fact.label, fact.value ?? "unknown — ask", tone: fact.value == nil ? .ask : .normal))
                }
                if let birthday = person.birthday {
                    let when = birthday.inDays == 0 ? "today" : birthday.inDays == 1 ? "tomorrow" : "in \(birthday.inDays) days"
                    lines.append(BriefLine(.field, "birthday", "\(day(birthday.day)) (\(when)" + (birthday.turns.map { ", turns \($0)" } ?? "") + ")",
                                           tone: .accent))
                }
                if let anniversary = person.anniversary {
                    let when = anniversary.inDays == 0 ? "today" : anniversary.inDays == 1 ? "tomorrow" : "in \(anniversary.inDays) days"
                    let years = anniversary.turns.flatMap { $0 > 0 ? ", \($0) years" : nil } ?? ""
                    lines.append(BriefLine(.field, "anniversary", "\(day(anniversary.day)) (\(when)\(years))", tone: .accent))
                }
                if let notes = person.notes { lines.append(BriefLine(.field, "notes", notes)) }
            }
        }

        // What is open between us.
        lines.append(.init(.blank))
        lines.append(BriefLine(.heading, "", "Open between you", tone: .accent))
        if brief.open.isEmpty { lines.append(BriefLine(.text, "", "nothing promised or owed", tone: .muted)) }
        for followUp in brief.open.followUps {
            let due = DateText.due(followUp.due, in: calendar, relativeToYear: today.year)
            // Whole days late, counted as the agenda counts them: from the day it was due.
            let lateDays = (followUp.dueAt.map { calendar.day(of: $0) } ?? followUp.dueDay).days(until: today)
            let late = followUp.late ? (lateDays > 0 ? "\(lateDays) d late, " : "late, ") : ""
            lines.append(BriefLine(.field, followUp.ref, "promised: \(followUp.title) — \(late)due \(due)"
                                   + (followUp.people.isEmpty ? "" : " · " + followUp.people.joined(separator: ", ")),
                                   tone: followUp.late ? .late : .normal))
        }
        for note in brief.open.thankYouNotes {
            let met = note.metOn.map { " (met \(day($0)))" } ?? ""
            lines.append(BriefLine(.field, note.ref, "thank-you note owed to \(note.to) for \(note.forWhat)\(met) — "
                                   + (note.late ? "late, " : "") + "due \(day(note.dueDay))", tone: note.late ? .late : .normal))
        }
        for gift in brief.open.gifts {
            let parts = ["gift planned: \(gift.description) (\(gift.occasion), \(gift.state.rawValue))",
                         gift.cost?.description, gift.sendBy.map { "send by \(day($0))" },
                         gift.recipients.isEmpty ? nil : "for " + gift.recipients.joined(separator: ", ")]
            lines.append(BriefLine(.field, gift.ref, parts.compactMap { $0 }.joined(separator: " · ")))
        }

        // The accounts.
        for account in brief.accounts {
            lines.append(.init(.blank))
            lines.append(BriefLine(.heading, "", "Account · \(account.name)", tone: .accent))
            if let segment = account.segment {
                func rating(_ value: Int?) -> String { value.map(String.init) ?? "–" }
                lines.append(BriefLine(.field, "segment", segment.name + (segment.quadrant.map { " · " + $0.advice } ?? " · not rated yet")))
                lines.append(BriefLine(.field, "", "attractiveness \(rating(segment.attractiveness)) · competitiveness \(rating(segment.competitiveness))"
                                       + " · appeal \(rating(segment.appealToBuyers))", tone: .muted))
            } else {
                lines.append(BriefLine(.field, "segment", "none yet", tone: .muted))
            }
            if let only = OnlyStatement.effective(segment: account.segment?.onlyStatement, book: brief.bookOnlyStatement) {
                lines.append(BriefLine(.field, "ONLY", only, tone: .accent))
            } else {
                lines.append(BriefLine(.field, "ONLY", "what can only we do for them? — rapport config only-statement \"We are the ONLY …\"", tone: .ask))
            }
            if account.deals.isEmpty { lines.append(BriefLine(.field, "deals", "none yet", tone: .muted)) }
            for (index, deal) in account.deals.enumerated() {
                var text = "\(deal.ref) \(deal.title) · \(deal.stage.text)"
                if let closed = deal.closedOn { text += " \(day(closed))" }
                text += deal.fit.map { " · fit \($0)/5" } ?? " · fit not rated"
                if let reason = deal.reason { text += " · why: \(reason)" }
                lines.append(BriefLine(.field, index == 0 ? "deals" : "", text, tone: deal.stage == .open ? .normal : .muted))
                if deal.stage == .open || deal.theirWin != nil {
                    lines.append(BriefLine(.field, "", "  they win: " + (deal.theirWin ?? "what do they win? — ask"),
                                           tone: deal.theirWin == nil ? .ask : .normal))
                }
                if let ourWin = deal.ourWin { lines.append(BriefLine(.field, "", "  we win: " + ourWin)) }
            }
            if let lunch = account.lastLunch {
                lines.append(BriefLine(.field, "last lunch", "\(instant(lunch.at))" + (lunch.place.map { " at \($0)" } ?? "")
                                       + (lunch.guests.isEmpty ? "" : " with " + lunch.guests.joined(separator: ", "))))
            } else {
                lines.append(BriefLine(.field, "last lunch", "none yet", tone: .muted))
            }
            if let gift = account.lastGift {
                lines.append(BriefLine(.field, "last gift", "\(gift.description) (\(gift.occasion)), sent \(day(gift.sentOn))"
                                       + (gift.recipients.isEmpty ? "" : " to " + gift.recipients.joined(separator: ", "))))
            } else {
                lines.append(BriefLine(.field, "last gift", "none yet", tone: .muted))
            }
            if let notes = account.notes { lines.append(BriefLine(.field, "notes", notes)) }
        }
        if brief.accounts.isEmpty, let only = brief.bookOnlyStatement {
            lines.append(.init(.blank))
            lines.append(BriefLine(.field, "ONLY", only, tone: .accent))
        }

        // The prep notes.
        if let prep = brief.prep {
            lines.append(.init(.blank))
            let done = prep.doneAt.map { " · done \(instant($0))" } ?? (prep.ref == nil ? "" : " · not done yet")
            lines.append(BriefLine(.heading, "", (brief.kind == "lunch" ? "Notes" : "Prep notes") + done, tone: .accent))
            if let notes = prep.notes?.trimmedOrNil {
                for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(BriefLine(.text, "", String(line)))
                }
            } else {
                lines.append(BriefLine(.text, "", "none yet", tone: .muted))
            }
        }
        return lines
    }

    /// "12 days", "3 months", "2 years".
    static func knownFor(_ days: Int) -> String {
        switch days {
        case 1: return "1 day"
        case ..<60: return "\(days) days"
        case ..<730: return "\(days / 30) months"
        default: return "\(days / 365) years"
        }
    }
}
