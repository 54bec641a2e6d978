import Foundation

/// Writes the agenda as an iCalendar file (RFC 5545) that calendar
/// applications can import or subscribe to: scheduled meetings and lunches
/// as events (with their place, end and attendees), everything owed as
/// to-dos with their due date, and what was done lately as completed
/// to-dos. UIDs are the items' references with the book's identifier
/// (`f12-<book>@rapport`), so a re-import updates instead of duplicating and
/// two books in one calendar never overwrite each other. Times are written
/// in UTC; date-only items as dates. Written by hand because no listed Swift
/// package writes iCalendar.
public struct ICalendarWriter: Sendable {
    public var calendar: LocalCalendar
    /// How long a meeting lasts when its end is not known.
    public var meetingLength: TimeInterval = 3600
    /// How long a lunch lasts.
    public var lunchLength: TimeInterval = 90 * 60
    /// Whether events and open to-dos carry a reminder.
    public var reminders = true
    /// How long before an event its reminder goes off.
    public var reminderLead: TimeInterval = 15 * 60
    /// The local hour a date-only to-do's reminder goes off on its day.
    public var reminderHour = 9
    /// When set, times are written as local times in this zone (`TZID`)
    /// with the zone's VTIMEZONE, so a calendar keeps a 09:00 meeting at
    /// 09:00 across a change of the clocks; else in UTC.
    public var localZone: TimeZone?

    public init(calendar: LocalCalendar) {
        self.calendar = calendar
    }

    /// The writer as the book's rules set it (`meeting-minutes`, `reminders`).
    public init(calendar: LocalCalendar, rules: SchedulerRules) {
        self.calendar = calendar
        self.meetingLength = TimeInterval(rules.meetingMinutes * 60)
        self.reminders = rules.calendarReminders
    }

