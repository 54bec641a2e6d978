import Foundation
import RapportCore

/// What an effect found or did, sent back through `Update` as an event:
/// the controller only does I/O, and every change to the state happens in
/// `Update` (bubbletea's messages).
public enum Outcome: Sendable {
    /// The book as the screens show it, read afresh.
    case loaded(BookView)
    case contactCard(ContactCard)
    case accountCard(AccountCard)
    case brief(BriefScreenState)
    case report(ReportCard)
    /// A change was made: what to tell the user, and its undo label when it can be undone.
    case changed(summary: String, undoLabel: String?)
    /// Something failed: one line for the message bar.
    case failed(String)
    /// The quick-add bar's reading of what is typed (or why it cannot be stored).
    case quickAddPreview(String, isError: Bool)
    /// A name in the quick-add bar means several people: they are offered to pick with Tab.
    case quickAddChoices(NameChoices)
    /// The snooze prompt's reading of what is typed.
    case snoozePreview(String, isError: Bool)
    /// A form to show, filled from the book.
    case formOpened(Form)
    /// A submitted form was refused: it stays open with the reason.
    case formRefused(Form, String)
    /// The last change was undone.
    case undone(String)
    /// Another process changed the book: an undo recorded before could clash.
    case changedElsewhere
    /// The time now, read by the controller before each event and tick.
    case clock(Date)
}

/// Everything `reload` reads, for `Update` to put in the state.
public struct BookView: Sendable {
    public var agenda: Agenda
    /// Read only once their screens have been shown.
    public var contacts: [ContactRow]?
    public var accounts: [AccountRow]?
    /// Read only while the Report or Segments tab is open.
    public var report: ReportCard?
    public var peopleNames: [String]
    public var contactCards: [ContactCard]
    public var accountCards: [AccountCard]
    /// A brief's outcome (or why it could not be read), for each brief on the screen stack.
    public var briefs: [Outcome]

    public init(agenda: Agenda, contacts: [ContactRow]? = nil, accounts: [AccountRow]? = nil, report: ReportCard? = nil,
                peopleNames: [String] = [], contactCards: [ContactCard] = [], accountCards: [AccountCard] = [], briefs: [Outcome] = []) {
        self.agenda = agenda
        self.contacts = contacts
        self.accounts = accounts
        self.report = report
        self.peopleNames = peopleNames
        self.contactCards = contactCards
        self.accountCards = accountCards
        self.briefs = briefs
    }
}

extension Update {
    /// Applies what an effect found or did.
    static func apply(_ outcome: Outcome, state: inout AppState) -> [Effect] {
        switch outcome {
        case .loaded(let book):
            let selectedRef = state.selectedAgendaItem?.ref
            state.agenda = book.agenda
            if let selectedRef, let index = state.agendaItems.firstIndex(where: { $0.ref == selectedRef }) {
                state.agendaPosition.selected = index
            } else {
                state.agendaPosition.selected = min(state.agendaPosition.selected, max(state.agendaItems.count - 1, 0))
            }
            state.keepAgendaSelectionVisible()
            if let contacts = book.contacts {
                state.contacts = contacts
                state.contactsPosition.selected = min(state.contactsPosition.selected, max(state.visibleContacts.count - 1, 0))
            }
            if let accounts = book.accounts {
                state.accounts = accounts
                state.accountsPosition.selected = min(state.accountsPosition.selected, max(state.accounts.count - 1, 0))
            }
            if let report = book.report {
                _ = apply(.report(report), state: &state)
            } else if state.stack.first != .report && state.stack.first != .segments {
                state.report = nil
            }
            state.peopleNames = book.peopleNames
            for card in book.contactCards { _ = apply(.contactCard(card), state: &state) }
            for card in book.accountCards { _ = apply(.accountCard(card), state: &state) }
            for brief in book.briefs { _ = apply(brief, state: &state) }
        case .contactCard(let card):
            state.contactCard = card
            if case .contact(card.contact.id) = state.screen {
                state.scroll = min(state.scroll, max(state.contactCardRows - 1, 0))
            }
        case .accountCard(let card):
            state.accountCard = card
        case .brief(let brief):
            state.briefScreen = brief
            if case .brief(brief.subject) = state.screen {
                state.scroll = min(state.scroll, max(BriefView.lines(state).count - state.bodyHeight, 0))
            }
        case .report(let report):
            state.report = report
            state.segmentsPosition.selected = min(state.segmentsPosition.selected, max(report.segments.count - 1, 0))
        case .changed(let summary, let undoLabel):
            if let undoLabel {
                state.undoLabel = undoLabel
            }
            state.message = Message(text: summary + (undoLabel == nil ? "" : " · u undoes"), isError: false)
            state.prompt = nil
            state.form = nil
        case .failed(let text):
            switch state.prompt {
            case .quickAdd(let editor, _, _, _): state.prompt = .quickAdd(editor, preview: text, isError: true)
            case .snooze(let ref, let editor, _, _): state.prompt = .snooze(ref, editor, preview: text, isError: true)
            default: state.message = Message(text: text, isError: true)
            }
        case .quickAddPreview(let text, let isError):
            guard case .quickAdd(let editor, _, _, let choices) = state.prompt else { return [] }
            // A pick stays offered while the phrase still holds it.
            let kept = choices.flatMap { $0.picked != nil && editor.text.contains($0.words) ? $0 : nil }
            state.prompt = .quickAdd(editor, preview: text, isError: isError, choices: kept)
        case .quickAddChoices(let choices):
            guard case .quickAdd(let editor, _, _, _) = state.prompt else { return [] }
            state.prompt = .quickAdd(editor, preview: choices.preview, isError: true, choices: choices)
        case .snoozePreview(let text, let isError):
            guard case .snooze(let ref, let editor, _, _) = state.prompt else { return [] }
            state.prompt = .snooze(ref, editor, preview: text, isError: isError)
        case .formOpened(let form):
            state.form = form
        case .formRefused(let form, let reason):
            var refused = form
            refused.error = reason
            state.form = refused
        case .undone(let text):
            state.message = Message(text: text, isError: false)
            state.undoLabel = nil
        case .clock(let now):
            state.now = now
        case .changedElsewhere:
            // The undo journal is shared: `u` still takes back this session's
            // change, unless the other write touched its rows (it then says which).
            break
        }
        return []
    }
}
