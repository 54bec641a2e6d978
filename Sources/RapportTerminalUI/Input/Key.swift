/// A key press, as the update function sees it (the terminal edge turns
/// ncurses codes into these).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        }
    }
}

/// Something that happened to the application.
public enum Event: Sendable {
    case key(Key)
    /// The terminal is now this size.
    case resize(width: Int, height: Int)
    /// A click on a row of the screen.
    case click(x: Int, y: Int)
    case scroll(down: Bool)
    /// What an effect found or did (the controller's answer to an `Effect`).
    case outcome(Outcome)
}
