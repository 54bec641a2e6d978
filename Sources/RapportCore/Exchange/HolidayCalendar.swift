import Foundation

/// Reads the days of an iCalendar file of public holidays (as calendar
/// apps and government sites publish them): each event's DTSTART day, and
/// every day up to its DTEND (exclusive) for a holiday of several days.
public enum HolidayCalendar {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notICalendar
        case noHolidays
        case badDate(String)

        public var description: String {
            switch self {
            case .notICalendar: return "this is not an iCalendar file (no BEGIN:VCALENDAR)"
            case .noHolidays: return "the file has no events with a date"
            case .badDate(let value): return "'\(value)' is not a date"
            }
        }
    }

    public static func days(fromICS text: String) throws -> [CivilDate] {
        // Unfold: a line starting with a space or tab continues the previous one.
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else {
                lines.append(String(raw))
            }
        }
        guard lines.contains(where: { $0.uppercased().hasPrefix("BEGIN:VCALENDAR") }) else { throw Failure.notICalendar }
        var days = Set<CivilDate>()
        var start: CivilDate?, end: CivilDate?
        func day(_ line: String) throws -> CivilDate {
            guard let colon = line.lastIndex(of: ":") else { throw Failure.badDate(line) }
            let value = line[line.index(after: colon)...].prefix(8)
            guard value.count == 8, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber),
                  let date = CivilDate(year: Int(value.prefix(4))!, month: Int(value.dropFirst(4).prefix(2))!, day: Int(value.suffix(2))!)
            else { throw Failure.badDate(String(line[line.index(after: colon)...])) }
            return date
        }
        for line in lines {
            let upper = line.uppercased()
            if upper.hasPrefix("BEGIN:VEVENT") { start = nil; end = nil }
            else if upper.hasPrefix("DTSTART") { start = try day(line) }
            else if upper.hasPrefix("DTEND") { end = try day(line) }
            else if upper.hasPrefix("END:VEVENT"), let first = start {
                days.insert(first)
                if let end, end > first {
                    var next = first.adding(days: 1)
                    while next < end && first.days(until: next) < 366 { days.insert(next); next = next.adding(days: 1) }
                }
            }
        }
        guard !days.isEmpty else { throw Failure.noHolidays }
        return days.sorted()
    }
}
