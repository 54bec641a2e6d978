/// A day, and possibly a time, read from a phrase such as "fri 12:30".
public struct When: Hashable, Sendable {
    public var day: CivilDate
    public var time: LocalTime?

    public init(day: CivilDate, time: LocalTime? = nil) {
        self.day = day
        self.time = time
    }
}

/// Reads the date phrases people type: `today`, `tomorrow`, `tonight`,
/// weekday names, `this fri`, `next tue`, `in 3 days`, `+2w`, `eow`, `eom`,
/// `2026-12-01`, `dec 1`, `1 dec 2027`, and times `12:30`, `3pm`, `noon`.
///
/// The rules, relative to `today`:
/// - `fri` is the first Friday after today (today excluded);
/// - `this fri` is the Friday on or after today (today included);
/// - `next fri` is the Friday of next week (weeks run Monday to Sunday);
/// - `eow` is the last business day of this week (of next week once it has
///   passed); `eom` the last day of this month;
/// - a day and month without a year is the next such day on or after today
///   (with `looksBack`, for reports, the latest on or before today);
/// - `tonight` is today at 19:00 unless a time is given;
/// - `12/1` and `12/1/2027` are read in `numericOrder` (see `NumericDateOrder`),
///   and refused when it is not known.
public struct DatePhraseParser: Sendable {
    public let today: CivilDate
    public let weekend: Set<Weekday>
    public let numericOrder: NumericDateOrder?
    /// Reads a day and month without a year as the latest such day on or
    /// before today: "1 oct" in a report means the one that has been.
    public var looksBack = false

    public init(today: CivilDate, weekend: Set<Weekday> = [.saturday, .sunday], numericOrder: NumericDateOrder? = nil) {
        self.today = today
        self.weekend = weekend
        self.numericOrder = numericOrder
    }

    /// Parses a whole phrase; every word must be part of the date or time.
    public func parse(_ text: String) throws(PhraseError) -> When {
        let tokens = DatePhraseParser.tokenize(text)
        guard !tokens.isEmpty else { throw PhraseError("no date given") }
        var day: CivilDate?
        var time: LocalTime?
        var defaultTime: LocalTime?
        var index = 0
        while index < tokens.count {
            if let match = try matchDate(tokens, at: index) {
                guard day == nil else {
                    throw PhraseError("'\(text)' names two dates")
                }
                day = match.day
                if match.impliedTime != nil { defaultTime = match.impliedTime }
                index += match.length
            } else if let match = try matchTime(tokens, at: index) {
                guard time == nil else { throw PhraseError("'\(text)' names two times") }
                time = match.time
                index += match.length
            } else {
                throw PhraseError("'\(tokens[index])' is not a date or time (in '\(text)')")
            }
        }
        return When(day: day ?? today, time: time ?? defaultTime)
    }

    /// A date read from the tokens starting at an index.
    public struct DateMatch: Sendable {
        public var day: CivilDate
        public var length: Int
        /// The time a word implies when no time is given ("tonight").
        public var impliedTime: LocalTime?
    }

    /// A time read from the tokens starting at an index.
    public struct TimeMatch: Sendable {
        public var time: LocalTime
        public var length: Int
    }

    /// Reads a date expression at `tokens[index]`, or returns nil when there
    /// is none. Throws when the words are a date that does not exist
    /// ("feb 30"), a count that makes no sense ("in -3 days") or a date
    /// outside the range Rapport keeps (`ValidRange`).
    public func matchDate(_ tokens: [String], at index: Int) throws(PhraseError) -> DateMatch? {
        guard let match = try matchAnyDate(tokens, at: index) else { return nil }
        try ValidRange.check(match.day, from: tokens[index..<min(index + match.length, tokens.count)].joined(separator: " "))
        return match
    }

