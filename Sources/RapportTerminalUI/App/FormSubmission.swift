import Foundation
import RapportCore

/// Turns a filled form into a change to the book, with the same library
/// rules as the shell commands; an error keeps the form open and says why.
extension RapportApp {
    func submit(_ form: Form) -> [Outcome] {
        do {
            switch form.kind {
            case .meeting: return try submitMeeting(form)
            case .call: return try submitCall(form)
            case .lunch: return try submitLunch(form)
            case .gift: return try submitGift(form)
            case .newContact: return try submitNewContact(form)
            case .editFollowUp(let id): return try submitFollowUpEdit(form, id: id)
            case .editMeeting(let id): return try submitMeetingEdit(form, id: id)
            case .editLunch(let id): return try submitLunchEdit(form, id: id)
            case .editContact(let id): return try submitContact(form, id: id)
            case .prepNotes(let id): return try submitPrepNotes(form, meetingID: id)
            case .editInteraction(let id): return try submitInteractionEdit(form, id: id)
            case .editGift(let id): return try submitGiftEdit(form, id: id)
            case .newSegment: return try submitNewSegment(form)
            case .editSegment(let id): return try submitSegmentEdit(form, id: id)
            case .assignSegment(let id): return try submitSegmentAccounts(form, id: id)
            }
        } catch {
            return [.formRefused(form, "\(error)")]
        }
    }

    private func people(_ text: String) throws -> People {
        try store.resolvePeople(NameMatcher.splitPeople(text), new: .whenClearlyNew())
    }

    private func parsed(_ text: String, looksBack: Bool = false) throws -> When? {
        var parser = dates()
        parser.looksBack = looksBack
        return text.isEmpty ? nil : try parser.parse(text)
    }

    private func instant(_ when: When, defaultTime: LocalTime?) -> Date {
        Policy(rules: rules, calendar: state.calendar).instant(for: when, now: state.now, defaultTime: defaultTime)
    }

    private func submitMeeting(_ form: Form) throws -> [Outcome] {
        guard !form.value("title").isEmpty else { throw StoreError.invalid("a meeting needs a title") }
        guard let when = try parsed(form.value("when")), when.time != nil else {
            throw StoreError.invalid("a meeting needs a time, like 'today 10:00'")
        }
        let people = try people(form.value("with"))
        let start = instant(when, defaultTime: nil)
        return try recorded("log meeting") {
            let (meeting, notes, _) = try store.addMeeting(MeetingDraft(
                title: form.value("title"), startsAt: start, place: form.value("place").nilIfEmpty, attendees: people,
                prepNotes: form.value("prep").nilIfEmpty, outcomeNotes: form.value("outcome").nilIfEmpty), now: state.now)
            let owed = start <= state.now && !notes.isEmpty ? "; thank-you notes owed: " + notes.map { $0.ref.description }.joined(separator: " ") : ""
            return "Logged \(meeting.ref) \"\(meeting.title)\"" + owed
        }
    }

    private func submitCall(_ form: Form) throws -> [Outcome] {
        guard !form.value("with").isEmpty else { throw StoreError.invalid("say who the call was with") }
        guard !form.value("title").isEmpty else { throw StoreError.invalid("say what the call was about") }
        let at = try parsed(form.value("when"), looksBack: true).map { instant($0, defaultTime: nil) } ?? state.now
        guard at <= state.now else { throw StoreError.invalid("a logged call happened already; add a follow-up for one to come") }
        let people = try people(form.value("with"))
        return try recorded("log call") {
            let (interaction, _) = try store.logInteraction(kind: .call, title: form.value("title"), people: people, at: at,
                                                            notes: form.value("notes").nilIfEmpty, now: state.now)
            return "Logged \(interaction.ref) call \"\(interaction.title)\""
        }
    }

