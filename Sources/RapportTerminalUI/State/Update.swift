import Foundation
import RapportCore

/// Turns events into a new state and the effects to carry out. Pure: no
/// terminal, no database.
public enum Update {
    public static func handle(_ event: Event, state: inout AppState) -> [Effect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            state.keepAgendaSelectionVisible()
            state.contactsPosition.keepVisible(visible: state.bodyHeight - 1)
            state.accountsPosition.keepVisible(visible: state.bodyHeight - 1)
            return []
        case .scroll(let down):
            return perform(down ? .down : .up, state: &state)
        case .click(_, let y):
            return click(row: y, state: &state)
        case .outcome(let outcome):
            return apply(outcome, state: &state)
        case .key(let key):
            if state.form != nil { return formKey(key, state: &state) }
            if state.prompt != nil { return promptKey(key, state: &state) }
            state.message = nil
            guard let action = KeyBinding.action(for: key, on: state.screen) else { return [] }
            return perform(action, state: &state)
        }
    }

    // MARK: - Actions

    static func perform(_ action: Action, state: inout AppState) -> [Effect] {
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            move(action, state: &state)
            return []
        case .open:
            return open(state: &state)
        case .back, .close:
            if state.stack.count > 1 {
                state.stack.removeLast()
                state.scroll = 0
            } else if action == .close {
                state.isRunning = false
            } else {
                // Esc on a top screen (say, twice after a filter) must not end the session.
                state.message = Message(text: "q quits", isError: false)
            }
            return []
        case .quit:
            state.isRunning = false
            return []
        case .nextTab, .previousTab, .tab:
            let current = Screen.tabs.firstIndex(of: state.stack.first ?? .agenda) ?? 0
            let next: Int
            switch action {
            case .tab(let index): next = index
            case .nextTab: next = (current + 1) % Screen.tabs.count
            default: next = (current + Screen.tabs.count - 1) % Screen.tabs.count
            }
            state.stack = [Screen.tabs[next]]
            state.scroll = 0
            return [.show(Screen.tabs[next])]
        case .help:
            if state.screen != .help { state.stack.append(.help) }
            state.scroll = 0
            return []
        case .refresh:
            state.message = Message(text: "Refreshed", isError: false)
            return [.reload]
        case .undo:
            guard state.undoLabel != nil else {
                state.message = Message(text: "Nothing to undo", isError: false)
                return []
            }
            return [.undo]
        case .quickAdd:
            state.prompt = .quickAdd(LineEditor(), preview: "lunch with Dana Ruiz fri 12:30 at Nobu #acme", isError: false)
            return []
        case .filter:
            state.prompt = .filter(LineEditor(state.contactFilter))
            return []
        case .period:
            let lengths = ReportPeriod.Length.allCases
            state.reportLength = lengths[((lengths.firstIndex(of: state.reportLength) ?? 0) + 1) % lengths.count]
            state.scroll = 0
            state.message = Message(text: "Report on the \(state.reportLength.rawValue) to today", isError: false)
            return [.loadReport]
        case .sort:
            let all = ContactSort.allCases
            state.contactSort = all[(all.firstIndex(of: state.contactSort)! + 1) % all.count]
            state.contactsPosition = ListPosition()
            state.message = Message(text: "Sorted by \(state.contactSort.rawValue)", isError: false)
            return []
        case .done, .thanked:
            if action == .done, let (_, entry) = state.selectedTimelineEntry { return delete(entry, state: &state) }
            guard let item = selectedItem(state) else { return noItem(&state) }
            if action == .thanked && item.kind != .thankYou {
                state.message = Message(text: "t marks a thank-you note sent; this is a \(item.kind.label)", isError: true)
                return []
            }
            guard item.kind.spec.canBeDone else {
                state.message = Message(text: "A \(item.kind.label) is not done: \(item.kind.spec.doneMeans)", isError: true)
                return []
            }
            return [.complete([item.ref])]
        case .snooze:
            guard let item = selectedItem(state) else { return noItem(&state) }
            state.prompt = .snooze(item.ref, LineEditor(), preview: "until when? tomorrow, next mon, in 2 weeks, dec 1…", isError: false)
            return []
        case .cancel:
            guard let item = selectedItem(state) else { return noItem(&state) }
            state.prompt = .confirmCancel(item.ref, title: item.title)
            return []
        case .edit:
            // On the agenda or a card, e edits the selected follow-up, meeting (or its preparation),
            // lunch or gift itself; on a card's timeline, the entry.
            if let (_, entry) = state.selectedTimelineEntry { return edit(entry, state: &state) }
            if let item = selectedItem(state), let effect = editEffect(for: item) { return [effect] }
            guard let contact = selectedContactForForms(state) else {
                state.message = Message(text: "Select a contact (or an item with one) to edit", isError: true)
                return []
            }
            return [.editContact(contact.id!)]
        case .editPrep:
            return BriefKeys.editPrep(state: &state)
        case .prepared:
            return BriefKeys.markPrepared(state: &state)
        case .newContact:
            state.form = Forms.newContact()
            return []
        case .searchTimeline:
            return startTimelineSearch(state: &state)
        case .nextMatch, .previousMatch:
            return nextMatch(action == .nextMatch ? 1 : -1, state: &state)
        case .newSegment:
            state.form = Forms.newSegment()
            return []
        case .editSegment, .assignSegment:
            guard let segment = state.selectedSegment?.segment else {
                state.message = Message(text: "Select a segment (the accounts in none are not one)", isError: true)
                return []
            }
            state.form = action == .editSegment ? Forms.editSegment(segment) : Forms.assignSegment(segment)
            return []
        case .archiveContact, .deleteContact, .mergeContact:
            guard let contact = state.selectedContact?.contact, let id = contact.id else {
                state.message = Message(text: "Select a contact first", isError: true)
                return []
            }
            state.prompt = action == .mergeContact ? .mergeInto(keep: id, name: contact.name, LineEditor())
                : .confirmContact(id: id, name: contact.name, delete: action == .deleteContact)
            return []
        case .logMeeting, .logCall, .logLunch, .logGift:
            let name = selectedContactForForms(state)?.name ?? ""
            switch action {
            case .logMeeting: state.form = Forms.meeting(with: name)
            case .logCall: state.form = Forms.call(with: name)
            case .logLunch: state.form = Forms.lunch(with: name)
            default:
                // On a suggested team gift, the gift is for the account's whole team.
                if state.screen == .agenda, let item = state.selectedAgendaItem, item.kind == .giftSuggestion, let account = item.account {
                    state.form = Forms.gift(forTeamOf: account)
                } else {
                    state.form = Forms.gift(for: name)
                }
            }
            return []
        }
    }

    private static func noItem(_ state: inout AppState) -> [Effect] {
        state.message = Message(text: "No item selected", isError: true)
        return []
    }

    /// The item the item keys act on: the agenda's selection, or a card's.
    static func selectedItem(_ state: AppState) -> AgendaItem? {
        switch state.screen {
        case .agenda: return state.selectedAgendaItem
        case .contact:
            // Below the open items the selection is on the timeline (`selectedTimelineEntry`).
            guard let open = state.contactCard?.open, open.indices.contains(state.scroll) else { return nil }
            return open[state.scroll]
        case .account:
            guard let open = state.accountCard?.open, open.indices.contains(state.scroll) else { return nil }
            return open[state.scroll]
        default: return nil
        }
    }

    /// The contact forms start with: the one selected or shown.
    static func selectedContactForForms(_ state: AppState) -> Contact? {
        switch state.screen {
        case .contacts: return state.selectedContact?.contact
        case .contact: return state.contactCard?.contact
        case .agenda:
            guard let first = state.selectedAgendaItem?.contacts.first else { return nil }
            // The contact list may not be read yet: forms need only the name; editing reads the contact.
            return state.contacts.first { $0.contact.id == first.id }?.contact
                ?? Contact(id: first.id, name: first.name, tier: first.tier, createdAt: state.now)
        default: return nil
        }
    }

    private static func move(_ action: Action, state: inout AppState) {
        let page = max(state.bodyHeight - 2, 1)
        let delta: Int
        switch action {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -page
        case .pageDown: delta = page
        case .top: delta = -Int.max / 2
        default: delta = Int.max / 2
        }
        switch state.screen {
        case .agenda:
            let count = state.agendaItems.count
            guard count > 0 else { return }
            state.agendaPosition.selected = min(max(state.agendaPosition.selected + delta, 0), count - 1)
            state.keepAgendaSelectionVisible()
        case .contacts:
            state.contactsPosition.move(by: delta, count: state.visibleContacts.count, visible: state.bodyHeight - 1)
        case .accounts:
            state.accountsPosition.move(by: delta, count: state.accounts.count, visible: state.bodyHeight - 1)
        case .contact, .account:
            // Up and down move through the open items, and on a contact's card on through the timeline.
            var count = state.contactCardRows
            if case .account = state.screen { count = state.accountCard?.open.count ?? 0 }
            state.scroll = count == 0 ? 0 : min(max(state.scroll + delta, 0), count - 1)
        case .help:
            state.scroll = min(max(state.scroll + delta, 0), max(KeyBinding.table.count - state.bodyHeight + 2, 0))
        case .brief:
            state.scroll = min(max(state.scroll + delta, 0), max(BriefView.lines(state).count - state.bodyHeight, 0))
        case .report:
            state.scroll = min(max(state.scroll + delta, 0), max(ReportLayout.lines(state).count - state.bodyHeight, 0))
        case .segments:
            state.segmentsPosition.move(by: delta, count: state.report?.segments.count ?? 0, visible: state.bodyHeight)
        }
    }

    private static func open(state: inout AppState) -> [Effect] {
        switch state.screen {
        case .agenda:
            if let item = state.selectedAgendaItem, let subject = BriefKeys.subject(of: item) { return BriefKeys.open(subject, state: &state) }
            guard let item = state.selectedAgendaItem, let contact = item.contacts.first else {
                state.message = Message(text: "This item has no contact to open", isError: true)
                return []
            }
            state.stack.append(.contact(contact.id))
            state.scroll = 0
            return [.openContact(contact.id)]
        case .contacts:
            guard let row = state.selectedContact else { return [] }
            state.stack.append(.contact(row.contact.id!))
            state.scroll = 0
            return [.openContact(row.contact.id!)]
        case .accounts:
            guard let row = state.selectedAccount else { return [] }
            state.stack.append(.account(row.account.id!))
            state.scroll = 0
            return [.openAccount(row.account.id!)]
        case .contact, .account:
            if let item = selectedItem(state), let subject = BriefKeys.subject(of: item) { return BriefKeys.open(subject, state: &state) }
            if state.selectedTimelineEntry != nil { return [] }
            guard let item = selectedItem(state), let contact = item.contacts.first,
                  state.screen != .contact(contact.id) else { return [] }
            state.stack.append(.contact(contact.id))
            state.scroll = 0
            return [.openContact(contact.id)]
        case .help, .report, .segments, .brief:
            return []
        }
    }

    private static func click(row y: Int, state: inout AppState) -> [Effect] {
        let bodyRow = y - 1
        guard state.form == nil, state.prompt == nil, bodyRow >= 0, bodyRow < state.bodyHeight else { return [] }
        switch state.screen {
        case .agenda:
            let rows = state.agendaRows
            let index = state.agendaPosition.top + bodyRow
            guard rows.indices.contains(index), case .item(let item) = rows[index] else { return [] }
            if state.agendaPosition.selected == item { return open(state: &state) }
            state.agendaPosition.selected = item
            state.keepAgendaSelectionVisible()
        case .contacts:
            let index = state.contactsPosition.top + bodyRow - 1
            guard index >= 0, index < state.visibleContacts.count else { return [] }
            if state.contactsPosition.selected == index { return open(state: &state) }
            state.contactsPosition.selected = index
        case .accounts:
            let index = state.accountsPosition.top + bodyRow - 1
            guard index >= 0, index < state.accounts.count else { return [] }
            if state.accountsPosition.selected == index { return open(state: &state) }
            state.accountsPosition.selected = index
        default:
            break
        }
        return []
    }

    // MARK: - Prompt and form

    private static func promptKey(_ key: Key, state: inout AppState) -> [Effect] {
        guard let prompt = state.prompt else { return [] }
        switch prompt {
        case .quickAdd(var editor, let preview, let isError, var choices):
            switch key {
            case .escape, .control("c"):
                if var pending = choices, pending.confirming {
                    pending.confirming = false
                    state.prompt = .quickAdd(editor, preview: pending.preview, isError: true, choices: pending)
                    return []
                }
                state.prompt = nil
                return []
            case .enter:
                guard !editor.text.trimmingCharacters(in: .whitespaces).isEmpty else { state.prompt = nil; return [] }
                // A new name is added only on a second Enter, after the bar has said so.
                if var pending = choices, pending.creatable, pending.picked == nil {
                    if pending.confirming { return [.quickAdd(editor.text, newNames: [pending.words])] }
                    pending.confirming = true
                    state.prompt = .quickAdd(editor, preview: pending.preview, isError: true, choices: pending)
                    return []
                }
                return [.quickAdd(editor.text)]
            case .tab:
                // A name that means several people: Tab puts the next candidate in its place.
                guard var picking = choices, !picking.candidates.isEmpty,
                      let replaced = replaceWord(picking.words, in: editor.text,
                                                 with: "@\(picking.candidates[((picking.picked ?? -1) + 1) % picking.candidates.count].id)")
                else { return [] }
                picking.picked = ((picking.picked ?? -1) + 1) % picking.candidates.count
                picking.words = "@\(picking.candidates[picking.picked!].id)"
                picking.creatable = false
                editor.set(replaced)
                choices = picking
                state.prompt = .quickAdd(editor, preview: preview, isError: isError, choices: choices)
                return [.previewQuickAdd(editor.text)]
            default:
                guard editor.handle(key) else { return [] }
                state.prompt = .quickAdd(editor, preview: "", isError: false, choices: choices)
                return [.previewQuickAdd(editor.text)]
            }
        case .snooze(let ref, var editor, _, _):
            switch key {
            case .escape, .control("c"): state.prompt = nil; return []
            case .enter: return [.snooze(ref, editor.text)]
            default:
                guard editor.handle(key) else { return [] }
                state.prompt = .snooze(ref, editor, preview: "", isError: false)
                return [.previewSnooze(editor.text)]
            }
        case .confirmContact(let id, _, let delete):
            state.prompt = nil
            if key == .character("y") || key == .character("Y") { return [delete ? .deleteContact(id) : .archiveContact(id)] }
            // "a": delete with the open items that were only theirs (the shell's --with-items).
            if delete, key == .character("a") || key == .character("A") { return [.deleteContact(id, withItems: true)] }
            state.message = Message(text: delete ? "Not deleted" : "Not archived", isError: false)
            return []
        case .mergeInto(let keep, let name, var editor):
            switch key {
            case .escape, .control("c"): state.prompt = nil; return []
            case .enter:
                state.prompt = nil
                return editor.text.trimmingCharacters(in: .whitespaces).isEmpty ? [] : [.mergeContact(keep: keep, other: editor.text)]
            default:
                guard editor.handle(key) else { return [] }
                state.prompt = .mergeInto(keep: keep, name: name, editor)
                return []
            }
        case .searchTimeline(let editor):
            return timelineSearchKey(key, editor: editor, state: &state)
        case .confirmDelete(let source, _):
            return confirmDeleteKey(key, source: source, state: &state)
        case .confirmCancel(let ref, _):
            state.prompt = nil
            if key == .character("y") || key == .character("Y") { return [.cancel(ref)] }
            state.message = Message(text: "Not cancelled", isError: false)
            return []
        case .filter(var editor):
            switch key {
            case .escape, .control("c"):
                state.contactFilter = ""
                state.prompt = nil
            case .enter, .down, .up:
                state.prompt = nil
            default:
                guard editor.handle(key) else { return [] }
                state.contactFilter = editor.text
                state.prompt = .filter(editor)
            }
            state.contactsPosition = ListPosition()
            return []
        }
    }

    /// `text` with the first whole-word occurrence of `words` (ignoring case) replaced.
    static func replaceWord(_ words: String, in text: String, with replacement: String) -> String? {
        var searchStart = text.startIndex
        while let range = text.range(of: words, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)].isWhitespace
                || text[text.index(before: range.lowerBound)] == ","
            let after = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
            if before && after { return text.replacingCharacters(in: range, with: replacement) }
            searchStart = range.upperBound
        }
        return nil
    }

    private static func formKey(_ key: Key, state: inout AppState) -> [Effect] {
        guard var form = state.form else { return [] }
        switch key {
        case .escape, .control("c"):
            state.form = nil
            state.message = Message(text: "Nothing saved", isError: false)
            return []
        case .control("s"):
            return [.submit(form)]
        case .enter:
            if form.focus == form.fields.count - 1 { return [.submit(form)] }
            form.focus += 1
        case .tab:
            // Tab completes the name being typed; Tab again shows the next match.
            if form.fields[form.focus].completesPeople,
               let (completed, completion) = Forms.complete(form.fields[form.focus].editor.text, from: state.peopleNames,
                                                            after: form.fields[form.focus].completion) {
                form.fields[form.focus].editor.set(completed)
                form.fields[form.focus].completion = completion
                form.error = nil
                state.form = form
                return []
            }
            form.focus = min(form.focus + 1, form.fields.count - 1)
        case .down:
            form.focus = min(form.focus + 1, form.fields.count - 1)
        case .backTab, .up:
            form.focus = max(form.focus - 1, 0)
        default:
            if form.fields[form.focus].isToggle {
                let on = form.fields[form.focus].editor.text == "yes"
                switch key {
                case .character(" "), .left, .right: form.fields[form.focus].editor.set(on ? "no" : "yes")
                case .character("y"), .character("Y"): form.fields[form.focus].editor.set("yes")
                case .character("n"), .character("N"): form.fields[form.focus].editor.set("no")
                default: break
                }
            } else {
                _ = form.fields[form.focus].editor.handle(key)
                form.fields[form.focus].completion = nil
            }
        }
        form.error = nil
        state.form = form
        return []
    }
}
