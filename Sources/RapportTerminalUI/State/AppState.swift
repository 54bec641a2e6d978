import Foundation
import RapportCore

/// The screens of the front end. The first five are tabs.
public enum Screen: Hashable, Sendable {
    case agenda, contacts, accounts, report, segments
    case contact(Int64)
    case account(Int64)
    case brief(BriefSubject)
    case help

    /// The tabs, in the order their number keys select them.
    public static let tabs: [Screen] = [.agenda, .contacts, .accounts, .report, .segments]

    public var title: String {
        switch self {
        case .agenda: return "Agenda"
        case .contacts: return "Contacts"
        case .accounts: return "Accounts"
        case .report: return "Report"
        case .segments: return "Segments"
        case .contact: return "Contact"
        case .account: return "Account"
        case .brief: return "Brief"
        case .help: return "Help"
        }
    }

    /// The name on a narrow tab bar (80 columns).
    public var shortTitle: String {
        switch self {
        case .accounts: return "Accts"
        case .segments: return "Segs"
        default: return title
        }
    }
}

/// Where a list is: the selected row and the first row shown.
public struct ListPosition: Hashable, Sendable {
    public var selected = 0
    public var top = 0

    /// Moves the selection by `delta` within `count` rows, keeping it visible in `visible` rows.
    mutating func move(by delta: Int, count: Int, visible: Int) {
        guard count > 0 else { self = ListPosition(); return }
        selected = min(max(selected + delta, 0), count - 1)
        keepVisible(visible: visible)
    }

    mutating func keepVisible(visible: Int) {
        let visible = max(visible, 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, top)
    }
}

/// How the contact list is ordered (`o` cycles).
public enum ContactSort: String, CaseIterable, Sendable {
    case name, lastTouch = "last touch", nextDue = "touch due", tier
}

/// People a name in the quick-add bar could mean; Tab puts the next one in
/// the phrase (as `@id`) instead of the ambiguous name.
public struct NameChoices: Hashable, Sendable {
    public struct Candidate: Hashable, Sendable {
        public var id: Int64
        public var label: String
        public init(id: Int64, label: String) { self.id = id; self.label = label }
    }
    /// The words in the phrase the choice replaces: the name typed, then `@id` of the one picked.
    public var words: String
    public var candidates: [Candidate]
    /// The candidate in the phrase now, once Tab was pressed.
    public var picked: Int?
    /// The name matches no one and is not created on a guess: Enter adds it
    /// as a new contact (the front end's `--new`); the candidates are the
    /// people it is close to.
    public var creatable: Bool
    /// Enter was pressed once on a creatable name: Enter again creates it.
    public var confirming = false

    public init(words: String, candidates: [Candidate], picked: Int? = nil, creatable: Bool = false) {
        self.words = words
        self.candidates = candidates
        self.picked = picked
        self.creatable = creatable
    }

    /// What the bar shows: the candidates, the picked one marked.
    public var preview: String {
        let list = candidates.enumerated().map { index, candidate in (index == picked ? "▸" : "") + candidate.label }
        guard creatable else { return "'\(words)' is \(candidates.count) people — Tab picks: " + list.joined(separator: " · ") }
        if confirming { return "Enter again adds '\(words)' as a new contact; Esc keeps the phrase" }
        return "no contact is called '\(words)'" + (list.isEmpty ? "" : " — Tab picks: " + list.joined(separator: " · "))
            + " — Enter twice adds '\(words)' as a new contact"
    }
}

/// A question on the prompt line.
public enum Prompt: Hashable, Sendable {
    /// The quick-add bar: the phrase, and how it parses so far.
    case quickAdd(LineEditor, preview: String, isError: Bool, choices: NameChoices? = nil)
    /// Until when to put an item off, in the date-phrase grammar.
    case snooze(ItemRef, LineEditor, preview: String, isError: Bool)
    /// Whether to cancel an item.
    case confirmCancel(ItemRef, title: String)
    /// The contact list's filter, applied as it is typed.
    case filter(LineEditor)
    /// Whether to archive (`delete` false) or delete a contact.
    case confirmContact(id: Int64, name: String, delete: Bool)
    /// The name of the duplicate to merge into the contact `keep`.
    case mergeInto(keep: Int64, name: String, LineEditor)
    /// What to look for in the contact card's timeline, searched as it is typed.
    case searchTimeline(LineEditor)
    /// Whether to delete a logged interaction or a gift from a card's timeline.
    case confirmDelete(TimelineEntry.Source, title: String)
}