    private func matchAnyDate(_ tokens: [String], at index: Int) throws(PhraseError) -> DateMatch? {
        let word = tokens[index]
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        switch word {
        case "today", "tod": return DateMatch(day: today, length: 1)
        case "tomorrow", "tmr", "tmrw": return DateMatch(day: today.adding(days: 1), length: 1)
        case "yesterday": return DateMatch(day: today.adding(days: -1), length: 1)
        case "tonight": return DateMatch(day: today, length: 1, impliedTime: LocalTime(hour: 19, minute: 0))
        case "eow": return DateMatch(day: endOfWeek(), length: 1)
        case "eom": return DateMatch(day: today.lastDayOfMonth, length: 1)
        case "eoy": return DateMatch(day: CivilDate(existing: today.year, month: 12, day: 31), length: 1)
        default: break
        }
        if let weekday = DatePhraseParser.weekday(word) {
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            return DateMatch(day: today.adding(days: ahead == 0 ? 7 : ahead), length: 1)
        }
        if word == "this", let next, let weekday = DatePhraseParser.weekday(next) {
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            return DateMatch(day: today.adding(days: ahead), length: 2)
        }
        if word == "next", let next {
            let nextMonday = today.adding(days: 7 - (today.weekday.rawValue - 1))
            if let weekday = DatePhraseParser.weekday(next) {
                return DateMatch(day: nextMonday.adding(days: weekday.rawValue - 1), length: 2)
            }
            switch next {
            case "week": return DateMatch(day: nextMonday, length: 2)
            case "month":
                let first = today.firstOfMonth.adding(months: 1)
                return DateMatch(day: first, length: 2)
            default: break
            }
        }
        if word == "in", let next {
            guard index + 2 < tokens.count, let unit = DatePhraseParser.unit(tokens[index + 2]) else {
                if DatePhraseParser.count(next) != nil || next.hasPrefix("-") {
                    throw PhraseError("'in \(next)' needs a unit: days, weeks or months")
                }
                return nil
            }
            guard let n = DatePhraseParser.count(next) else {
                throw PhraseError("'in \(next) \(tokens[index + 2])': the count must be a whole number, 0 or more")
            }
            return DateMatch(day: try offset(n, unit, "in \(next) \(tokens[index + 2])"), length: 3)
        }
        if word.hasPrefix("+") || word.hasPrefix("-"), word.count >= 2 {
            return try matchShortOffset(word)
        }
        if let iso = CivilDate(iso: word) { return DateMatch(day: iso, length: 1) }
        if let numeric = try matchNumeric(word) { return DateMatch(day: numeric, length: 1) }
        if word.count == 10, word.split(separator: "-").count == 3, word.allSatisfy({ $0.isNumber || $0 == "-" }) {
            throw PhraseError("'\(word)' is not a date on the calendar")
        }
        // "dec 1", "december 1st", "dec 1 2027"
        if let month = DatePhraseParser.month(word), let next, let day = DatePhraseParser.dayOfMonth(next) {
            let year = index + 2 < tokens.count ? DatePhraseParser.year(tokens[index + 2]) : nil
            return DateMatch(day: try monthDay(month, day, year: year, text: "\(word) \(next)"),
                             length: year == nil ? 2 : 3)
        }
        // "1 dec", "1st december 2027"
        if let day = DatePhraseParser.dayOfMonth(word), let next, let month = DatePhraseParser.month(next) {
            let year = index + 2 < tokens.count ? DatePhraseParser.year(tokens[index + 2]) : nil
            return DateMatch(day: try monthDay(month, day, year: year, text: "\(word) \(next)"),
                             length: year == nil ? 2 : 3)
        }
        return nil
    }

    /// Reads a time at `tokens[index]` (`12:30`, `3pm`, `3 pm`, `noon`,
    /// `at 9:15`), or returns nil when there is none.
    public func matchTime(_ tokens: [String], at index: Int) throws(PhraseError) -> TimeMatch? {
        if tokens[index] == "at", index + 1 < tokens.count,
           let match = try matchTime(tokens, at: index + 1) {
            return TimeMatch(time: match.time, length: match.length + 1)
        }
        let word = tokens[index]
        switch word {
        case "noon", "midday": return TimeMatch(time: .noon, length: 1)
        case "midnight": return TimeMatch(time: .midnight, length: 1)
        default: break
        }
        var clock = Substring(word)
        var meridiem: String?
        if clock.hasSuffix("am") || clock.hasSuffix("pm") {
            meridiem = String(clock.suffix(2))
            clock = clock.dropLast(2)
        } else if index + 1 < tokens.count, ["am", "pm"].contains(tokens[index + 1]),
                  clock.allSatisfy({ $0.isNumber || $0 == ":" }) {
            meridiem = tokens[index + 1]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard !clock.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count <= 2, parts.count == 2 || meridiem != nil
        else { return nil }
        var hour = Int(parts[0])!
        let minute = parts.count == 2 ? Int(parts[1])! : 0
        if parts.count == 2 && parts[1].count != 2 { return nil }
        let length = meridiem != nil && !word.hasSuffix(meridiem!) ? 2 : 1
        if let meridiem {
            guard (1...12).contains(hour) else { throw PhraseError("'\(word)\(length == 2 ? " " + meridiem : "")' is not a time: hours run 1 to 12 with am/pm") }
            hour = hour % 12 + (meridiem == "pm" ? 12 : 0)
        }
        guard let time = LocalTime(hour: hour, minute: minute) else {
            throw PhraseError("'\(word)' is not a time of day")
        }
        return TimeMatch(time: time, length: length)
    }

    // MARK: - Pieces

    private func endOfWeek() -> CivilDate {
        let monday = today.adding(days: -(today.weekday.rawValue - 1))
        for week in 0..<2 {
            let weekStart = monday.adding(days: 7 * week)
            let lastBusiness = (0..<7).reversed().map { weekStart.adding(days: $0) }
                .first { !weekend.contains($0.weekday) } ?? weekStart.adding(days: 6)
            if lastBusiness >= today { return lastBusiness }
        }
        return today
    }

    /// `12/1`, `1/12/2027`: read in the known order, refused when it is not known.
    private func matchNumeric(_ word: String) throws(PhraseError) -> CivilDate? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let a = Int(parts[0])!, b = Int(parts[1])!
        let year = parts.count == 3 ? Int(parts[2])! : nil
        if let y = year, parts[2].count != 4 || y < 1000 { return nil }
        // Only words that could be a date at all: both parts a day, one a month.
        guard (1...31).contains(a), (1...31).contains(b), a <= 12 || b <= 12 else { return nil }
        guard let order = numericOrder else {
            throw PhraseError("'\(word)' could be day/month or month/day: write 'dec 1' or 2026-12-01, or set RAPPORT_DATE_ORDER=dmy or mdy")
        }
        let (month, day) = order == .monthDay ? (a, b) : (b, a)
        guard (1...12).contains(month) else {
            throw PhraseError("'\(word)' is not a date (\(order == .monthDay ? "month/day" : "day/month") order)")
        }
        return try monthDay(month, day, year: year, text: "\(parts[0])/\(parts[1])")
    }

