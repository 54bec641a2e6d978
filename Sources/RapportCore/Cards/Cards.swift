import Foundation

/// Everything shown about one contact: the one view model that `rapport
/// show` (text and JSON) and the front end's card both render.
public struct ContactCard: Hashable, Sendable {
    public var contact: Contact
    public var account: String?
    public var emails: [String]
    public var phones: [String]
    public var tags: [String]
    /// The stay-in-touch cadence in days (their own or their tier's).
    public var cadence: Int?
    public var lastTouch: Date?
    public var touchDue: CivilDate?
    public var open: [AgendaItem]
    public var timeline: [TimelineEntry]
    /// What imports brought that has no field of its own (department, addresses, web pages, dates, custom fields).
    public var details: [ContactDetail] = []

    public init(contact: Contact, account: String?, emails: [String], phones: [String], tags: [String], cadence: Int?,
                lastTouch: Date?, touchDue: CivilDate?, open: [AgendaItem], timeline: [TimelineEntry]) {
        self.contact = contact
        self.account = account
        self.emails = emails
        self.phones = phones
        self.tags = tags
        self.cadence = cadence
        self.lastTouch = lastTouch
        self.touchDue = touchDue
        self.open = open
        self.timeline = timeline
    }

    /// "Head of Ops at Acme · tier A · ★ favourite".
    public var headline: String {
        var headline = [contact.title, account].compactMap { $0 }.joined(separator: " at ")
        if let tier = contact.tier { headline += (headline.isEmpty ? "" : " · ") + "tier \(tier.rawValue)" }
        if contact.isFavourite { headline += (headline.isEmpty ? "" : " · ") + "★ favourite" }
        return headline
    }

    /// The card's labelled fields, in order, only those with a value.
    public func fields(today: CivilDate, calendar: LocalCalendar) -> [(label: String, value: String)] {
        var fields: [(String, String?)] = [
            ("nickname", contact.nickname), ("email", emails.isEmpty ? nil : emails.joined(separator: ", ")),
            ("phone", phones.isEmpty ? nil : phones.joined(separator: ", ")), ("prefers", contact.preferredChannel?.rawValue),
            ("tags", tags.isEmpty ? nil : tags.joined(separator: ", ")),
            ("needs", contact.needs), ("wants", contact.wants), ("cares about", contact.caresAbout),
            ("dietary", contact.dietaryNeeds), ("family", contact.family), ("interests", contact.interests),
            ("birthday", contact.birthday?.description),
        ]
        for detail in details {
            // An imported label is untrusted text: made safe here, since the caller shows labels as they are.
            let label = detail.kind == .custom ? detail.label ?? "custom" : detail.kind.rawValue + (detail.label.map { " (\($0))" } ?? "")
            fields.append((TerminalText.safe(label), detail.value))
        }
        var rhythm: [String] = []
        if let cadence {
            rhythm.append("keep in touch every \(cadence) days" + (contact.stayInTouchDays == nil ? contact.tier.map { " (tier \($0.rawValue))" } ?? "" : ""))
        }
        if let lunch = contact.lunchCadenceDays { rhythm.append("lunch every \(lunch) days") }
        fields.append(("cadence", rhythm.isEmpty ? nil : rhythm.joined(separator: "; ")))
        var touch = lastTouch.map { last -> String in
            "last touch \(DateText.day(calendar.day(of: last), relativeToYear: today.year)) (\(DateText.ago(last, today: today, calendar: calendar)))"
        } ?? "no touch yet"
        if let touchDue {
            let days = today.days(until: touchDue)
            touch += "; touch due \(DateText.day(touchDue, relativeToYear: today.year))" + (days < 0 ? " (\(-days) d late)" : "")
        }
        fields.append(("touch", touch))
        fields.append(("notes", contact.notes))
        return fields.compactMap { label, value in value.map { (label, $0) } }
    }
}

/// Everything shown about one account.
public struct AccountCard: Hashable, Sendable {
    public var account: Account
    public var segment: Segment?
    public var team: [ContactRow]
    public var deals: [Deal]
    public var gifts: [Gift]
    public var open: [AgendaItem]

    public init(account: Account, segment: Segment? = nil, team: [ContactRow], deals: [Deal], gifts: [Gift], open: [AgendaItem]) {
        self.account = account
        self.segment = segment
        self.team = team
        self.deals = deals
        self.gifts = gifts
        self.open = open
    }
}

extension RapportStore {
    /// A contact's card at `now`: their fields, what is open with them (a
    /// year ahead) and the latest `timelineLimit` entries of their timeline.
    public func contactCard(id: Int64, now: Date, scheduler: Scheduler, timelineLimit: Int) throws -> ContactCard? {
        guard let contact = try contact(id: id) else { return nil }
        let policy = scheduler.policy
        var card = ContactCard(
            contact: contact, account: try contact.accountID.flatMap(account(id:))?.name,
            emails: try emails(ofContact: id), phones: try phones(ofContact: id), tags: try tags(ofContact: id),
            cadence: policy.cadence(ownDays: contact.stayInTouchDays, tier: contact.tier),
            lastTouch: try lastTouch(ofContact: id, before: now),
            touchDue: policy.touchDue(of: contact),
            open: try scheduler.agenda(of: id, from: self, now: now).all,
            timeline: try timeline(ofContact: id, limit: timelineLimit))
        card.details = try details(ofContact: id)
        return card
    }

    /// An account's card at `now`: its team, deals, gifts and what is open
    /// with the account or anyone on its team (a year ahead).
    public func accountCard(id: Int64, now: Date, scheduler: Scheduler) throws -> AccountCard? {
        guard let account = try account(id: id) else { return nil }
        let team = try contactList(ContactFilter(accountID: id), now: now, scheduler: scheduler)
        let teamIDs = Set(team.map { $0.contact.id! })
        let wide = try agenda(scheduler, now: now, upcomingDays: 366)
        return AccountCard(
            account: account, segment: try account.segmentID.flatMap { try segment(id: $0) }, team: team,
            deals: try deals(ofAccount: id), gifts: try gifts(ofAccount: id),
            open: wide.all.filter { item in item.account == account.name || item.contacts.contains { teamIDs.contains($0.id) } })
    }
}
