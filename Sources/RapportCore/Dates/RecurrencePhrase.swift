/// Reads how something repeats: `daily`, `weekly`, `weekly on tuesday`,
/// `fortnightly`, `biweekly` (every two weeks), `monthly`, `monthly on the 31st`,
/// `quarterly`, `every quarter`, `every 3 days`, `every 2 weeks`, `every other
/// week`, `every fri`, `every other tuesday`, `every mon and thu`, `every
/// weekday` (Monday to Friday), `every month on the 31st`, `every first
/// monday`, `last friday of the month`, and the canonical phrases that
/// `Recurrence.phrase` writes.
///
/// "every second tuesday" is the second Tuesday of each month; "every other
/// tuesday" is a Tuesday every two weeks.
public enum RecurrencePhrase {
    /// The rule and the first due date on or after `today` it gives. A rule
    /// that takes its day of the month from the date (`monthly`, `yearly`)
    /// takes it from `today`: pass the due date when there is one.
    public static func parse(_ text: String, today: CivilDate) throws(PhraseError) -> (Recurrence, CivilDate) {
        let (rule, first) = try parseUnbounded(text, today: today)
        if case .months(let n, _) = rule, !ValidRange.repeatMonths.contains(n) {
            throw PhraseError("'\(text)': a repeat is at most every \(ValidRange.repeatMonths.upperBound / 12) years")
        }
        try ValidRange.check(first, from: text)
        return (rule, first)
    }

    private static func parseUnbounded(_ text: String, today: CivilDate) throws(PhraseError) -> (Recurrence, CivilDate) {
        var words = DatePhraseParser.tokenize(text).filter { !["the", "of", "on", "each"].contains($0) }
        // "first monday of the month" and "every first monday of the month"
        if words.count >= 2, words.last == "month", DatePhraseParser.weekday(words[words.count - 2]) != nil {
            words.removeLast()
        }
        if let first = words.first, ordinal(first) != nil { words.insert("every", at: 0) }
        // "every other week" is every 2 weeks; "weekly on tuesday" every tuesday; "monthly on the 31st" every month on the 31st.
        if words.count >= 3, words[0] == "every", words[1] == "other" { words[1] = "2" }
        if words.count == 2, ["weekly", "biweekly", "fortnightly"].contains(words[0]), DatePhraseParser.weekday(words[1]) != nil {
            words = words[0] == "weekly" ? ["every", words[1]] : ["every", "2", words[1]]
        }
        if words.count == 2, words[0] == "monthly", DatePhraseParser.dayOfMonth(words[1]) != nil { words = ["every", "month", words[1]] }
        switch words {
        case ["daily"], ["every", "day"]: return (.days(1), today)
        case ["weekly"], ["every", "week"]: return (.weeks(1), today)
        case ["fortnightly"], ["biweekly"]: return (.weeks(2), today)
        case ["every", "quarter"]: return (.months(3, day: today.day), today)
        case ["every", "weekday"], ["weekdays"], ["every", "workday"]:
            let rule = Recurrence.onWeekdays(Recurrence.workWeek)
            return (rule, rule.firstOccurrence(onOrAfter: today))
        case ["monthly"], ["every", "month"]: return (.months(1, day: today.day), today)
        case ["quarterly"]: return (.months(3, day: today.day), today)
        case ["yearly"], ["annually"], ["every", "year"]: return (.months(12, day: today.day), today)
        default: break
        }
        guard words.first == "every", words.count >= 2 else {
            throw PhraseError("'\(text)' is not a repeat rule (try 'every 2 weeks' or 'every first monday')")
        }
        let rest = Array(words.dropFirst())
        // every fri
        if rest.count == 1, let weekday = DatePhraseParser.weekday(rest[0]) {
            let rule = Recurrence.weeks(1)
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            return (rule, today.adding(days: ahead))
        }
        // every 2 tue (from "every other tuesday")
        if rest.count == 2, let n = DatePhraseParser.count(rest[0]), n >= 1, let weekday = DatePhraseParser.weekday(rest[1]) {
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            return (.weeks(n), today.adding(days: ahead))
        }
        // every mon and thu, every monday, thursday
        let days = rest.filter { $0 != "and" && $0 != "&" }
        if days.count >= 2, days.allSatisfy({ DatePhraseParser.weekday($0) != nil }) {
            let rule = Recurrence.onWeekdays(Set(days.compactMap(DatePhraseParser.weekday)))
            return (rule, rule.firstOccurrence(onOrAfter: today))
        }
        // every first monday
        if rest.count == 2, let n = ordinal(rest[0]), let weekday = DatePhraseParser.weekday(rest[1]) {
            let rule = Recurrence.monthlyWeekday(ordinal: n, weekday: weekday)
            return (rule, rule.firstOccurrence(onOrAfter: today))
        }
        // every N days|weeks|months [day D]
        var count = 1
        var index = 0
        if let n = DatePhraseParser.count(rest[0]), rest.count >= 2 {
            guard n >= 1 else { throw PhraseError("'\(text)': the count must be 1 or more") }
            count = n
            index = 1
        } else if rest[0].hasPrefix("-") {
            throw PhraseError("'\(text)': the count must be 1 or more")
        }
        guard index < rest.count else { throw PhraseError("'\(text)' needs a unit: days, weeks or months") }
        // Every word must belong to the rule: "every 2 weeks ship samples" is not a repeat.
        if ["day", "days", "week", "weeks", "year", "years"].contains(rest[index]), index + 1 < rest.count {
            throw PhraseError("'\(text)': '\(rest[index + 1])' is not part of a repeat rule")
        }
        switch rest[index] {
        case "day", "days": return (.days(count), today)
        case "week", "weeks": return (.weeks(count), today)
        case "year", "years": return (.months(12 * count, day: today.day), today)
        case "month", "months":
            var day = today.day
            let tail = rest[(index + 1)...].filter { $0 != "day" }
            if let word = tail.first {
                guard tail.count == 1, let d = DatePhraseParser.dayOfMonth(word), d <= 31 else {
                    throw PhraseError("'\(text)': '\(word)' is not a day of the month")
                }
                day = d
            }
            let rule = Recurrence.months(count, day: day)
            return (rule, rule.firstOccurrence(onOrAfter: today))
        default:
            throw PhraseError("'\(text)': '\(rest[index])' is not days, weeks or months")
        }
    }

    /// Reads a stored canonical phrase back; a phrase that does not read is
    /// an error (never "does not repeat").
    public static func decode(_ phrase: String) throws(PhraseError) -> Recurrence {
        try parse(phrase, today: CivilDate(year: 2000, month: 1, day: 1)!).0
    }

    static func ordinal(_ word: String) -> Int? {
        switch word {
        case "first", "1st": return 1
        case "second", "2nd": return 2
        case "third", "3rd": return 3
        case "fourth", "4th": return 4
        case "last": return -1
        default: return nil
        }
    }
}
