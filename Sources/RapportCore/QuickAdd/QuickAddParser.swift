/// Reads a quick-add phrase, in any order:
///
/// - a kind word first: `follow-up`/`fu`, `meeting`, `lunch`, `call`,
///   `thanks`/`thank-you`, `gift`, `note` (none: a follow-up);
/// - people: `with Dana Ruiz`, `with Dana and Lee Park`, `with dana, lee`,
///   `@dana`, `@12`, `@"Dana Ruiz"`;
/// - when: any date and time `DatePhraseParser` reads (`fri 12:30`, `in 3 days`);
/// - an account: `#acme`, `#"Acme Corp"`;
/// - a place, for meetings and lunches: `at Nobu`, `at "Café de Flore"`;
/// - a cost, for gifts and lunches: `$80`, `€75.50`, `80 EUR`;
/// - the rest is the title. Words in double quotes are always title.
///
/// A name after `with` is its first word and the capitalised words that
/// follow it ("with Dana Ruiz about pricing" names Dana Ruiz), or, in lower
/// case, the longest run of words that is a known contact's name
/// (`isKnownName`). `and`, `&` and commas separate names. After `call`,
/// `thanks` and `lunch` a name may follow at once: "call Dana tomorrow".
public struct QuickAddParser: Sendable {
    public var dates: DatePhraseParser
    /// Whether some contact is called this (folded) name; lets lower-case full names through.
    public var isKnownName: @Sendable (String) -> Bool

    public init(dates: DatePhraseParser, isKnownName: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.dates = dates
        self.isKnownName = isKnownName
    }

    /// A word of the phrase, and whether it was quoted.
    struct Word: Equatable {
        var text: String
        var quoted: Bool
        /// Text, in lower case, for matching.
        /// The word as the grammar reads it: lower case; "w/", the hurried "with", is "with".
        var key: String {
            if quoted { return "" }
            let lower = text.lowercased()
            return lower == "w/" ? "with" : lower
        }
    }

    /// The kind word a phrase starts with, and how many words it takes:
    /// quick-add's own (`call`, `meeting`, `todo`…), or a follow-up's names
    /// from the table of kinds (`follow-up`, `followup`, `fu`; `follow up`
    /// in two words), so that they are said once.
    static func kindWord(_ words: [Word]) -> (QuickAddKind, Int)? {
        guard let first = words.first, !first.quoted else { return nil }
        if words.count >= 2, !words[1].quoted, ItemKind(named: first.key + " " + words[1].key) == .followUp { return (.followUp, 2) }
        if let named = QuickAddKind.words[first.key] { return (named, 1) }
        if ItemKind(named: first.key) == .followUp { return (.followUp, 1) }
        return nil
    }

