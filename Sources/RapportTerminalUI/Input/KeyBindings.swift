/// What a key does.
public enum Action: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, close, nextTab, previousTab
    case tab(Int)
    case done, snooze, thanked, edit, cancel, undo, refresh
    case quickAdd, filter, sort, period
    case logMeeting, logCall, logLunch, logGift, newContact
    case archiveContact, deleteContact, mergeContact
    case editPrep, prepared
    case newSegment, editSegment, assignSegment
    case searchTimeline, nextMatch, previousMatch
    case help, quit
}

/// Where a binding applies.
public enum Scope: Hashable, Sendable {
    case everywhere, lists, openable, agenda, contacts, cards, itemScreens, reports, brief, segments, contactCard
}

/// One row of the key table: the keys, what they do, where, and how the
/// footer and the help screen name them. The help screen and the dispatch
/// both read this one table.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var scope: Scope
    /// The footer's word for it; nil keeps it out of the footer.
    public var label: String?
    public var help: String

    public static let table: [KeyBinding] = [
        KeyBinding(keys: [.down, .character("j")], action: .down, scope: .lists, label: nil, help: "next row"),
        KeyBinding(keys: [.up, .character("k")], action: .up, scope: .lists, label: nil, help: "previous row"),
        KeyBinding(keys: [.pageDown, .control("f"), .character(" ")], action: .pageDown, scope: .lists, label: nil, help: "next page"),
        KeyBinding(keys: [.pageUp, .control("b")], action: .pageUp, scope: .lists, label: nil, help: "previous page"),
        KeyBinding(keys: [.home, .character("g")], action: .top, scope: .lists, label: nil, help: "first row"),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, scope: .lists, label: nil, help: "last row"),
        KeyBinding(keys: [.enter], action: .open, scope: .openable, label: "open", help: "open: a meeting's or a prepare item's brief, else the contact or account"),
        KeyBinding(keys: [.character("p")], action: .period, scope: .reports, label: "period", help: "report on the week, month or quarter to today"),
        KeyBinding(keys: [.character("d")], action: .done, scope: .itemScreens, label: "done",
                   help: "mark the item done; on a card's logged call, note or gift: delete it (asks first)"),
        KeyBinding(keys: [.character("s")], action: .snooze, scope: .itemScreens, label: "snooze", help: "put the item off (asks until when)"),
        KeyBinding(keys: [.character("t")], action: .thanked, scope: .itemScreens, label: nil, help: "thank-you note sent"),
        KeyBinding(keys: [.character("x")], action: .cancel, scope: .itemScreens, label: "cancel", help: "cancel the item (asks first)"),
        KeyBinding(keys: [.character("e")], action: .editPrep, scope: .brief, label: "prep notes", help: "edit the prep notes (in a brief)"),
        KeyBinding(keys: [.character("d")], action: .prepared, scope: .brief, label: "prepared", help: "mark the preparation done (in a brief)"),
        KeyBinding(keys: [.character("+")], action: .newSegment, scope: .segments, label: "new", help: "add a segment, with its ratings (on Segments)"),
        KeyBinding(keys: [.character("e")], action: .editSegment, scope: .segments, label: "rate", help: "rename or rate the selected segment (on Segments)"),
        KeyBinding(keys: [.character("A")], action: .assignSegment, scope: .segments, label: "assign",
                   help: "put accounts in the selected segment, or take them out (on Segments)"),
        KeyBinding(keys: [.character("e")], action: .edit, scope: .everywhere, label: "edit",
                   help: "edit the selected item (agenda, card) or timeline entry, else the contact"),
        KeyBinding(keys: [.character("/")], action: .searchTimeline, scope: .contactCard, label: "search",
                   help: "search the timeline: titles, names, notes, outcomes (on a contact's card)"),
        KeyBinding(keys: [.character("n")], action: .nextMatch, scope: .contactCard, label: nil,
                   help: "next match of the timeline search (on a card; with none, add a contact)"),
        KeyBinding(keys: [.character("N")], action: .previousMatch, scope: .contactCard, label: nil, help: "previous match of the timeline search"),
        KeyBinding(keys: [.character("n")], action: .newContact, scope: .everywhere, label: nil, help: "add a contact"),
        KeyBinding(keys: [.character("A")], action: .archiveContact, scope: .contacts, label: nil, help: "archive the contact (asks first; u undoes)"),
        KeyBinding(keys: [.character("D")], action: .deleteContact, scope: .contacts, label: nil, help: "delete the contact (asks first; a: with their open items)"),
        KeyBinding(keys: [.character("M")], action: .mergeContact, scope: .contacts, label: nil, help: "merge a duplicate into the contact (asks for its name)"),
        KeyBinding(keys: [.character("/")], action: .filter, scope: .contacts, label: "filter", help: "filter contacts as you type"),
        KeyBinding(keys: [.character("o")], action: .sort, scope: .contacts, label: "sort", help: "sort by name, last touch, touch due, tier"),
        KeyBinding(keys: [.character("a")], action: .quickAdd, scope: .everywhere, label: "add", help: "quick-add a phrase, as `rapport add`"),
        KeyBinding(keys: [.character("m")], action: .logMeeting, scope: .everywhere, label: nil, help: "log a meeting"),
        KeyBinding(keys: [.character("c")], action: .logCall, scope: .everywhere, label: nil, help: "log a call"),
        KeyBinding(keys: [.character("l")], action: .logLunch, scope: .everywhere, label: nil, help: "log or offer a lunch"),
        KeyBinding(keys: [.character("$")], action: .logGift, scope: .everywhere, label: nil, help: "plan a gift"),
        KeyBinding(keys: [.character("u")], action: .undo, scope: .everywhere, label: "undo", help: "undo the last change"),
        KeyBinding(keys: [.character("r")], action: .refresh, scope: .everywhere, label: nil, help: "refresh"),
        KeyBinding(keys: [.tab], action: .nextTab, scope: .everywhere, label: nil, help: "next screen"),
        KeyBinding(keys: [.backTab], action: .previousTab, scope: .everywhere, label: nil, help: "previous screen"),
        KeyBinding(keys: [.character("1")], action: .tab(0), scope: .everywhere, label: nil, help: "agenda"),
        KeyBinding(keys: [.character("2")], action: .tab(1), scope: .everywhere, label: nil, help: "contacts"),
        KeyBinding(keys: [.character("3")], action: .tab(2), scope: .everywhere, label: nil, help: "accounts"),
        KeyBinding(keys: [.character("4")], action: .tab(3), scope: .everywhere, label: nil, help: "report card"),
        KeyBinding(keys: [.character("5")], action: .tab(4), scope: .everywhere, label: nil, help: "segments"),
        KeyBinding(keys: [.character("?")], action: .help, scope: .everywhere, label: "help", help: "this help"),
        KeyBinding(keys: [.escape], action: .back, scope: .everywhere, label: "back", help: "back (never quits)"),
        KeyBinding(keys: [.character("q")], action: .close, scope: .everywhere, label: nil, help: "back; quit from a top screen"),
        KeyBinding(keys: [.control("c")], action: .quit, scope: .everywhere, label: nil, help: "quit"),
    ]

    /// Whether the binding applies on `screen`.
    public func applies(to screen: Screen) -> Bool {
        switch scope {
        case .everywhere: return true
        // Moving works on every screen, the help's table included (it scrolls).
        case .lists: return true
        case .openable:
            if case .brief = screen { return false }
            return screen != .help && screen != .report && screen != .segments
        case .brief:
            if case .brief = screen { return true }
            return false
        case .reports: return screen == .report || screen == .segments
        case .segments: return screen == .segments
        case .contactCard:
            if case .contact = screen { return true }
            return false
        case .agenda: return screen == .agenda
        case .contacts: return screen == .contacts
        case .cards:
            if case .contact = screen { return true }
            if case .account = screen { return true }
            return false
        case .itemScreens:
            switch screen {
            case .agenda, .contact, .account: return true
            default: return false
            }
        }
    }

    /// The action a key has on a screen, if any.
    public static func action(for key: Key, on screen: Screen) -> Action? {
        table.first { $0.keys.contains(key) && $0.applies(to: screen) }?.action
    }
}
