import Foundation
import RapportCore

/// A piece of a report line in one style.
struct Span {
    var text: String
    var style: CellStyle = []
    var tint: Tint = .normal
}

/// One line of the Report screen: a label in the left column, then spans.
struct ReportLine {
    var label: String
    var spans: [Span]
    var labelStyle: CellStyle = []
    var labelTint: Tint = .muted
    /// A heading starts at the left edge, over the label column.
    var isHeading = false

    static let blank = ReportLine(label: "", spans: [])
    static func heading(_ text: String, _ rest: [Span] = []) -> ReportLine {
        ReportLine(label: "", spans: [Span(text: text, style: [.bold], tint: .accent)] + rest, isHeading: true)
    }
}

/// The Report screen's lines, from the state: a pure function the view
/// draws and the scrolling measures.
enum ReportLayout {
    static func labelWidth(_ state: AppState) -> Int { state.width >= 60 ? 17 : 11 }

    static func lines(_ state: AppState) -> [ReportLine] {
        guard let report = state.report else { return [] }
        let blocks = state.drawsBlocks
        let now = report.current, before = report.previous
        let separator = Span(text: " · ", tint: .muted)
        /// "due 4 ▲3": a figure with its change from the period before.
        func figure(_ name: String, _ current: Int, _ previous: Int?) -> [Span] {
            var spans = [Span(text: name + " ", tint: .muted), Span(text: "\(current)", style: [.bold])]
            if let previous, current != previous {
                spans.append(Span(text: " " + ReportText.trend(current, previous, blocks: blocks), tint: .muted))
            }
            return spans
        }
        func joined(_ groups: [[Span]]) -> [Span] {
            groups.enumerated().flatMap { $0.offset == 0 ? $0.element : [separator] + $0.element }
        }
        func plain(_ text: String) -> [Span] { [Span(text: text, tint: .muted)] }

        var lines: [ReportLine] = [
            .heading("Report card · \(report.period.text)", [Span(text: " · against the \(report.period.days) days before", tint: .muted)]),
            .blank,
        ]
        let notes = now.thankYouNotes
        lines.append(ReportLine(label: "Thank-you notes", spans: joined([
            figure("due", notes.due, before.thankYouNotes.due), figure("sent", notes.sent, before.thankYouNotes.sent),
            plain("on time \(ReportText.part(notes.sentOnTime, of: notes.sent))"),
            plain("median \(ReportText.number(notes.medianDaysToSend)) d to send"),
            figure("owed now", report.standing.thankYouNotesOwed, nil) + plain(" (\(report.standing.thankYouNotesLate) late)"),
        ])))
        let followUps = now.followUps
        lines.append(ReportLine(label: "Follow-ups", spans: joined([
            figure("due", followUps.due, before.followUps.due), figure("kept", followUps.keptOnTime, before.followUps.keptOnTime),
            figure("late", followUps.doneLate, before.followUps.doneLate), figure("open", followUps.stillOpen, nil),
            figure("cancelled", followUps.cancelled, nil), plain("snoozed \(followUps.snoozed) (\(followUps.snoozes)×)"),
        ])))
        lines.append(ReportLine(label: "Touches", spans: joined([
            figure("touches", now.touches.total, before.touches.total), figure("contacts", now.touches.contacts, before.touches.contacts),
            figure("accounts", now.touches.accounts, before.touches.accounts),
        ])))
        lines.append(ReportLine(label: "Meetings", spans: joined([
            figure("held", now.meetings.held, before.meetings.held),
            plain("prepared \(ReportText.part(now.meetings.prepared, of: now.meetings.held))"),
            figure("cancelled", now.meetings.cancelled, nil),
        ])))
        lines.append(ReportLine(label: "Lunches", spans: joined([
            figure("held", now.lunches.held, before.lunches.held), figure("offered", now.lunches.offered, before.lunches.offered),
            figure("declined", now.lunches.declined, nil),
        ])))
        lines.append(ReportLine(label: "Gifts", spans: joined([
            figure("sent", now.gifts.sent, before.gifts.sent), plain("spend " + ReportText.spend(now.spend)),
        ])))
        lines.append(ReportLine(label: "Deals", spans: joined([
            figure("won", now.deals.won, before.deals.won), figure("lost", now.deals.lost, before.deals.lost),
            figure("not a fit", now.deals.notAFit, before.deals.notAFit),
            plain("win rate " + (now.deals.winRate.map(ReportText.percent) ?? "–")), figure("open", report.standing.openDeals, nil),
        ])))
        // Only once fits or reasons are recorded: until then there is nothing to compare.
        for row in report.dealFit.byFit where row.fit != nil {
            lines.append(ReportLine(label: "  " + row.label, spans: joined([
                figure("open", row.open, nil), figure("won", row.won, nil), figure("lost", row.lost, nil), figure("not a fit", row.notAFit, nil),
                plain("win rate " + (row.winRate.map(ReportText.percent) ?? "–")),
            ])))
        }
        for outcome in report.dealFit.notAFit where outcome.reason != nil {
            lines.append(ReportLine(label: "  not a fit", spans: plain("\(outcome.title) · \(outcome.account) · \(outcome.reason!)")))
        }

        // Touches a week, and per tier.
        let weekly = report.weeklyTouches.map(\.count)
        lines.append(.blank)
        lines.append(ReportLine(label: "Touches a week", spans: [
            Span(text: Chart.sparkline(weekly, blocks: blocks), tint: .accent),
            Span(text: "  \(weekly.count) weeks to \(DateText.shortDay(report.period.to)) · most \(weekly.max() ?? 0)", tint: .muted),
        ]))
        let barWidth = max(4, min(30, state.width - labelWidth(state) - 26))
        let tierMaximum = now.touches.byTier.map(\.touches).max() ?? 0
        for tier in now.touches.byTier {
            let bar = Chart.bar(tier.touches, maximum: tierMaximum, width: barWidth, blocks: blocks)
            lines.append(ReportLine(label: "  " + (tier.tier.map { "tier \($0.rawValue)" } ?? "no tier"), spans: [
                Span(text: bar, tint: .accent),
                Span(text: (bar.isEmpty ? "" : " ") + "\(tier.touches)", style: [.bold]),
                Span(text: " · reached \(tier.contactsTouched) of \(tier.contacts)", tint: .muted),
            ]))
        }

        // Heat-map: touches per account by week.
        lines.append(.blank)
        lines.append(.heading("Touches per account by week", [Span(text: "  busiest first", tint: .muted)]))
        lines.append(ReportLine(label: "", spans: [Span(text: weekHeader(report.weeklyTouches), tint: .muted)]))
        let heatMaximum = report.accountWeeks.flatMap(\.counts).max() ?? 0
        if report.accountWeeks.isEmpty { lines.append(ReportLine(label: "", spans: plain("no touches in these weeks"))) }
        for account in report.accountWeeks.prefix(10) {
            let cells = account.counts.map { String(Chart.heat($0, maximum: heatMaximum, blocks: blocks)) }.joined(separator: " ")
            lines.append(ReportLine(label: account.name, spans: [
                Span(text: cells, tint: .accent), Span(text: "  \(account.counts.reduce(0, +))", tint: .muted),
            ], labelTint: .normal))
        }
        if report.accountWeeks.count > 10 {
            lines.append(ReportLine(label: "", spans: plain("and \(report.accountWeeks.count - 10) more accounts")))
        }

        // Where the book stands.
        let standing = report.standing
        lines.append(.blank)
        lines.append(ReportLine(label: "Past cadence", spans: joined([
            figure("contacts", standing.pastCadence.count, nil),
            plain("median \(ReportText.number(standing.medianDaysPastCadence)) d past"),
        ])))
        for lapse in standing.pastCadence.prefix(5) {
            lines.append(ReportLine(label: "", spans: [Span(text: lapse.name), Span(text: " \(lapse.daysPast) d past · every \(lapse.cadenceDays) d", tint: .late)]))
        }
        lines.append(ReportLine(label: "Cold accounts", spans: joined([
            figure("accounts", standing.coldAccounts.count, nil), plain("no touch for \(standing.coldAfterDays) d or more"),
        ])))
        for account in standing.coldAccounts.prefix(5) {
            lines.append(ReportLine(label: "", spans: [Span(text: account.name),
                                                       Span(text: " \(account.daysSinceTouch) d" + (account.lastTouch == nil ? " (never)" : ""), tint: .late)]))
        }
        if !now.spend.isEmpty {
            lines.append(.blank)
            for month in now.spend {
                lines.append(ReportLine(label: "Spend " + ReportText.month(month.month), spans: [
                    Span(text: month.total.description, style: [.bold]),
                    Span(text: "  lunches \(Money(minorUnits: month.lunchesMinorUnits, currency: month.currency)) · gifts \(Money(minorUnits: month.giftsMinorUnits, currency: month.currency))", tint: .muted),
                ]))
            }
        }
        return lines
    }

