import Foundation

/// Writes the agenda as an iCalendar file (RFC 5545) that calendar
/// applications can import or subscribe to: scheduled meetings and lunches
/// as events, everything owed as to-dos with their due date. UIDs are the
/// items' references, so a re-import updates instead of duplicating. Times
/// are written in UTC; date-only items as dates. Written by hand because no
/// listed Swift package writes iCalendar.
public struct ICalendarWriter: Sendable {
    public var calendar: LocalCalendar
    /// How long an event lasts when its end is not known.
    public var eventLength: TimeInterval = 3600

    public init(calendar: LocalCalendar) {
        self.calendar = calendar
    }

    /// The file: CRLF line ends, lines folded at 75 octets.
    public func write(_ agenda: Agenda, now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport//Rapport//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Rapport"]
        for item in agenda.all {
            let uid = "UID:\(item.ref)@rapport"
            let stamp = "DTSTAMP:" + ICalendarWriter.utc(now)
            let description = [AgendaText.people(item), item.detail].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
            switch (item.kind, item.due) {
            case (.meeting, .instant(let start)), (.lunch, .instant(let start)):
                lines += ["BEGIN:VEVENT", uid, stamp, "DTSTART:" + ICalendarWriter.utc(start),
                          "DTEND:" + ICalendarWriter.utc(start.addingTimeInterval(eventLength)),
                          "SUMMARY:" + ICalendarWriter.text(item.title)]
                if !description.isEmpty { lines.append("DESCRIPTION:" + ICalendarWriter.text(description)) }
                lines.append("END:VEVENT")
            default:
                let due: String
                switch item.due {
                case .day(let day): due = "DUE;VALUE=DATE:" + day.iso.replacingOccurrences(of: "-", with: "")
                case .instant(let instant): due = "DUE:" + ICalendarWriter.utc(instant)
                }
                lines += ["BEGIN:VTODO", uid, stamp, due, "STATUS:NEEDS-ACTION",
                          "SUMMARY:" + ICalendarWriter.text(item.kind.label.capitalizedFirst + ": " + item.title)]
                if !description.isEmpty { lines.append("DESCRIPTION:" + ICalendarWriter.text(description)) }
                if item.isOverdue { lines.append("PRIORITY:1") }
                lines.append("END:VTODO")
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(ContentLine.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261127T130000Z`.
    static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let second = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.iso.replacingOccurrences(of: "-", with: "") + "T" + two(second / 3600) + two(second % 3600 / 60) + two(second % 60) + "Z"
    }

    /// A TEXT value: backslash, semicolon, comma and newline escaped;
    /// other control characters shown as placeholders (TEXT allows none).
    static func text(_ value: String) -> String {
        ContentLine.escape(value, showingControls: true)
    }
}

extension String {
    /// "thank-you" → "Thank-you".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