    public func parse(_ phrase: String) throws(PhraseError) -> QuickAddEntry {
        let words = try QuickAddParser.split(phrase)
        guard !words.isEmpty else { throw PhraseError("nothing to add: the phrase is empty") }
        var index = 0
        var kind = QuickAddKind.followUp
        var people: [String] = []
        if let (named, used) = QuickAddParser.kindWord(words) {
            kind = named
            index = used
            // "call Dana …", "thanks Lee …", "lunch Dana …": the people come first. After
            // the other kind words only a known name is a person ("meeting zoe fri 10:00";
            // "meeting Acme kickoff" is a title).
            // An unknown capitalised word stays title unless a second one follows ("call Priya Sharma";
            // "call Acme about renewal" is a call about Acme).
            let namesFollow: Bool = [.call, .email, .thanks, .lunch].contains(kind)
            let capitalisedRun = index + 1 < words.count && Self.startsLikeAName(words[index].text)
                && Self.startsLikeAName(words[index + 1].text) && !words[index + 1].quoted
            if index < words.count, isNameStart(words, at: index),
               (namesFollow && capitalisedRun) || isKnownName(NameMatcher.fold(words[index].text)) {
                let (names, used) = readNames(words, from: index)
                people += names
                index += used
            }
        }
        // A note records what happened: its day without a year, or a weekday, is the latest that has been.
        var dates = self.dates
        if kind == .note { dates.looksBack = true }
        var title: [String] = []
        var day: CivilDate?, time: LocalTime?, impliedTime: LocalTime?
        var place: String?, account: String?, cost: Money?
        var recurrence: (rule: Recurrence, first: CivilDate)?
        let keys = words.map(\.key)

        while index < words.count {
            let word = words[index]
            if word.quoted {
                title.append(word.text)
                index += 1
                continue
            }
            let key = word.key
            // People
            if key == "with", index + 1 < words.count {
                let (names, used) = readNames(words, from: index + 1)
                if !names.isEmpty {
                    people += names
                    index += 1 + used
                    continue
                }
                // "with @dana": the mention names the person; "with" is not title.
                if words[index + 1].key.hasPrefix("@") || (words[index + 1].key == "@" && index + 2 < words.count) {
                    index += 1
                    continue
                }
            }
            if key.hasPrefix("@"), key.count > 1 {
                people.append(word.text)
                index += 1
                // "@dana and @lee", "@dana, @lee": the separator joins mentions.
                if index + 1 < words.count, [",", "and", "&"].contains(words[index].key), words[index + 1].key.hasPrefix("@") {
                    index += 1
                }
                continue
            }
            if key == "@", index + 1 < words.count, words[index + 1].quoted {
                people.append(words[index + 1].text)
                index += 2
                continue
            }
            // "send the deck to dana", "gift for hank": a known name after to/for is a person.
            if key == "to" || key == "for", index + 1 < words.count, !words[index + 1].quoted,
               isKnownName(NameMatcher.fold(words[index + 1].text)) {
                let (names, used) = readNames(words, from: index + 1)
                if !names.isEmpty {
                    people += names
                    index += 1 + used
                    continue
                }
            }
            // A repeat: "every first monday", "every 2 weeks", "fortnightly"…
            // "every …" is always a repeat (refused later for kinds that do not repeat); a lone
            // "quarterly" only for follow-ups, and not as an adjective ("quarterly review").
            if QuickAddParser.repeatStarts.contains(key),
               key == "every" || ([.followUp, .call, .email].contains(kind) && isRepeatAdjectiveAlone(words, at: index)),
               let (rule, used) = try readRepeat(keys, at: index) {
                guard recurrence == nil else { throw PhraseError("'\(phrase)' names two repeats") }
                recurrence = rule
                index += used
                continue
            }
            // Account
            if key.hasPrefix("#"), key.count > 1 {
                guard account == nil else { throw PhraseError("'\(phrase)' names two accounts") }
                account = String(word.text.dropFirst())
                index += 1
                continue
            }
            if key == "#", index + 1 < words.count, words[index + 1].quoted {
                guard account == nil else { throw PhraseError("'\(phrase)' names two accounts") }
                account = words[index + 1].text
                index += 2
                continue
            }
            // Cost (gifts and lunches)
            if kind == .gift || kind == .lunch, let (money, used) = try Money.match(keys, at: index) {
                guard cost == nil else { throw PhraseError("'\(phrase)' names two costs") }
                cost = money
                index += used
                continue
            }
            // "at 3": a spoken hour (1–6 in the afternoon), for every kind.
            if key == "at", time == nil, index + 1 < words.count, !words[index + 1].quoted, keys[index + 1].count <= 2,
               let hour = Int(keys[index + 1]), (0...23).contains(hour),
               !(index + 2 < keys.count && ["am", "pm"].contains(keys[index + 2])) {
                time = LocalTime(hour: DatePhraseParser.spokenHour(hour), minute: 0)
                index += 2
                continue
            }
            // "by fri", "until dec 1": the word before a date is not title.
            if key == "by" || key == "until", index + 1 < words.count, !words[index + 1].quoted,
               (try? dates.matchDate(keys, at: index + 1)) ?? nil != nil {
                index += 1
                continue
            }
            // Time, including "at 3pm"
            if let match = try dates.matchTime(keys, at: index) {
                guard time == nil else { throw PhraseError("'\(phrase)' names two times") }
                time = match.time
                index += match.length
                continue
            }
            // Place (meetings and lunches): "at Nobu"
            if key == "at", kind == .meeting || kind == .lunch, index + 1 < words.count {
                let (words, used) = readPlace(words, from: index + 1)
                if !words.isEmpty {
                    guard place == nil else { throw PhraseError("'\(phrase)' names two places") }
                    place = words
                    index += 1 + used
                    continue
                }
            }
            // Date; "in" is only a date before a count and a unit ("in 3 days", not "in Berlin").
            if key != "in" || (index + 2 < keys.count && DatePhraseParser.unitWords.contains(keys[index + 2])),
               let match = try dates.matchDate(keys, at: index) {
                guard day == nil else { throw PhraseError("'\(phrase)' names two dates") }
                day = match.day
                impliedTime = match.impliedTime
                index += match.length
                // "meeting … fri 10": a bare hour right after the day, for appointments and calls.
                if time == nil, [.meeting, .call, .lunch].contains(kind), index < words.count, !words[index].quoted,
                   let hour = Int(keys[index]), keys[index].count <= 2, (0...23).contains(hour),
                   !(index + 1 < keys.count && (DatePhraseParser.unitWords.contains(keys[index + 1]) || ["am", "pm"].contains(keys[index + 1]))) {
                    time = LocalTime(hour: DatePhraseParser.spokenHour(hour), minute: 0)
                    index += 1
                }
                continue
            }
            // Never a guess: a date-shaped word that does not read, or a slip
            // of a date word, stops the phrase (quote it to keep it as title).
            if let reason = dates.danglingDate(keys, at: index) { throw PhraseError(reason) }
            if DatePhraseParser.looksLikeDateOrTime(key) {
                throw PhraseError("'\(word.text)' is not a date or time Rapport reads (write 15.3. or 2026-03-15, 9:30 or 9h30; "
                                  + "put it in double quotes to keep it in the title)")
            }
            if let meant = DatePhraseParser.misspelling(of: key) {
                throw PhraseError("'\(word.text)' is not a date word; did you mean '\(meant)'? (put it in double quotes to keep it in the title)")
            }
            title.append(word.text)
            index += 1
        }
        // A title of only linking words ("with", "to") is no title.
        let linking: Set<String> = ["with", "to", "for", "about", "re", "at", "on", "and", "&", ","]
        if title.allSatisfy({ linking.contains($0.lowercased()) }) { title = [] }
        // "follow up on the contract": the two words are the kind and the start of the title, as
        // "call" is ("Call …"); alone ("follow up with Dana") they leave the title to the kind's own.
        if !title.isEmpty, words.count >= 2, QuickAddParser.kindWord(words)?.1 == 2 {
            title = ["\(words[0].text.prefix(1).uppercased())\(words[0].text.dropFirst())", words[1].text] + title
        }
        if let recurrence, day == nil { day = recurrence.first }
        let when: When? = day == nil && time == nil && impliedTime == nil
            ? nil : When(day: day ?? dates.today, time: time ?? impliedTime)
        return QuickAddEntry(kind: kind, title: title.joined(separator: " "), people: people, when: when,
                             place: place, account: account, cost: cost, recurrence: recurrence?.rule)
    }

