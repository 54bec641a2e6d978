import Foundation
import Testing

/// `rapport notify` with a stand-in `notify-send` on the PATH that records
/// each call's arguments (NUL-separated, one call a line).
@Suite("rapport notify")
struct NotifyCommandTests {
    let tuesday = "2026-11-24 09:00:00"

    struct Desktop {
        let rapport: RapportProcess
        var bin: URL { rapport.directory.appendingPathComponent("bin") }
        var calls: URL { rapport.directory.appendingPathComponent("notify-send-calls") }
        var state: URL { rapport.directory.appendingPathComponent("state") }

        init() throws {
            rapport = try RapportProcess()
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let standIn = bin.appendingPathComponent("notify-send")
            try writeExecutable("""
                #!/bin/sh
                for argument in "$@"; do printf '%s\\0' "$argument"; done >> '\(calls.path)'
                printf '\\n' >> '\(calls.path)'

                """, to: standIn)
        }

        var environment: [String: String] { ["PATH": bin.path + ":/usr/bin:/bin", "XDG_STATE_HOME": state.path] }

        @discardableResult
        func notify(at clock: String, environment extra: [String: String] = [:]) throws -> RapportProcess.Result {
            try rapport.run(["notify"], at: clock, environment: environment.merging(extra) { $1 })
        }

        /// Each call's arguments, as bytes (a call's last argument ends with NUL, then a newline).
        var recorded: [[Data]] {
            guard let data = FileManager.default.contents(atPath: calls.path) else { return [] }
            var result: [[Data]] = [], call: [Data] = [], argument = Data()
            var atCallEnd = false
            for byte in data {
                if atCallEnd && byte == 0x0A { result.append(call); call = []; atCallEnd = false; continue }
                atCallEnd = false
                if byte == 0 { call.append(argument); argument = Data(); atCallEnd = true } else { argument.append(byte) }
            }
            return result
        }

        var texts: [[String]] { recorded.map { $0.map { String(decoding: $0, as: UTF8.self) } } }
    }

    @Test("one notification per newly late item, with -- before the texts; not again the same day; again the next")
    func perItemOnceADay() throws {
        let desktop = try Desktop()
        try desktop.rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: tuesday)
        try desktop.rapport.run(["follow-up", "add", "send the pricing deck", "--with", "Dana Ruiz", "--due", "2026-11-20"], at: tuesday)
        try desktop.rapport.run(["follow-up", "add", "call back", "--with", "Dana Ruiz", "--due", "2026-11-23"], at: tuesday)
        let book = try desktop.rapport.databaseBytes()

