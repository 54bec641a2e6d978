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

/// Writes a line to standard output, through a buffer flushed at exit
/// (one write for a whole listing instead of one a line).
func say(_ line: String) {
    OutputBuffer.shared.append(line)
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
