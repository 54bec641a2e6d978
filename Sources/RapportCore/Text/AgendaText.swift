import Foundation

/// How agenda items read in lists, the same in the shell and on the screen.
public enum AgendaText {
    /// When an item is due, relative to the agenda: "3 d late", "2 h late",
    /// "today", "14:00", "Fri 27 Nov", "Fri 27 Nov 14:00".
    public static func when(_ item: AgendaItem, in agenda: Agenda, calendar: LocalCalendar) -> String {
        if item.isOverdue {
            if item.overdueDays > 0 { return "\(item.overdueDays) d late" }
            let minutes = Int(agenda.now.timeIntervalSince(item.due.deadline(in: calendar)) / 60)
            return minutes >= 60 ? "\(minutes / 60) h late" : "\(max(minutes, 1)) min late"
        }
        switch item.due {
        case .day(let day):
            return day == agenda.today ? "today" : DateText.day(day, relativeToYear: agenda.today.year)
        case .instant(let instant):
            let time = DateText.time(calendar.time(of: instant))
            return item.dueDay == agenda.today ? time
                : DateText.day(item.dueDay, relativeToYear: agenda.today.year) + " " + time
        }
    }

    /// The people and account: "Dana Ruiz, Lee Park · Acme".
    public static func people(_ item: AgendaItem) -> String {
        let names = item.contacts.map(\.name).joined(separator: ", ")
        guard let account = item.account else { return names }
        return names.isEmpty ? account : names + " · " + account
    }

    /// The title with its context: "Keep in touch — every 30 d; last touch Mon 12 Oct".
    public static func title(_ item: AgendaItem) -> String {
        item.detail.map { item.title + " — " + $0 } ?? item.title
    }

    /// The item's due value in ISO 8601: `2026-11-20` for a day,
    /// `2026-11-20T14:00:00+01:00` for an instant, in the user's zone.
    public static func iso(_ due: Due, calendar: LocalCalendar) -> String {
        switch due {
        case .day(let day): return day.iso
        case .instant(let instant):
            let offset = calendar.timeZone.secondsFromGMT(for: instant)
            let local = instant.addingTimeInterval(TimeInterval(offset))
            let seconds = Int(floor(local.timeIntervalSince1970))
            let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
            let day = CivilDate(daysSinceEpoch: Int(floor(Double(seconds) / 86_400)))
            let sign = offset < 0 ? "-" : "+"
            let magnitude = abs(offset)
            return day.iso + "T" + two(secondOfDay / 3600) + ":" + two(secondOfDay % 3600 / 60) + ":" + two(secondOfDay % 60)
                + sign + two(magnitude / 3600) + ":" + two(magnitude % 3600 / 60)
        }
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