        let first = try desktop.notify(at: tuesday)
        #expect(first.status == 0 && first.stdout == "Sent 2 notifications: f1 f2\n", "\(first)")
        #expect(desktop.texts == [
            ["--app-name=Rapport", "--", "Rapport: follow-up late (f1)", "send the pricing deck — Dana Ruiz · Acme (4 d late)"],
            ["--app-name=Rapport", "--", "Rapport: follow-up late (f2)", "call back — Dana Ruiz · Acme (1 d late)"],
        ])

        // The same day, an hour later, with one more item late: only that one.
        try desktop.rapport.run(["follow-up", "add", "the contract", "--with", "Dana Ruiz", "--due", "today 9:30"], at: tuesday)
        let later = try desktop.notify(at: "2026-11-24 10:00:00")
        #expect(later.stdout == "Sent 1 notification: f3\n", "\(later)")
        #expect(desktop.texts.count == 3 && desktop.texts[2][2] == "Rapport: follow-up late (f3)", "\(desktop.texts)")
        #expect(try desktop.notify(at: "2026-11-24 11:00:00").stdout == "Nothing newly late.\n")
        #expect(desktop.texts.count == 3)

        // Notifying never changes the book; what was told is kept under XDG_STATE_HOME.
        let afterAdd = try desktop.rapport.databaseBytes()
        #expect(afterAdd != book)
        try desktop.notify(at: "2026-11-24 12:00:00")
        #expect(try desktop.rapport.databaseBytes() == afterAdd)
        let log = try String(contentsOf: desktop.state.appendingPathComponent("rapport/notified.json"), encoding: .utf8)
        #expect(log.contains("\"2026-11-24\"") && log.contains("\"f3\""), "\(log)")

        // The next day, what is still late is told again (one summary: three is not more than three, so three notes).
        let wednesday = try desktop.notify(at: "2026-11-25 09:00:00")
        #expect(wednesday.stdout == "Sent 3 notifications: f1 f2 f3\n", "\(wednesday)")
    }

    @Test("more than three newly late items: one summary")
    func summary() throws {
        let desktop = try Desktop()
        try desktop.rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        for day in 16...20 {
            try desktop.rapport.run(["follow-up", "add", "item \(day)", "--with", "Dana Ruiz", "--due", "2026-11-\(day)"], at: tuesday)
        }
        let result = try desktop.notify(at: tuesday)
        #expect(result.stdout == "Sent one notification for 5 newly late items: f1 f2 f3 f4 f5\n", "\(result)")
        #expect(desktop.texts == [["--app-name=Rapport", "--", "Rapport: 5 items newly late", """
            f1 follow-up: item 16 — Dana Ruiz (8 d late)
            f2 follow-up: item 17 — Dana Ruiz (7 d late)
            f3 follow-up: item 18 — Dana Ruiz (6 d late)
            and 2 more: rapport overdue
            """]])
    }

    @Test("hostile names and titles reach notify-send without a control byte, markup, or a leading dash read as an option")
    func hostileText() throws {
        let desktop = try Desktop()
        let name = "-u critical \u{1B}]52;c;aGk=\u{07}\u{1B}[2J <b>Mal</b> & \u{202E}ory\u{9B}"
        try desktop.rapport.run(["contact", "add", "--", name], at: tuesday)
        try desktop.rapport.run(["follow-up", "add", "--with", "@1", "--due", "2026-11-20", "--", "--\u{0D}pay\u{0A}now"], at: tuesday)
        let result = try desktop.notify(at: tuesday)
        #expect(result.status == 0, "\(result)")
        let call = try #require(desktop.recorded.first)
        #expect(call.count == 4 && call[1] == Data("--".utf8))
        for argument in call {
            #expect(!argument.contains { $0 < 0x20 || $0 == 0x7F }, "\(String(decoding: argument, as: UTF8.self))")
            #expect(!String(decoding: argument, as: UTF8.self).unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
        }
        #expect(String(decoding: call[3], as: UTF8.self)
                == "--␍pay␤now — -u critical ␛]52;c;aGk=␇␛[2J &lt;b&gt;Mal&lt;/b&gt; &amp; &lt;U+202E&gt;ory&lt;U+009B&gt; (4 d late)")
    }

    @Test("without notify-send it says so, sends nothing and records nothing (status 1)")
    func missingNotifySend() throws {
        let desktop = try Desktop()
        try desktop.rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try desktop.rapport.run(["follow-up", "add", "late", "--with", "Dana Ruiz", "--due", "2026-11-20"], at: tuesday)
        // A PATH with only `date` on it (faketime reads the pinned clock through it).
        let bare = desktop.rapport.directory.appendingPathComponent("bare")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bare.appendingPathComponent("date").path, withDestinationPath: "/usr/bin/date")
        let result = try desktop.notify(at: tuesday, environment: ["PATH": bare.path])
        #expect(result.status == 1)
        #expect(result.stderr == "rapport: notify-send is not installed (Debian and Ubuntu: apt install libnotify-bin); nothing was sent\n")
        #expect(!FileManager.default.fileExists(atPath: desktop.state.appendingPathComponent("rapport/notified.json").path))
    }

    @Test("a notify-send that fails is reported (status 1), and what it did not show is tried again")
    func failingNotifySend() throws {
        let desktop = try Desktop()
        try desktop.rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try desktop.rapport.run(["follow-up", "add", "late", "--with", "Dana Ruiz", "--due", "2026-11-20"], at: tuesday)
        let failing = desktop.rapport.directory.appendingPathComponent("failing")
        try FileManager.default.createDirectory(at: failing, withIntermediateDirectories: true)
        try writeExecutable("#!/bin/sh\necho 'Cannot autolaunch D-Bus without X11 $DISPLAY' >&2\nexit 1\n",
                            to: failing.appendingPathComponent("notify-send"))
        let result = try desktop.notify(at: tuesday, environment: ["PATH": failing.path + ":/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(result.stderr == "rapport: notify-send failed (status 1): Cannot autolaunch D-Bus without X11 $DISPLAY; "
                + "what was not sent is tried again next time\n")
        #expect(try desktop.notify(at: tuesday).stdout == "Sent 1 notification: f1\n")
    }

    @Test("--dry-run prints what would be sent and records nothing")
    func dryRun() throws {
        let desktop = try Desktop()
        try desktop.rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        try desktop.rapport.run(["follow-up", "add", "late", "--with", "Dana Ruiz", "--due", "2026-11-20"], at: tuesday)
        let result = try desktop.rapport.run(["notify", "--dry-run"], at: tuesday, environment: desktop.environment)
        #expect(result.stdout == "Rapport: follow-up late (f1)\n  late — Dana Ruiz (4 d late)\n", "\(result)")
        #expect(desktop.recorded.isEmpty)
        #expect(try desktop.notify(at: tuesday).stdout == "Sent 1 notification: f1\n")
    }
}

/// Writes an executable script from a child shell, so no descriptor open for
/// writing it is ever in this process: a test spawning at the same moment would
/// inherit one, and running the script would then fail with "Text file busy".
func writeExecutable(_ text: String, to url: URL) throws {
    let written = try spawnAndWait("/bin/sh", ["-c", "printf '%s' \"$1\" > \"$0\" && chmod 755 \"$0\"", url.path, text])
    guard written.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
}
