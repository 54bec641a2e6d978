import RapportCore

/// The forms of the front end, and completion of names in them.
public enum Forms {
    static func field(_ key: String, _ label: String, _ value: String = "", hint: String = "", people: Bool = false) -> Form.Field {
        Form.Field(key: key, label: label, editor: LineEditor(value), hint: hint, completesPeople: people)
    }

    /// A yes/no field, toggled rather than typed.
    static func toggle(_ key: String, _ label: String, _ on: Bool) -> Form.Field {
        var field = Form.Field(key: key, label: label, editor: LineEditor(on ? "yes" : "no"), hint: "Space toggles")
        field.isToggle = true
        return field
    }

    public static func meeting(with name: String) -> Form {
        Form(kind: .meeting, title: "Log a meeting", fields: [
            field("title", "Title", hint: "Acme kickoff"),
            field("when", "When", hint: "today 10:00, fri 14:30"),
            field("with", "Attendees", prefilled(name), hint: "names, comma-separated (Tab completes)", people: true),
            field("place", "Place", hint: "optional"),
            field("prep", "Prep notes", hint: "research before, optional"),
            field("outcome", "Outcome", hint: "what came of it, optional"),
        ])
    }

    public static func call(with name: String) -> Form {
        Form(kind: .call, title: "Log a call", fields: [
            field("with", "With", prefilled(name), hint: "names, comma-separated (Tab completes)", people: true),
            field("title", "About", hint: "renewal terms"),
            field("when", "When", hint: "now; or today 9:30, yesterday 4pm"),
            field("notes", "Notes", hint: "optional"),
        ])
    }

    public static func lunch(with name: String) -> Form {
        Form(kind: .lunch, title: "Lunch (held if in the past, offered if to come)", fields: [
            field("with", "With", prefilled(name), hint: "names, comma-separated (Tab completes)", people: true),
            field("when", "When", hint: "fri 12:30; empty: offered, no date yet"),
            field("place", "Place", hint: "optional"),
            field("cost", "Cost", hint: "held lunches: $60, €75.50; optional"),
        ])
    }

    public static func gift(for name: String) -> Form {
        Form(kind: .gift, title: "Plan a gift", fields: [
            field("title", "Gift", hint: "cheese basket"),
            field("with", "For", prefilled(name), hint: "names (Tab completes), or leave empty for a team", people: true),
            field("account", "Team of", hint: "an account, for its whole team"),
            field("cost", "Cost", hint: "$80, €75.50, 80 EUR"),
            field("when", "Send by", hint: "dec 18, optional"),
        ])
    }

    public static func newContact() -> Form {
        Form(kind: .newContact, title: "Add a contact", fields: [
            field("name", "Name", hint: "Dana Ruiz"),
            field("account", "Account", hint: "optional; created when new"),
            field("role", "Role", hint: "optional"),
            field("tier", "Tier", hint: "A, B, C or empty"),
            field("email", "Email", hint: "optional"),
            field("phone", "Phone", hint: "optional"),
            field("birthday", "Birthday", hint: "YYYY-MM-DD or --MM-DD, optional"),
            field("anniversary", "Anniversary", hint: "YYYY-MM-DD or --MM-DD, optional"),
            field("notes", "Notes", hint: "optional"),
        ])
    }

    /// The three ratings of a segment, 1 to 5 (empty: not rated, or unchanged).
    static func ratingFields(_ segment: Segment?) -> [Form.Field] {
        let hint = segment == nil ? "1–5, optional" : "1–5; empty leaves it"
        return [
            field("attractiveness", "Attractive to us", segment?.attractiveness.map(String.init) ?? "", hint: hint),
            field("competitiveness", "Competitive there", segment?.competitiveness.map(String.init) ?? "", hint: hint),
            field("appeal", "Appeal to buyers", segment?.appealToBuyers.map(String.init) ?? "", hint: hint),
        ]
    }

    public static func newSegment() -> Form {
        Form(kind: .newSegment, title: "Add a segment", fields: [field("name", "Name", hint: "Mid-size logistics, DACH")] + ratingFields(nil))
    }

    public static func editSegment(_ segment: Segment) -> Form {
        Form(kind: .editSegment(segment.id!), title: "Rate \(segment.name)",
             fields: [field("name", "Name", segment.name)] + ratingFields(segment))
    }

    public static func assignSegment(_ segment: Segment) -> Form {
        Form(kind: .assignSegment(segment.id!), title: "Accounts of \(segment.name)", fields: [
            field("add", "Put in", hint: "accounts, comma-separated (each leaves its other segment)"),
            field("remove", "Take out", hint: "accounts, comma-separated, optional"),
        ])
    }

    /// A gift for an account's whole team (what a suggested team gift asks for).
    public static func gift(forTeamOf account: String) -> Form {
        var form = gift(for: "")
        if let index = form.fields.firstIndex(where: { $0.key == "account" }) { form.fields[index].editor.set(account) }
        form.title = "Plan a gift for the team of \(account)"
        return form
    }

    /// How a due date or start reads back in a form: `2026-03-05` or `2026-03-05 16:00`.
    static func whenText(_ due: Due, calendar: LocalCalendar) -> String {
        switch due {
        case .day(let day): return day.iso
        case .instant(let instant): return "\(calendar.day(of: instant).iso) \(calendar.time(of: instant))"
        }
    }

    public static func editFollowUp(_ followUp: FollowUp, people: [String], calendar: LocalCalendar) -> Form {
        Form(kind: .editFollowUp(followUp.id!), title: "Edit \(followUp.ref) follow-up", fields: [
            field("title", "Promise", followUp.title),
            field("when", "Due", whenText(followUp.due, calendar: calendar), hint: "fri, 2026-03-05 16:00"),
            field("with", "To", people.joined(separator: ", "), hint: "names, comma-separated (Tab completes)", people: true),
            field("notes", "Notes", followUp.notes ?? ""),
        ])
    }

