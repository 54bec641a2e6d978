import GRDB

/// The scheduler's rules stored as key/value settings.
enum RuleSettings {
    /// Every key, with what it means.
    static let keys: [(key: String, help: String)] = [
        ("thank-you-days", "business days after a meeting by which thank-you notes are due; 0: the same day (default 1)"),
        ("weekend", "days that are not business days, comma-separated (default sat,sun)"),
        ("holidays", "public holidays, skipped like the weekend: dates (2026-12-25,2026-12-26), or a .ics file of holidays to read (default none)"),
        ("birthday-lead", "days before a birthday or anniversary that its card is due (default 3)"),
        ("cadence-a", "stay-in-touch days for tier A contacts (default 14)"),
        ("cadence-b", "stay-in-touch days for tier B contacts (default 30)"),
        ("cadence-c", "stay-in-touch days for tier C contacts (default 90)"),
        ("gift-team-size", "buyer team size from which a won deal suggests a gift (default 5)"),
        ("gift-days", "days after closing by which the suggested gift is due (default 7)"),
        ("cold-days", "days without a touch with anyone at an account before the report calls it cold (default 60)"),
        ("meeting-minutes", "length of a meeting without an end in rapport export ics (default 60; lunches 90)"),
        ("reminders", "reminders (VALARM) on exported events and to-dos: on or off (default on)"),
        ("completed-days", "days a done item stays in rapport export ics, marked completed (default 14)"),
        (onlyStatementKey, "what we ONLY can do for clients (\"We are the ONLY ones that…\"), shown in briefs; \"\" clears it"),
    ]

    /// The book's ONLY statement: a setting beside the rules, not one of them.
    static let onlyStatementKey = "only-statement"

    static func load(_ db: Database) throws -> SchedulerRules {
        var rules = SchedulerRules()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            let key: String = try row.decode(forColumn: "key"), value: String = try row.decode(forColumn: "value")
            // Settings other versions know are theirs to read; a known one
            // holding a bad value is an error naming it, never a silent default.
            guard keys.contains(where: { $0.key == key }) else { continue }
            do {
                try apply(key, value, to: &rules)
            } catch let error as StoreError {
                throw StoreError.corrupt("the book's setting \(error); set it again with: rapport config \(key) VALUE")
            }
        }
        return rules
    }

    /// Every setting with its value as `config` shows it, in the order of `keys`.
    static func values(_ rules: SchedulerRules, onlyStatement: String?) -> [(key: String, value: String)] {
        keys.map { entry in
            let value: String
            switch entry.key {
            case "thank-you-days": value = "\(rules.thankYouBusinessDays)"
            case "weekend":
                let days = Weekday.allCases.filter { rules.weekend.contains($0) }.map { $0.shortName.lowercased() }
                value = days.isEmpty ? "none" : days.joined(separator: ",")
            case "holidays": value = rules.holidays.isEmpty ? "none" : rules.holidays.sorted().map(\.iso).joined(separator: ",")
            case "birthday-lead": value = "\(rules.birthdayLeadDays)"
            case "cadence-a": value = rules.tierCadenceDays[.a].map(String.init) ?? "none"
            case "cadence-b": value = rules.tierCadenceDays[.b].map(String.init) ?? "none"
            case "cadence-c": value = rules.tierCadenceDays[.c].map(String.init) ?? "none"
            case "gift-team-size": value = "\(rules.giftTeamSizeThreshold)"
            case "gift-days": value = "\(rules.giftDelayDays)"
            case "cold-days": value = "\(rules.coldAccountDays)"
            case "meeting-minutes": value = "\(rules.meetingMinutes)"
            case "reminders": value = rules.calendarReminders ? "on" : "off"
            case "completed-days": value = "\(rules.keepCompletedDays)"
            case onlyStatementKey: value = onlyStatement ?? "none"
            default: value = ""
            }
            return (entry.key, value)
        }
    }

    static func set(_ key: String, _ value: String, _ db: Database) throws {
        if key == onlyStatementKey, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            return
        }
        var rules = SchedulerRules()
        try apply(key, value, to: &rules)
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    static func apply(_ key: String, _ value: String, to rules: inout SchedulerRules) throws {
        func days(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                throw StoreError.invalid("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
            }
            return n
        }
        switch key {
        case "thank-you-days": rules.thankYouBusinessDays = try days(0...30)
        case "birthday-lead": rules.birthdayLeadDays = try days(0...60)
        case "holidays":
            var holidays = Set<CivilDate>()
            for word in value.split(whereSeparator: { $0 == "," || $0 == " " }) where word.lowercased() != "none" {
                guard let date = CivilDate(iso: String(word)) else {
                    throw StoreError.invalid("holidays: '\(word)' is not a date (YYYY-MM-DD)")
                }
                holidays.insert(date)
            }
            rules.holidays = holidays
        case "cadence-a": rules.tierCadenceDays[.a] = try days(1...3650)
        case "cadence-b": rules.tierCadenceDays[.b] = try days(1...3650)
        case "cadence-c": rules.tierCadenceDays[.c] = try days(1...3650)
        case "gift-team-size": rules.giftTeamSizeThreshold = try days(1...100_000)
        case "gift-days": rules.giftDelayDays = try days(0...365)
        case "cold-days": rules.coldAccountDays = try days(1...3650)
        case "meeting-minutes": rules.meetingMinutes = try days(5...1440)
        case "completed-days": rules.keepCompletedDays = try days(0...365)
        case "reminders":
            switch value.trimmingCharacters(in: .whitespaces).lowercased() {
            case "on", "yes", "true": rules.calendarReminders = true
            case "off", "no", "false": rules.calendarReminders = false
            default: throw StoreError.invalid("reminders must be on or off, not '\(value)'")
            }
        case onlyStatementKey:
            guard value.count <= OnlyStatement.maximumLength else {
                throw StoreError.invalid("an ONLY statement is one sentence, at most \(OnlyStatement.maximumLength) characters")
            }
        case "weekend":
            let words = DatePhraseParser.tokenize(value)
            var weekend = Set<Weekday>()
            for word in words where word != "none" {
                guard let day = DatePhraseParser.weekday(word) else {
                    throw StoreError.invalid("weekend: '\(word)' is not a day of the week")
                }
                weekend.insert(day)
            }
            guard weekend.count < 7 else { throw StoreError.invalid("weekend: at least one day must be a business day") }
            rules.weekend = weekend
        default:
            throw StoreError.invalid("no setting '\(key)'; the settings are \(keys.map(\.key).joined(separator: ", "))")
        }
    }
}
