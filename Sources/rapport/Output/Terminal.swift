import Foundation

/// What standard output is: a terminal (with colour unless NO_COLOR) or a
/// pipe or file (plain text, no width limit).
struct OutputStyle {
    var isTerminal: Bool
    var useColour: Bool
    /// Columns to fit in; nil when not a terminal.
    var width: Int?

    static func detect() -> OutputStyle {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        let colour = isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        var size = winsize()
        let width = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return OutputStyle(isTerminal: isTerminal, useColour: colour, width: width ?? (isTerminal ? 80 : nil))
    }

    func bold(_ text: String) -> String { useColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { useColour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { useColour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// Writes a line to standard output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
