import Foundation
import GRDB

extension RapportStore {
    /// A parser that knows the book's names, for lower-case full names: a
    /// run of words is known when it is a contact's whole name or a run of
    /// words within it ("dana", "dana ruiz", "ruiz").
    /// `alsoKnown`: names given with `--new`, read as people in the phrase too.
    public func quickAddParser(dates: DatePhraseParser, alsoKnown: [String] = []) throws -> QuickAddParser {
        let forced = Set(alsoKnown.map(NameMatcher.fold))
        return QuickAddParser(dates: dates, isKnownName: { [self] words in forced.contains(words) || isKnownName(words) })
    }

    /// Resolves and checks an entry: the people (new names allowed when
    /// `createMissing`), the account, and what each kind needs. Reads only.
    /// `newAccounts`: account names to create even when one in the book is close (`--new-account`).
    public func plan(_ entry: QuickAddEntry, new: NewPeople, newAccounts: [String] = [], now: Date, calendar: LocalCalendar,
                     rules: SchedulerRules) throws -> QuickAddPlan {
        let today = calendar.day(of: now)
        var account: QuickAddPlan.AccountChoice?
        if let name = entry.account {
            if let existing = try findAccount(name) {
                account = .existing(id: existing.id!, name: existing.name)
            } else if new != .refuse {
                // The people's rule, for accounts: a new one only when no account is close
                // to the name (a typo of one is refused, naming it), unless `--new-account` names it.
                let spelled = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
                if !newAccounts.contains(where: { NameResolver.key($0) == NameResolver.key(spelled) }),
                   case .notFound(let closest?) = NameResolver.resolve(name, among: try read({ db in try Account.fetchAll(db) }), name: \.name) {
                    throw StoreError.invalid("no account is called '#\(name)'; did you mean #\(closest.name)? "
                                             + "to add '\(spelled)' as a new account anyway: --new-account \"\(spelled)\"")
                }
                account = .new(name: spelled)
            } else {
                throw StoreError.notFound("no account matches '#\(name)'")
            }
        }
        var accountID: Int64?
        if case .existing(let id, _) = account { accountID = id }
        var people = try resolvePeople(entry.people, account: accountID, new: new)
        var notesToMark: [ThankYouNote] = []
        if entry.recurrence != nil, ![.followUp, .call, .email].contains(entry.kind) {
            throw StoreError.invalid("only follow-ups repeat; a \(QuickAddPlan.label(entry.kind)) happens once")
        }
        if entry.kind == .thanks {
            if let chosen = account, people.isEmpty {
                // "thanks #acme": the attendees of Acme's latest meeting that still owes notes.
                guard case .existing(let id, let name) = chosen,
                      let (meeting, notes) = try latestMeetingOwingThanks(account: id, now: now) else {
                    throw StoreError.invalid("no thank-you note is owed from a meeting at \(chosen.name); name the people to thank")
                }
                _ = (meeting, name)
                notesToMark = notes
                people = People(existingIDs: notes.map(\.contactID))
            } else {
                // "thanks @jurgen": the oldest note owed to each person is sent; a new note only for those owed none.
                for id in people.existingIDs { notesToMark += try notesToThank(contact: id, all: false, now: now) }
            }
            account = nil
        }
        // Notes have no account: #acme names its team (a lunch too, without people).
        if [.lunch, .note].contains(entry.kind), let chosen = account,
           entry.kind != .lunch || people.isEmpty {
            guard people.isEmpty, case .existing(let id, let name) = chosen else {
                throw StoreError.invalid("#\(chosen.name): a \(QuickAddPlan.label(entry.kind)) goes to people; name them, or name only the account to reach its whole team")
            }
            let team = try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM contact WHERE accountID = ? ORDER BY name", arguments: [id]) }
            guard !team.isEmpty else { throw StoreError.invalid("\(name) has no one on its team yet") }
            people = People(existingIDs: team)
            account = nil
        }
        let names = try read { db in
            try people.existingIDs.map { try String.fetchOne(db, sql: "SELECT name FROM contact WHERE id = ?", arguments: [$0]) ?? "@\($0)" }
        } + people.newNames

        var title = entry.title
        var day = entry.when?.day
        var instant = entry.when.flatMap { when in when.time.map { calendar.instant(on: when.day, at: $0) } }
        // No item is stored without a title: the kind's, with the people, stands in.
        let who = names.isEmpty ? nil : names.joined(separator: ", ")
        switch entry.kind {
        case .followUp:
            if title.isEmpty, let who { title = "Follow up with \(who)" }
            guard !title.isEmpty else { throw StoreError.invalid("the title is empty: say what was promised") }
            day = day ?? today
        case .call:
            title = title.isEmpty ? "Call" : "Call " + title
            day = day ?? today
        case .email:
            title = title.isEmpty ? "Email" : "Email " + title
            day = day ?? today
        case .meeting:
            if title.isEmpty, let who { title = "Meeting with \(who)" }
            guard !title.isEmpty else { throw StoreError.invalid("a meeting needs a title or someone to meet") }
            guard instant != nil else { throw StoreError.invalid("a meeting needs a time, like 'fri 14:00' or 'fri 10'") }
        case .lunch:
            guard !people.isEmpty else { throw StoreError.invalid("a lunch needs someone to have it with: 'with Dana'") }
            if let when = entry.when, when.time == nil {
                instant = Policy(rules: rules, calendar: calendar).instant(for: when, now: now, defaultTime: .noon)
            }
            title = title.isEmpty ? "Lunch" : title
        case .thanks:
            guard !people.isEmpty else { throw StoreError.invalid("a thank-you needs someone to thank: 'thanks Dana for the intro'") }
            guard instant == nil else { throw StoreError.invalid("a thank-you is due on a day, not at a time") }
            day = day ?? Policy(rules: rules, calendar: calendar).standaloneThankYouDue(today: today)
        case .gift:
            if title.isEmpty, let recipients = who ?? account.map({ "the \($0.name) team" }) { title = "Gift for \(recipients)" }
            guard !people.isEmpty || account != nil else {
                throw StoreError.invalid("a gift needs a recipient: 'with Dana' or an account's team '#acme'")
            }
            guard instant == nil else { throw StoreError.invalid("a gift is sent by a day, not at a time") }
        case .note:
            guard !title.isEmpty else { throw StoreError.invalid("a note needs some text") }
            guard !people.isEmpty else { throw StoreError.invalid("a note is about someone: '@dana' or 'with Dana'") }
            let at = instant ?? (day.map { Policy(rules: rules, calendar: calendar).instant(on: $0, now: now) } ?? now)
            guard at <= now else { throw StoreError.invalid("a note records what happened; \(DateText.shortDay(calendar.day(of: at))) is still to come") }
            instant = at
            day = nil
        }
        return QuickAddPlan(entry: entry, title: title, people: people, peopleNames: names, account: account,
                            day: instant == nil ? day : nil, instant: instant, notesToMark: notesToMark)
    }

