import ArgumentParser
import Foundation
import RapportCore

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Tell the desktop about newly late items, through notify-send.",
        discussion: """
            One notification per item that became late and was not told today; more than \
            \(OverdueNotifications.summaryAbove) at once become one summary. What was told is kept in \
            $XDG_STATE_HOME/rapport/notified.json (~/.local/state/rapport/ without XDG_STATE_HOME), \
            outside the book: notifying never changes the book. Made for a timer (see the README's \
            systemd units); prints what it sent.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print what would be sent, and send and record nothing.")
    var dryRun = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let sender = try dryRun ? nil : notifySend(environment: environment)
        let (agenda, _) = try AgendaLoader(options: store).load(upcomingDays: 0)
        let book = URL(fileURLWithPath: store.path).standardizedFileURL.path
        let logPath = NotificationLog.path(environment: environment)

        if dryRun {
            let told = try reporting { try NotificationLog.current(at: logPath).books[book] }
            let plan = OverdueNotifications(overdue: agenda.overdue, in: agenda, calendar: store.calendar, told: told)
            if plan.notifications.isEmpty { say("Nothing newly late.") }
            for notification in plan.notifications {
                say(notification.summary)
                for line in notification.body.split(separator: "\n") { say("  " + line) }
            }
            return
        }

        var failure: CommandFailure?
        let sent: [AgendaItem] = try reporting {
            try NotificationLog.update(at: logPath) { log in
                let plan = OverdueNotifications(overdue: agenda.overdue, in: agenda, calendar: store.calendar, told: log.books[book])
                var delivered = 0
                for notification in plan.notifications {
                    if let error = send(notification, with: sender!) {
                        failure = error
                        break
                    }
                    delivered += 1
                }
                // Only what reached the desktop counts as told: a failed send is tried again next time.
                let told = delivered == plan.notifications.count ? plan.newlyLate
                    : plan.notifications.count == plan.newlyLate.count ? Array(plan.newlyLate.prefix(delivered)) : []
                let previous = log.books[book]?.day == agenda.today ? log.books[book]!.refs : []
                log.books[book] = NotificationLog.Day(day: agenda.today, refs: previous.union(told.map(\.ref)))
                return told
            }
        }
        if sent.isEmpty && failure == nil {
            say("Nothing newly late.")
        } else if !sent.isEmpty {
            let refs = sent.map(\.ref.description).joined(separator: " ")
            say(sent.count > OverdueNotifications.summaryAbove
                ? "Sent one notification for \(sent.count) newly late items: \(refs)"
                : "Sent \(sent.count) notification\(sent.count == 1 ? "" : "s"): \(refs)")
        }
        if let failure { throw failure }
    }

    /// The `notify-send` on the PATH, or a failure saying how to get it.
    private func notifySend(environment: [String: String]) throws -> String {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/notify-send"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CommandFailure("notify-send is not installed (Debian and Ubuntu: apt install libnotify-bin); nothing was sent",
                             status: CommandFailure.failed)
    }

    /// Runs notify-send; nil when it succeeded. `--` ends its options, so a
    /// title that starts with a dash is text, never an option. Spawned and
    /// waited for directly: Foundation's `Process` waits on a run loop whose
    /// clock stands still under faketime.
    private func send(_ notification: DesktopNotification, with program: String) -> CommandFailure? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return CommandFailure("cannot run \(program)", status: CommandFailure.failed) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let arguments = [program, "--app-name=Rapport", "--", notification.summary, notification.body]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, program, &actions, nil, argv, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard started == 0 else {
            return CommandFailure("cannot run \(program): \(String(cString: strerror(started)))", status: CommandFailure.failed)
        }
        var message = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { message.append(contentsOf: buffer[0..<count]) } else if count == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard code != 0 else { return nil }
        let reason = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map { ": " + TerminalText.safe(String($0)) } ?? ""
        return CommandFailure("notify-send failed (status \(code))\(reason); what was not sent is tried again next time",
                              status: CommandFailure.failed)
    }
}
