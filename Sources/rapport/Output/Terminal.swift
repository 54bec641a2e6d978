import Foundation
import RapportCore

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

/// Writes a line to standard output, through a buffer flushed at exit
/// (one write for a whole listing instead of one a line).
func say(_ line: String) {
    OutputBuffer.shared.append(line)
}

/// Writes a warning line to standard error (`rapport: warning: …`): what
/// was stored is fine, but the user should know.
func warn(_ line: String) {
    FileHandle.standardError.write(Data(("rapport: warning: " + TerminalText.safe(line) + "\n").utf8))
}

/// Standard output's buffer. Commands run on one thread; the lock keeps it honest.
final class OutputBuffer: @unchecked Sendable {
    static let shared = OutputBuffer()
    private var bytes: [UInt8] = []
    private let lock = NSLock()

    func append(_ line: String) {
        lock.lock()
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
        let full = bytes.count > 1 << 16
        lock.unlock()
        if full { flush() }
    }

    /// Writes what is buffered; a closed pipe (`rapport overdue | head`) ends the output quietly.
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                bytes.removeAll()
                return
            }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Writes a document (CSV, vCard, iCalendar) to standard output: exactly as
/// it is into a pipe or a file; on a terminal with every control character
/// but the line ends shown as a placeholder, so that stored text cannot act
/// on the terminal.
func printDocument(_ text: String) {
    OutputBuffer.shared.flush()
    guard isatty(STDOUT_FILENO) == 1 else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    let safe = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        .map { TerminalText.safe(String($0)) }.joined(separator: "\n")
    FileHandle.standardOutput.write(Data(safe.utf8))
}

/// A progress bar on standard error for work that takes more than a second,
/// and only on a terminal: quiet in scripts and for quick work.
final class ProgressBar {
    let label: String
    let started = Date()
    let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0, Date().timeIntervalSince(started) >= 1 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(100 * done / total)% (\(done) of \(total))".utf8))
        shown = true
    }

    /// Clears the bar's line.
    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// The character set of the user's locale ("UTF-8"), from the environment
/// the way setlocale reads it.
func localeCodeset() -> String {
    setlocale(LC_CTYPE, "")
    return String(cString: nl_langinfo(nl_item(CODESET)))
}