    /// Whether a one-word repeat ("quarterly", "daily") stands alone: at the end,
    /// or before a date, a person, an account or "on" — not as an adjective of
    /// the title ("prepare quarterly review", "daily standup").
    private func isRepeatAdjectiveAlone(_ words: [Word], at index: Int) -> Bool {
        let next = index + 1
        guard next < words.count else { return true }
        if words[next].quoted { return false }
        let key = words[next].key
        if key == "on" || key == "," || key.hasPrefix("@") || key.hasPrefix("#") || ["with", "at", "for", "to"].contains(key) { return true }
        let keys = words.map(\.key)
        if (try? dates.matchDate(keys, at: next)) ?? nil != nil || (try? dates.matchTime(keys, at: next)) != nil { return true }
        return false
    }

    /// The words that can start a repeat.
    static let repeatStarts: Set<String> = ["every", "daily", "weekly", "fortnightly", "biweekly", "monthly", "quarterly",
                                            "yearly", "annually"]

    /// The longest run of words from `index` that reads as a repeat, and its length.
    private func readRepeat(_ keys: [String], at index: Int) throws(PhraseError) -> ((rule: Recurrence, first: CivilDate), Int)? {
        for length in stride(from: min(6, keys.count - index), through: 1, by: -1) {
            let run = keys[index..<(index + length)].joined(separator: " ")
            if let parsed = try? RecurrencePhrase.parse(run, today: dates.today) { return ((parsed.0, parsed.1), length) }
        }
        return nil
    }

    // MARK: - Pieces

    /// Whether a word ends a name or a place: it starts something else.
    private func isStop(_ words: [Word], at index: Int) -> Bool {
        let word = words[index]
        if word.quoted { return true }
        let key = word.key
        if ["with", "at", "and", "&", ",", "for", "about", "re", "to", "on"].contains(key) { return true }
        if key.hasPrefix("#") || key.hasPrefix("@") { return true }
        let keys = words.map(\.key)
        if (try? dates.matchTime(keys, at: index)) != nil { return true }
        if (try? dates.matchDate(keys, at: index)) ?? nil != nil { return true }
        if key == "in" || key == "this" || key == "next" { return true }
        if let first = key.first, first.isNumber || Money.symbols[first] != nil { return true }
        return false
    }

