import CNcursesw
import Foundation
import RapportCore
import RapportTerminalUI

/// Set by the signal handlers; the event loop ends cleanly when it sees it.
nonisolated(unsafe) var terminationRequested: sig_atomic_t = 0
/// Whether ncurses owns the terminal (for the crash handlers).
nonisolated(unsafe) var cursesActive: sig_atomic_t = 0

/// The one thin layer that talks to ncurses: it copies a `ScreenBuffer` to
/// the terminal (only the cells that changed), reads keys, clicks and
/// resizes as `Event`s, and always gives the terminal back as it found it.
/// ncurses is process-global and not thread-safe: use from one thread.
final class NcursesTerminal {
    enum Failure: Error, CustomStringConvertible {
        case notATerminal, unknownTerminal(String), dumbTerminal

        var description: String {
            switch self {
            case .notATerminal:
                return "the interactive view needs a terminal; for a plain list use rapport today (or rapport overdue)"
            case .unknownTerminal(let name):
                return "the terminal type '\(name)' is unknown here; set TERM (e.g. xterm-256color), or use rapport today"
            case .dumbTerminal:
                return "TERM=dumb cannot show the interactive view; use rapport today"
            }
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let useColour: Bool
    /// Whether the locale cannot show anything but ASCII (not UTF-8): cells then get look-alikes.
    private let asciiOnly: Bool
    private var utf8Keys = UTF8KeyDecoder()
    private var shown: ScreenBuffer?

    /// Throws when there is no terminal to take over (checked before anything is opened).
    static func checkAvailable() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw Failure.notATerminal }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { throw Failure.dumbTerminal }
    }

    init(useColour wantsColour: Bool) throws {
        try NcursesTerminal.checkAvailable()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        setlocale(LC_ALL, "")
        asciiOnly = !TerminalText.isUTF8(codeset: localeCodeset())
        // newterm, unlike initscr, returns nil for an unknown terminal instead of exiting.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else { throw Failure.unknownTerminal(term.isEmpty ? "(unset)" : term) }
        self.screen = screen
        set_term(screen)
        window = rapport_stdscr()
        cursesActive = 1
        raw() // Ctrl-C is a key: the loop quits cleanly.
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        wtimeout(window, 100)
        mousemask(rapport_all_mouse_events(), nil)
        useColour = wantsColour && has_colors()
        if useColour {
            start_color()
            use_default_colors()
            // Foreground colours over the terminal's own background: readable on dark and light themes.
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_RED), -1)
            init_pair(3, Int16(COLOR_YELLOW), -1)
            init_pair(4, -1, -1)
            init_pair(5, Int16(COLOR_GREEN), -1)
        }
        NcursesTerminal.installSignalHandlers()
    }

    /// Gives the terminal back: cursor, echo, modes, the screen as it was.
    func end() {
        guard cursesActive == 1 else { return }
        endwin()
        delscreen(screen)
        cursesActive = 0
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Draws the cells that changed since the last frame.
    func draw(_ buffer: ScreenBuffer) {
        let full = shown == nil || shown!.width != buffer.width || shown!.height != buffer.height
        if full { werase(window) }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if !full, shown![x, y] == cell { continue }
                // The bottom-right cell is drawn with insertion: adding there would scroll.
                put(cell, x: x, y: y, last: y == buffer.height - 1 && x == buffer.width - 1 - (TerminalWidth.isWide(cell.character) ? 1 : 0))
            }
        }
        shown = buffer
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int, last: Bool) {
        var attributes = rapport_a_normal()
        if cell.style.contains(.bold) { attributes |= rapport_a_bold() }
        if cell.style.contains(.reverse) { attributes |= rapport_a_reverse() }
        if cell.style.contains(.dim) { attributes |= rapport_a_dim() }
        if cell.style.contains(.underline) { attributes |= rapport_a_underline() }
        var pair: Int16 = 0
        if useColour {
            switch cell.tint {
            case .normal: pair = 0
            case .accent: pair = 1
            case .late: pair = 2
            case .today: pair = 3
            case .muted: pair = 4
            case .success: pair = 5
            }
        }
        // Only ASCII comes out right where the locale is not UTF-8: show look-alikes, as wide as the original.
        if asciiOnly && !cell.character.isASCII {
            let width = TerminalWidth.isWide(cell.character) ? 2 : 1
            for (offset, character) in TerminalText.ascii(cell.character, width: width).enumerated() {
                draw([wchar_t(character.asciiValue!)], attributes: attributes, pair: pair, x: x + offset, y: y, last: last && offset == width - 1)
            }
            return
        }
        // A cell holds one spacing character and up to four combining ones.
        draw(cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }, attributes: attributes, pair: pair, x: x, y: y, last: last)
    }

    private func draw(_ characters: [wchar_t], attributes: attr_t, pair: Int16, x: Int, y: Int, last: Bool) {
        var characters = characters
        characters.append(0)
        var complex = cchar_t()
        setcchar(&complex, characters, attributes, pair, nil)
        if last {
            mvwins_wch(window, Int32(y), Int32(x), &complex)
        } else {
            mvwadd_wch(window, Int32(y), Int32(x), &complex)
        }
    }

    /// The next event, or nil when none came within the timeout.
    func nextEvent() -> Event? {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        if result == rapport_key_code_yes() {
            switch Int32(character) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_RESIZE:
                shown = nil
                let (width, height) = size
                return .resize(width: width, height: height)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & rapport_button4_pressed() != 0 { return .scroll(down: false) }
                if event.bstate & rapport_button5_pressed() != 0 { return .scroll(down: true) }
                if event.bstate & rapport_button1_clicked() != 0 { return .click(x: Int(event.x), y: Int(event.y)) }
                return nil
            default:
                return nil
            }
        }
        switch character {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(character + 96)!)))
        case 0x80...0xFF where asciiOnly:
            // Outside a UTF-8 locale each byte of a typed character comes alone: decode them together.
            guard let scalar = utf8Keys.feed(UInt8(character)).last else { return nil }
            return .key(.character(Character(scalar)))
        default:
            guard let scalar = Unicode.Scalar(character) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// SIGTERM and SIGHUP end the loop cleanly; a crash restores the terminal before dying.
    private static func installSignalHandlers() {
        signal(SIGTERM) { _ in terminationRequested = 1 }
        signal(SIGHUP) { _ in terminationRequested = 1 }
        signal(SIGINT) { _ in terminationRequested = 1 }
        // The runtime starts with these blocked on the main thread; without
        // unblocking them a SIGTERM would wait forever.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in [SIGTERM, SIGHUP, SIGINT, SIGWINCH] { sigaddset(&unblocked, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(crash) { number in
                if cursesActive == 1 { endwin() }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}

/// Display width of a character, as the buffer measured it.
enum TerminalWidth {
    static func isWide(_ character: Character) -> Bool {
        TerminalText.width(of: character) == 2
    }
}