    /// Stores a plan in one transaction: new contacts and account, the item,
    /// and what it implies (thank-you notes for a meeting, touches).
    public func perform(_ plan: QuickAddPlan, now: Date, calendar: LocalCalendar) throws -> QuickAddOutcome {
        try write { db in
            var createdAccount: Account?
            var accountID: Int64?
            switch plan.account {
            case .existing(let id, _): accountID = id
            case .new(let name):
                let account = try RapportStore.findOrCreateAccount(named: name, now: now, db)
                createdAccount = account
                accountID = account.id
            case nil: break
            }
            // New people join the entry's account: "with Lee Park #acme" is Lee at Acme.
            let (contactIDs, created) = try RapportStore.materialize(plan.people, accountID: accountID, now: now, db)
            var outcome = QuickAddOutcome(refs: [], noteID: nil, createdContacts: created, createdAccount: createdAccount, thankYouNotes: [])
            switch plan.entry.kind {
            case .followUp, .call, .email:
                let followUp = try RapportStore.insertFollowUp(
                    FollowUp(title: plan.title, dueDay: plan.day ?? calendar.day(of: plan.instant!), dueAt: plan.instant,
                             recurrence: plan.entry.recurrence, accountID: accountID, createdAt: now), contactIDs: contactIDs, db)
                outcome.refs = [ItemRef(.followUp, followUp.id!)]
            case .meeting:
                let (meeting, notes) = try RapportStore.insertMeeting(
                    MeetingDraft(title: plan.title, startsAt: plan.instant!, place: plan.entry.place, accountID: accountID,
                                 attendees: People()), attendeeIDs: contactIDs, now: now, db)
                outcome.thankYouNotes = notes
                outcome.refs = [ItemRef(.meeting, meeting.id!)]
            case .lunch:
                let lunch = try RapportStore.insertLunch(guestIDs: contactIDs, startsAt: plan.instant, place: plan.entry.place,
                                                         accountID: accountID, state: .offered,
                                                         notes: plan.title == "Lunch" ? nil : plan.title, cost: plan.entry.cost, now: now, db)
                outcome.refs = [ItemRef(.lunch, lunch.id!)]
            case .thanks:
                for note in plan.notesToMark {
                    try RapportStore.markThankYouSent(id: note.id!, channel: nil, at: now, db)
                    outcome.markedSent.append(note.ref)
                }
                let thanked = Set(plan.notesToMark.map(\.contactID))
                for id in uniqued(contactIDs) where !thanked.contains(id) {
                    var note = ThankYouNote(meetingID: nil, contactID: id, reason: plan.title.isEmpty ? nil : plan.title,
                                            dueDay: plan.day, createdAt: now)
                    try note.insert(db)
                    outcome.thankYouNotes.append(note)
                    outcome.refs.append(ItemRef(.thankYou, note.id!))
                }
            case .gift:
                let gift = try RapportStore.insertGift(
                    Gift(accountID: contactIDs.isEmpty ? accountID : nil, occasion: "", description: plan.title,
                         costMinorUnits: plan.entry.cost?.minorUnits, currency: plan.entry.cost?.currency,
                         state: .idea, sendBy: plan.day, createdAt: now), recipientIDs: contactIDs, sentAt: nil, db)
                outcome.refs = [ItemRef(.gift, gift.id!)]
            case .note:
                let interaction = try RapportStore.logInteraction(kind: .note, title: plan.title, contactIDs: contactIDs,
                                                                  at: plan.instant ?? now, notes: nil, now: now, db)
                outcome.noteID = interaction.id
            }
            return outcome
        }
    }
}
