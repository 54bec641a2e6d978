import Foundation
import Testing

/// The real binary's full-screen session, driven in tmux like a person would.
@Suite("rapport in a terminal", .serialized)
struct InteractiveTests {
    /// A tmux session running `rapport` at a pinned clock.
    final class Session {
        let name = "rapport-test-\(UUID().uuidString.prefix(8))"
        let rapport: RapportProcess

        init(_ rapport: RapportProcess, at clock: String, width: Int = 100, height: Int = 30, term: String? = nil,
             locale: String = "C.UTF-8") throws {
            self.rapport = rapport
            let command = "env RAPPORT_DB='\(rapport.databasePath)' TZ=\(rapport.timeZone) LC_ALL=\(locale) "
                + (term.map { "TERM=\($0) " } ?? "")
                + "faketime '\(clock)' '\(RapportProcess.binary.path)'; echo \"EXITED $?\"; sleep 60"
            try Session.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        }

        deinit { try? Session.tmux(["kill-session", "-t", name]) }

        @discardableResult
        static func tmux(_ arguments: [String]) throws -> String {
            try spawnAndWait("/usr/bin/tmux", arguments).output
        }

        func keys(_ keys: String...) throws { try Session.tmux(["send-keys", "-t", name] + keys) }

        func type(_ text: String) throws { try Session.tmux(["send-keys", "-t", name, "-l", text]) }

        var screen: String { (try? Session.tmux(["capture-pane", "-p", "-t", name])) ?? "" }

        /// The screen with its attributes as escape sequences (tmux's own, for colour and style).
        var screenWithEscapes: String { (try? Session.tmux(["capture-pane", "-p", "-e", "-t", name])) ?? "" }

        /// Waits (up to `seconds`) until the screen contains `text`.
        @discardableResult
        func waitFor(_ text: String, seconds: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
    }

    let tuesday = "2026-11-24 09:00:00"

    @Test("open, navigate, mark done, log a meeting with two attendees, see the thank-yous, quit")
    func dailySession() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: tuesday)
        try rapport.run(["contact", "add", "Lee Park", "--account", "Acme"], at: tuesday)
        try rapport.run(["add", "send the pricing deck with Dana yesterday"], at: tuesday)
        try rapport.run(["add", "call Lee today"], at: tuesday)
        let session = try Session(rapport, at: tuesday)
        #expect(session.waitFor("Overdue · 1"), "\(session.screen)")
        #expect(session.screen.contains(" f1 follow-up "), "\(session.screen)")

        try session.keys("d")
        #expect(session.waitFor("follow-up \"send the pricing deck\" done"), "\(session.screen)")
        #expect(!session.screen.contains("Overdue ·"))

        try session.keys("m")
        #expect(session.waitFor("Log a meeting"))
        try session.type("Acme review")
        try session.keys("Tab")
        try session.type("today 8:00")
        try session.keys("Tab", "C-u")
        try session.type("Dana Ruiz, Lee Park")
        try session.keys("C-s")
        #expect(session.waitFor("thank-you notes owed: t1 t2"), "\(session.screen)")
        let screen = session.screen
        #expect(screen.contains(" t1 thank-you ") && screen.contains(" t2 thank-you "), "\(screen)")
        #expect(screen.contains("Acme review — met Tue 24 Nov"))