/// A form: fields edited one at a time, submitted with Enter on the last
/// (or Ctrl-S anywhere).
public struct Form: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case meeting, call, lunch, gift, newContact
        case editContact(Int64)
        case prepNotes(Int64)
        case editFollowUp(Int64), editMeeting(Int64), editLunch(Int64)
        case newSegment, editSegment(Int64), assignSegment(Int64)
        case editInteraction(Int64), editGift(Int64)
    }

    public struct Field: Hashable, Sendable {
        public var key: String
        public var label: String
        public var editor: LineEditor
        /// A hint shown while the field is empty.
        public var hint: String
        /// Tab completes the last name typed from the book.
        public var completesPeople = false
        /// A yes/no field: Space, y, n or ←/→ set it; nothing else can be typed.
        public var isToggle = false
        /// The names Tab goes through for what was typed, and the one shown.
        public var completion: Completion?
    }

    /// Tab's completions of a typed name: every match, Tab again for the next.
    public struct Completion: Hashable, Sendable {
        public var typed: String
        public var matches: [String]
        public var index: Int
    }

    public var kind: Kind
    public var title: String
    public var fields: [Field]
    public var focus = 0
    public var error: String?

    public func value(_ key: String) -> String {
        fields.first { $0.key == key }?.editor.text.trimmingCharacters(in: .whitespaces) ?? ""
    }
}

/// A search of a contact card's timeline: what is looked for (a
/// `SearchText.query`), the entries it finds (their places in the timeline)
/// and the one shown.
public struct TimelineSearch: Hashable, Sendable {
    /// The contact whose card was searched.
    public var contactID: Int64?
    public var query: String
    public var matches: [Int] = []
    public var current = 0

    public init(query: String, in timeline: [TimelineEntry]) {
        self.query = SearchText.query(query)
        refresh(in: timeline)
    }

    /// The matches again, after the timeline was read again.
    mutating func refresh(in timeline: [TimelineEntry]) {
        matches = timeline.indices.filter { timeline[$0].matches(query) }
        current = min(current, max(matches.count - 1, 0))
    }
}

/// A line for the user after an action.
public struct Message: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

/// The whole state of the front end. The screen is a pure function of it
/// (`Renderer`), and it changes only through `Update`.
public struct AppState: Sendable {
    public var now: Date
    public var calendar: LocalCalendar
    public var width: Int
    public var height: Int
    public var useColour: Bool

    /// The screens opened, the current one last.
    public var stack: [Screen] = [.agenda]

    public var agenda: Agenda {
        didSet {
            agendaItems = agenda.all
            agendaRows = AppState.rows(of: agenda)
        }
    }
    /// The agenda's items in display order, and its rows with their headings:
    /// kept with `agenda`, read on every key and every frame.
    public private(set) var agendaItems: [AgendaItem] = []
    public private(set) var agendaRows: [AgendaRow] = []
    public var agendaPosition = ListPosition()

    /// Every contact; `visibleContacts` applies the filter and the order.
    public var contacts: [ContactRow] = [] { didSet { updateVisibleContacts() } }
    public var contactFilter = "" { didSet { updateVisibleContacts() } }
    public var contactSort = ContactSort.name { didSet { updateVisibleContacts() } }
    /// The contacts shown: filtered by name, account or tag, in the chosen
    /// order (kept with what they derive from: a key never sorts 10,000 rows).
    public private(set) var visibleContacts: [ContactRow] = []
    public var contactsPosition = ListPosition()

