/// A day, and possibly a time, read from a phrase such as "fri 12:30".
public struct When: Hashable, Sendable {
    public var day: CivilDate
    public var time: LocalTime?

    public init(day: CivilDate, time: LocalTime? = nil) {
        self.day = day
        self.time = time
    }
}

/// Reads the date phrases people type in Europe and America: `today`,
/// `tomorrow`, `tonight`, `day after tomorrow`, weekday names and
/// abbreviations (`fri`, `fri.`), `this fri`, `next tue`, `in 3 days`, `+2w`,
/// `eow`/`end of week`, `eom`/`end of month`, `2026-12-01`, `2026/12/01`,
/// `15.3.`, `15.03.2026`, `dec 1`, `1 dec 2027`, `the 20th`, and times
/// `12:30`, `3pm`, `9h30`, `15h`, `9.30`, `noon`, `half past 3`, `quarter to 5`.
///
/// The rules, relative to `today`:
/// - `fri` is the first Friday after today (today excluded);
/// - `this fri` is the Friday on or after today (today included);
/// - `next fri` is the Friday of next week (weeks run Monday to Sunday);
/// - `eow` is the last business day of this week (of next week once it has
///   passed); `eom` the last day of this month;
/// - a day and month without a year is the next such day on or after today
///   (with `looksBack`, for reports and logs, the latest on or before today,
///   and a weekday name the latest such day before today);
/// - `tonight` is today at 19:00 unless a time is given;
/// - `12/1` and `12/1/2027` are read in `numericOrder` (see `NumericDateOrder`)
///   unless only one reading is a date (`3/15` is 15 March anywhere), and
///   refused when both are and the order is not known;
/// - dotted dates are day first (`15.3.`, `15.03.2026`: the trailing dot or
///   the year makes them dates); `9.30` (two digits after the dot) is a time;
/// - `the 20th` is the next 20th on or after today (a month without one is skipped);
/// - a spoken time with an hour from 1 to 6 (`half past 3`, `quarter to 5`)
///   is in the afternoon: no one books 3:30 in the night.
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
            } else if let meant = DatePhraseParser.misspelling(of: tokens[index]) {
                throw PhraseError("'\(tokens[index])' is not a date word; did you mean '\(meant)'?")
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
        case "eod": return DateMatch(day: today, length: 1)
        case "day" where next == "after" && index + 2 < tokens.count && tokens[index + 2] == "tomorrow":
            return DateMatch(day: today.adding(days: 2), length: 3)
        case "end" where next == "of" && index + 2 < tokens.count:
            var unitIndex = index + 2
            if tokens[unitIndex] == "the", unitIndex + 1 < tokens.count { unitIndex += 1 }
            switch tokens[unitIndex] {
            case "week": return DateMatch(day: endOfWeek(), length: unitIndex - index + 1)
            case "month": return DateMatch(day: today.lastDayOfMonth, length: unitIndex - index + 1)
            case "year": return DateMatch(day: CivilDate(existing: today.year, month: 12, day: 31), length: unitIndex - index + 1)
            default: break
            }
        case "the" where next != nil:
            // "the 20th", "the day after tomorrow", "the end of the month"
            if let match = try matchDate(tokens, at: index + 1) {
                return DateMatch(day: match.day, length: match.length + 1, impliedTime: match.impliedTime)
            }
            return nil
        case "eoy": return DateMatch(day: CivilDate(existing: today.year, month: 12, day: 31), length: 1)
        default: break
        }
        if let weekday = DatePhraseParser.weekday(word), looksBack {
            // Looking back, "fri" is the latest Friday before today.
            let back = (today.weekday.rawValue - weekday.rawValue + 7) % 7
            return DateMatch(day: today.adding(days: back == 0 ? -7 : -back), length: 1)
        }
        if let weekday = DatePhraseParser.weekday(word) {
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            return DateMatch(day: today.adding(days: ahead == 0 ? 7 : ahead), length: 1)
        }
        if word == "this", let next, let weekday = DatePhraseParser.weekday(next) {
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            return DateMatch(day: today.adding(days: ahead), length: 2)
        }
        // "this week" is by its last business day, "this month" by its last day.
        if word == "this", next == "week" { return DateMatch(day: endOfWeek(), length: 2) }
        if word == "this", next == "month" { return DateMatch(day: today.lastDayOfMonth, length: 2) }
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
        if let slashed = try matchISOSlashes(word) { return DateMatch(day: slashed, length: 1) }
        if let dotted = try matchDotted(word) { return DateMatch(day: dotted, length: 1) }
        if let numeric = try matchNumeric(word) { return DateMatch(day: numeric, length: 1) }
        // "the 20th": an ordinal after "the" is a day of the month ("1st draft" is a title).
        if index > 0, tokens[index - 1] == "the", word.count >= 3, ["st", "nd", "rd", "th"].contains(String(word.suffix(2))),
           let day = DatePhraseParser.dayOfMonth(word), DatePhraseParser.month(next ?? "") == nil {
            return DateMatch(day: try nextDayOfMonth(day, text: word), length: 1)
        }
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
        case "half", "quarter":
            // "half past 3", "quarter past 3", "quarter to 5"
            guard index + 2 < tokens.count, ["past", "to"].contains(tokens[index + 1]),
                  let hour = Int(tokens[index + 2]), (1...12).contains(hour) else { return nil }
            guard word == "quarter" || tokens[index + 1] == "past" else { return nil }
            let base = DatePhraseParser.spokenHour(hour)
            let minutes = base * 60 + (word == "half" ? 30 : tokens[index + 1] == "past" ? 15 : -15)
            return TimeMatch(time: LocalTime(hour: (minutes / 60 + 24) % 24, minute: (minutes % 60 + 60) % 60)!, length: 3)
        default: break
        }
        if let time = try DatePhraseParser.continentalTime(word) { return TimeMatch(time: time, length: 1) }
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

    /// `2026/03/15`: ISO order with slashes.
    private func matchISOSlashes(_ word: String) throws(PhraseError) -> CivilDate? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let (year, month, day) = (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw PhraseError("'\(word)' is not a date on the calendar")
        }
        return date
    }

    /// `15.3.`, `15.03.`, `15.03.2026`: day first, as written in Europe.
    private func matchDotted(_ word: String) throws(PhraseError) -> CivilDate? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].isEmpty || parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !parts[0].isEmpty, !parts[1].isEmpty
        else { return nil }
        let day = Int(parts[0])!, month = Int(parts[1])!
        guard (1...12).contains(month) else { throw PhraseError("'\(word)': there is no month \(month) (dotted dates are day.month.)") }
        guard (1...31).contains(day) else { throw PhraseError("'\(word)': there is no day \(day) in a month") }
        return try monthDay(month, day, year: parts[2].isEmpty ? nil : Int(parts[2])!, text: word)
    }

    /// The next `day` of a month on or after today, skipping months without it.
    private func nextDayOfMonth(_ day: Int, text: String) throws(PhraseError) -> CivilDate {
        guard (1...31).contains(day) else { throw PhraseError("'\(text)' is not a day of the month") }
        var month = today.firstOfMonth
        for _ in 0..<13 {
            if let date = CivilDate(year: month.year, month: month.month, day: day), looksBack ? date <= today : date >= today { return date }
            month = month.adding(months: looksBack ? -1 : 1)
        }
        throw PhraseError("'\(text)' is not a day of the month")
    }

    /// `12/1`, `1/12/2027`: read in the known order — unless only one reading
    /// is a date (`3/15` is 15 March anywhere) — and refused when both are and
    /// the order is not known.
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
        if a > 12 { return try monthDay(b, a, year: year, text: "\(parts[0])/\(parts[1])") } // only day/month reads
        if b > 12 { return try monthDay(a, b, year: year, text: "\(parts[0])/\(parts[1])") } // only month/day reads
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
        guard n <= 3650 else { throw PhraseError("'\(word)': at most 3650 days, weeks or months ahead") }
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
        guard (1...(month == 2 ? 29 : CivilDate.daysIn(month: month, year: 2001))).contains(day) else {
            throw PhraseError("'\(text)': \(monthName) has no day \(day)")
        }
        // The next such day on or after today (29 February: the next leap
        // year's, at most eight years on), or looking back the latest on or before it.
        var year = today.year
        for _ in 0..<9 {
            if let date = CivilDate(year: year, month: month, day: day), looksBack ? date <= today : date >= today { return date }
            year += looksBack ? -1 : 1
        }
        throw PhraseError("'\(text)': \(monthName) \(day) is not on the calendar in the years around this one")
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
        let word = word.hasSuffix(".") ? String(word.dropLast()) : word
        let aliases: [String: Weekday] = [
            "mon": .monday, "monday": .monday, "tue": .tuesday, "tues": .tuesday, "tuesday": .tuesday,
            "wed": .wednesday, "weds": .wednesday, "wednesday": .wednesday, "thu": .thursday,
            "thur": .thursday, "thurs": .thursday, "thursday": .thursday, "fri": .friday,
            "friday": .friday, "sat": .saturday, "saturday": .saturday, "sun": .sunday, "sunday": .sunday,
        ]
        return aliases[word]
    }

    /// The words a misspelling is checked against: the date words whose
    /// typos are common and rarely a word of a title.
    static let dateWords = ["today", "tonight", "tomorrow", "yesterday", "monday", "tuesday", "wednesday", "thursday",
                            "friday", "saturday", "sunday", "noon", "midnight", "january", "february", "august",
                            "september", "october", "november", "december", "weekday"]

    /// The date word `word` is a slip for — one edit away, two for words of
    /// seven letters or more, with the same first letter ("tomorow",
    /// "wendesday") — or nil. A word that is a date word itself is none.
    public static func misspelling(of word: String) -> String? {
        let word = word.lowercased()
        guard word.count >= 4, word.allSatisfy(\.isLetter), !dateWords.contains(word),
              weekday(word) == nil, month(word) == nil, !dateWords.contains(String(word.dropLast())) else { return nil }
        var best: (word: String, distance: Int)?
        for candidate in dateWords where candidate.first == word.first {
            let allowed = candidate.count >= 7 ? 2 : 1
            guard abs(candidate.count - word.count) <= allowed else { continue }
            let distance = editDistance(word, candidate)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.word
    }

    /// Whether a word has the shape of a date or a time, so that one that
    /// does not read is refused, never left in a title: `25:70`, `9h75`,
    /// `1.5` (hour.minute or day.month), `32.13.`, `13/13` (both numbers could
    /// be a day), `2026-13-45`. A ratio such as `50/50` or a code like `1-1`
    /// has another shape.
    public static func looksLikeDateOrTime(_ word: String) -> Bool {
        func number(_ part: Substring, _ digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        for separator in [":", "h", "."] as [Character] {
            let parts = word.split(separator: separator, omittingEmptySubsequences: false)
            // h:mm, 9h, 9h75, 1.5
            if parts.count == 2, number(parts[0], 1...2) != nil, parts[1].isEmpty ? separator == "h" : number(parts[1], 1...2) != nil {
                return true
            }
        }
        for separator in [".", "/"] as [Character] {
            let parts = word.split(separator: separator, omittingEmptySubsequences: false)
            // 32.13., 1.2.2026, 13/13, 13/13/2026
            if parts.count == 3, number(parts[0], 1...2) != nil, number(parts[1], 1...2) != nil,
               parts[2].isEmpty || number(parts[2], 2...4) != nil { return true }
            if separator == "/", parts.count == 2, let a = number(parts[0], 1...2), let b = number(parts[1], 1...2),
               (1...31).contains(a), (1...31).contains(b) { return true }
        }
        for separator in ["-", "/"] as [Character] {
            let parts = word.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 3, number(parts[0], 4...4) != nil, number(parts[1], 1...2) != nil, number(parts[2], 1...2) != nil {
                return true
            }
        }
        return false
    }

    /// Why words that start a date but do not finish one are refused ("next
    /// year", "within 3 days", "in 3 business days", "by someday"), or nil.
    /// Never left in a title with the item due today.
    public func danglingDate(_ keys: [String], at index: Int) -> String? {
        let word = keys[index]
        let next = index + 1 < keys.count ? keys[index + 1] : nil
        let units: Set<String> = ["day", "days", "week", "weeks", "month", "months", "year", "years", "weekend", "quarter"]
        if ["this", "next", "within"].contains(word), let next, units.contains(next) || DatePhraseParser.count(next) != nil {
            return "'\(word) \(next)' is not a date Rapport reads; did you mean 'in 3 days', 'next week', 'eom' or a day like 'fri'?"
        }
        if word == "in", let next, DatePhraseParser.count(next) != nil {
            let unit = index + 2 < keys.count ? keys[index + 2] : ""
            return "'in \(next) \(unit)' is not a date Rapport reads; did you mean 'in \(next) days', 'in \(next) weeks' or 'in \(next) months'?"
        }
        return nil
    }

    /// An hour said without am or pm: 1 to 6 is the afternoon, 7 to 12 as said.
    static func spokenHour(_ hour: Int) -> Int {
        (1...6).contains(hour) ? hour + 12 : hour
    }

    /// `9h30`, `9h`, `15h`, `9.30`: the ways Europe writes a time. Nil for a
    /// word of another shape; an error for the right shape out of range (`25h`).
    static func continentalTime(_ word: String) throws(PhraseError) -> LocalTime? {
        let separator: Character
        if word.contains("h") { separator = "h" } else if word.contains(".") { separator = "." } else { return nil }
        let parts = word.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        // "9.30" needs two digits after the dot; "9h" may have none.
        if separator == "." { guard parts[1].count == 2 else { return nil } } else { guard parts[1].isEmpty || parts[1].count == 2 else { return nil } }
        let hour = Int(parts[0])!, minute = parts[1].isEmpty ? 0 : Int(parts[1])!
        guard let time = LocalTime(hour: hour, minute: minute) else { throw PhraseError("'\(word)' is not a time of day") }
        return time
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