        try session.keys("2")
        #expect(session.waitFor("Name"))
        try session.keys("Enter")
        #expect(session.waitFor("Dana Ruiz  @1"), "\(session.screen)")
        try session.keys("q", "q")
        #expect(session.waitFor("EXITED 0"), "\(session.screen)")
    }

    @Test("a quick-add from another shell appears within a second, without a key press")
    func anotherShell() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        let session = try Session(rapport, at: tuesday)
        #expect(session.waitFor("Nothing late"), "\(session.screen)")
        let added = try rapport.run(["add", "send the contract to @dana today"], at: "2026-11-24 09:00:05")
        #expect(added.status == 0)
        #expect(session.waitFor("send the contract to", seconds: 1.5), "\(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("EXITED 0"))
    }

    @Test("a window below the minimum asks to be enlarged; resizing redraws")
    func smallWindow() throws {
        let rapport = try RapportProcess()
        let session = try Session(rapport, at: tuesday, width: 30, height: 8)
        #expect(session.waitFor("Enlarge the window"), "\(session.screen)")
        try Session.tmux(["resize-window", "-t", session.name, "-x", "80", "-y", "24"])
        #expect(session.waitFor("Nothing late"), "\(session.screen)")
        try session.keys("C-c")
        #expect(session.waitFor("EXITED 0"))
    }

    @Test("without a terminal it says so and points to rapport today")
    func noTerminal() throws {
        let rapport = try RapportProcess()
        let result = try rapport.run([], at: tuesday)
        #expect(result.status == 1)
        #expect(result.stderr == "rapport: the interactive view needs a terminal; for a plain list use rapport today (or rapport overdue)\n")
    }

    @Test("works with the common terminal types", arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func terminalTypes(term: String) throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "send the deck with Zoë Ångström today"], at: tuesday)
        let session = try Session(rapport, at: tuesday, term: term)
        #expect(session.waitFor("Zoë Ångström"), "\(term): \(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("EXITED 0"), "\(term)")
    }

    @Test("the report and the segments in a real terminal: block characters where it shows them, ASCII on vt100",
          arguments: ["xterm-256color", "vt100"])
    func reportScreens(term: String) throws {
        let rapport = try RapportProcess()
        for (arguments, clock) in [
            (["contact", "add", "Dana Ruiz", "--account", "Acme", "--tier", "A"], "2026-11-01 09:00:00"),
            (["log", "call", "Intro", "--with", "Dana Ruiz"], "2026-11-10 09:00:00"),
            (["log", "call", "Follow-up", "--with", "Dana Ruiz"], "2026-11-20 09:00:00"),
            (["segment", "add", "Logistics", "--attractiveness", "5", "--competitiveness", "4", "--appeal", "4"], "2026-11-20 09:00:00"),
            (["segment", "assign", "logistics", "Acme"], "2026-11-20 09:00:00"),
        ] {
            #expect(try rapport.run(arguments, at: clock).status == 0, "\(arguments)")
        }
        let session = try Session(rapport, at: tuesday, term: term)
        #expect(session.waitFor("q back"), "\(session.screen)")
        try session.keys("4")
        #expect(session.waitFor("Report card · 25 Oct – 24 Nov 2026"), "\(term): \(session.screen)")
        #expect(session.screen.contains("touches 2"), "\(session.screen)")
        let blocks = session.screen.contains { "▁▂▃▄▅▆▇█".contains($0) }
        #expect(blocks == (term != "vt100"), "\(term): \(session.screen)")
        try session.keys("5")
        #expect(session.waitFor("invest: most of the effort"), "\(term): \(session.screen)")
        #expect(session.screen.contains(term == "vt100" ? "-+-" : "─┼─"), "\(term): \(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("EXITED 0"))
    }

    @Test("an unknown or dumb terminal gets a clear message, not a crash", arguments: ["no-such-terminal", "dumb"])
    func badTerminal(term: String) throws {
        let rapport = try RapportProcess()
        let session = try Session(rapport, at: tuesday, term: term)
        #expect(session.waitFor("EXITED 1"), "\(session.screen)")
        #expect(session.screen.contains(term == "dumb" ? "TERM=dumb cannot show the interactive view; use rapport today"
                                                        : "the terminal type 'no-such-terminal' is unknown here"), "\(session.screen)")
    }

    @Test("SIGTERM and SIGHUP end the session cleanly and give the terminal back", arguments: ["TERM", "HUP"])
    func signals(signal: String) throws {
        let rapport = try RapportProcess()
        let session = try Session(rapport, at: tuesday)
        #expect(session.waitFor("Nothing late"), "\(session.screen)")
        // The pane runs a shell, which runs faketime, which runs rapport: signal the last.
        var pid = try Session.tmux(["list-panes", "-t", session.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        for _ in 0..<2 {
            pid = try spawnAndWait("/usr/bin/pgrep", ["-P", pid]).output.split(separator: "\n").first.map(String.init) ?? pid
        }
        try spawnAndWait("/bin/kill", ["-\(signal)", pid])
        #expect(session.waitFor("EXITED 0"), "\(session.screen)")
        #expect(!session.screen.contains("Nothing late"), "the full screen was not taken down: \(session.screen)")
    }

    @Test("a 20×5 window and a non-UTF-8 locale do not break it")
    func edgeCases() throws {
        let rapport = try RapportProcess()
        try rapport.run(["add", "send the deck with Zoë Ångström today"], at: tuesday)
        let tiny = try Session(rapport, at: tuesday, width: 20, height: 5)
        #expect(tiny.waitFor("Enlarge the window"), "\(tiny.screen)")
        for size in [(25, 6), (60, 15), (20, 5), (100, 30)] {
            try Session.tmux(["resize-window", "-t", tiny.name, "-x", "\(size.0)", "-y", "\(size.1)"])
        }
        #expect(tiny.waitFor("send the deck"), "\(tiny.screen)")
        try tiny.keys("q")
        #expect(tiny.waitFor("EXITED 0"))
        // Where the locale is not UTF-8, only ASCII reaches the terminal: look-alikes, columns kept.
        let plain = try Session(rapport, at: tuesday, locale: "C")
        #expect(plain.waitFor("send the deck"), "\(plain.screen)")
        #expect(plain.screen.contains("Tue 24 Nov 2026 . 0 late . 1 today"), "\(plain.screen)") // 100 columns: every tab in full
        #expect(plain.screen.contains("Zoe Angstrom"), "\(plain.screen)")
        #expect(!plain.screen.unicodeScalars.contains { !$0.isASCII }, "\(plain.screen)")
        try plain.keys("4")
        #expect(plain.waitFor("Report card . 25 Oct - 24 Nov 2026"), "\(plain.screen)")
        #expect(!plain.screen.unicodeScalars.contains { !$0.isASCII }, "\(plain.screen)")
        try plain.keys("q")
        #expect(plain.waitFor("EXITED 0"))
    }

    @Test("escape sequences in names never reach the terminal: tmux sees only Rapport's own styles")
    func hostileNames() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Mallory\u{1B}]2;pwned\u{07}\u{1B}[2J\u{1B}[31mRed \u{202E}evil"], at: tuesday)
        try rapport.run(["add", "send the deck with @1 today"], at: tuesday)
        let session = try Session(rapport, at: tuesday)
        #expect(session.waitFor("send the deck"), "\(session.screen)")
        #expect(session.screen.contains("Mallory␛]2;pwned␇␛[2J␛[31mR"), "\(session.screen)")
        try session.keys("Enter")
        #expect(session.waitFor("Mallory␛]2;pwned␇␛[2J␛[31mRed <U+202E>evil  @1"), "\(session.screen)")
        // The window title is tmux's, not the one the name tried to set.
        let title = try Session.tmux(["display-message", "-p", "-t", session.name, "#{pane_title}"])
        #expect(!title.contains("pwned"))
        #expect(!session.screenWithEscapes.unicodeScalars.contains { $0.value == 0x202E })
        try session.keys("q")
    }

    @Test("four other processes writing at once, a thousand calls: each add and done succeeds or says busy, none is lost, the screen keeps up")
    func twoWriters() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: tuesday)
        let session = try Session(rapport, at: tuesday)
        #expect(session.waitFor("Nothing late"), "\(session.screen)")
        // Four writers, each 200 adds and 50 dones of its own follow-ups: 1,000 calls.
        let workers = 4, addsEach = 200
        /// What the writers saw, gathered from their threads.
        final class Outcomes: @unchecked Sendable {
            let lock = NSLock()
            var stored: [String] = [], done: [String] = [], failures: [String] = []
        }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in 1...addsEach {
                let title = "batch \(worker)-\(index)"
                guard let added = try? rapport.run(["add", "\(title) with @1 today"], at: "2026-11-24 09:00:05") else { continue }
                outcomes.lock.withLock {
                    if added.status == 0 { outcomes.stored.append(title) }
                    else if !added.stderr.contains("busy") { outcomes.failures.append(added.stderr) }
                }
                guard index % 4 == 0, added.status == 0, let ref = added.stdout.split(separator: " ").dropFirst().first else { continue }
                guard let done = try? rapport.run(["done", String(ref)], at: "2026-11-24 09:00:05") else { continue }
                outcomes.lock.withLock {
                    if done.status == 0 { outcomes.done.append(title) }
                    else if !done.stderr.contains("busy") { outcomes.failures.append(done.stderr) }
                }
            }
        }
        let storedTitles = outcomes.stored, doneTitles = outcomes.done
        #expect(outcomes.failures.isEmpty, "\(outcomes.failures.prefix(3))")
        // Every add that said so is in the book, and every done is done.
        let listed = try rapport.run(["today", "--json"], at: "2026-11-24 09:00:06")
        let agenda = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let items = try #require(agenda["today"] as? [[String: Any]])
        let open = Set(items.compactMap { $0["title"] as? String })
        #expect(storedTitles.count > 0 && doneTitles.count > 0)
        #expect(open == Set(storedTitles).subtracting(doneTitles), "\(open.count) open, \(storedTitles.count) stored, \(doneTitles.count) done")
        // Meanwhile the screen is used: it shows the end state within a second or two.
        try session.keys("j", "k")
        #expect(session.waitFor("Today · \(open.count)", seconds: 2), "\(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("EXITED 0"))
    }
}
