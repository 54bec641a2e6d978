import Foundation
import RapportCore

/// The report card as aligned tables for a terminal or a pipe.
struct ReportPrinter {
    let report: ReportCard
    let style: OutputStyle
    /// Whether block characters can be drawn (sparklines, arrows).
    let blocks: Bool
    let top: Int
    let context: CommandContext

    var lines: [String] {
        let now = report.current, before = report.previous
        var lines = [style.bold("Report card · \(report.period.text) (\(report.period.days) days), against \(report.previousPeriod.text)"), ""]
        var rows: [[String]] = []
        func section(_ title: String) { rows.append([style.bold(title), "", "", ""]) }
        func figure(_ label: String, _ current: Int, _ previous: Int, current text: String? = nil, previous previousText: String? = nil) {
            rows.append(["  " + label, text ?? "\(current)", previousText ?? "\(previous)", ReportText.trend(current, previous, blocks: blocks)])
        }
        func text(_ label: String, _ current: String, _ previous: String) { rows.append(["  " + label, current, previous, ""]) }

        section("Thank-you notes")
        figure("due", now.thankYouNotes.due, before.thankYouNotes.due)
        figure("still owed", now.thankYouNotes.stillOwed, before.thankYouNotes.stillOwed)
        figure("waived", now.thankYouNotes.waived, before.thankYouNotes.waived)
        figure("sent", now.thankYouNotes.sent, before.thankYouNotes.sent)
        figure("sent on time", now.thankYouNotes.sentOnTime, before.thankYouNotes.sentOnTime,
               current: ReportText.part(now.thankYouNotes.sentOnTime, of: now.thankYouNotes.sent),
               previous: ReportText.part(before.thankYouNotes.sentOnTime, of: before.thankYouNotes.sent))
        text("median days to send", ReportText.number(now.thankYouNotes.medianDaysToSend), ReportText.number(before.thankYouNotes.medianDaysToSend))

        section("Follow-ups (by the day first promised)")
        figure("due", now.followUps.due, before.followUps.due)
        figure("kept on time", now.followUps.keptOnTime, before.followUps.keptOnTime,
               current: ReportText.part(now.followUps.keptOnTime, of: now.followUps.due),
               previous: ReportText.part(before.followUps.keptOnTime, of: before.followUps.due))
        figure("done late", now.followUps.doneLate, before.followUps.doneLate)
        figure("still open", now.followUps.stillOpen, before.followUps.stillOpen)
        figure("cancelled", now.followUps.cancelled, before.followUps.cancelled)
        figure("snoozed", now.followUps.snoozed, before.followUps.snoozed,
               current: "\(now.followUps.snoozed) (\(now.followUps.snoozes)×)", previous: "\(before.followUps.snoozed) (\(before.followUps.snoozes)×)")

        section("Touches")
        figure("touches", now.touches.total, before.touches.total)
        figure("contacts touched", now.touches.contacts, before.touches.contacts)
        figure("accounts touched", now.touches.accounts, before.touches.accounts)
        for (tier, previous) in zip(now.touches.byTier, before.touches.byTier) {
            let name = tier.tier.map { "tier \($0.rawValue)" } ?? "no tier"
            figure("\(name): touches (contacts reached)", tier.touches, previous.touches,
                   current: "\(tier.touches) (\(tier.contactsTouched)/\(tier.contacts))",
                   previous: "\(previous.touches) (\(previous.contactsTouched)/\(previous.contacts))")
        }

        section("Meetings")
        figure("held", now.meetings.held, before.meetings.held)
        figure("prepared beforehand", now.meetings.prepared, before.meetings.prepared,
               current: ReportText.part(now.meetings.prepared, of: now.meetings.held),
               previous: ReportText.part(before.meetings.prepared, of: before.meetings.held))
        figure("cancelled", now.meetings.cancelled, before.meetings.cancelled)

        section("Lunches and gifts")
        figure("lunches held", now.lunches.held, before.lunches.held)
        figure("lunches offered", now.lunches.offered, before.lunches.offered)
        figure("declined", now.lunches.declined, before.lunches.declined)
        figure("gifts sent", now.gifts.sent, before.gifts.sent)
        text("spend", ReportText.spend(now.spend), ReportText.spend(before.spend))

        section("Deals")
        figure("opened", now.deals.opened, before.deals.opened)
        figure("won", now.deals.won, before.deals.won)
        figure("lost", now.deals.lost, before.deals.lost)
        figure("not a fit (apart from losses)", now.deals.notAFit, before.deals.notAFit)
        text("win rate (won of won + lost)", now.deals.winRate.map(ReportText.percent) ?? "–", before.deals.winRate.map(ReportText.percent) ?? "–")

        lines += TextTable(header: ["", "this period", "before", "change"], rows: rows, rightAligned: [1, 2, 3], style: style).lines
        lines += spendLines + [""] + standingLines + [""] + dealFitLines + weeklyLines + [""] + accountLines + segmentLines
        return lines
    }

