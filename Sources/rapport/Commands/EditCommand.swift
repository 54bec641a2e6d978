import ArgumentParser
import RapportCore

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a follow-up (f12), a meeting (m3), a lunch (l4), a gift (g2), a logged call or note (i5) or a contact (@7, or a name).",
        discussion: """
            Follow-ups: --title --due --repeat (or --repeat none) --notes --with.
            Meetings: --title --at --place --prep --outcome --add-attendee --remove-attendee (a person added to a \
            meeting that happened is owed a thank-you note; one removed loses theirs).
            Lunches: --at --place --notes. Gifts: --title --occasion --send-by --cost (or --cost none).
            Logged calls, emails, messages, visits and notes (i5, as rapport log prints): --title --at --kind --notes.
            Contacts: --name --nickname --account --role --tier (or none) --favourite/--no-favourite \
            --every (days, or tier) --lunch-every --channel --email --phone --tag --untag --needs --wants \
            --cares-about --dietary --family --interests --birthday --anniversary --notes. An empty value clears a text field.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("What to change: f12, m3, @7 or a contact's name.", valueName: "target"),
              completion: Completions.itemsAndContacts)
    var target: [String]

    @Option(help: "Follow-up or meeting title.") var title: String?
    @Option(help: "Follow-up: the new due date.") var due: String?
    @Option(name: .customLong("repeat"), help: "Follow-up: how it repeats, or none.") var repeatRule: String?
    @Option(help: "Follow-up: who it was promised to (replaces them).") var with: String?
    @Option(help: "Meeting or lunch: the new start; a logged interaction: when it happened.") var at: String?
    @Option(help: "Meeting or lunch: the place.") var place: String?
    @Option(help: ArgumentHelp("Meeting: a person who attended too (repeat for several).", valueName: "name")) var addAttendee: [String] = []
    @Option(help: ArgumentHelp("Meeting: a person who did not attend after all.", valueName: "name")) var removeAttendee: [String] = []
    @Option(help: "Gift: the occasion.") var occasion: String?
    @Option(help: "Gift: the day to send it by.") var sendBy: String?
    @Option(help: "Gift: what it cost ($80, €84,50), or none.") var cost: String?
    @Option(help: "Logged interaction: call, email, message, visit, note or other.") var kind: String?
    @Option(help: "Meeting: research notes.") var prep: String?
    @Option(help: "Meeting: what came of it.") var outcome: String?
    @Option(help: "Contact: full name.") var name: String?
    @Option(help: "Contact: nickname.") var nickname: String?
    @Option(help: "Contact: account (empty: none).", completion: Completions.accounts) var account: String?
    @Option(help: "Contact: title or role.") var role: String?
    @Option(help: "Contact: tier A, B, C or none.") var tier: String?
    @Flag(inversion: .prefixedNo, help: "Contact: a favourite client (or not).") var favourite: Bool?
    @Option(help: ArgumentHelp("Contact: stay in touch every N days, or 'tier' for the tier's cadence.", valueName: "days")) var every: String?
    @Option(help: ArgumentHelp("Contact: lunch every N days, or none.", valueName: "days")) var lunchEvery: String?
    @Option(help: "Contact: preferred channel.") var channel: String?
    @Option(help: "Contact: add an email.") var email: [String] = []
    @Option(help: "Contact: add a phone number.") var phone: [String] = []
    @Option(help: "Contact: add a tag.") var tag: [String] = []
    @Option(help: "Contact: remove a tag.") var untag: [String] = []
    @Option(help: "Contact: what they need.") var needs: String?
    @Option(help: "Contact: what they want.") var wants: String?
    @Option(help: "Contact: what they care about.") var caresAbout: String?
    @Option(help: "Contact: dietary needs.") var dietary: String?
    @Option(help: "Contact: family.") var family: String?
    @Option(help: "Contact: interests.") var interests: String?
    @Option(help: "Contact: birthday, YYYY-MM-DD or --MM-DD.") var birthday: String?
    @Option(help: "Contact: anniversary, YYYY-MM-DD or --MM-DD (empty: none); its card is due as a birthday's.") var anniversary: String?
    @Option(help: "Notes (follow-up, lunch, logged interaction or contact).") var notes: String?

    private var followUpOptions: [String?] { [due, repeatRule, with] }
    private var meetingOptions: [String?] { [at, place, prep, outcome] }
    private var giftOptions: [String?] { [occasion, sendBy, cost] }
    private var attendeesUsed: Bool { !addAttendee.isEmpty || !removeAttendee.isEmpty }
    private var contactOptions: [String?] {
        [name, nickname, account, role, tier, every, lunchEvery, channel, needs, wants, caresAbout, dietary, family, interests, birthday, anniversary]
    }
    private var contactListsUsed: Bool { !email.isEmpty || !phone.isEmpty || !tag.isEmpty || !untag.isEmpty || favourite != nil }

    func validate() throws {
        if target.isEmpty { throw ValidationError("name what to change: f12, m3, l4, g2, i5 or a contact") }
        if let kind, InteractionKind(rawValue: kind.lowercased()) == nil {
            throw ValidationError("--kind must be one of \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let tier, tier.lowercased() != "none", Tier(text: tier) == nil { throw ValidationError("--tier must be A, B, C or none") }
        if let channel, !channel.isEmpty, Channel(rawValue: channel.lowercased()) == nil {
            throw ValidationError("--channel must be one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let birthday, !birthday.isEmpty, Birthday(text: birthday) == nil { throw ValidationError("--birthday must be YYYY-MM-DD or --MM-DD") }
        if let anniversary, !anniversary.isEmpty, Birthday(text: anniversary) == nil {
            throw ValidationError("--anniversary '\(anniversary)' is not YYYY-MM-DD or --MM-DD")
        }
        let days = ValidRange.cadenceDays
        if let every, every != "tier", !days.contains(Int(every) ?? 0) { throw ValidationError("--every takes a number of days (\(days.lowerBound) to \(days.upperBound)) or 'tier', not '\(every)'") }
        if let lunchEvery, lunchEvery != "none", !days.contains(Int(lunchEvery) ?? 0) { throw ValidationError("--lunch-every takes a number of days (\(days.lowerBound) to \(days.upperBound)) or 'none', not '\(lunchEvery)'") }
    }

    func run() throws {
        let context = CommandContext(store)
        let text = target.joined(separator: " ")
        if let logged = InteractionRef(parsing: text) {
            try refuse(followUpOptions + [place, prep, outcome] + giftOptions + contactOptions, contactListsUsed || attendeesUsed, for: "a logged interaction")
            try editInteraction(logged.id, context)
            return
        }
        let ref = try? ItemRef(parsing: text)
        switch ref?.kind {
        case .followUp?:
            try refuse(meetingOptions + giftOptions + [kind] + contactOptions, contactListsUsed || attendeesUsed, for: "a follow-up")
            try editFollowUp(ref!.id, context)
        case .meeting?:
            try refuse(followUpOptions + giftOptions + [kind] + contactOptions + [notes], contactListsUsed, for: "a meeting")
            try editMeeting(ref!.id, context)
        case .lunch?:
            try refuse(followUpOptions + [title, prep, outcome, kind] + giftOptions + contactOptions, contactListsUsed || attendeesUsed, for: "a lunch")
            try editLunch(ref!.id, context)
        case .gift?:
            try refuse(followUpOptions + meetingOptions + [kind, notes] + contactOptions, contactListsUsed || attendeesUsed, for: "a gift")
            try editGift(ref!.id, context)
        case .some(let kind):
            throw CommandFailure("\(text) is a \(kind.label) item; edit its follow-up (f), meeting (m), lunch (l), gift (g) or contact (@id)", status: CommandFailure.badInput)
        case nil:
            try refuse(followUpOptions + meetingOptions + giftOptions + [title, kind], attendeesUsed, for: "a contact")
            try editContact(text, context)
        }
    }

    private func refuse(_ options: [String?], _ lists: Bool, for what: String) throws {
        if options.contains(where: { $0 != nil }) || lists {
            throw CommandFailure("some of these options do not apply to \(what); see rapport edit --help", status: CommandFailure.badInput)
        }
    }

    private func editFollowUp(_ id: Int64, _ context: CommandContext) throws {
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        var edit = FollowUpEdit(title: title, notes: notes)
        if let due { edit.due = try context.when(due, rules: rules) }
        if let repeatRule {
            // "monthly" keeps the due date's day of the month (the new one, else the stored one).
            let anchor = try edit.due?.day ?? reporting { try database.followUp(id: id)?.dueDay } ?? context.today
            edit.recurrence = repeatRule.lowercased() == "none" ? .some(nil)
                : .some(try reporting { try RecurrencePhrase.parse(repeatRule, today: anchor).0 })
        }
        if let with { edit.people = try reporting { try database.resolvePeople(CommandContext.names(with), new: .whenClearlyNew()) } }
        let (followUp, created) = try reporting { try database.editFollowUp(id: id, edit, now: context.now, calendar: context.calendar) }
        if let line = createdLine(created) { say(line) }
        let repeats = try reporting { try followUp.repeatRule() }.map { ", repeats \($0.phrase)" } ?? ""
        say("\(ItemRef(.followUp, id)): follow-up \"\(TerminalText.safe(followUp.title))\", due \(context.text(followUp.due))\(repeats)")
    }

    private func editMeeting(_ id: Int64, _ context: CommandContext) throws {
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        var edit = MeetingEdit(title: title, place: place, prepNotes: prep, outcomeNotes: outcome)
        if let at {
            let when = try context.when(at, rules: rules)
            guard let time = when.time else { throw CommandFailure("--at needs a time, like 'fri 14:00'", status: CommandFailure.badInput) }
            edit.startsAt = context.calendar.instant(on: when.day, at: time)
        }
        let added = try addAttendee.map { try lookUpContact($0, in: database) }
        let removed = try removeAttendee.map { try lookUpContact($0, in: database) }
        edit.addAttendees = added.map { $0.id! }
        edit.removeAttendees = removed.map { $0.id! }
        let meeting = try reporting { try database.editMeeting(id: id, edit, now: context.now) }
        var changes: [String] = []
        if !added.isEmpty { changes.append("added " + added.map { TerminalText.safe($0.name) }.joined(separator: ", ") + " (a thank-you note owed each)") }
        if !removed.isEmpty { changes.append("removed " + removed.map { TerminalText.safe($0.name) }.joined(separator: ", ") + " (their note owed dropped)") }
        say("\(ItemRef(.meeting, id)): meeting \"\(TerminalText.safe(meeting.title))\", \(context.text(.instant(meeting.startsAt)))"
            + (meeting.place.map { " at \(TerminalText.safe($0))" } ?? "") + changes.map { "; " + $0 }.joined())
    }

    private func editLunch(_ id: Int64, _ context: CommandContext) throws {
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        var edit = LunchEdit(place: place.map { $0.isEmpty ? nil : $0 }, notes: notes)
        if let at {
            let when = try context.when(at, rules: rules)
            let old = try reporting { try database.lunch(id: id) }?.startsAt
            guard let time = when.time ?? old.map({ context.calendar.time(of: $0) }) else {
                throw CommandFailure("--at needs a time for this lunch, like 'fri 12:30'", status: CommandFailure.badInput)
            }
            edit.startsAt = context.calendar.instant(on: when.day, at: time)
        }
        let lunch = try reporting { try database.editLunch(id: id, edit) }
        say("\(lunch.ref): lunch" + (lunch.startsAt.map { ", \(context.text(.instant($0)))" } ?? "")
            + (lunch.place.map { " at \(TerminalText.safe($0))" } ?? ""))
    }

    private func editGift(_ id: Int64, _ context: CommandContext) throws {
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        var edit = GiftEdit(description: title, occasion: occasion)
        if let sendBy { edit.sendBy = try context.when(sendBy, rules: rules).day }
        if let cost { edit.cost = cost.lowercased() == "none" ? .some(nil) : .some(try CostOption.parse(cost)) }
        let gift = try reporting { try database.editGift(id: id, edit) }
        say("\(gift.ref): gift \"\(TerminalText.safe(gift.description))\"" + (gift.sendBy.map { ", send by \(context.text(.day($0)))" } ?? ""))
    }

    private func editInteraction(_ id: Int64, _ context: CommandContext) throws {
        let database = try store.openForWriting()
        let rules = try reporting { try database.rules() }
        var edit = InteractionEdit(title: title, notes: notes, kind: kind.flatMap { InteractionKind(rawValue: $0.lowercased()) })
        if let at {
            let instant = try context.instant(at, rules: rules, looksBack: true)
            guard instant <= context.now else {
                throw CommandFailure("a log records what happened; \(context.text(.instant(instant))) is still to come", status: CommandFailure.badInput)
            }
            edit.occurredAt = instant
        }
        let interaction = try reporting { try database.editInteraction(id: id, edit) }
        say("\(interaction.ref): \(interaction.kind.rawValue) \"\(TerminalText.safe(interaction.title))\", \(context.text(.instant(interaction.occurredAt)))")
    }

    private func editContact(_ query: String, _ context: CommandContext) throws {
        let database = try store.openForWriting()
        let person = try lookUpContact(query, in: database)
        func clean(_ value: String?) -> String?? { value.map { $0.isEmpty ? nil : $0 } }
        var extras = ContactExtras(accountName: clean(account), addEmails: email, addPhones: phone, addTags: tag, removeTags: untag)
        if let anniversary { extras.anniversary = .some(Birthday(text: anniversary)) }
        let updated = try reporting {
            try database.editContact(id: person.id!, now: context.now, extras: extras) { contact in
                if let name { contact.name = name }
                if let value = clean(nickname) { contact.nickname = value }
                if let value = clean(role) { contact.title = value }
                if let tier { contact.tier = Tier(text: tier) }
                if let favourite { contact.isFavourite = favourite }
                if let every { contact.stayInTouchDays = every == "tier" ? nil : Int(every) }
                if let lunchEvery { contact.lunchCadenceDays = lunchEvery == "none" ? nil : Int(lunchEvery) }
                if let channel { contact.preferredChannel = Channel(rawValue: channel.lowercased()) }
                if let value = clean(needs) { contact.needs = value }
                if let value = clean(wants) { contact.wants = value }
                if let value = clean(caresAbout) { contact.caresAbout = value }
                if let value = clean(dietary) { contact.dietaryNeeds = value }
                if let value = clean(family) { contact.family = value }
                if let value = clean(interests) { contact.interests = value }
                if let birthday { contact.birthday = Birthday(text: birthday) }
                if let value = clean(notes) { contact.notes = value }
            }
        }
        say("@\(updated.id!): \(TerminalText.safe(updated.name)) updated")
    }
}