    public var accounts: [AccountRow] = []
    public var accountsPosition = ListPosition()

    /// The report card shown on the Report and Segments screens, for `reportLength`.
    public var report: ReportCard?
    public var reportLength = ReportPeriod.Length.month
    public var segmentsPosition = ListPosition()
    /// Whether block characters (bars, sparklines, the heat-map) can be drawn;
    /// without, the charts use ASCII.
    public var drawsBlocks = true

    public var contactCard: ContactCard? {
        didSet {
            // The card searched, read again (after a change, or another process's): its matches again.
            if let card = contactCard, searchOfTimeline?.contactID == card.contact.id { searchOfTimeline?.refresh(in: card.timeline) }
        }
    }
    /// The search of the contact card's timeline (`/`, then n and N): the
    /// search of the card on screen, none on another contact's.
    public var timelineSearch: TimelineSearch? {
        get {
            guard case .contact(let id) = screen, let search = searchOfTimeline, search.contactID == id else { return nil }
            return search
        }
        set {
            searchOfTimeline = newValue
            if case .contact(let id) = screen { searchOfTimeline?.contactID = id }
        }
    }
    private var searchOfTimeline: TimelineSearch?
    public var accountCard: AccountCard?
    public var briefScreen: BriefScreenState?
    /// The first line shown of a card or of the help.
    public var scroll = 0

    public var prompt: Prompt?
    public var form: Form?
    public var message: Message?
    /// What `u` would undo.
    public var undoLabel: String?
    /// Names in the book, for completion in forms.
    public var peopleNames: [String] = []
    public var isRunning = true

    public init(now: Date, calendar: LocalCalendar, width: Int, height: Int, useColour: Bool = true) {
        self.now = now
        self.calendar = calendar
        self.width = width
        self.height = height
        self.useColour = useColour
        let today = calendar.day(of: now)
        agenda = Agenda(now: now, today: today, overdue: [], dueToday: [], upcoming: [], horizon: today.adding(days: 7))
    }

    public var screen: Screen { stack.last ?? .agenda }

    /// The smallest size the layout works at.
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// Rows the body of a screen has: the size less the header, the
    /// message line and the footer.
    public var bodyHeight: Int { max(height - 3, 1) }


    public var selectedAgendaItem: AgendaItem? {
        let items = agendaItems
        return items.indices.contains(agendaPosition.selected) ? items[agendaPosition.selected] : nil
    }

    private mutating func updateVisibleContacts() {
        let filter = NameMatcher.fold(contactFilter)
        let rows = filter.isEmpty ? contacts : contacts.filter { row in
            row.contact.searchName.contains(filter)
                || NameMatcher.fold(row.accountName ?? "").contains(filter)
                || row.tags.contains { NameMatcher.fold($0).contains(filter) }
        }
        switch contactSort {
        case .name: visibleContacts = rows
        case .lastTouch: visibleContacts = rows.sorted { ($0.lastTouch ?? .distantPast) > ($1.lastTouch ?? .distantPast) }
        case .nextDue:
            visibleContacts = rows.sorted { ($0.touchDue?.daysSinceEpoch ?? .max) < ($1.touchDue?.daysSinceEpoch ?? .max) }
        case .tier:
            visibleContacts = rows.sorted { ($0.contact.tier?.rawValue ?? "Z") < ($1.contact.tier?.rawValue ?? "Z") }
        }
    }

    public var selectedContact: ContactRow? {
        let rows = visibleContacts
        return rows.indices.contains(contactsPosition.selected) ? rows[contactsPosition.selected] : nil
    }

    /// The segment selected on the Segments screen (nil: the accounts in none).
    public var selectedSegment: SegmentFigures? {
        guard let segments = report?.segments, segments.indices.contains(segmentsPosition.selected) else { return nil }
        return segments[segmentsPosition.selected]
    }

    public var selectedAccount: AccountRow? {
        accounts.indices.contains(accountsPosition.selected) ? accounts[accountsPosition.selected] : nil
    }
}
