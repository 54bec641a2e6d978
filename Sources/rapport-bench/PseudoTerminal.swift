import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the full-screen `rapport` in a pseudo-terminal, as a terminal
/// emulator would, and times what a user sees: from starting it to its first
/// whole screen, and from a key to the end of the redraw it causes.
struct PseudoTerminalSession {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let master: Int32
    let pid: pid_t
    let started: UInt64
    private(set) var output = ""

    /// Starts `arguments` on a new pseudo-terminal of `width`×`height`.
    init(_ arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        // posix_openpt, unlockpt and ptsname are not in Swift's Glibc module:
        // the Linux calls they wrap, on /dev/ptmx (TIOCSPTLCK and TIOCGPTN from <asm/ioctls.h>).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal available")
        }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = "/dev/pts/\(number)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the terminal makes it the child's controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80) // POSIX_SPAWN_SETSID (glibc), not exported to Swift
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp) == 0 else {
            close(master)
            throw Failure(description: "cannot start \(arguments[0])")
        }
        pid = child
    }

    /// Reads until `marker` has been drawn and the output has then been quiet
    /// for `quiet` ms; returns when the last byte came, in ns since start.
    mutating func readFrame(after marker: String? = nil, from start: UInt64, quiet: Int32 = 25, timeout: Double = 10) throws -> UInt64 {
        var last: UInt64?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        var seenMarker = marker == nil
        while DispatchTime.now().uptimeNanoseconds < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, seenMarker && last != nil ? quiet : 100)
            if ready == 0 {
                if seenMarker, let last { return last - start }
                continue
            }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            last = DispatchTime.now().uptimeNanoseconds
            output += String(decoding: buffer[0..<count], as: UTF8.self)
            if !seenMarker, let marker, output.contains(marker) { seenMarker = true }
        }
        throw Failure(description: "no screen within \(Int(timeout)) s; it showed: \(output.suffix(200))")
    }

    /// Sends `text` as keys; returns the instant it was sent.
    func send(_ text: String) -> UInt64 {
        let now = DispatchTime.now().uptimeNanoseconds
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
        return now
    }

    /// Quits with `q` and waits for the process; kills it if it lingers.
    mutating func finish() {
        _ = send("q")
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { close(master); return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 20) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        close(master)
    }
}
