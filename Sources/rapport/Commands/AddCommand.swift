import ArgumentParser
import Foundation
import RapportCore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add anything in one phrase: rapport add \"lunch with Dana Ruiz fri 12:30 at Nobu #acme\".",
        discussion: """
            The phrase mixes, in any order:
              a kind first   follow-up (fu), meeting, lunch, call, email, thanks, gift, note — none: a follow-up
              people         with Dana Ruiz | with Dana and Lee Park | @dana | @12 (an id) | to/for a known name
              when           today, tomorrow, day after tomorrow, fri, fri., this fri, next fri, in 3 days, +2w,
                             end of week, end of month, the 20th, 2026-12-01, 2026/12/01, 15.3., 15.03.2026,
                             dec 1, 3/15, 12:30, 3pm, 9h30, 15h, 9.30, noon, half past 3, quarter to 5, fri 10
              a repeat       every first monday, every 2 weeks, every other week, biweekly, weekly on tuesday,
                             every weekday, every mon and thu, every quarter, monthly on the 31st
              an account     #acme | #"Acme Corp" (lunches and notes: its whole team; thanks: its latest meeting)
              a place        at Nobu (meetings and lunches)
              a cost         $80, €75, 80 EUR (gifts and lunches)
            The rest is the title; words in "double quotes" are always title.
            A word that looks like a date and does not read, or is a slip of a date word, is refused \
            with a "did you mean" (status 2, nothing stored). A name that matches one contact links it; \
            several: the candidates are listed; none: a new contact only for a full name no one is close \
            to (--new NAME for any other, --no-create to refuse all). A new #account likewise, only when \
            no account is close to its name (--new-account NAME for one that is). thanks @name marks the oldest note \
            owed to them sent. An item already late is stored with a warning.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The phrase (quote it, or give it as several words).")
    var words: [String]

    @Flag(help: "Print what would be stored, and store nothing.")
    var dryRun = false

    @Flag(help: "Print what was stored as JSON.")
    var json = false

    @OptionGroup var creation: CreationOptions

    @Option(name: .customLong("new-account"), parsing: .singleValue,
            help: ArgumentHelp("Create this #account even though one in the book has a close name.", valueName: "name"))
    var newAccounts: [String] = []

    func validate() throws {
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("say what to add, like: rapport add \"send the deck to Dana fri\"")
        }
    }

    func run() throws {
        let phrase = words.joined(separator: " ")
        let now = store.clock.now
        let calendar = store.calendar
        let today = calendar.day(of: now)
        let environment = ProcessInfo.processInfo.environment
        // A book that exists is opened once, for writing (opening writes
        // nothing); with no book yet, the phrase is planned against an empty
        // one, and a rejected phrase creates no file.
        let existing = try store.bookExists() ? store.openForWriting() : nil
        let reader = try existing ?? reporting { try RapportStore.inMemory() }
        let plan = try reporting {
            let rules = try reader.rules()
            let parser = try reader.quickAddParser(dates: DatePhraseParser(
                today: today, weekend: rules.weekend, numericOrder: NumericDateOrder.from(environment: environment)),
                alsoKnown: creation.new)
            let entry = try parser.parse(phrase)
            return try reader.plan(entry, new: creation.rule, newAccounts: newAccounts, now: now, calendar: calendar, rules: rules)
        }
        if dryRun {
            if json {
                try printJSON(AddJSON(plan: plan, outcome: nil, calendar: calendar))
            } else {
                say("Would add " + TerminalText.safe(plan.description(calendar: calendar, today: today)))
            }
            return
        }
        let database = try existing ?? store.openForWriting()
        let outcome = try reporting { try database.perform(plan, now: now, calendar: calendar) }
        if json {
            try printJSON(AddJSON(plan: plan, outcome: outcome, calendar: calendar))
            return
        }
        let refs = outcome.refs.map(\.description).joined(separator: " ")
        let line = plan.summary(of: outcome, calendar: calendar, now: now)
        say(TerminalText.safe(line))
        if !refs.isEmpty, let late = AddCommand.lateness(of: plan, now: now, calendar: calendar) {
            warn("\(refs) is already \(late) late")
        }
    }

    /// How late an item is the moment it is stored ("3 d", "2 h"), for the
    /// warning; nil when it is not late or cannot be (meetings, notes).
    static func lateness(of plan: QuickAddPlan, now: Date, calendar: LocalCalendar) -> String? {
        guard ![.meeting, .note].contains(plan.entry.kind) else { return nil }
        let today = calendar.day(of: now)
        if let instant = plan.instant, instant < now {
            let minutes = Int(now.timeIntervalSince(instant) / 60)
            return minutes >= 1440 ? "\(minutes / 1440) d" : minutes >= 60 ? "\(minutes / 60) h" : "\(max(minutes, 1)) min"
        }
        if let day = plan.day, day < today { return "\(day.days(until: today)) d" }
        return nil
    }
}

/// `rapport add --json`: what was (or would be) stored.
struct AddJSON: Encodable {
    var ids: [String]
    /// What was stored: `follow-up` for `call …` and `email …` too.
    var kind: String
    var title: String
    var contacts: [String]
    var newContacts: [String]
    var account: String?
    var newAccount: Bool
    var when: String?
    var place: String?
    var cost: String?
    var currency: String?
    var thankYouNotes: [String]
    var markedSent: [String]
    var repeats: String?
    var stored: Bool

    init(plan: QuickAddPlan, outcome: QuickAddOutcome?, calendar: LocalCalendar) {
        ids = outcome?.refs.map(\.description) ?? []
        kind = plan.entry.kind.stored
        title = plan.title
        contacts = plan.peopleNames
        newContacts = plan.people.newNames
        account = plan.account?.name
        if case .new = plan.account { newAccount = true } else { newAccount = false }
        when = plan.instant.map { AgendaText.iso(.instant($0), calendar: calendar) } ?? plan.day?.iso
        place = plan.entry.place
        cost = plan.entry.cost.map { Money(minorUnits: $0.minorUnits, currency: $0.currency).amountText }
        currency = plan.entry.cost?.currency
        thankYouNotes = outcome?.thankYouNotes.map { $0.ref.description } ?? []
        markedSent = outcome?.markedSent.map(\.description) ?? plan.notesToMark.map(\.ref.description)
        repeats = plan.entry.recurrence?.phrase
        stored = outcome != nil
    }

    enum CodingKeys: String, CodingKey {
        case ids, kind, title, contacts, newContacts, account, newAccount, when, place, cost, currency, thankYouNotes, markedSent, repeats, stored
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ids, forKey: .ids)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(contacts, forKey: .contacts)
        try c.encode(newContacts, forKey: .newContacts)
        try c.encode(account, forKey: .account)
        try c.encode(newAccount, forKey: .newAccount)
        try c.encode(when, forKey: .when)
        try c.encode(place, forKey: .place)
        try c.encode(cost, forKey: .cost)
        try c.encode(currency, forKey: .currency)
        try c.encode(thankYouNotes, forKey: .thankYouNotes)
        try c.encode(markedSent, forKey: .markedSent)
        try c.encode(repeats, forKey: .repeats)
        try c.encode(stored, forKey: .stored)
    }
}
