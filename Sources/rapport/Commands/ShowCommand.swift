import ArgumentParser
import Foundation
import RapportCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a contact's card: who they are, what they care about, what is open, and every interaction.",
        discussion: "Name the contact by @id, name, nickname or email: rapport show @3, rapport show dana."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The contact.", valueName: "contact"))
    var contact: [String]

    @Option(help: "How many timeline entries to show.")
    var limit: Int = 20

    @Flag(help: "Print the card as JSON.")
    var json = false

    func validate() throws {
        if contact.isEmpty { throw ValidationError("name a contact, like: rapport show dana") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let context = CommandContext(store)
        guard let database = try store.openForReading() else {
            throw CommandFailure("no contact matches '\(contact.joined(separator: " "))'; the book is empty", status: CommandFailure.badInput)
        }
        let person = try lookUpContact(contact.joined(separator: " "), in: database)
        let id = person.id!
        let card = try reporting { () -> (rules: SchedulerRules, account: Account?, emails: [String], phones: [String], tags: [String],
                                         lastTouch: Date?, open: [AgendaItem], agenda: Agenda, timeline: [TimelineEntry]) in
            let rules = try database.rules()
            let agenda = try Scheduler(rules: rules, calendar: context.calendar).agenda(of: id, from: database, now: context.now)
            return (rules, try person.accountID.flatMap(database.account(id:)), try database.emails(ofContact: id),
                    try database.phones(ofContact: id), try database.tags(ofContact: id),
                    try database.lastTouch(ofContact: id, before: context.now),
                    agenda.all, agenda,
                    try database.timeline(ofContact: id, limit: limit))
        }
        let cadence = card.rules.cadence(ownDays: person.stayInTouchDays, tier: person.tier)
        let touchDue = Scheduler(rules: card.rules, calendar: context.calendar)
            .stayInTouchDue(latestTouch: person.latestTouchAt, addedAt: person.createdAt, cadence: cadence)
        let details = try reporting { try database.details(ofContact: id) }
        if json {
            var document = ContactCardJSON(contact: person, account: card.account?.name, emails: card.emails, phones: card.phones,
                                           tags: card.tags, cadence: cadence, lastTouch: card.lastTouch, touchDue: touchDue,
                                           open: card.open, timeline: card.timeline, calendar: context.calendar)
            document.details = details.map { ContactCardJSON.DetailJSON(kind: $0.kind.rawValue, label: $0.label, value: $0.value) }
            try printJSON(document)
            return
        }
        let style = OutputStyle.detect()
        var headline = [person.title, card.account?.name].compactMap { $0 }.joined(separator: " at ")
        if let tier = person.tier { headline += (headline.isEmpty ? "" : " · ") + "tier \(tier.rawValue)" }
        if person.isFavourite { headline += (headline.isEmpty ? "" : " · ") + "★ favourite" }
        say(style.bold(TerminalText.safe(person.name)) + "  @\(id)" + (headline.isEmpty ? "" : " · " + TerminalText.safe(headline)))
        var fields: [(String, String)] = []
        if let nickname = person.nickname { fields.append(("nickname", nickname)) }
        if !card.emails.isEmpty { fields.append(("email", card.emails.joined(separator: ", "))) }
        if !card.phones.isEmpty { fields.append(("phone", card.phones.joined(separator: ", "))) }
        if let channel = person.preferredChannel { fields.append(("prefers", channel.rawValue)) }
        if !card.tags.isEmpty { fields.append(("tags", card.tags.joined(separator: ", "))) }
        for (label, value) in [("needs", person.needs), ("wants", person.wants), ("cares about", person.caresAbout),
                               ("dietary", person.dietaryNeeds), ("family", person.family), ("interests", person.interests)] {
            if let value { fields.append((label, value)) }
        }
        if let birthday = person.birthday { fields.append(("birthday", birthday.description)) }
        // What imports brought that has no field of its own: "address (work)", "Shoe size".
        for detail in details {
            let label = detail.kind == .custom ? detail.label ?? "custom" : detail.kind.rawValue + (detail.label.map { " (\($0))" } ?? "")
            fields.append((TerminalText.safe(label), detail.value)) // an imported label is untrusted text
        }
        var rhythm: [String] = []
        if let cadence {
            rhythm.append("keep in touch every \(cadence) days" + (person.stayInTouchDays == nil ? " (tier \(person.tier!.rawValue))" : ""))
        }
        if let lunch = person.lunchCadenceDays { rhythm.append("lunch every \(lunch) days") }
        if !rhythm.isEmpty { fields.append(("cadence", rhythm.joined(separator: "; "))) }
        var touch = card.lastTouch.map { last -> String in
            "last touch \(DateText.day(context.calendar.day(of: last), relativeToYear: context.today.year)) (\(ago(last, context)))"
        } ?? "no touch yet"
        if let touchDue {
            let days = context.today.days(until: touchDue)
            touch += "; touch due \(DateText.day(touchDue, relativeToYear: context.today.year))" + (days < 0 ? " (\(-days) d late)" : "")
        }
        fields.append(("touch", touch))
        if let notes = person.notes { fields.append(("notes", notes)) }
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        for (label, value) in fields {
            say("  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + TerminalText.safe(value))
        }
        if !card.open.isEmpty {
            say("")
            say(style.bold("Open"))
            for line in AgendaPrinter(agenda: card.agenda, calendar: context.calendar, style: style).lines(card.open, indent: "  ") {
                say(line)
            }
        }
        say("")
        say(style.bold("Timeline"))
        if card.timeline.isEmpty { say("  nothing logged yet") }
        for entry in card.timeline {
            let when = DateText.due(.instant(entry.at), in: context.calendar, relativeToYear: context.today.year)
            let future = entry.at > context.now ? " (booked)" : ""
            say("  " + when.padding(toLength: 21, withPad: " ", startingAt: 0) + entry.kind.padding(toLength: 10, withPad: " ", startingAt: 0)
                + TerminalText.safe(entry.title) + future)
        }
    }
}

/// `rapport show --json`.
struct ContactCardJSON: Encodable {
    struct Entry: Encodable { var at: String, kind: String, title: String }
    var id: Int64
    var name: String
    var nickname: String?
    var account: String?
    var title: String?
    var tier: String?
    var favourite: Bool
    var emails: [String]
    var phones: [String]
    var tags: [String]
    var preferredChannel: String?
    var needs: String?, wants: String?, caresAbout: String?
    var dietaryNeeds: String?, family: String?, interests: String?, birthday: String?, notes: String?
    var cadenceDays: Int?
    var lunchCadenceDays: Int?
    var lastTouch: String?
    var touchDue: String?
    var open: [AgendaItemJSON]
    var timeline: [Entry]
    /// Imported details: {"kind": "address", "label": "work", "value": "1 Main St, Springfield"}.
    var details: [DetailJSON] = []
    struct DetailJSON: Encodable { var kind: String, label: String?, value: String }

    init(contact: Contact, account: String?, emails: [String], phones: [String], tags: [String], cadence: Int?,
         lastTouch: Date?, touchDue: CivilDate?, open: [AgendaItem], timeline: [TimelineEntry], calendar: LocalCalendar) {
        id = contact.id!
        name = contact.name
        nickname = contact.nickname
        self.account = account
        title = contact.title
        tier = contact.tier?.rawValue
        favourite = contact.isFavourite
        self.emails = emails
        self.phones = phones
        self.tags = tags
        preferredChannel = contact.preferredChannel?.rawValue
        needs = contact.needs
        wants = contact.wants
        caresAbout = contact.caresAbout
        dietaryNeeds = contact.dietaryNeeds
        family = contact.family
        interests = contact.interests
        birthday = contact.birthday?.description
        notes = contact.notes
        cadenceDays = cadence
        lunchCadenceDays = contact.lunchCadenceDays
        self.lastTouch = lastTouch.map { AgendaText.iso(.instant($0), calendar: calendar) }
        self.touchDue = touchDue?.iso
        self.open = open.map { AgendaItemJSON($0, calendar: calendar) }
        self.timeline = timeline.map { Entry(at: AgendaText.iso(.instant($0.at), calendar: calendar), kind: $0.kind, title: $0.title) }
    }
}
