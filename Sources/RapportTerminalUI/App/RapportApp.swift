import Foundation
import RapportCore

/// The front end's controller: it feeds events through `Update`, carries
/// out the effects against the book, and sends what they found or did back
/// through `Update` as `Outcome`s; it notices other processes' writes and
/// the turn of the day. It changes no screen state itself: only I/O and its
/// own bookkeeping (the undo token, the book's data version, what was read).
public final class RapportApp {
    public internal(set) var state: AppState
    let store: RapportStore
    let clock: any RapportCore.Clock
    var rules: SchedulerRules
    var undoToken: UndoToken?
    var dataVersion: Int
    let environment: [String: String]
    /// The lists read so far: the contacts and accounts are read when first shown,
    /// so the first frame needs only the agenda.
    var loaded: Set<Screen> = [.agenda]

    /// Days the agenda looks ahead.
    public static let upcomingDays = 7

    public init(store: RapportStore, clock: any RapportCore.Clock, calendar: LocalCalendar, width: Int, height: Int,
                useColour: Bool = true, drawsBlocks: Bool = true, environment: [String: String] = [:]) throws {
        self.store = store
        self.clock = clock
        self.environment = environment
        state = AppState(now: clock.now, calendar: calendar, width: width, height: height, useColour: useColour)
        state.drawsBlocks = drawsBlocks
        rules = try store.rules()
        dataVersion = try store.dataVersion()
        send(reload())
    }

    /// The screen for the current state.
    public var screen: ScreenBuffer { Renderer.render(state) }

    public var isRunning: Bool { state.isRunning }