    private func submitLunch(_ form: Form) throws -> [Outcome] {
        guard !form.value("with").isEmpty else { throw StoreError.invalid("say who the lunch is with") }
        let start = try parsed(form.value("when")).map { instant($0, defaultTime: .noon) }
        let people = try people(form.value("with"))
        let held = start.map { $0 <= state.now } ?? false
        let cost = try form.value("cost").nilIfEmpty.map { text throws(PhraseError) in try Money(amount: text) }
        if cost != nil && !held { throw StoreError.invalid("a cost is for a lunch that was held: give its time in the past") }
        return try recorded(held ? "log lunch" : "offer lunch") {
            let (lunch, _) = try store.addLunch(people: people, startsAt: start, place: form.value("place").nilIfEmpty,
                                                state: held ? .held : .offered, cost: cost, now: state.now)
            return held ? "Logged \(lunch.ref) lunch held" : "Added \(lunch.ref) lunch offered"
        }
    }

    private func submitGift(_ form: Form) throws -> [Outcome] {
        guard !form.value("title").isEmpty else { throw StoreError.invalid("say what the gift is") }
        let cost = try form.value("cost").nilIfEmpty.map { text throws(PhraseError) in try Money(amount: text) }
        let sendBy = try parsed(form.value("when"))?.day
        let people = try people(form.value("with"))
        var accountID: Int64?
        if !form.value("account").isEmpty {
            accountID = try store.resolveAccount(form.value("account")).id
        }
        return try recorded("plan gift") {
            let (gift, _) = try store.addGift(Gift(accountID: accountID, occasion: "", description: form.value("title"),
                                                   costMinorUnits: cost?.minorUnits, currency: cost?.currency, state: .idea,
                                                   sendBy: sendBy, createdAt: state.now), people: people)
            return "Added \(gift.ref) gift \"\(gift.description)\""
        }
    }

    private func submitFollowUpEdit(_ form: Form, id: Int64) throws -> [Outcome] {
        guard let when = try parsed(form.value("when")) else { throw StoreError.invalid("a follow-up needs a due date") }
        let people = try self.people(form.value("with"))
        let edit = FollowUpEdit(title: form.value("title"), due: when, notes: form.value("notes"), people: people)
        return try recorded("edit f\(id)") {
            let (followUp, _) = try store.editFollowUp(id: id, edit, now: state.now, calendar: state.calendar)
            return "Saved \(followUp.ref) \"\(followUp.title)\""
        }
    }

    private func submitMeetingEdit(_ form: Form, id: Int64) throws -> [Outcome] {
        guard let when = try parsed(form.value("when")), let time = when.time else {
            throw StoreError.invalid("a meeting needs a time, like 'today 10:00'")
        }
        func ids(_ key: String) throws -> [Int64] {
            try NameMatcher.splitPeople(form.value(key)).map { name in
                guard case .found(let contact) = try store.resolveContact(name) else { throw StoreError.notFound("no single contact is '\(name)'") }
                return contact.id!
            }
        }
        let edit = MeetingEdit(title: form.value("title"), startsAt: state.calendar.instant(on: when.day, at: time), place: form.value("place"),
                               outcomeNotes: form.value("outcome"), addAttendees: try ids("add"), removeAttendees: try ids("remove"))
        return try recorded("edit m\(id)") {
            let meeting = try store.editMeeting(id: id, edit, now: state.now)
            return "Saved \(meeting.ref) \"\(meeting.title)\""
        }
    }

    private func submitLunchEdit(_ form: Form, id: Int64) throws -> [Outcome] {
        var edit = LunchEdit(place: .some(form.value("place").nilIfEmpty), notes: form.value("notes"))
        if let when = try parsed(form.value("when")) {
            guard let time = when.time else { throw StoreError.invalid("a lunch needs a time, like 'fri 12:30'") }
            edit.startsAt = state.calendar.instant(on: when.day, at: time)
        }
        return try recorded("edit l\(id)") {
            let lunch = try store.editLunch(id: id, edit)
            return "Saved \(lunch.ref) lunch"
        }
    }