    public static func editMeeting(_ meeting: Meeting, calendar: LocalCalendar) -> Form {
        Form(kind: .editMeeting(meeting.id!), title: "Edit \(meeting.ref) meeting", fields: [
            field("title", "Title", meeting.title),
            field("when", "Starts", whenText(.instant(meeting.startsAt), calendar: calendar), hint: "fri 14:00"),
            field("place", "Place", meeting.place ?? ""),
            field("add", "Add attendees", hint: "names: each is owed a thank-you note", people: true),
            field("remove", "Remove attendees", hint: "names: their note owed is dropped", people: true),
            field("outcome", "Outcome", meeting.outcomeNotes ?? ""),
        ])
    }

    public static func editLunch(_ lunch: Lunch, calendar: LocalCalendar) -> Form {
        Form(kind: .editLunch(lunch.id!), title: "Edit \(lunch.ref) lunch", fields: [
            field("when", "When", lunch.startsAt.map { whenText(.instant($0), calendar: calendar) } ?? "", hint: "fri 12:30"),
            field("place", "Place", lunch.place ?? ""),
            field("notes", "Notes", lunch.notes ?? ""),
        ])
    }

    public static func editInteraction(_ interaction: Interaction, calendar: LocalCalendar) -> Form {
        Form(kind: .editInteraction(interaction.id!), title: "Edit \(interaction.ref) \(interaction.kind.rawValue)", fields: [
            field("title", "About", interaction.title),
            field("when", "When", whenText(.instant(interaction.occurredAt), calendar: calendar), hint: "today 9:30, yesterday 4pm"),
            field("kind", "Kind", interaction.kind.rawValue, hint: InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")),
            field("notes", "Notes", interaction.notes ?? ""),
        ])
    }

    public static func editGift(_ gift: Gift) -> Form {
        let cost = gift.costMinorUnits.map { Money(minorUnits: $0, currency: gift.currency ?? "USD").description } ?? ""
        return Form(kind: .editGift(gift.id!), title: "Edit \(gift.ref) gift", fields: [
            field("title", "Gift", gift.description),
            field("occasion", "Occasion", gift.occasion, hint: "closed deal, birthday…"),
            field("when", "Send by", gift.sendBy?.iso ?? "", hint: "dec 18; empty leaves it"),
            field("cost", "Cost", cost, hint: "$80, €75.50; empty: none"),
        ])
    }

    public static func editContact(_ contact: Contact, anniversary: Birthday? = nil) -> Form {
        Form(kind: .editContact(contact.id!), title: "Edit \(contact.name)", fields: [
            field("name", "Name", contact.name),
            field("nickname", "Nickname", contact.nickname ?? ""),
            field("role", "Role", contact.title ?? ""),
            field("account", "Account", hint: "unchanged when empty"),
            field("tier", "Tier", contact.tier?.rawValue ?? "", hint: "A, B, C or empty"),
            field("every", "Touch every", contact.stayInTouchDays.map(String.init) ?? "", hint: "days; empty: the tier's"),
            toggle("favourite", "Favourite", contact.isFavourite),
            field("lunch", "Lunch every", contact.lunchCadenceDays.map(String.init) ?? "", hint: "days, for favourites"),
            field("channel", "Prefers", contact.preferredChannel?.rawValue ?? "", hint: Channel.allCases.map(\.rawValue).joined(separator: ", ")),
            field("email", "Add email", hint: "optional"),
            field("needs", "Needs", contact.needs ?? ""),
            field("wants", "Wants", contact.wants ?? ""),
            field("cares", "Cares about", contact.caresAbout ?? ""),
            field("dietary", "Dietary", contact.dietaryNeeds ?? ""),
            field("family", "Family", contact.family ?? ""),
            field("interests", "Interests", contact.interests ?? ""),
            field("birthday", "Birthday", contact.birthday?.description ?? "", hint: "YYYY-MM-DD or --MM-DD"),
            field("anniversary", "Anniversary", anniversary?.description ?? "", hint: "YYYY-MM-DD or --MM-DD"),
            field("notes", "Notes", contact.notes ?? ""),
        ])
    }

    /// Completes the last comma-separated name in `text` from the book
    /// (`NameMatcher.completions`: whole names starting with what was typed,
    /// then names with a word that does). After a completion, the next match
    /// of what was first typed; nil when nothing matches.
    public static func complete(_ text: String, from names: [String], after previous: Form.Completion? = nil) -> (String, Form.Completion)? {
        var parts = text.components(separatedBy: ",")
        let last = parts.last?.trimmingCharacters(in: .whitespaces) ?? ""
        var completion: Form.Completion
        if let previous, previous.matches.indices.contains(previous.index), previous.matches[previous.index] == last {
            completion = previous
            completion.index = (previous.index + 1) % previous.matches.count
        } else {
            guard !last.isEmpty else { return nil }
            let matches = NameMatcher.completions(of: last, among: names).filter { $0 != last }
            guard !matches.isEmpty else { return nil }
            completion = Form.Completion(typed: last, matches: matches, index: 0)
        }
        parts[parts.count - 1] = (parts.count > 1 ? " " : "") + completion.matches[completion.index]
        return (parts.joined(separator: ","), completion)
    }

    /// A name put in a form beforehand ends with ", ", so typing adds a person.
    static func prefilled(_ name: String) -> String { name.isEmpty ? "" : name + ", " }
}
