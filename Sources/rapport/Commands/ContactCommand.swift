import ArgumentParser
import RapportCore

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Add, merge, archive and delete contacts.",
        subcommands: [ContactAddCommand.self, ContactMergeCommand.self, ContactArchiveCommand.self,
                      ContactUnarchiveCommand.self, ContactDeleteCommand.self]
    )
}

struct ContactAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a contact.",
        discussion: "Example: rapport contact add \"Dana Ruiz\" --account Acme --tier A --email dana@acme.com"
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The contact's full name.")
    var name: String

    @Option(help: "What they are called day to day.")
    var nickname: String?

    @Option(help: "Their company; created when new.")
    var account: String?

    @Option(help: "Their title or role at the account.")
    var role: String?

    @Option(help: "Priority tier: A, B or C.")
    var tier: String?

    @Flag(help: "A favourite client (lunches are tracked for favourites).")
    var favourite = false

    @Option(help: ArgumentHelp("Stay in touch every N days (default: the tier's cadence).", valueName: "days"))
    var every: Int?

    @Option(help: ArgumentHelp("Lunch every N days (favourites).", valueName: "days"))
    var lunchEvery: Int?

    @Option(help: ArgumentHelp("How they prefer to be reached: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "channel"))
    var channel: String?

    @Option(help: "An email address (repeat for several).")
    var email: [String] = []

    @Option(help: "A phone number (repeat for several).")
    var phone: [String] = []

    @Option(help: "A tag (repeat for several).")
    var tag: [String] = []

    @Option(help: "What they need.")
    var needs: String?

    @Option(help: "What they want.")
    var wants: String?

    @Option(help: "What they care about.")
    var caresAbout: String?

    @Option(help: "Dietary needs, for lunches.")
    var dietary: String?

    @Option(help: "Family details.")
    var family: String?

    @Option(help: "Interests.")
    var interests: String?

    @Option(help: ArgumentHelp("Birthday: YYYY-MM-DD, or --MM-DD without the year.", valueName: "date"))
    var birthday: String?

    @Option(help: ArgumentHelp("Anniversary: YYYY-MM-DD, or --MM-DD without the year; its card is due as a birthday's.", valueName: "date"))
    var anniversary: String?

    @Option(help: "Free notes.")
    var notes: String?

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name is empty") }
        if let tier, Tier(text: tier) == nil { throw ValidationError("--tier must be A, B or C, not '\(tier)'") }
        let days = ValidRange.cadenceDays
        if let every, !days.contains(every) { throw ValidationError("--every must be from \(days.lowerBound) to \(days.upperBound) days, not \(every)") }
        if let lunchEvery, !days.contains(lunchEvery) { throw ValidationError("--lunch-every must be from \(days.lowerBound) to \(days.upperBound) days, not \(lunchEvery)") }
        if let channel, Channel(rawValue: channel.lowercased()) == nil {
            throw ValidationError("--channel must be one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let birthday, Birthday(text: birthday) == nil {
            throw ValidationError("--birthday '\(birthday)' is not YYYY-MM-DD or --MM-DD")
        }
        if let anniversary, Birthday(text: anniversary) == nil {
            throw ValidationError("--anniversary '\(anniversary)' is not YYYY-MM-DD or --MM-DD")
        }
        for address in email where !address.contains("@") {
            throw ValidationError("--email '\(address)' is not an email address")
        }
    }

    func run() throws {
        let now = store.clock.now
        let contact = Contact(
            name: name, nickname: nickname, title: role, tier: tier.flatMap(Tier.init(text:)),
            isFavourite: favourite, stayInTouchDays: every, lunchCadenceDays: lunchEvery,
            preferredChannel: channel.flatMap { Channel(rawValue: $0.lowercased()) }, needs: needs, wants: wants,
            caresAbout: caresAbout, dietaryNeeds: dietary, family: family, interests: interests,
            birthday: birthday.flatMap(Birthday.init(text:)), notes: notes, createdAt: now)
        let database = try store.openForWriting()
        let saved = try reporting {
            try database.addContact(ContactDraft(contact: contact, accountName: account, emails: email, phones: phone, tags: tag,
                                                 anniversary: anniversary.flatMap(Birthday.init(text:))))
        }
        let rules = try reporting { try database.rules() }
        var facts: [String] = []
        if let account { facts.append(account) }
        if let tier = saved.tier { facts.append("tier \(tier.rawValue)") }
        if let cadence = Policy(rules: rules, calendar: store.calendar).cadence(ownDays: saved.stayInTouchDays, tier: saved.tier) {
            facts.append("keep in touch every \(cadence) days")
        }
        if let lunch = saved.lunchCadenceDays { facts.append("lunch every \(lunch) days") }
        if saved.isFavourite { facts.append("favourite") }
        let tail = facts.isEmpty ? "" : " (" + facts.map(TerminalText.safe).joined(separator: ", ") + ")"
        say("Added @\(saved.id!) \(TerminalText.safe(saved.name))\(tail)")
    }
}