    private enum Unit { case day, week, month }

    private func offset(_ n: Int, _ unit: Unit, _ text: String) throws(PhraseError) -> CivilDate {
        let day: CivilDate?
        switch unit {
        case .day: day = ValidRange.day(today, plusDays: n)
        case .week: day = n.multipliedReportingOverflow(by: 7).overflow ? nil : ValidRange.day(today, plusDays: 7 * n)
        case .month: day = ValidRange.day(today, plusMonths: n)
        }
        guard let day else { throw ValidRange.outOfRange(text) }
        return day
    }

    private func matchShortOffset(_ word: String) throws(PhraseError) -> DateMatch? {
        let body = word.dropFirst()
        guard let unitCharacter = body.last, let n = Int(body.dropLast()) else {
            return nil
        }
        let unit: Unit
        switch unitCharacter {
        case "d": unit = .day
        case "w": unit = .week
        case "m": unit = .month
        default: return nil
        }
        if word.hasPrefix("-") {
            throw PhraseError("'\(word)' is in the past: use +\(n)\(unitCharacter)")
        }
        return DateMatch(day: try offset(n, unit, word), length: 1)
    }

    private func monthDay(_ month: Int, _ day: Int, year: Int?, text: String) throws(PhraseError) -> CivilDate {
        let monthName = DatePhraseParser.monthNames[month - 1].capitalized
        if let year {
            guard let date = CivilDate(year: year, month: month, day: day) else {
                throw PhraseError("'\(text) \(year)': \(monthName) \(year) has no day \(day)")
            }
            return date
        }
        guard day <= (month == 2 ? 29 : CivilDate.daysIn(month: month, year: 2001)) else {
            throw PhraseError("'\(text)': \(monthName) has no day \(day)")
        }
        // The next such day on or after today (29 February: the next leap
        // year's), or looking back the latest on or before it.
        var year = today.year
        while true {
            if let date = CivilDate(year: year, month: month, day: day), looksBack ? date <= today : date >= today { return date }
            year += looksBack ? -1 : 1
        }
    }

    // MARK: - Words

    /// Splits a phrase into lower-case words; commas separate too.
    public static func tokenize(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map(String.init)
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december"]

    static func month(_ word: String) -> Int? {
        let word = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard word.count >= 3 else { return nil }
        if word == "sept" { return 9 }
        return monthNames.firstIndex { $0 == word || ($0.hasPrefix(word) && word.count == 3) }.map { $0 + 1 }
    }

    static func weekday(_ word: String) -> Weekday? {
        let aliases: [String: Weekday] = [
            "mon": .monday, "monday": .monday, "tue": .tuesday, "tues": .tuesday, "tuesday": .tuesday,
            "wed": .wednesday, "weds": .wednesday, "wednesday": .wednesday, "thu": .thursday,
            "thur": .thursday, "thurs": .thursday, "thursday": .thursday, "fri": .friday,
            "friday": .friday, "sat": .saturday, "saturday": .saturday, "sun": .sunday, "sunday": .sunday,
        ]
        return aliases[word]
    }

    static func dayOfMonth(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(digits), n >= 1 else { return nil }
        return n
    }

    static func year(_ word: String) -> Int? {
        guard word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word)
    }

    static let countWords = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                             "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]

    static func count(_ word: String) -> Int? {
        if let n = countWords[word] { return n }
        guard word.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(word), n <= ValidRange.repeatCount.upperBound else { return nil }
        return n
    }

    /// The words `in N …` accepts as units.
    public static let unitWords: Set<String> = ["day", "days", "d", "week", "weeks", "wk", "wks", "w", "month", "months", "mo"]

    private static func unit(_ word: String) -> Unit? {
        switch word {
        case "day", "days", "d": return .day
        case "week", "weeks", "wk", "wks", "w": return .week
        case "month", "months", "mo": return .month
        default: return nil
        }
    }
}
