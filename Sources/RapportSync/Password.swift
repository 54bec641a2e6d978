import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The server password: printed by a command the user gave (`pass show
/// dav`), or typed at a prompt on the terminal. Never stored anywhere.
public enum SyncPassword {
    /// Runs `command` with /bin/sh; its output's first line is the password.
    /// (popen and pclose: a plain wait, which a pinned clock in the tests cannot stall as Foundation's run loop is.)
    public static func run(_ command: String) throws -> String {
        guard let pipe = popen(command + " </dev/null", "r") else {
            throw SyncError("cannot run the password command")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let status = pclose(pipe)
        guard status == 0 else {
            throw SyncError("the password command failed (exit status \(status >> 8)); nothing was sent")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !password.isEmpty else { throw SyncError("the password command printed nothing; nothing was sent") }
        return password
    }

    /// Asks on the terminal, without echo; nil when there is no terminal.
    public static func prompt(_ question: String) -> String? {
        let tty = open("/dev/tty", O_RDWR)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        guard isatty(tty) != 0 else { return nil }
        _ = question.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        tcgetattr(tty, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(tty, TCSAFLUSH, &silent)
        defer {
            tcsetattr(tty, TCSAFLUSH, &saved)
            _ = write(tty, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1, byte != 10, byte != 13 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One sync at a time for a book: an exclusive lock on a file beside it,
/// released by the system when the process ends (even killed).
public final class SyncLock {
    private let descriptor: Int32

    /// Takes the lock, or refuses at once when another sync holds it.
    public init(book path: String) throws {
        let lockPath = path + ".sync-lock"
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SyncError("cannot create the sync lock \(lockPath)") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SyncError("another rapport sync of this book is running; try again when it is done")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
