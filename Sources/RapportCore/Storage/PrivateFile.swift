import Foundation

/// Files that hold the book or a copy of it (the book, a backup, an export,
/// a before-upgrade copy) are private from birth: created by the `open`
/// call itself with mode 0600 and O_EXCL, never chmod-ed afterwards, so no
/// other local user can open one in between. A file is written beside its
/// place, synced, moved in, and its directory synced: a reader never sees
/// half of it, and once Rapport says it is written a power cut keeps it.
public enum PrivateFile {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Creates `path` empty and private, unless it exists. Returns whether it created it.
    @discardableResult
    static func createEmpty(_ path: String) throws(Failure) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        try syncDirectory(of: path)
        return true
    }

    /// Writes `data` as the whole of `path`: into a new private file beside
    /// it, synced, then moved into place. Without `replacing`, an existing
    /// file is refused (checked again at the moment of the move).
    public static func write(_ data: Data, to path: String, replacing: Bool = false) throws {
        try publish(to: path, replacing: replacing) { temporary in
            let descriptor = open(temporary, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var failure: Int32 = 0
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
            if failure != 0 { throw Failure(path: path, reason: String(cString: strerror(failure))) }
        }
    }

    /// Lets `fill` write a new private (0600, empty) file beside `path`,
    /// then syncs it, moves it into place and syncs the directory. On any
    /// failure the temporary file is removed and `path` is left as it was.
    public static func publish(to path: String, replacing: Bool = false, _ fill: (String) throws -> Void) throws {
        if !replacing, FileManager.default.fileExists(atPath: path) {
            throw Failure(path: path, reason: "it exists; name a new file")
        }
        let url = URL(fileURLWithPath: path)
        var temporary = ""
        for _ in 0..<100 {
            let name = "." + url.lastPathComponent + ".rapport-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = url.deletingLastPathComponent().appendingPathComponent(name).path
            let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                close(descriptor)
                break
            }
            if errno != EEXIST { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            temporary = ""
        }
        guard !temporary.isEmpty else { throw Failure(path: path, reason: "cannot create a temporary file beside it") }
        do {
            try fill(temporary)
            try sync(temporary, reportingAs: path)
            if replacing {
                guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            } else {
                // link() refuses an existing name, unlike rename(): a file created meanwhile is not replaced.
                guard link(temporary, path) == 0 else {
                    throw Failure(path: path, reason: errno == EEXIST ? "it exists; name a new file" : String(cString: strerror(errno)))
                }
                unlink(temporary)
            }
            try syncDirectory(of: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func sync(_ file: String, reportingAs path: String) throws(Failure) {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Makes a new or renamed name in a directory survive a power cut.
    static func syncDirectory(of path: String) throws(Failure) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // Some file systems cannot sync a directory (EINVAL): their names are as durable as they get.
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }
}
