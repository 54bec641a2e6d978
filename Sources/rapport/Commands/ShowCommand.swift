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

    @Argument(help: ArgumentHelp("The contact.", valueName: "contact"), completion: Completions.contacts)
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
        let (card, agenda) = try reporting { () -> (ContactCard, Agenda) in
            let scheduler = Scheduler(rules: try database.rules(), calendar: context.calendar)
            guard let card = try database.contactCard(id: id, now: context.now, scheduler: scheduler, timelineLimit: limit) else {
                throw StoreError.notFound("no contact @\(id)")
            }
            // The card's open items are already computed: the printer needs only now and today.
            return (card, Agenda(now: context.now, today: context.today, overdue: [], dueToday: [], upcoming: [], horizon: context.today))
        }
        if json {
            try printJSON(ContactCardJSON(card, calendar: context.calendar))
            return
        }
        let style = OutputStyle.detect()
        let headline = card.headline
        say(style.bold(TerminalText.safe(person.name)) + "  @\(id)" + (headline.isEmpty ? "" : " · " + TerminalText.safe(headline)))
        let fields = card.fields(today: context.today, calendar: context.calendar)
        let labelWidth = fields.map { $0.label.count }.max() ?? 0
        for (label, value) in fields {
            say("  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + TerminalText.safe(value))
        }
        if !card.open.isEmpty {
            say("")
            say(style.bold("Open"))
            for line in AgendaPrinter(agenda: agenda, calendar: context.calendar, style: style).lines(card.open, indent: "  ") {
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
    var details: [DetailJSON]
    struct DetailJSON: Encodable { var kind: String, label: String?, value: String }

    init(_ card: ContactCard, calendar: LocalCalendar) {
        let contact = card.contact
        let (account, emails, phones, tags, cadence, lastTouch, touchDue, open, timeline) =
            (card.account, card.emails, card.phones, card.tags, card.cadence, card.lastTouch, card.touchDue, card.open, card.timeline)
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
        details = card.details.map { DetailJSON(kind: $0.kind.rawValue, label: $0.label, value: $0.value) }
    }
}