    private func submitInteractionEdit(_ form: Form, id: Int64) throws -> [Outcome] {
        guard let kind = InteractionKind(rawValue: form.value("kind").lowercased()) else {
            throw StoreError.invalid("the kind is one of \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let when = try parsed(form.value("when"), looksBack: true) else { throw StoreError.invalid("say when it happened") }
        let at = instant(when, defaultTime: nil)
        guard at <= state.now else { throw StoreError.invalid("a logged \(kind.rawValue) happened already; add a follow-up for one to come") }
        let edit = InteractionEdit(title: form.value("title"), occurredAt: at, notes: form.value("notes"), kind: kind)
        return try recorded("edit i\(id)") {
            let interaction = try store.editInteraction(id: id, edit)
            return "Saved \(interaction.ref) \(interaction.kind.rawValue) \"\(interaction.title)\""
        }
    }

    private func submitGiftEdit(_ form: Form, id: Int64) throws -> [Outcome] {
        let cost = try form.value("cost").nilIfEmpty.map { text throws(PhraseError) in try Money(amount: text) }
        let edit = GiftEdit(description: form.value("title"), occasion: form.value("occasion"), sendBy: try parsed(form.value("when"))?.day,
                            cost: .some(cost))
        return try recorded("edit g\(id)") {
            let gift = try store.editGift(id: id, edit)
            return "Saved \(gift.ref) gift \"\(gift.description)\""
        }
    }

    private func submitNewContact(_ form: Form) throws -> [Outcome] {
        let name = form.value("name").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw StoreError.invalid("a contact needs a name") }
        let tierText = form.value("tier")
        guard tierText.isEmpty || Tier(text: tierText) != nil else { throw StoreError.invalid("the tier is A, B, C or empty") }
        let birthday = form.value("birthday")
        guard birthday.isEmpty || Birthday(text: birthday) != nil else { throw StoreError.invalid("the birthday is YYYY-MM-DD or --MM-DD") }
        let anniversary = form.value("anniversary")
        guard anniversary.isEmpty || Birthday(text: anniversary) != nil else { throw StoreError.invalid("the anniversary is YYYY-MM-DD or --MM-DD") }
        let email = form.value("email")
        guard email.isEmpty || email.contains("@") else { throw StoreError.invalid("'\(email)' is not an email address") }
        let contact = Contact(name: name, title: form.value("role").nilIfEmpty, tier: Tier(text: tierText),
                              birthday: Birthday(text: birthday), notes: form.value("notes").nilIfEmpty, createdAt: state.now)
        let draft = ContactDraft(contact: contact, accountName: form.value("account").nilIfEmpty,
                                 emails: email.isEmpty ? [] : [email], phones: form.value("phone").isEmpty ? [] : [form.value("phone")],
                                 anniversary: Birthday(text: anniversary))
        return try recorded("add contact \(name)") {
            let saved = try store.addContact(draft)
            return "Added @\(saved.id!) \(saved.name)"
        }
    }

    private func submitContact(_ form: Form, id: Int64) throws -> [Outcome] {
        let tierText = form.value("tier")
        guard tierText.isEmpty || Tier(text: tierText) != nil else { throw StoreError.invalid("the tier is A, B, C or empty") }
        func days(_ key: String, _ label: String) throws -> Int? {
            let text = form.value(key)
            guard !text.isEmpty else { return nil }
            guard let n = Int(text), n >= 1 else { throw StoreError.invalid("\(label) is a number of days, 1 or more") }
            return n
        }
        let every = try days("every", "touch every")
        let lunch = try days("lunch", "lunch every")
        let favourite = form.value("favourite").lowercased()
        guard ["yes", "no", "y", "n", ""].contains(favourite) else { throw StoreError.invalid("favourite is yes or no") }
        let channel = form.value("channel")
        guard channel.isEmpty || Channel(rawValue: channel.lowercased()) != nil else {
            throw StoreError.invalid("prefers is one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let birthday = form.value("birthday")
        guard birthday.isEmpty || Birthday(text: birthday) != nil else { throw StoreError.invalid("the birthday is YYYY-MM-DD or --MM-DD") }
        let anniversary = form.value("anniversary")
        guard anniversary.isEmpty || Birthday(text: anniversary) != nil else { throw StoreError.invalid("the anniversary is YYYY-MM-DD or --MM-DD") }
        var extras = ContactExtras(accountName: form.value("account").isEmpty ? nil : .some(form.value("account")),
                                   addEmails: form.value("email").isEmpty ? [] : [form.value("email")])
        // Only a changed anniversary is written: an imported one that is not a date stays as it was.
        if Birthday(text: anniversary) != (try store.anniversary(ofContact: id)) { extras.anniversary = .some(Birthday(text: anniversary)) }
        return try recorded("edit @\(id)") {
            let contact = try store.editContact(id: id, now: state.now, extras: extras) { contact in
                contact.name = form.value("name")
                contact.nickname = form.value("nickname").nilIfEmpty
                contact.title = form.value("role").nilIfEmpty
                contact.tier = Tier(text: tierText)
                contact.stayInTouchDays = every
                contact.isFavourite = favourite.hasPrefix("y")
                contact.lunchCadenceDays = lunch
                contact.preferredChannel = Channel(rawValue: channel.lowercased())
                contact.needs = form.value("needs").nilIfEmpty
                contact.wants = form.value("wants").nilIfEmpty
                contact.caresAbout = form.value("cares").nilIfEmpty
                contact.dietaryNeeds = form.value("dietary").nilIfEmpty
                contact.family = form.value("family").nilIfEmpty
                contact.interests = form.value("interests").nilIfEmpty
                contact.birthday = Birthday(text: birthday)
                contact.notes = form.value("notes").nilIfEmpty
            }
            return "Saved @\(id) \(contact.name)"
        }
    }
}

// The Segments screen's forms, through the store's segment operations.
extension RapportApp {
    private func ratings(_ form: Form) throws -> SegmentRatings {
        func rating(_ key: String, _ label: String) throws -> Int? {
            let text = form.value(key)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), (1...5).contains(value) else { throw StoreError.invalid("\(label) is a rating from 1 to 5, not '\(text)'") }
            return value
        }
        return SegmentRatings(attractiveness: try rating("attractiveness", "attractiveness"),
                              competitiveness: try rating("competitiveness", "competitiveness"),
                              appealToBuyers: try rating("appeal", "appeal to buyers"))
    }

    private func submitNewSegment(_ form: Form) throws -> [Outcome] {
        let ratings = try ratings(form)
        return try recorded("add segment") {
            let segment = try store.addSegment(named: form.value("name"), ratings: ratings, now: state.now)
            return "Added segment '\(segment.name)', rated \(ReportText.ratings(segment, compact: true))"
        }
    }

    private func submitSegmentEdit(_ form: Form, id: Int64) throws -> [Outcome] {
        let ratings = try ratings(form)
        return try recorded("edit segment") {
            let segment = try store.editSegment(id: id, name: form.value("name"), ratings: ratings)
            return "Saved segment '\(segment.name)', rated \(ReportText.ratings(segment, compact: true))"
        }
    }

    private func submitSegmentAccounts(_ form: Form, id: Int64) throws -> [Outcome] {
        // Account names may hold "and": only commas separate them. Every name is read before anything changes.
        func accounts(_ key: String) throws -> [Account] {
            try form.value(key).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { try store.resolveAccount($0) }
        }
        let added = try accounts("add"), removed = try accounts("remove")
        guard !added.isEmpty || !removed.isEmpty else { throw StoreError.invalid("name the accounts to put in or take out") }
        if let both = added.first(where: { account in removed.contains { $0.id == account.id } }) {
            throw StoreError.invalid("\(both.name) is both put in and taken out")
        }
        if let elsewhere = removed.first(where: { $0.segmentID != id }) {
            throw StoreError.invalid("\(elsewhere.name) is not in this segment")
        }
        guard let segment = try store.segment(id: id) else { throw StoreError.notFound("no segment #\(id)") }
        return try recorded("assign segment") {
            try store.assign(accountIDs: added.map { $0.id! }, toSegment: id, removing: removed.map { $0.id! }, now: state.now)
            let put = added.isEmpty ? nil : added.map(\.name).joined(separator: ", ") + " now in '\(segment.name)'"
            let out = removed.isEmpty ? nil : removed.map(\.name).joined(separator: ", ") + " taken out"
            return [put, out].compactMap { $0 }.joined(separator: "; ")
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
