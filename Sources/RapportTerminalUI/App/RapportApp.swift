import Foundation
import RapportCore

/// The front end's controller: it owns the state and the store, feeds
/// events through `Update`, carries out the effects against the book, and
/// notices other processes' writes and the turn of the day.
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
        try store.enableUndo()
        dataVersion = try store.dataVersion()
        reload()
    }

    /// The screen for the current state.
    public var screen: ScreenBuffer { Renderer.render(state) }

    public var isRunning: Bool { state.isRunning }

    /// Handles one event: updates the state and carries out its effects.
    public func handle(_ event: Event) {
        state.now = clock.now
        for effect in Update.handle(event, state: &state) { perform(effect) }
    }

    /// Called every few hundred milliseconds: reloads when another process
    /// wrote to the book or the day turned. Returns whether anything changed.
    @discardableResult
    public func tick() -> Bool {
        let now = clock.now
        let dayTurned = state.calendar.day(of: now) != state.agenda.today
        let version = (try? store.dataVersion()) ?? dataVersion
        guard dayTurned || version != dataVersion else {
            state.now = now
            return false
        }
        if version != dataVersion {
            // Another process changed the book: an undo recorded before could now clash.
            if state.undoLabel != nil {
                state.noUndoReason = "Nothing to undo: the book was changed from elsewhere since"
            }
            undoToken = nil
            state.undoLabel = nil
        }
        dataVersion = version
        state.now = now
        reload()
        return true
    }

    // MARK: - Effects

    func perform(_ effect: Effect) {
        switch effect {
        case .reload:
            reload()
        case .show(let screen):
            if screen == .report || screen == .segments {
                // The Segments screen names each segment's accounts.
                if screen == .segments && !loaded.contains(.accounts) {
                    loaded.insert(.accounts)
                    state.accounts = (try? store.accountList(now: state.now)) ?? []
                }
                if state.report == nil { loadReport() }
                return
            }
            guard !loaded.contains(screen) else { return }
            loaded.insert(screen)
            reload()
        case .loadReport:
            loadReport()
        case .complete(let refs):
            change("done \(refs.map(\.description).joined(separator: " "))") {
                try store.complete(refs, now: state.now, calendar: state.calendar).map(\.summary).joined(separator: "; ")
            }
        case .cancel(let ref):
            change("cancel \(ref)") {
                try store.cancel([ref], reason: nil, now: state.now).map(\.summary).joined(separator: "; ")
            }
        case .snooze(let ref, let text):
            do {
                let when = try dates().parse(text)
                change("snooze \(ref)") {
                    try store.snooze(ref, to: when.day, time: when.time, now: state.now, calendar: state.calendar).summary
                }
                if state.message?.isError == false { state.prompt = nil }
                else if let message = state.message { state.prompt = .snooze(ref, LineEditor(text), preview: message.text, isError: true) }
            } catch {
                state.prompt = .snooze(ref, LineEditor(text), preview: "\(error)", isError: true)
            }
        case .previewSnooze(let text):
            guard case .snooze(let ref, let editor, _, _) = state.prompt else { return }
            let preview: (String, Bool)
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                preview = ("until when? tomorrow, next mon, in 2 weeks, dec 1…", false)
            } else {
                do {
                    let when = try dates().parse(text)
                    preview = ("until " + DateText.due(when.time.map { .instant(state.calendar.instant(on: when.day, at: $0)) } ?? .day(when.day),
                                                       in: state.calendar, relativeToYear: state.agenda.today.year), false)
                } catch {
                    preview = ("\(error)", true)
                }
            }
            state.prompt = .snooze(ref, editor, preview: preview.0, isError: preview.1)
        case .previewQuickAdd(let text):
            guard case .quickAdd(let editor, _, _) = state.prompt else { return }
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                state.prompt = .quickAdd(editor, preview: "lunch with Dana Ruiz fri 12:30 at Nobu #acme", isError: false)
                return
            }
            do {
                let plan = try planQuickAdd(text)
                state.prompt = .quickAdd(editor, preview: "Enter adds: " + plan.description(calendar: state.calendar, today: state.agenda.today),
                                         isError: false)
            } catch {
                state.prompt = .quickAdd(editor, preview: "\(error)", isError: true)
            }
        case .quickAdd(let text):
            do {
                let plan = try planQuickAdd(text)
                change("add \"\(text)\"") {
                    let outcome = try store.perform(plan, now: state.now, calendar: state.calendar)
                    return "Added \(outcome.refs.map(\.description).joined(separator: " ")) "
                        + plan.description(calendar: state.calendar, today: state.agenda.today, created: outcome.createdContacts)
                }
                state.prompt = nil
            } catch {
                if case .quickAdd(let editor, _, _) = state.prompt {
                    state.prompt = .quickAdd(editor, preview: "\(error)", isError: true)
                }
            }
        case .openContact(let id):
            loadContactCard(id)
        case .openAccount(let id):
            loadAccountCard(id)
        case .openBrief(let subject):
            loadBrief(subject)
        case .editContact(let id):
            do {
                guard let contact = try store.contact(id: id) else { throw StoreError.notFound("no contact @\(id)") }
                state.form = Forms.editContact(contact)
            } catch {
                state.message = Message(text: "\(error)", isError: true)
            }
        case .submit(let form):
            submit(form)
        case .undo:
            guard let token = undoToken else { return }
            do {
                try store.undo(token)
                state.message = Message(text: "Undid \(token.label)", isError: false)
                undoToken = nil
                state.undoLabel = nil
                dataVersion = (try? store.dataVersion()) ?? dataVersion
                reload()
            } catch {
                state.message = Message(text: "Could not undo: \(error)", isError: true)
            }
        }
    }

    /// Runs a change (its body returns what to tell the user) with undo
    /// recorded, and reloads; errors propagate to the caller.
    func recorded(_ label: String, _ body: () throws -> String) throws -> String {
        let (summary, token) = try store.recordingUndo(label, body)
        if !token.isEmpty {
            undoToken = token
            state.undoLabel = label
            state.noUndoReason = nil
        }
        dataVersion = (try? store.dataVersion()) ?? dataVersion
        reload()
        return summary + (token.isEmpty ? "" : " · u undoes")
    }

    /// Runs a change and reports it, or its error, on the message line.
    private func change(_ label: String, _ body: () throws -> String) {
        do {
            state.message = Message(text: try recorded(label, body), isError: false)
        } catch {
            state.message = Message(text: "\(error)", isError: true)
        }
    }

    private func dates() -> DatePhraseParser {
        DatePhraseParser(today: state.agenda.today, weekend: rules.weekend, numericOrder: NumericDateOrder.from(environment: environment))
    }

    private func planQuickAdd(_ text: String) throws -> QuickAddPlan {
        let entry = try store.quickAddParser(dates: dates()).parse(text)
        return try store.plan(entry, createMissing: true, now: state.now, calendar: state.calendar, rules: rules)
    }

    // MARK: - Loading

    /// Reads everything the screens show, keeping selections where they were.
    func reload() {
        do {
            rules = try store.rules()
            let scheduler = Scheduler(rules: rules, calendar: state.calendar)
            let selectedRef = state.selectedAgendaItem?.ref
            state.agenda = try scheduler.agenda(from: store, now: state.now, upcomingDays: RapportApp.upcomingDays)
            if let selectedRef, let index = state.agendaItems.firstIndex(where: { $0.ref == selectedRef }) {
                state.agendaPosition.selected = index
            } else {
                state.agendaPosition.selected = min(state.agendaPosition.selected, max(state.agendaItems.count - 1, 0))
            }
            state.keepAgendaSelectionVisible()
            if loaded.contains(.contacts) {
                state.contacts = try store.contactList(ContactFilter(), now: state.now, scheduler: scheduler)
                state.contactsPosition.selected = min(state.contactsPosition.selected, max(state.visibleContacts.count - 1, 0))
            }
            if loaded.contains(.accounts) {
                state.accounts = try store.accountList(now: state.now)
                state.accountsPosition.selected = min(state.accountsPosition.selected, max(state.accounts.count - 1, 0))
            }
            // The report is the costliest read: computed again only while it is
            // shown, and when its screen is next opened otherwise.
            let tab = state.stack.first
            if tab == .report || tab == .segments { loadReport() } else { state.report = nil }
            state.peopleNames = try store.contactNames()
            for screen in state.stack {
                if case .contact(let id) = screen { loadContactCard(id) }
                if case .account(let id) = screen { loadAccountCard(id) }
                if case .brief(let subject) = screen { loadBrief(subject) }
            }
        } catch {
            state.message = Message(text: "Could not read the book: \(error)", isError: true)
        }
    }

    func loadReport() {
        do {
            let period = ReportPeriod.ending(on: state.agenda.today, length: state.reportLength)
            state.report = try store.reportCard(for: period, now: state.now, calendar: state.calendar)
            state.segmentsPosition.selected = min(state.segmentsPosition.selected, max((state.report?.segments.count ?? 1) - 1, 0))
        } catch {
            state.message = Message(text: "Could not compute the report: \(error)", isError: true)
        }
    }

    func loadContactCard(_ id: Int64) {
        do {
            guard let contact = try store.contact(id: id) else {
                state.message = Message(text: "No contact @\(id)", isError: true)
                return
            }
            let scheduler = Scheduler(rules: rules, calendar: state.calendar)
            let cadence = rules.cadence(ownDays: contact.stayInTouchDays, tier: contact.tier)
            let mine = try scheduler.agenda(of: id, from: store, now: state.now)
            state.contactCard = ContactCard(
                contact: contact, account: try contact.accountID.flatMap(store.account(id:))?.name,
                emails: try store.emails(ofContact: id), phones: try store.phones(ofContact: id), tags: try store.tags(ofContact: id),
                cadence: cadence, lastTouch: try store.lastTouch(ofContact: id, before: state.now),
                touchDue: scheduler.stayInTouchDue(latestTouch: contact.latestTouchAt, addedAt: contact.createdAt, cadence: cadence),
                open: mine.all,
                timeline: try store.timeline(ofContact: id, limit: 200))
            if case .contact(id) = state.screen {
                state.scroll = min(state.scroll, max((state.contactCard?.open.count ?? 1) - 1, 0))
            }
        } catch {
            state.message = Message(text: "Could not read the contact: \(error)", isError: true)
        }
    }

    func loadAccountCard(_ id: Int64) {
        do {
            guard let account = try store.account(id: id) else { return }
            let scheduler = Scheduler(rules: rules, calendar: state.calendar)
            let team = try store.contactList(ContactFilter(account: account.name), now: state.now, scheduler: scheduler)
            let teamIDs = Set(team.map { $0.contact.id! })
            let wide = try scheduler.agenda(from: store, now: state.now, upcomingDays: 366)
            state.accountCard = AccountCard(
                account: account, segment: try account.segmentID.flatMap { try store.segment(id: $0) }, team: team, deals: try store.deals(ofAccount: id), gifts: try store.gifts(ofAccount: id),
                open: wide.all.filter { item in item.account == account.name || item.contacts.contains { teamIDs.contains($0.id) } })
        } catch {
            state.message = Message(text: "Could not read the account: \(error)", isError: true)
        }
    }
}
