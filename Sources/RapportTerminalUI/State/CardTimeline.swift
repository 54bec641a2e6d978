import Foundation
import RapportCore

/// A contact card's rows are its open items, then its timeline's entries:
/// the selection (`AppState.scroll`) runs through both, so that the item
/// keys act on an open item, and `e`, `d` and the search on an entry.
extension AppState {
    /// How many rows of the contact card can be selected.
    var contactCardRows: Int { (contactCard?.open.count ?? 0) + (contactCard?.timeline.count ?? 0) }

    /// The timeline entry selected on a contact card, with its place in the timeline.
    var selectedTimelineEntry: (index: Int, entry: TimelineEntry)? {
        guard case .contact = screen, let card = contactCard else { return nil }
        let index = scroll - card.open.count
        return card.timeline.indices.contains(index) ? (index, card.timeline[index]) : nil
    }
}

extension Update {
    /// What `e` does on an item of the agenda or a card: edit that item.
    static func editEffect(for item: AgendaItem) -> Effect? {
        switch item.kind {
        case .followUp, .meeting, .lunch, .gift: return .editItem(item.ref)
        case .prep: return .editItem(ItemRef(.meeting, item.ref.id))
        default: return nil
        }
    }

    /// What `e` does on a timeline entry: edit what it records.
    static func edit(_ entry: TimelineEntry, state: inout AppState) -> [Effect] {
        switch entry.source {
        case .meeting(let id): return [.editItem(ItemRef(.meeting, id))]
        case .lunch(let id): return [.editItem(ItemRef(.lunch, id))]
        case .gift(let id): return [.editItem(ItemRef(.gift, id))]
        case .interaction(let id): return [.editInteraction(id)]
        case .thankYou, nil:
            state.message = Message(text: "A thank-you note sent has nothing to edit (u takes back the last change)", isError: true)
            return []
        }
    }

    /// What `d` does on a timeline entry: delete a logged interaction or a
    /// gift, as `rapport delete` does, after asking.
    static func delete(_ entry: TimelineEntry, state: inout AppState) -> [Effect] {
        switch entry.source {
        case .interaction(let id)?:
            state.prompt = .confirmDelete(.interaction(id), title: entry.title)
        case .gift(let id)?:
            state.prompt = .confirmDelete(.gift(id), title: entry.title)
        default:
            state.message = Message(text: "Only a logged call, email, message, visit, note or a gift is deleted; x calls off a meeting or lunch to come",
                                    isError: true)
        }
        return []
    }

    /// `/` on a contact card: the prompt, with the search so far.
    static func startTimelineSearch(state: inout AppState) -> [Effect] {
        state.prompt = .searchTimeline(LineEditor(state.timelineSearch?.query ?? ""))
        return []
    }

    /// A key in the search prompt: the search follows what is typed, selecting the newest entry found.
    static func timelineSearchKey(_ key: Key, editor: LineEditor, state: inout AppState) -> [Effect] {
        var editor = editor
        switch key {
        case .escape, .control("c"):
            state.prompt = nil
            state.timelineSearch = nil
            return []
        case .enter:
            state.prompt = nil
            if let search = state.timelineSearch, !search.matches.isEmpty { showMatch(state: &state) }
            return []
        default:
            guard editor.handle(key) else { return [] }
            state.prompt = .searchTimeline(editor)
            let query = SearchText.query(editor.text)
            state.timelineSearch = query.isEmpty ? nil : TimelineSearch(query: query, in: state.contactCard?.timeline ?? [])
            if state.timelineSearch?.matches.isEmpty == false { selectMatch(state: &state) }
            return []
        }
    }

    /// n and N: the next or previous entry found, round the timeline. With
    /// no search, n adds a contact as it does everywhere else.
    static func nextMatch(_ step: Int, state: inout AppState) -> [Effect] {
        guard var search = state.timelineSearch else {
            if step > 0 { return perform(.newContact, state: &state) }
            state.message = Message(text: "/ searches the timeline first", isError: true)
            return []
        }
        guard !search.matches.isEmpty else {
            state.message = Message(text: "'\(search.query)' is not in the timeline", isError: true)
            return []
        }
        search.current = (search.current + step + search.matches.count) % search.matches.count
        state.timelineSearch = search
        selectMatch(state: &state)
        showMatch(state: &state)
        return []
    }

    private static func selectMatch(state: inout AppState) {
        guard let search = state.timelineSearch, search.matches.indices.contains(search.current) else { return }
        state.scroll = (state.contactCard?.open.count ?? 0) + search.matches[search.current]
    }

    private static func showMatch(state: inout AppState) {
        guard let search = state.timelineSearch else { return }
        state.message = Message(text: "'\(search.query)': \(search.current + 1) of \(search.matches.count) · n next, N previous", isError: false)
    }

    /// The answer to "delete this entry?".
    static func confirmDeleteKey(_ key: Key, source: TimelineEntry.Source, state: inout AppState) -> [Effect] {
        state.prompt = nil
        if key == .character("y") || key == .character("Y") { return [.deleteEntry(source)] }
        state.message = Message(text: "Not deleted", isError: false)
        return []
    }
}