    /// The file: CRLF line ends, lines folded at 75 octets.
    public func write(_ agenda: Agenda, details: CalendarDetails, now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport//Rapport//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Rapport"]
        let stamp = "DTSTAMP:" + ICalendarWriter.utc(now)
        for item in agenda.all {
            lines += component(item, details: details, stamp: stamp, now: now)
        }
        for item in details.completed {
            let head = [uid(item.ref, details), stamp]
            let summary = ICalendarWriter.summary(item.ref.kind, title: item.title, people: item.contacts.map(\.name), account: nil)
            switch item.ref.kind {
            case .meeting, .lunch:
                lines += event(item.ref, start: item.completedAt, summary: summary, description: "", people: item.contacts,
                               details: details, head: head, status: "CONFIRMED", alarm: false)
            default:
                lines += ["BEGIN:VTODO"] + head
                if let due = item.due { lines.append(self.due(due)) }
                lines += ["STATUS:COMPLETED", "COMPLETED:" + ICalendarWriter.utc(item.completedAt), "PERCENT-COMPLETE:100",
                          "SUMMARY:" + ICalendarWriter.text(summary)]
                lines += attendees(item.contacts, details)
                lines.append("END:VTODO")
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(ContentLine.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// One open item as a calendar object of its own (a CalDAV resource
    /// holds one component): a VEVENT or a VTODO, with the VTIMEZONE its
    /// times name. `stamp` is DTSTAMP (a sync passes a fixed one, so that
    /// an unchanged item writes the same text).
    public func object(for item: AgendaItem, details: CalendarDetails, stamp: Date, now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport//Rapport//EN", "CALSCALE:GREGORIAN"]
        if let zone = localZone, case .instant(let instant) = item.due {
            lines += ICalendarWriter.timeZone(zone, around: instant)
        }
        lines += component(item, details: details, stamp: "DTSTAMP:" + ICalendarWriter.utc(stamp), now: now)
        lines.append("END:VCALENDAR")
        return lines.map(ContentLine.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func component(_ item: AgendaItem, details: CalendarDetails, stamp: String, now: Date) -> [String] {
        let head = [uid(item.ref, details), stamp]
        let summary = ICalendarWriter.summary(item.kind, title: item.title, people: item.contacts.map(\.name), account: item.account)
        let description = [AgendaText.people(item), item.detail].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        switch (item.kind, item.due) {
        case (.meeting, .instant(let start)), (.lunch, .instant(let start)):
            return event(item.ref, start: start, summary: summary, description: description, people: item.contacts,
                         details: details, head: head, status: "CONFIRMED", alarm: reminders && start > now)
        default:
            var lines = ["BEGIN:VTODO"] + head + [due(item.due), "STATUS:NEEDS-ACTION", "SUMMARY:" + ICalendarWriter.text(summary)]
            if !description.isEmpty { lines.append("DESCRIPTION:" + ICalendarWriter.text(description)) }
            lines += attendees(item.contacts, details)
            if item.isOverdue { lines.append("PRIORITY:1") }
            if reminders { lines += todoAlarm(item.due, summary: summary) }
            lines.append("END:VTODO")
            return lines
        }
    }

    /// A calendar object this writer wrote, marked finished: its STATUS set
    /// to COMPLETED (with when) or CANCELLED, its reminders dropped.
    public static func marked(_ object: String, completedAt: Date?) -> String {
        var lines: [String] = []
        var inAlarm = false
        var component = ""
        for line in object.components(separatedBy: "\r\n") {
            if line == "BEGIN:VALARM" { inAlarm = true; continue }
            if line == "END:VALARM" { inAlarm = false; continue }
            if inAlarm || line.hasPrefix("PRIORITY:") || line.hasPrefix("COMPLETED:") || line.hasPrefix("PERCENT-COMPLETE:") { continue }
            if line == "BEGIN:VTODO" || line == "BEGIN:VEVENT" { component = String(line.dropFirst(6)) }
            if line.hasPrefix("STATUS:") {
                if let completedAt, component == "VTODO" {
                    lines += ["STATUS:COMPLETED", "COMPLETED:" + utc(completedAt), "PERCENT-COMPLETE:100"]
                } else {
                    lines.append("STATUS:CANCELLED")
                }
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\r\n")
    }

    /// `DTSTART:20261130T080000Z`, or with `localZone`, `DTSTART;TZID=Europe/Berlin:20261130T090000`.
    private func dateTime(_ property: String, _ instant: Date) -> String {
        guard let zone = localZone else { return property + ":" + ICalendarWriter.utc(instant) }
        return property + ";TZID=" + zone.identifier + ":" + ICalendarWriter.local(instant, offset: zone.secondsFromGMT(for: instant))
    }

    /// `20261130T090000`: the wall-clock time at `offset` seconds from UTC.
    static func local(_ instant: Date, offset: Int) -> String {
        String(utc(instant.addingTimeInterval(TimeInterval(offset))).dropLast())
    }

    /// The zone's VTIMEZONE: each change of the clocks from a year before
    /// `instant` to two years after it as an observance of its own (as
    /// RFC 5545 allows), after the offset in force at the start.
    static func timeZone(_ zone: TimeZone, around instant: Date) -> [String] {
        func offset(_ seconds: Int) -> String {
            let sign = seconds < 0 ? "-" : "+"
            let minutes = abs(seconds) / 60
            return sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
        }
        let start = instant.addingTimeInterval(-366 * 86_400)
        let end = instant.addingTimeInterval(2 * 366 * 86_400)
        let first = zone.secondsFromGMT(for: start)
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier,
                     "BEGIN:STANDARD", "DTSTART:" + local(start, offset: first), "TZOFFSETFROM:" + offset(first),
                     "TZOFFSETTO:" + offset(first), "END:STANDARD"]
        var cursor = start
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < end {
            let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:" + kind, "DTSTART:" + local(change, offset: from), "TZOFFSETFROM:" + offset(from),
                      "TZOFFSETTO:" + offset(to)]
            lines.append("END:" + kind)
            cursor = change
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private func uid(_ ref: ItemRef, _ details: CalendarDetails) -> String {
        "UID:\(ref)-\(details.bookID)@rapport"
    }

    private func event(_ ref: ItemRef, start: Date, summary: String, description: String, people: [ContactSummary],
                       details: CalendarDetails, head: [String], status: String, alarm: Bool) -> [String] {
        let end = details.ends[ref].flatMap { $0 > start ? $0 : nil }
            ?? start.addingTimeInterval(ref.kind == .lunch ? lunchLength : meetingLength)
        var lines = ["BEGIN:VEVENT"] + head + [dateTime("DTSTART", start), dateTime("DTEND", end),
                                               "SUMMARY:" + ICalendarWriter.text(summary), "STATUS:" + status]
        if let place = details.places[ref] { lines.append("LOCATION:" + ICalendarWriter.text(place)) }
        if !description.isEmpty { lines.append("DESCRIPTION:" + ICalendarWriter.text(description)) }
        lines += attendees(people, details)
        if alarm {
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ICalendarWriter.text(summary),
                      "TRIGGER:-PT\(Int(reminderLead / 60))M", "END:VALARM"]
        }
        lines.append("END:VEVENT")
        return lines
    }

    private func due(_ due: Due) -> String {
        switch due {
        case .day(let day): return "DUE;VALUE=DATE:" + day.iso.replacingOccurrences(of: "-", with: "")
        case .instant(let instant): return dateTime("DUE", instant)
        }
    }

    /// A to-do's reminder: before a timed one is due; at `reminderHour` on a date-only one's day.
    private func todoAlarm(_ due: Due, summary: String) -> [String] {
        let trigger: String
        switch due {
        case .instant: trigger = "TRIGGER;RELATED=END:-PT\(Int(reminderLead / 60))M"
        case .day(let day):
            trigger = "TRIGGER;VALUE=DATE-TIME:" + ICalendarWriter.utc(calendar.instant(on: day, at: LocalTime(hour: reminderHour, minute: 0)!))
        }
        return ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ICalendarWriter.text(summary), trigger, "END:VALARM"]
    }

    /// `ATTENDEE;CN=Dana Ruiz:mailto:dana@acme.com` (a person without an email is named in the summary only).
    private func attendees(_ people: [ContactSummary], _ details: CalendarDetails) -> [String] {
        people.compactMap { person in
            // An address that is not one plain word (spaces, quotes, controls) would break the line: left out.
            guard let email = details.emails[person.id],
                  email.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != "\"" })
            else { return nil }
            return "ATTENDEE;CN=\"" + TerminalText.safe(person.name).replacingOccurrences(of: "\"", with: "'") + "\":mailto:" + email
        }
    }

    /// What a calendar shows, naming the people: "Keep in touch with Dana Ruiz".
    static func summary(_ kind: ItemKind, title: String, people: [String], account: String?) -> String {
        let names = people.count > 3 ? people.prefix(3).joined(separator: ", ") + " +\(people.count - 3)" : people.joined(separator: ", ")
        let with = names.isEmpty ? "" : " with " + names
        switch kind {
        case .thankYou: return "Thank-you note to " + (names.isEmpty ? account ?? "the team" : names) + ": " + title
        case .followUp: return names.isEmpty ? title : title + " (" + names + ")"
        case .prep: return "Prepare for " + title + with
        case .gift, .giftSuggestion: return "Gift for " + (names.isEmpty ? account ?? "the team" : names) + ": " + title
        case .lunchDue: return "Lunch due" + with
        case .stayInTouch: return "Keep in touch" + with
        case .birthday: return "Birthday card" + (names.isEmpty ? "" : " for " + names)
        case .anniversary: return "Anniversary card" + (names.isEmpty ? "" : " for " + names)
        case .meeting: return title + with
        case .lunch: return "Lunch" + with
        }
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