    /// Month names over the heat-map's columns (two a week), each over the
    /// first week that starts in it, where it does not run into the last.
    static func weekHeader(_ weeks: [WeekCount]) -> String {
        var header = Array(repeating: Character(" "), count: weeks.count * 2)
        var free = 0, lastMonth = 0
        for (index, week) in weeks.enumerated() {
            let month = week.lastDay.adding(days: -6).month
            defer { lastMonth = month }
            guard month != lastMonth, index * 2 >= free else { continue }
            for (offset, character) in DateText.monthAbbreviations[month - 1].enumerated() where index * 2 + offset < header.count {
                header[index * 2 + offset] = character
            }
            free = index * 2 + 4
        }
        return String(header)
    }
}

enum ReportView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard state.report != nil else {
            buffer.put("Computing the report…", x: 2, y: 2, tint: .muted)
            return
        }
        let lines = ReportLayout.lines(state)
        let labelWidth = ReportLayout.labelWidth(state)
        let top = min(state.scroll, max(lines.count - state.bodyHeight, 0))
        for offset in 0..<state.bodyHeight {
            let index = top + offset
            guard lines.indices.contains(index) else { break }
            let line = lines[index], y = 1 + offset
            if !line.label.isEmpty {
                buffer.putPadded(line.label, x: 1, y: y, columns: labelWidth - 1, style: line.labelStyle, tint: line.labelTint)
            }
            let x = line.isHeading ? 1 : labelWidth + 1
            buffer.put(spans: line.spans.map { ($0.text, $0.style, $0.tint) }, x: x, y: y, limit: state.width - 1 - x)
        }
        if lines.count > state.bodyHeight {
            let more = "lines \(top + 1)–\(min(top + state.bodyHeight, lines.count)) of \(lines.count) · j/k scroll"
            buffer.put(more, x: max(1, state.width - TerminalText.width(more) - 1), y: state.height - 2, style: [.dim], tint: .muted)
        }
    }
}