    /// Names after `with`: returns them and how many words they used.
    private func readNames(_ words: [Word], from start: Int) -> ([String], Int) {
        var names: [String] = []
        var index = start
        while index < words.count {
            if words[index].quoted && (index == start || names.isEmpty == false) {
                // A quoted name only right after "with" or a separator.
                break
            }
            guard !isStop(words, at: index) || isNameStart(words, at: index) else { break }
            var run = [words[index].text]
            var end = index + 1
            while end < words.count, !isStop(words, at: end), run.count < 4,
                  Self.startsLikeAName(words[end].text) || isParticle(words, at: end) {
                run.append(words[end].text)
                end += 1
            }
            // In lower case: take the longest run of words that is a known name.
            if run.count == 1 {
                var extended = run
                var probe = end
                var best = (run, end)
                while probe < words.count, !isStop(words, at: probe), extended.count < 4 {
                    extended.append(words[probe].text)
                    probe += 1
                    if isKnownName(NameMatcher.fold(extended.joined(separator: " "))) { best = (extended, probe) }
                }
                (run, end) = best
            } else if !isKnownName(NameMatcher.fold(run.joined(separator: " "))) {
                // Capitalised: prefer the longest known prefix ("Dana Ruiz Pricing" → Dana Ruiz) —
                // of two words or more: "Dana Park" is someone, not Dana Ruiz and a word of title.
                for length in stride(from: run.count - 1, through: 2, by: -1)
                where isKnownName(NameMatcher.fold(run.prefix(length).joined(separator: " "))) {
                    end = index + length
                    run = Array(run.prefix(length))
                    break
                }
            }
            names.append(run.joined(separator: " "))
            index = end
            // A separator continues the list.
            if index < words.count, [",", "and", "&"].contains(words[index].key),
               index + 1 < words.count, isNameStart(words, at: index + 1) {
                index += 1
                continue
            }
            break
        }
        return (names, index - start)
    }

    /// Whether a name can start here: a word that starts nothing else.
    private func isNameStart(_ words: [Word], at index: Int) -> Bool {
        guard !words[index].quoted else { return false }
        let key = words[index].key
        if ["with", "at", "and", "&", ",", "in", "this", "next"].contains(key) || key.hasPrefix("#") || key.hasPrefix("@") {
            return false
        }
        let keys = words.map(\.key)
        if (try? dates.matchTime(keys, at: index)) != nil { return false }
        if (try? dates.matchDate(keys, at: index)) ?? nil != nil { return false }
        return key.first?.isLetter == true
    }

    /// A word that may start a name: capitalised, or in a script without
    /// capitals (Devanagari, Arabic, Han, Thai…), where every word could be.
    static func startsLikeAName(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase || (first.isLetter && !first.isCased)
    }

    private func isParticle(_ words: [Word], at index: Int) -> Bool {
        let particles: Set<String> = ["de", "da", "di", "van", "von", "der", "den", "del", "la", "le", "du", "bin", "al", "dos", "das"]
        // "de la Cruz": particles may follow each other before the capitalised word.
        return particles.contains(words[index].key) && index + 1 < words.count
            && (Self.startsLikeAName(words[index + 1].text) || isParticle(words, at: index + 1))
    }

    /// A place after `at`: a quoted text, or the words up to the next stop.
    private func readPlace(_ words: [Word], from start: Int) -> (String, Int) {
        if words[start].quoted { return (words[start].text, 1) }
        var index = start
        var parts: [String] = []
        while index < words.count, !isStop(words, at: index) || (index > start && isParticle(words, at: index)) {
            parts.append(words[index].text)
            index += 1
        }
        return (parts.joined(separator: " "), index - start)
    }

    /// Splits a phrase into words: white space separates, a comma is a word
    /// of its own, double quotes keep a text together (`\"` inside).
    static func split(_ phrase: String) throws(PhraseError) -> [Word] {
        var words: [Word] = []
        var current = ""
        var inQuotes = false
        var quotedWord = false
        var escaped = false
        func flush() {
            if !current.isEmpty || quotedWord { words.append(Word(text: current, quoted: quotedWord)) }
            current = ""
            quotedWord = false
        }
        for character in phrase {
            if inQuotes {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                    // "#" or "@" before the quote stays a word of its own.
                    flush()
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                if !current.isEmpty {
                    if current == "#" || current == "@" { words.append(Word(text: current, quoted: false)); current = "" }
                    else { flush() }
                }
                inQuotes = true
                quotedWord = true
            } else if character.isWhitespace {
                flush()
            } else if character == "," {
                flush()
                words.append(Word(text: ",", quoted: false))
            } else {
                current.append(character)
            }
        }
        if inQuotes { throw PhraseError("a quote is not closed in '\(phrase)'") }
        flush()
        return words
    }
}
