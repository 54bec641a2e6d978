import RapportCore

/// How a cell is drawn, beside its character.
public struct CellStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellStyle(rawValue: 1)
    public static let reverse = CellStyle(rawValue: 2)
    public static let dim = CellStyle(rawValue: 4)
    public static let underline = CellStyle(rawValue: 8)
}

/// A colour role, mapped to the terminal's palette by the edge (or to
/// nothing under NO_COLOR): the screen never names a colour itself.
public enum Tint: UInt8, Hashable, Sendable {
    case normal, accent, late, today, muted, success
}

/// One cell of the screen. A wide character fills two cells; the second is
/// a continuation that draws nothing.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: CellStyle
    public var tint: Tint
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", style: [], tint: .normal, isContinuation: false)
}

/// The screen as a grid of cells: what the renderer draws into, what the
/// terminal edge copies to ncurses, and what tests read back as text.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), made terminal-safe and cut to `limit`
    /// columns (and the screen's edge) with "…" where it does not fit, never
    /// inside a character; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, limit: Int? = nil, style: CellStyle = [], tint: Tint = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max($0, 0) } ?? width)
        let safe = TerminalText.safe(text)
        return draw(TerminalText.truncate(safe, toWidth: end - x), x: x, y: y, end: end, style: style, tint: tint)
    }

    /// Writes the pieces of one line, each in its style, from (x, y): cut
    /// with "…" at `limit` columns (and the screen's edge) when they do not
    /// all fit; returns the columns used.
    @discardableResult
    public mutating func put(spans: [(text: String, style: CellStyle, tint: Tint)], x: Int, y: Int, limit: Int) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + max(limit, 0))
        let pieces = spans.map { (text: TerminalText.safe($0.text), style: $0.style, tint: $0.tint) }
        let fits = pieces.reduce(0) { $0 + TerminalText.width($1.text) } <= end - x
        var column = x
        for piece in pieces {
            let room = end - column
            let pieceWidth = TerminalText.width(piece.text)
            if fits || pieceWidth < room {
                column += draw(piece.text, x: column, y: y, end: end, style: piece.style, tint: piece.tint)
                continue
            }
            // The piece the line is cut in: what fits before the "…" (one column kept for it).
            var kept = "", used = 0
            for character in piece.text {
                let w = TerminalText.width(of: character)
                if used + w > room - 1 { break }
                kept.append(character)
                used += w
            }
            column += draw(kept + "…", x: column, y: y, end: end, style: piece.style, tint: piece.tint)
            break
        }
        return column - x
    }

    /// Draws terminal-safe text that fits from (x, y) up to `end`.
    private mutating func draw(_ text: String, x: Int, y: Int, end: Int, style: CellStyle, tint: Tint) -> Int {
        guard y >= 0, y < height, x < width, end > x else { return 0 }
        var column = x
        for character in text {
            let w = TerminalText.width(of: character)
            if w == 0 { continue }
            if column + w > end { break }
            if column >= 0 {
                cells[y * width + column] = Cell(character: character, style: style, tint: tint, isContinuation: false)
                for extra in 1..<max(w, 1) {
                    cells[y * width + column + extra] = Cell(character: " ", style: style, tint: tint, isContinuation: true)
                }
            }
            column += w
        }
        return column - x
    }

    /// Writes `text` cut with "…" to `columns` and padded to exactly that width.
    public mutating func putPadded(_ text: String, x: Int, y: Int, columns: Int, style: CellStyle = [], tint: Tint = .normal,
                                   alignRight: Bool = false) {
        guard columns > 0 else { return }
        let cut = TerminalText.truncate(TerminalText.safe(text), toWidth: columns)
        let used = TerminalText.width(cut)
        let start = alignRight ? x + columns - used : x
        fill(x: x, y: y, columns: columns, style: style, tint: tint)
        put(cut, x: start, y: y, limit: columns, style: style, tint: tint)
    }

    /// Sets `columns` cells from (x, y) to blanks in a style (a highlighted row).
    public mutating func fill(x: Int = 0, y: Int, columns: Int? = nil, style: CellStyle = [], tint: Tint = .normal) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (columns ?? width))
        for column in max(x, 0)..<max(end, max(x, 0)) {
            cells[y * width + column] = Cell(character: " ", style: style, tint: tint, isContinuation: false)
        }
    }

    /// One line of text, trailing blanks removed.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].character) }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line a row: what tests compare.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }
}
