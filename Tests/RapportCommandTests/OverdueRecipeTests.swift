import Foundation
import Testing

/// The files under `Resources/`, run as a user installs them: the prompt
/// recipes in real interactive shells in tmux, the tmux status line read
/// back, the systemd units verified, and `rapport notify` with a stand-in
/// notify-send that records what it was given.
@Suite("the overdue list where people look", .serialized)
struct OverdueRecipeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func resource(_ path: String) -> String { root.appendingPathComponent("Resources/" + path).path }

    static let tuesday = "2026-11-24 09:00:00"
    /// A title that would colour the prompt or run a command if a shell recipe let it
    /// (its first 31 characters are what a 40-column segment shows).
    static let hostileTitle = "%F{red}\\u $(touch PWNED) `touch PWNED` %{x%}"
    /// A title that would expand a tmux format, apply a style or run a command if the tmux recipe let it.
    static let hostileTmuxTitle = "##[b]#[u]#{h}#(touch PWNED)x#"

    /// A book and a home: `bin/rapport` runs the built binary at the pinned
    /// clock on this book, the way an installed `rapport` would be found on the PATH.
    struct Home {
        let rapport: RapportProcess
        let home: URL
        var bin: URL { rapport.directory.appendingPathComponent("bin") }

        init(late: Bool, title: String = "send the pricing deck") throws {
            rapport = try RapportProcess()
            home = rapport.directory.appendingPathComponent("home")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: rapport.directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme"], at: OverdueRecipeTests.tuesday)
            if late {
                try rapport.run(["follow-up", "add", title,
                                 "--with", "Dana Ruiz", "--due", "2026-11-20"], at: OverdueRecipeTests.tuesday)
                try rapport.run(["follow-up", "add", "call back", "--with", "Dana Ruiz", "--due", "2026-11-23"], at: OverdueRecipeTests.tuesday)
            } else {
                try rapport.run(["follow-up", "add", "send the pricing deck", "--with", "Dana Ruiz", "--due", "2026-11-27"],
                                at: OverdueRecipeTests.tuesday)
            }
            let wrapper = bin.appendingPathComponent("rapport")
            try writeExecutable("""
                #!/bin/sh
                export RAPPORT_DB='\(rapport.databasePath)' TZ='\(rapport.timeZone)'
                exec /usr/bin/faketime '\(OverdueRecipeTests.tuesday)' '\(RapportProcess.binary.path)' "$@"

                """, to: wrapper)
        }

        func write(_ text: String, to path: String) throws {
            let url = home.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        /// The environment of a login on this home: nothing from the test runner's.
        var environment: String {
            "env -i HOME='\(home.path)' TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PATH='\(bin.path):/usr/bin:/bin'"
        }

        var pwned: Bool {
            FileManager.default.fileExists(atPath: home.appendingPathComponent("PWNED").path)
                || FileManager.default.fileExists(atPath: rapport.directory.appendingPathComponent("PWNED").path)
        }
    }

    /// A tmux server of its own (its own socket), so a test never meets the user's or another test's.
    final class Tmux {
        let socket = "rapport-recipe-\(UUID().uuidString.prefix(8))"

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            try spawnAndWait("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments).output
        }

        func start(_ command: String, width: Int = 120, height: Int = 10, directory: URL) throws {
            try run(["new-session", "-d", "-s", "s", "-x", "\(width)", "-y", "\(height)", "-c", directory.path, command])
        }

        var screen: String { (try? run(["capture-pane", "-p", "-t", "s"])) ?? "" }

        /// Waits (up to `seconds`) until `done` holds for the screen.
        @discardableResult
        func waitFor(seconds: Double = 10, _ done: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if done(screen) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }

        deinit {
            _ = try? spawnAndWait("/usr/bin/tmux", ["-L", socket, "kill-server"])
            // The server leaves its socket file behind; a test's own is removed with it.
            let folder = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
            try? FileManager.default.removeItem(atPath: folder + "/" + socket)
        }
    }

    /// Starts `shell` in tmux on `home`, runs `echo READY` at its prompt and returns the screen.
    func screen(of shell: String, in home: Home) throws -> String {
        let tmux = Tmux()
        try tmux.start("\(home.environment) \(shell)", directory: home.home)
        // The prompt has been drawn once the shell waits for a line; then a command and the next prompt.
        Thread.sleep(forTimeInterval: 1)
        try tmux.run(["send-keys", "-t", "s", "-l", "echo READY"])
        try tmux.run(["send-keys", "-t", "s", "Enter"])
        #expect(tmux.waitFor { $0.components(separatedBy: "READY").count >= 3 }, "\(shell): \(tmux.screen)")
        Thread.sleep(forTimeInterval: 0.5)
        return tmux.screen
    }

    /// The lines of a screen that show a prompt (the one `echo READY` was typed at, and the next).
    func promptLines(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let typed = lines.firstIndex(where: { $0.contains("echo READY") }) else { return [] }
        return [lines[typed]] + lines[(typed + 1)...].filter { !$0.isEmpty && $0 != "READY" }.prefix(1)
    }

    func installShells(_ home: Home) throws {
        try home.write("PS1='$ '\n. '\(Self.resource("shell/rapport-prompt.bash"))'\n", to: ".bashrc")
        try home.write("PROMPT='$ '\nsource '\(Self.resource("shell/rapport-prompt.zsh"))'\n", to: ".zshrc")
        try home.write(String(contentsOfFile: Self.resource("shell/rapport.fish"), encoding: .utf8), to: ".config/fish/conf.d/rapport.fish")
        // fish greets a new user and asks nothing else; an empty greeting keeps the screen to the prompt.
        try home.write("set -g fish_greeting\n", to: ".config/fish/config.fish")
    }

    @Test("each shell's prompt shows what is late and its most overdue title", arguments: ["bash -i", "zsh -i", "fish"])
    func promptWithLateItems(shell: String) throws {
        let home = try Home(late: true)
        try installShells(home)
        let prompts = promptLines(try screen(of: shell, in: home))
        #expect(prompts.count == 2, "\(prompts)")
        for prompt in prompts {
            #expect(prompt.contains("2 late: send the pricing deck"), "\(shell): \(prompt)")
        }
    }

    @Test("each shell's prompt shows nothing from Rapport when nothing is late", arguments: ["bash -i", "zsh -i", "fish"])
    func promptWithNothingLate(shell: String) throws {
        let home = try Home(late: false)
        try installShells(home)
        let prompts = promptLines(try screen(of: shell, in: home))
        #expect(prompts.count == 2, "\(prompts)")
        for prompt in prompts {
            #expect(!prompt.contains("late"), "\(shell): \(prompt)")
        }
        #expect(prompts.first?.hasPrefix("$ echo READY") == true || shell == "fish", "\(shell): \(prompts)")
    }

    @Test("a title that holds shell code, prompt escapes and tmux formats is shown as written, never run",
          arguments: ["bash -i", "zsh -i", "fish"])
    func hostileTitleInPrompt(shell: String) throws {
        let home = try Home(late: true, title: Self.hostileTitle)
        try installShells(home)
        let prompts = promptLines(try screen(of: shell, in: home))
        // --max-width 40 in the recipe: the title is cut at 40 columns with "…".
        let shown = "2 late: " + String(Self.hostileTitle.prefix(31)) + "…"
        for prompt in prompts {
            #expect(prompt.contains(shown), "\(shell): \(prompt)")
        }
        #expect(!home.pwned)
    }

    @Test("the login message in ~/.profile prints the line on a terminal, and nothing when nothing is late")
    func loginMessage() throws {
        for late in [true, false] {
            let home = try Home(late: late)
            // As Debian's default ~/.profile does (a login shell's /etc/profile sets PATH anew),
            // then the recipe at its end.
            try home.write("""
                PATH="$HOME/.local/bin:$PATH"
                . '\(Self.resource("profile/rapport-login.sh"))'
                PS1='$ '

                """, to: ".profile")
            try FileManager.default.createDirectory(at: home.home.appendingPathComponent(".local/bin"), withIntermediateDirectories: true)
            try writeExecutable(String(contentsOf: home.bin.appendingPathComponent("rapport"), encoding: .utf8),
                                to: home.home.appendingPathComponent(".local/bin/rapport"))
            let screen = try screen(of: "bash --login", in: home)
            let expected = "Rapport: 2 late; the most overdue: send the pricing deck (Dana Ruiz, 4 d late)"
            #expect(screen.contains(expected) == late, "\(screen)")
            #expect(screen.contains("Rapport:") == late, "\(screen)")
        }
    }

    /// The status line as tmux expands it, read with `display -p` through a
    /// control-mode client: tmux runs a `#()` command for a client and shows its
    /// last output, so the client asks once, waits for the command, and asks again.
    func statusRight(_ tmux: Tmux) throws -> String {
        let script = """
            (echo "display -p '#{E:status-right}'"; sleep 2; echo "display -p '#{E:status-right}'"; sleep 0.5) \
            | /usr/bin/tmux -L \(tmux.socket) -C attach -t s
            """
        let output = try spawnAndWait("/bin/sh", ["-c", script]).output
        let lines = output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("%") }
        return lines.last ?? ""
    }

    func tmuxWithRecipe(_ home: Home) throws -> Tmux {
        // Sourced twice, as a reload does: the segment is added once.
        let recipe = "source-file '\(Self.resource("tmux/rapport.conf"))'\n"
        try home.write("set -g status-right ''\n" + recipe + recipe, to: ".tmux.conf")
        let tmux = Tmux()
        try spawnAndWait("/bin/sh", ["-c", "\(home.environment) /usr/bin/tmux -L \(tmux.socket) -f '\(home.home.path)/.tmux.conf' "
                                         + "new-session -d -s s -x 120 -y 10 'sleep 120'"])
        return tmux
    }

    @Test("the tmux status-right shows what is late, read with tmux display -p; nothing when nothing is late")
    func tmuxStatus() throws {
        let late = try Home(late: true)
        #expect(try statusRight(try tmuxWithRecipe(late)) == " 2 late: send the pricing deck")
        let clean = try Home(late: false)
        #expect(try statusRight(try tmuxWithRecipe(clean)) == " ")
    }

    @Test("tmux draws a hostile title as written: no format expanded, no style applied, nothing run")
    func tmuxHostileTitle() throws {
        let home = try Home(late: true, title: Self.hostileTmuxTitle)
        let inner = try tmuxWithRecipe(home)
        // What a person sees: the inner tmux's status line drawn in an attached client (an outer tmux).
        let outer = Tmux()
        try outer.start("env -u TMUX /usr/bin/tmux -L \(inner.socket) attach -t s", height: 5, directory: home.home)
        let shown = "2 late: " + Self.hostileTmuxTitle
        #expect(outer.waitFor { $0.contains(shown) }, "\(outer.screen)")
        #expect(!home.pwned)
    }

    @Test("the starship module is valid TOML, and its command as written prints the line, or nothing")
    func starship() throws {
        let toml = Self.resource("starship/rapport.toml")
        let check = try spawnAndWait("/usr/bin/python3", ["-c", """
            import sys, tomllib
            module = tomllib.load(open(sys.argv[1], 'rb'))['custom']['rapport']
            print(module['command'])
            """, toml])
        #expect(check.status == 0)
        let command = check.output.trimmingCharacters(in: .newlines)
        for (late, expected) in [(true, "2 late: send the pricing deck\n"), (false, "")] {
            let home = try Home(late: late)
            let run = try spawnAndWait("/bin/sh", ["-c", "\(home.environment) sh -c \"$0\"", command])
            #expect(run.status == 0 && run.output == expected, "\(run)")
        }
    }

    @Test("the systemd user units pass systemd-analyze verify, and the service runs rapport notify")
    func systemdUnits() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") else {
            Issue.record("systemd-analyze is missing: Scripts/install-dependencies installs systemd")
            return
        }
        let home = try Home(late: false)
        let units = home.home.appendingPathComponent(".config/systemd/user")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        for name in ["rapport-notify.service", "rapport-notify.timer"] {
            try FileManager.default.copyItem(atPath: Self.resource("systemd/" + name), toPath: units.appendingPathComponent(name).path)
        }
        // %h/.local/bin/rapport, where the README's install step puts the binary.
        let installed = home.home.appendingPathComponent(".local/bin")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: home.bin.appendingPathComponent("rapport").path,
                                         toPath: installed.appendingPathComponent("rapport").path)
        let runtime = home.rapport.directory.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let verify = try spawnAndWait("/bin/sh", ["-c", "HOME='\(home.home.path)' XDG_RUNTIME_DIR='\(runtime.path)' "
            + "systemd-analyze --user verify \"$0\"/rapport-notify.timer \"$0\"/rapport-notify.service 2>&1", units.path])
        #expect(verify.status == 0 && verify.output.isEmpty, "\(verify.output)")
        let service = try String(contentsOf: units.appendingPathComponent("rapport-notify.service"), encoding: .utf8)
        #expect(service.contains("ExecStart=%h/.local/bin/rapport notify\n"))
        let calendar = try spawnAndWait("/usr/bin/systemd-analyze", ["calendar", "--iterations", "4", "--base-time", "2026-11-27 17:45:00 UTC",
                                                                     "Mon..Fri *-*-* 08..18:00,30:00"], environment: ["TZ": "UTC"])
        // Friday 18:00 and 18:30, then Monday 08:00 and 08:30: every 30 minutes in working hours.
        #expect(calendar.output.contains("Fri 2026-11-27 18:00:00") && calendar.output.contains("Fri 2026-11-27 18:30:00")
                && calendar.output.contains("Mon 2026-11-30 08:00:00") && calendar.output.contains("Mon 2026-11-30 08:30:00"),
                "\(calendar.output)")
        #expect(try String(contentsOfFile: Self.resource("systemd/rapport-notify.timer"), encoding: .utf8)
                .contains("OnCalendar=Mon..Fri *-*-* 08..18:00,30:00\n"))
    }
}