    /// Handles one event: `Update` changes the state and asks for effects;
    /// each effect's outcome goes back through `Update`, until none is left.
    public func handle(_ event: Event) {
        var queue: [Event] = [.outcome(.clock(clock.now)), event]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Update.handle(next, state: &state) {
                queue += perform(effect).map(Event.outcome)
            }
        }
    }

    private func send(_ outcomes: [Outcome]) {
        for outcome in outcomes { handle(.outcome(outcome)) }
    }

    /// Called every few hundred milliseconds: reloads when another process
    /// wrote to the book or the day turned. Returns whether anything changed.
    @discardableResult
    public func tick() -> Bool {
        let now = clock.now
        let dayTurned = state.calendar.day(of: now) != state.agenda.today
        let version = (try? store.dataVersion()) ?? dataVersion
        guard dayTurned || version != dataVersion else {
            send([.clock(now)])
            return false
        }
        var outcomes: [Outcome] = []
        if version != dataVersion {
            outcomes.append(.changedElsewhere)
        }
        dataVersion = version
        send([.clock(now)])
        send(outcomes + reload())
        return true
    }

    // MARK: - Effects

    /// Carries out one effect; what it found or did comes back as outcomes.
    func perform(_ effect: Effect) -> [Outcome] {
        switch effect {
        case .reload:
            return reload()
        case .show(let screen):
            if screen == .report || screen == .segments {
                var outcomes: [Outcome] = []
                // The Segments screen names each segment's accounts.
                if screen == .segments && !loaded.contains(.accounts) {
                    loaded.insert(.accounts)
                    outcomes += reload()
                }
                if state.report == nil { outcomes.append(loadReport()) }
                return outcomes
            }
            guard !loaded.contains(screen) else { return [] }
            loaded.insert(screen)
            return reload()
        case .loadReport:
            return [loadReport()]
        case .complete(let refs):
            return change("done \(refs.map(\.description).joined(separator: " "))") {
                try store.complete(refs, now: state.now, calendar: state.calendar).map(\.summary).joined(separator: "; ")
            }
        case .archiveContact(let id):
            return change("archive @\(id)") {
                let contact = try store.setArchived(true, contact: id, now: state.now)
                return "Archived @\(id) \(contact.name) (hidden from lists and cadences)"
            }
        case .deleteContact(let id, let withItems):
            return change("delete @\(id)") {
                let deletion = try store.deleteContact(id, withItems: withItems, now: state.now)
                return "Deleted @\(id) \(deletion.name)"
            }
        case .mergeContact(let keep, let other):
            return change("merge into @\(keep)") {
                guard case .found(let duplicate) = try store.resolveContact(other) else {
                    throw StoreError.notFound("no single contact is '\(other)'")
                }
                let merge = try store.mergeContact(duplicate.id!, into: keep, now: state.now)
                return "Merged @\(duplicate.id!) \(merge.mergedName) into @\(keep) \(merge.kept.name)"
            }
        case .cancel(let ref):
            return change("cancel \(ref)") {
                try store.cancel([ref], reason: nil, now: state.now).map(\.summary).joined(separator: "; ")
            }
        case .snooze(let ref, let text):
            return change("snooze \(ref)") {
                let when = try dates().parse(text)
                return try store.snooze(ref, to: when.day, time: when.time, now: state.now, calendar: state.calendar).summary
            }
        case .previewSnooze(let text):
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                return [.snoozePreview("until when? tomorrow, next mon, in 2 weeks, dec 1…", isError: false)]
            }
            do {
                let when = try dates().parse(text)
                return [.snoozePreview("until " + DateText.due(when.time.map { .instant(state.calendar.instant(on: when.day, at: $0)) } ?? .day(when.day),
                                                               in: state.calendar, relativeToYear: state.agenda.today.year), isError: false)]
            } catch {
                return [.snoozePreview("\(error)", isError: true)]
            }
        case .previewQuickAdd(let text):
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                return [.quickAddPreview("lunch with Dana Ruiz fri 12:30 at Nobu #acme", isError: false)]
            }
            do {
                let plan = try planQuickAdd(text)
                return [.quickAddPreview("Enter adds: " + plan.description(calendar: state.calendar, today: state.agenda.today), isError: false)]
            } catch PeopleError.ambiguous(let name, let candidates) {
                return [.quickAddChoices(NameChoices(words: name, candidates: candidates.prefix(9).map(candidate)))]
            } catch PeopleError.notClearlyNew(let name, _) {
                let people = (try? store.closeContacts(to: name)) ?? []
                return [.quickAddChoices(NameChoices(words: name, candidates: people.prefix(9).map(candidate), creatable: true))]
            } catch {
                return [.quickAddPreview("\(error)", isError: true)]
            }
        case .quickAdd(let text, let newNames):
            return change("add \"\(text)\"") {
                let plan = try planQuickAdd(text, newNames: newNames)
                let outcome = try store.perform(plan, now: state.now, calendar: state.calendar)
                return plan.summary(of: outcome, calendar: state.calendar, now: state.now)
            }
        case .openContact(let id):
            return [loadContactCard(id)]
        case .openAccount(let id):
            return [loadAccountCard(id)]
        case .openBrief(let subject):
            return [loadBrief(subject)]
        case .editItem(let ref):
            do {
                switch ref.kind {
                case .followUp:
                    guard let followUp = try store.followUp(id: ref.id) else { throw StoreError.notFound("no follow-up \(ref)") }
                    let names = try store.contactIDs(ofFollowUp: ref.id).compactMap { try store.contact(id: $0)?.name }
                    return [.formOpened(Forms.editFollowUp(followUp, people: names, calendar: state.calendar))]
                case .meeting:
                    guard let meeting = try store.meeting(id: ref.id) else { throw StoreError.notFound("no meeting \(ref)") }
                    return [.formOpened(Forms.editMeeting(meeting, calendar: state.calendar))]
                case .gift:
                    guard let gift = try store.gift(id: ref.id) else { throw StoreError.notFound("no gift \(ref)") }
                    return [.formOpened(Forms.editGift(gift))]
                default:
                    guard let lunch = try store.lunch(id: ref.id) else { throw StoreError.notFound("no lunch \(ref)") }
                    return [.formOpened(Forms.editLunch(lunch, calendar: state.calendar))]
                }
            } catch {
                return [.failed("\(error)")]
            }
        case .editInteraction(let id):
            do {
                guard let interaction = try store.interaction(id: id) else { throw StoreError.notFound("no logged interaction i\(id)") }
                return [.formOpened(Forms.editInteraction(interaction, calendar: state.calendar))]
            } catch {
                return [.failed("\(error)")]
            }
        case .deleteEntry(let source):
            return change("delete \(source.ref)") {
                switch source {
                case .interaction(let id):
                    let interaction = try store.deleteInteraction(id: id)
                    return "Deleted \(interaction.ref) \(interaction.kind.rawValue) \"\(interaction.title)\""
                case .gift(let id):
                    let gift = try store.deleteGift(id: id)
                    return "Deleted \(gift.ref) gift \"\(gift.description)\""
                default:
                    throw StoreError.invalid("only a logged interaction or a gift is deleted")
                }
            }
        case .editContact(let id):
            do {
                guard let contact = try store.contact(id: id) else { throw StoreError.notFound("no contact @\(id)") }
                return [.formOpened(Forms.editContact(contact, anniversary: try store.anniversary(ofContact: id)))]
            } catch {
                return [.failed("\(error)")]
            }
        case .submit(let form):
            return submit(form)
        case .undo:
            guard let token = undoToken else { return [] }
            do {
                try store.undo(token)
                undoToken = nil
                dataVersion = (try? store.dataVersion()) ?? dataVersion
                return [.undone("Undid \(token.label)")] + reload()
            } catch {
                return [.failed("Could not undo: \(error)")]
            }
        }
    }

    /// Runs a change (its body returns what to tell the user) with undo
    /// recorded; its outcome, then the book read again. Errors propagate.
    func recorded(_ label: String, _ body: () throws -> String) throws -> [Outcome] {
        let (summary, token) = try store.recordingUndo(label, body)
        if !token.isEmpty { undoToken = token }
        dataVersion = (try? store.dataVersion()) ?? dataVersion
        return [.changed(summary: summary, undoLabel: token.isEmpty ? nil : label)] + reload()
    }

    /// Runs a change; its error becomes a `.failed` outcome.
    private func change(_ label: String, _ body: () throws -> String) -> [Outcome] {
        do {
            return try recorded(label, body)
        } catch {
            return [.failed("\(error)")]
        }
    }

    func dates() -> DatePhraseParser {
        DatePhraseParser(today: state.agenda.today, weekend: rules.weekend, numericOrder: NumericDateOrder.from(environment: environment))
    }

    private func planQuickAdd(_ text: String, newNames: [String] = []) throws -> QuickAddPlan {
        let entry = try store.quickAddParser(dates: dates(), alsoKnown: newNames).parse(text)
        return try store.plan(entry, new: .whenClearlyNew(named: newNames), now: state.now, calendar: state.calendar, rules: rules)
    }

    /// A contact offered to pick, with their account.
    private func candidate(_ contact: Contact) -> NameChoices.Candidate {
        let account: Account? = (try? contact.accountID.flatMap { try store.account(id: $0) }) ?? nil
        return NameChoices.Candidate(id: contact.id ?? 0, label: contact.name + (account.map { " · \($0.name)" } ?? ""))
    }

    // MARK: - Loading

    /// Reads everything the screens show.
    func reload() -> [Outcome] {
        do {
            rules = try store.rules()
            let scheduler = Scheduler(rules: rules, calendar: state.calendar)
            var book = BookView(agenda: try store.agenda(scheduler, now: state.now, upcomingDays: RapportApp.upcomingDays))
            if loaded.contains(.contacts) {
                book.contacts = try store.contactList(ContactFilter(), now: state.now, scheduler: scheduler)
            }
            if loaded.contains(.accounts) { book.accounts = try store.accountList(now: state.now) }
            // The report is the costliest read: computed again only while it is
            // shown, and when its screen is next opened otherwise.
            let tab = state.stack.first
            if tab == .report || tab == .segments { book.report = try report() }
            book.peopleNames = try store.contactNames()
            for screen in state.stack {
                if case .contact(let id) = screen,
                   let card = try store.contactCard(id: id, now: state.now, scheduler: scheduler, timelineLimit: 200) {
                    book.contactCards.append(card)
                }
                if case .account(let id) = screen, let card = try store.accountCard(id: id, now: state.now, scheduler: scheduler) {
                    book.accountCards.append(card)
                }
                if case .brief(let subject) = screen { book.briefs.append(loadBrief(subject)) }
            }
            return [.loaded(book)]
        } catch {
            return [.failed("Could not read the book: \(error)")]
        }
    }

    private func report() throws -> ReportCard {
        try store.reportCard(for: ReportPeriod.ending(on: state.agenda.today, length: state.reportLength),
                             now: state.now, calendar: state.calendar)
    }

    func loadReport() -> Outcome {
        do { return .report(try report()) } catch { return .failed("Could not compute the report: \(error)") }
    }

    func loadContactCard(_ id: Int64) -> Outcome {
        do {
            guard let card = try store.contactCard(id: id, now: state.now, scheduler: Scheduler(rules: rules, calendar: state.calendar),
                                                   timelineLimit: 200) else { return .failed("No contact @\(id)") }
            return .contactCard(card)
        } catch {
            return .failed("Could not read the contact: \(error)")
        }
    }

    func loadAccountCard(_ id: Int64) -> Outcome {
        do {
            guard let card = try store.accountCard(id: id, now: state.now, scheduler: Scheduler(rules: rules, calendar: state.calendar))
            else { return .failed("No account #\(id)") }
            return .accountCard(card)
        } catch {
            return .failed("Could not read the account: \(error)")
        }
    }
}
