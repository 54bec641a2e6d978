import Foundation

/// Runs a program to completion and returns its exit status and standard
/// output. Written with posix_spawn and waitpid because Foundation's
/// `Process.waitUntilExit` can miss the exit of a child that ends at once
/// while many tests spawn in parallel (a hang seen with `tmux new-session -d`).
@discardableResult
func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                  stdoutTo outputPath: String? = nil, stderrTo errorPath: String? = nil) throws -> (status: Int32, output: String, pid: pid_t) {
    let capture = outputPath ?? NSTemporaryDirectory() + "rapport-spawn-\(UUID().uuidString)"
    defer { if outputPath == nil { try? FileManager.default.removeItem(atPath: capture) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, capture, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + env).forEach { free($0) } }
    // The child starts with no signal blocked and every handler at its default,
    // whatever this test thread had (the runtime blocks several).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let started = posix_spawn(&pid, path, &actions, &attributes, argv, env)
    guard started == 0 else { throw CocoaError(.executableNotLoadable, userInfo: [NSFilePathErrorKey: path]) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let output = (try? String(contentsOfFile: capture, encoding: .utf8)) ?? ""
    return (exitStatus, output, pid)
}

/// The faketime wrapper keeps a shared-memory file per process and leaves it
/// behind when it is killed; a later wrapper given the same pid (pids wrap at
/// 32,768 here) then fails at once. Removes the files of processes that are gone.
func clearStaleFaketimeFiles() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm") else { return }
    for name in names where name.hasPrefix("faketime_shm_") || name.hasPrefix("sem.faketime_sem_") {
        guard let pid = Int32(name.split(separator: "_").last ?? "") else { continue }
        if kill(pid, 0) == -1 && errno == ESRCH {
            try? FileManager.default.removeItem(atPath: "/dev/shm/" + name)
        }
    }
}