/// The README's recipes are the files under `Resources/`, and its install step installs them.
@Suite("the README's recipes")
struct ReadmeRecipeTests {
    static let folders = ["shell", "tmux", "starship", "profile", "systemd"]

    static var files: [String] {
        folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: OverdueRecipeTests.resource(folder))) ?? []).sorted().map { "Resources/\(folder)/\($0)" }
        }
    }

    static var readme: String {
        (try? String(contentsOf: OverdueRecipeTests.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    @Test("each recipe block in the README is its file, byte for byte")
    func blocksAreFiles() throws {
        #expect(Self.files.count == 8, "\(Self.files)")
        let readme = Self.readme
        for file in Self.files {
            let content = try String(contentsOf: OverdueRecipeTests.root.appendingPathComponent(file), encoding: .utf8)
            let heading = "`\(file)`:\n\n```"
            let start = try #require(readme.range(of: heading), "\(file) is not in the README")
            let afterFence = try #require(readme[start.upperBound...].firstIndex(of: "\n"))
            let body = readme[readme.index(after: afterFence)...]
            let end = try #require(body.range(of: "```\n"))
            #expect(String(body[..<end.lowerBound]) == content, "\(file)")
        }
    }

    @Test("the README's install step puts every recipe where its first lines say")
    func installStep() throws {
        let readme = Self.readme
        let blocks = readme.components(separatedBy: "```sh\n").dropFirst().compactMap { $0.components(separatedBy: "```\n").first }
        let step = try #require(blocks.first { $0.contains("install -Dm 644 -t ~/.config/rapport Resources/") })
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try spawnAndWait("/bin/sh", ["-ec", "cd '\(OverdueRecipeTests.root.path)' && HOME='\(home.path)' && " + step])
        #expect(run.status == 0)
        for file in Self.files where !file.hasSuffix(".timer") { // the timer goes beside its service, as the service says
            let name = (file as NSString).lastPathComponent
            let content = try String(contentsOf: OverdueRecipeTests.root.appendingPathComponent(file), encoding: .utf8)
            // The place each recipe's comment names after "Install: ".
            let place = try #require(content.components(separatedBy: "Install: ").dropFirst().first?
                .components(separatedBy: CharacterSet(charactersIn: " ,\n(")).first, "\(file) says where it goes")
            let expected = place.replacingOccurrences(of: "~", with: home.path)
            let installed = expected.hasSuffix("/") ? expected + name : expected
            #expect(FileManager.default.contents(atPath: installed) == Data(content.utf8), "\(file) → \(installed)")
        }
        #expect(FileManager.default.fileExists(atPath: home.path + "/.config/systemd/user/rapport-notify.timer"))
    }
}
