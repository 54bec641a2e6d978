import Foundation

/// Reads the one component of a calendar object (a CalDAV resource: one
/// VEVENT or VTODO, with VTIMEZONEs): the few properties a sync compares
/// with what Rapport sent. Times with a TZID are read in that zone (by its
/// name), UTC times as UTC, floating times in the user's zone.
public struct CalendarObject: Sendable, Equatable {
    public enum Kind: String, Sendable { case event = "VEVENT", todo = "VTODO" }
    public enum Status: String, Sendable { case needsAction = "NEEDS-ACTION", inProcess = "IN-PROCESS", completed = "COMPLETED",
                                           cancelled = "CANCELLED", confirmed = "CONFIRMED", tentative = "TENTATIVE" }

    public var kind: Kind
    public var uid: String?
    public var status: Status?
    public var start: Due?
    public var due: Due?
    public var completed: Date?
    public var summary: String?

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noComponent
        case badValue(String, String)
        case unknownZone(String)

        public var description: String {
            switch self {
            case .noComponent: return "no VEVENT or VTODO in the calendar object"
            case .badValue(let property, let value): return "\(property) '\(TerminalText.safe(value))' is not a date or time"
            case .unknownZone(let zone): return "the time zone '\(TerminalText.safe(zone))' is unknown"
            }
        }
    }

    /// Reads the first VEVENT or VTODO of `text`.
    public static func read(_ text: String, calendar: LocalCalendar) throws -> CalendarObject {
        var object: CalendarObject?
        var depth = 0
        for line in unfold(text) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon].split(separator: ";").map(String.init)
            let name = (head.first ?? "").uppercased()
            let value = String(line[line.index(after: colon)...])
            let parameters = Dictionary(head.dropFirst().compactMap { part -> (String, String)? in
                guard let equals = part.firstIndex(of: "=") else { return nil }
                return (part[..<equals].uppercased(), part[part.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }, uniquingKeysWith: { first, _ in first })
            if name == "BEGIN" {
                if object == nil, depth == 1, let kind = Kind(rawValue: value.uppercased()) { object = CalendarObject(kind: kind) }
                depth += 1
                continue
            }
            if name == "END" {
                depth -= 1
                if depth == 1, object != nil { break }
                continue
            }
            // Only the component's own properties (not its VALARM's).
            guard depth == 2, object != nil else { continue }
            switch name {
            case "UID": object!.uid = value
            case "STATUS": object!.status = Status(rawValue: value.uppercased())
            case "SUMMARY": object!.summary = value
            case "DTSTART": object!.start = try when(name, value, parameters, calendar)
            case "DUE": object!.due = try when(name, value, parameters, calendar)
            case "COMPLETED":
                if case .instant(let instant) = try when(name, value, parameters, calendar) { object!.completed = instant }
            default: break
            }
        }
        guard let object else { throw Failure.noComponent }
        return object
    }

    /// A DATE (`20261130`) or DATE-TIME (`20261130T090000Z`, or local with TZID, or floating).
    static func when(_ property: String, _ value: String, _ parameters: [String: String], _ calendar: LocalCalendar) throws -> Due {
        let digits = Array(value)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            let part = digits[range]
            return part.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(String(part)) : nil
        }
        guard let year = number(0..<4), let month = number(4..<6), let dayNumber = number(6..<8),
              let day = CivilDate(year: year, month: month, day: dayNumber) else { throw Failure.badValue(property, value) }
        if digits.count == 8 { return .day(day) }
        guard digits.count >= 15, digits[8] == "T", let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              let time = LocalTime(hour: hour, minute: minute), second < 61 else { throw Failure.badValue(property, value) }
        if digits.count == 16, digits[15] == "Z" {
            return .instant(Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400 + time.minutesSinceMidnight * 60 + second)))
        }
        guard digits.count == 15 else { throw Failure.badValue(property, value) }
        var zone = calendar
        if let name = parameters["TZID"] {
            guard let found = TimeZone(identifier: name) else { throw Failure.unknownZone(name) }
            zone = LocalCalendar(timeZone: found)
        }
        return .instant(zone.instant(on: day, at: time).addingTimeInterval(TimeInterval(second)))
    }

    /// Lines with their folds undone (a line starting with a space or tab continues the previous one).
    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: true) {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else {
                lines.append(String(raw))
            }
        }
        return lines
    }
}