    private var spendLines: [String] {
        guard !report.current.spend.isEmpty else { return [] }
        let rows = report.current.spend.map { month in
            [ReportText.month(month.month), month.currency,
             Money(minorUnits: month.lunchesMinorUnits, currency: month.currency).description,
             Money(minorUnits: month.giftsMinorUnits, currency: month.currency).description, month.total.description]
        }
        return [""] + TextTable(header: ["spend", "currency", "lunches", "gifts", "total"], rows: rows, rightAligned: [2, 3, 4], style: style).lines
    }

    private var standingLines: [String] {
        let standing = report.standing
        var lines = [style.bold("Now")]
        lines.append("  thank-you notes owed   \(standing.thankYouNotesOwed) (\(standing.thankYouNotesLate) late)")
        lines.append("  follow-ups open        \(standing.followUpsOpen) (\(standing.followUpsOverdue) overdue)")
        lines.append("  open deals             \(standing.openDeals)")
        lines.append("  past their cadence     \(standing.pastCadence.count) contacts"
                     + (standing.medianDaysPastCadence.map { ", median \(ReportText.number($0)) days past" } ?? ""))
        for lapse in standing.pastCadence.prefix(top) {
            lines.append("    \(TerminalText.safe(lapse.name)) · \(lapse.daysPast) d past (every \(lapse.cadenceDays) d"
                         + (lapse.lastTouch.map { "; last touch \(ago($0, context)))" } ?? "; never touched)"))
        }
        lines.append("  cold accounts          \(standing.coldAccounts.count) (no touch for \(standing.coldAfterDays) days or more)")
        for account in standing.coldAccounts.prefix(top) {
            lines.append("    \(TerminalText.safe(account.name)) · \(account.daysSinceTouch) d"
                         + (account.lastTouch == nil ? " (never touched)" : "") + " · team of \(account.teamSize)")
        }
        return lines
    }

    /// Deals by fit (open now, closed in the period) and the period's not-a-fit outcomes with why.
    private var dealFitLines: [String] {
        let fit = report.dealFit
        guard !fit.byFit.isEmpty else { return [] }
        var lines = [style.bold("Deals by fit") + " · open now, closed \(report.period.text); win rate: won of won + lost"]
        lines += DealTables.fitTable(fit.byFit, style: style).map { "  " + $0 }
        if !fit.notAFit.isEmpty {
            lines.append("  not a fit:")
            for outcome in fit.notAFit.prefix(top) {
                lines.append("    d\(outcome.dealID) \(TerminalText.safe(outcome.title)) · \(TerminalText.safe(outcome.account)) · "
                             + (outcome.reason.map(TerminalText.safe) ?? "no reason given"))
            }
        }
        return lines + [""]
    }

    private var weeklyLines: [String] {
        let counts = report.weeklyTouches.map(\.count)
        guard let first = report.weeklyTouches.first, let last = report.weeklyTouches.last else { return [] }
        let span = "\(DateText.shortDay(first.lastDay.adding(days: -6))) – \(DateText.shortDay(last.lastDay))"
        return [style.bold("Touches a week") + " · \(span)",
                "  \(Chart.sparkline(counts, blocks: blocks))  " + counts.map(String.init).joined(separator: " ")]
    }

    private var accountLines: [String] {
        let accounts = report.current.touches.byAccount.prefix(top)
        guard !accounts.isEmpty, top > 0 else { return [] }
        let maximum = accounts.first?.touches ?? 1
        let rows = accounts.map { account in
            [TerminalText.safe(account.name), "\(account.touches)", Chart.bar(account.touches, maximum: maximum, width: 20, blocks: blocks)]
        }
        return TextTable(header: ["most touched accounts", "touches", ""], rows: rows, rightAligned: [1], style: style).lines + [""]
    }

    private var segmentLines: [String] {
        report.segments.isEmpty ? [] : SegmentTable.lines(report.segments, style: style)
    }
}
