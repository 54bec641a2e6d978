import Foundation
import Testing

/// A real Radicale server (Debian's package), started by
/// `Scripts/radicale-test-server` on a free loopback port with its storage
/// in a temporary folder, and stopped when the test ends.
final class RadicaleServer {
    let port: Int
    let pid: Int32
    let folder: String
    let user: String

    init(htpasswd password: String? = nil, user: String = "test") throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/radicale-test-server").path
        let arguments = password.map { ["--htpasswd", user, $0] } ?? []
        let run = try spawnAndWait(script, arguments)
        let words = run.output.split(whereSeparator: \.isWhitespace)
        guard run.status == 0, words.count == 3, let port = Int(words[0]), let pid = Int32(words[1]) else {
            throw ServerFailure(message: "radicale did not start: \(run.output)")
        }
        self.port = port
        self.pid = pid
        self.folder = String(words[2])
        self.user = user
    }

    struct ServerFailure: Error { var message: String }

    var url: String { "http://127.0.0.1:\(port)/" }
    var calendar: String { url + user + "/rapport/" }
    var contacts: String { url + user + "/rapport-contacts/" }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<50 where waitpid(pid, &status, WNOHANG) == 0 && kill(pid, 0) == 0 { usleep(50_000) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    deinit { stop() }

    /// The files of a collection (`rapport` or `rapport-contacts`), by name.
    func files(_ collection: String) -> [String] {
        let path = folder + "/collections/collection-root/\(user)/\(collection)"
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// What a phone does: an HTTP request, through Python's urllib (no code of Rapport's).
    @discardableResult
    func phone(_ method: String, _ url: String, body: String? = nil, password: String = "x") throws -> (status: Int, body: String) {
        let bodyFile = NSTemporaryDirectory() + "rapport-phone-\(UUID().uuidString)"
        if let body { try body.write(toFile: bodyFile, atomically: true, encoding: .utf8) }
        defer { try? FileManager.default.removeItem(atPath: bodyFile) }
        let program = """
            import sys, base64, urllib.request, urllib.error
            method, url, path, user, password = sys.argv[1:6]
            data = open(path, 'rb').read() if method == 'PUT' else None
            request = urllib.request.Request(url, data=data, method=method)
            request.add_header('Authorization', 'Basic ' + base64.b64encode((user + ':' + password).encode()).decode())
            if data is not None: request.add_header('Content-Type', 'text/calendar' if url.endswith('.ics') else 'text/vcard')
            try:
                response = urllib.request.urlopen(request, timeout=10)
                sys.stdout.write(str(response.status) + '\\n' + response.read().decode())
            except urllib.error.HTTPError as error:
                sys.stdout.write(str(error.code) + '\\n')
            """
        let run = try spawnAndWait("/usr/bin/python3", ["-c", program, method, url, bodyFile, user, password])
        let status = Int(run.output.prefix { $0 != "\n" }) ?? 0
        return (status, String(run.output.drop { $0 != "\n" }.dropFirst()))
    }

    /// Changes one resource as a phone would: GET, edit the text, PUT it back.
    func edit(_ collection: String, prefix: String, _ change: (String) -> String) throws {
        let name = try #require(files(collection).first { $0.hasPrefix(prefix) })
        let url = self.url + user + "/" + collection + "/" + name
        let text = try phone("GET", url).body
        let changed = change(text)
        #expect(changed != text, "the edit changed nothing")
        #expect(try phone("PUT", url, body: changed).status < 300)
    }

    func text(_ collection: String, prefix: String) throws -> String {
        let name = try #require(files(collection).first { $0.hasPrefix(prefix) })
        return try phone("GET", url + user + "/" + collection + "/" + name).body
    }
}

@Suite("rapport sync against a real Radicale server", .serialized)
struct SyncCommandTests {
    // Monday 30 November 2026, 09:00 in Berlin.
    let clock = "2026-11-30 09:00:00"

    /// A book with a contact, a meeting tomorrow, a follow-up, a repeating one, set up to sync to `server`.
    func book(_ server: RadicaleServer) throws -> RapportProcess {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme", "--email", "dana@acme.com", "--every", "14"], at: clock)
        try rapport.run(["add", "meeting Acme kickoff with Dana tomorrow 09:00"], at: clock)
        try rapport.run(["add", "send the pricing deck @dana wed 16:00"], at: clock)
        try rapport.run(["follow-up", "add", "Weekly report", "--with", "dana", "--due", "fri", "--repeat", "every friday"], at: clock)
        let setup = try rapport.run(["sync", "setup", server.url, "--user", server.user, "--password-command", "echo x"], at: clock)
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("(created)"))
        return rapport
    }

    @Test("push: every open item and contact once; a second sync sends nothing; --dry-run sends nothing")
    func push() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        let dry = try rapport.run(["sync", "--dry-run"], at: clock)
        #expect(dry.status == 0, "\(dry.stderr)")
        // f1, f2 (the follow-ups), m1, p1 (its preparation), s1 (keep in touch with Dana), @1 (her card).
        #expect(dry.stdout.contains("Would send 6 new, 0 changed"), "\(dry.stdout)")
        #expect(server.files("rapport").isEmpty)
        let first = try rapport.run(["sync"], at: clock)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sent 6 new, 0 changed; 0 unchanged"), "\(first.stdout)")
        #expect(server.files("rapport").count == 5)
        #expect(server.files("rapport-contacts").count == 1)
        let second = try rapport.run(["sync"], at: clock)
        #expect(second.stdout.contains("Sent nothing: 6 unchanged on the server"), "\(second.stdout)")
        // UIDs are the export's: the reference and the book.
        let todo = try server.text("rapport", prefix: "f1-")
        #expect(todo.contains("BEGIN:VTODO") && todo.contains("DUE;TZID=Europe/Berlin:20261202T160000") && todo.contains("BEGIN:VALARM"))
        #expect(todo.contains("UID:f1-"))
        let card = try server.text("rapport-contacts", prefix: "")
        #expect(card.contains("EMAIL") && card.contains("dana@acme.com"))
        let status = try rapport.run(["sync", "status"], at: clock)
        #expect(status.stdout.contains("Waiting       0 to send") && status.stdout.contains("Conflicts     0"), "\(status.stdout)")
    }

    @Test("pull: done, moved, a number added, deleted → cancelled, a touch logged, a repeating follow-up's next; one undo")
    func pull() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        // On the phone: f1 completed, the meeting moved to 11:00 on Wednesday, a mobile number added,
        // the repeating follow-up f2 completed, keep-in-touch completed.
        try server.edit("rapport", prefix: "f1-") { $0.replacingOccurrences(of: "STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED\r\nCOMPLETED:20261130T073000Z") }
        try server.edit("rapport", prefix: "m1-") {
            $0.replacingOccurrences(of: "20261201T090000", with: "20261202T110000").replacingOccurrences(of: "20261201T100000", with: "20261202T120000")
        }
        try server.edit("rapport-contacts", prefix: "") { $0.replacingOccurrences(of: "END:VCARD", with: "TEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD") }
        try server.edit("rapport", prefix: "f2-") { $0.replacingOccurrences(of: "STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED") }
        try server.edit("rapport", prefix: "s1-") { $0.replacingOccurrences(of: "STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED") }
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("Pulled f1: follow-up \"send the pricing deck\" done"), "\(sync.stdout)")
        #expect(sync.stdout.contains("Pulled m1: meeting moved to Wed 2 Dec 11:00"), "\(sync.stdout)")
        #expect(sync.stdout.contains("Pulled @1: Dana Ruiz gained +49 170 1234567"), "\(sync.stdout)")
        #expect(sync.stdout.contains("Pulled f2: follow-up \"Weekly report\" done; next due Fri 11 Dec"), "\(sync.stdout)")
        #expect(sync.stdout.contains("Pulled s1: touch with Dana Ruiz logged"), "\(sync.stdout)")
        let show = try rapport.run(["show", "dana"], at: clock)
        #expect(show.stdout.contains("+49 170 1234567"))
        #expect(show.stdout.contains("Touched base"), "\(show.stdout)")
        // Carried back: f1 is COMPLETED on the server in Rapport's words; f2's next occurrence is pushed.
        #expect(try server.text("rapport", prefix: "f1-").contains("STATUS:COMPLETED"))
        let next = try server.text("rapport", prefix: "f2-")
        #expect(next.contains("STATUS:NEEDS-ACTION") && next.contains("20261211"), "\(next)")
        #expect(try rapport.run(["sync"], at: clock).stdout.contains("Sent nothing"))
        // The sync's pulled changes are one change in the journal.
        let undo = try rapport.run(["undo"], at: clock)
        #expect(undo.stdout.contains("rapport sync"), "\(undo.stdout)")
        let today = try rapport.run(["today", "--days", "7"], at: clock)
        #expect(today.stdout.contains("send the pricing deck"), "\(today.stdout)")

        // Deleted on the phone: cancelled in Rapport, listed, undoable.
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        let name = try #require(server.files("rapport").first { $0.hasPrefix("f1-") })
        #expect(try server.phone("DELETE", server.calendar + name).status < 300)
        let deleted = try rapport.run(["sync"], at: clock)
        #expect(deleted.stdout.contains("Pulled f1: follow-up \"send the pricing deck\" cancelled (deleted on the server)"), "\(deleted.stdout)")
        #expect(try rapport.run(["undo"], at: clock).status == 0)
        #expect(try rapport.run(["today", "--days", "7"], at: clock).stdout.contains("send the pricing deck"))
    }

    @Test("a thank-you note sent and a lunch moved on the phone; a contact deleted in Rapport loses its card")
    func notesAndLunches() throws {
        let server = try RadicaleServer()
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--email", "dana@acme.com"], at: clock)
        try rapport.run(["contact", "add", "Lee Park"], at: clock)
        try rapport.run(["log", "meeting", "Acme review", "--with", "Dana Ruiz", "--at", "yesterday 10:00"], at: clock)
        try rapport.run(["add", "lunch with Dana fri 12:30 at Nobu"], at: clock)
        #expect(try rapport.run(["sync", "setup", server.url, "--user", "test", "--password-command", "echo x"], at: clock).status == 0)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        try server.edit("rapport", prefix: "t1-") { $0.replacingOccurrences(of: "STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED") }
        try server.edit("rapport", prefix: "l1-") {
            $0.replacingOccurrences(of: "20261204T123000", with: "20261203T130000").replacingOccurrences(of: "20261204T140000", with: "20261203T143000")
        }
        #expect(try rapport.run(["contact", "delete", "Lee Park", "--yes"], at: clock).status == 0)
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("Pulled t1: thank-you note to Dana Ruiz marked sent"), "\(sync.stdout)")
        #expect(sync.stdout.contains("Pulled l1: lunch moved to Thu 3 Dec 13:00"), "\(sync.stdout)")
        #expect(sync.stdout.contains("1 deleted"), "\(sync.stdout)")
        #expect(server.files("rapport-contacts").count == 1)
    }

    @Test("done, cancelled and archived in Rapport reach the server: COMPLETED, CANCELLED, the card deleted")
    func carriedToServer() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        #expect(try rapport.run(["done", "f1"], at: clock).status == 0)
        #expect(try rapport.run(["cancel", "m1"], at: clock).status == 0)
        #expect(try rapport.run(["contact", "add", "Lee Park"], at: clock).status == 0)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        #expect(server.files("rapport-contacts").count == 2)
        #expect(try rapport.run(["contact", "archive", "Lee Park"], at: clock).status == 0)
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.stdout.contains("1 deleted"), "\(sync.stdout)")
        #expect(try server.text("rapport", prefix: "f1-").contains("STATUS:COMPLETED"))
        #expect(try server.text("rapport", prefix: "m1-").contains("STATUS:CANCELLED"))
        #expect(server.files("rapport-contacts").count == 1)
    }

    @Test("the mapping is bookkeeping: a sync that pulled nothing leaves the user's last change to undo")
    func undoNotBlocked() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        #expect(try rapport.run(["done", "f1"], at: clock).status == 0)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        let undo = try rapport.run(["undo"], at: clock)
        #expect(undo.stdout.contains("rapport done f1"), "\(undo.stdout) \(undo.stderr)")
        // And the next sync carries the reopened follow-up back.
        #expect(try rapport.run(["sync"], at: clock).stdout.contains("1 changed"))
        #expect(try server.text("rapport", prefix: "f1-").contains("STATUS:NEEDS-ACTION"))
    }

    @Test("a change Rapport's checks refuse (a preparation moved past its meeting) is a conflict, nothing changed")
    func refusedChange() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        try server.edit("rapport", prefix: "p1-") { $0.replacingOccurrences(of: "DUE;VALUE=DATE:20261130", with: "DUE;VALUE=DATE:20261205") }
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("Conflict p1: the server's change was refused: preparation p1 cannot be due after its meeting"), "\(sync.stdout)")
        #expect(try rapport.run(["sync", "status"], at: clock).stdout.contains("Conflicts     1"))
    }

    @Test("a merged contact's card is deleted and the kept one updated")
    func merged() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["contact", "add", "Dana R", "--email", "dana@home.example"], at: clock).status == 0)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        #expect(server.files("rapport-contacts").count == 2)
        #expect(try rapport.run(["contact", "merge", "Dana Ruiz", "Dana R"], at: clock).status == 0)
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.stdout.contains("1 deleted"), "\(sync.stdout)")
        #expect(server.files("rapport-contacts").count == 1)
        #expect(try server.text("rapport-contacts", prefix: "").contains("dana@home.example"))
    }

    @Test("a sync token the server no longer knows: every ETag compared instead, nothing missed")
    func forgottenToken() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        let tokens = try spawnAndWait("/usr/bin/sqlite3", [rapport.databasePath, "SELECT count(*) FROM syncSetting WHERE key LIKE 'token %'"])
        #expect(tokens.output.trimmingCharacters(in: .whitespacesAndNewlines) == "2") // sync-collection (RFC 6578) is used
        #expect(try spawnAndWait("/usr/bin/sqlite3", [rapport.databasePath,
                                                       "UPDATE syncSetting SET value = 'http://radicale.org/ns/sync/0' WHERE key LIKE 'token %'"]).status == 0)
        try server.edit("rapport", prefix: "f1-") { $0.replacingOccurrences(of: "STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED") }
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("Pulled f1: follow-up \"send the pricing deck\" done"), "\(sync.stdout)")
    }

    @Test("both changed: Rapport's version wins, the server's is kept as a conflict until dismissed")
    func conflict() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        try server.edit("rapport", prefix: "f1-") { $0.replacingOccurrences(of: "20261202T160000", with: "20261204T100000") }
        #expect(try rapport.run(["snooze", "f1", "thu"], at: clock).status == 0)
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.stdout.contains("Conflict f1: changed on the server and in Rapport; Rapport's version was kept"), "\(sync.stdout)")
        #expect(try server.text("rapport", prefix: "f1-").contains("20261203T160000"))
        let status = try rapport.run(["sync", "status"], at: clock)
        #expect(status.stdout.contains("#1  f1"), "\(status.stdout)")
        #expect(try rapport.run(["sync", "dismiss", "1"], at: clock).status == 0)
        #expect(try rapport.run(["sync", "status"], at: clock).stdout.contains("Conflicts     0"))
    }

    @Test("a server that is down or refuses: one line, status 1, and the next sync resumes")
    func serverDown() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        server.stop()
        let down = try rapport.run(["sync"], at: clock) // connecting is given up after 5 s, whatever --timeout
        #expect(down.status == 1)
        #expect(down.stderr.hasPrefix("rapport: cannot reach 127.0.0.1:\(server.port): connection refused"), "\(down.stderr)")
        #expect(down.stderr.split(separator: "\n").count == 1)
        #expect(try rapport.run(["sync", "status"], at: clock).stdout.contains("Last sync     never"))
    }

    @Test("the password path: a wrong password is refused with 401 in one line; the right one syncs")
    func password() throws {
        let server = try RadicaleServer(htpasswd: "s3cret")
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: clock)
        let wrong = try rapport.run(["sync", "setup", server.url, "--user", "test", "--password-command", "echo nope"], at: clock)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("refused the user name or password (401 Unauthorized)"), "\(wrong.stderr)")
        let right = try rapport.run(["sync", "setup", server.url, "--user", "test", "--password-command", "echo s3cret"], at: clock)
        #expect(right.status == 0, "\(right.stderr)")
        let sync = try rapport.run(["sync"], at: clock)
        #expect(sync.status == 0 && sync.stdout.contains("Sent 1 new"), "\(sync.stdout) \(sync.stderr)")
        #expect(server.files("rapport-contacts").count == 1)
        // Never stored: not in the book's file.
        #expect(try !rapport.databaseBytes().contains(Data("s3cret\n".utf8)))
        let noTerminal = try rapport.run(["sync", "setup", server.url, "--user", "test"], at: clock)
        #expect(noTerminal.status == 2)
        #expect(noTerminal.stderr.contains("needs a password"))
    }

    @Test("on a terminal the password is asked without echo, used, and stored nowhere")
    func passwordPrompt() throws {
        let server = try RadicaleServer(htpasswd: "typed-secret")
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: clock)
        let session = "rapport-sync-\(UUID().uuidString.prefix(8))"
        let command = "env RAPPORT_DB='\(rapport.databasePath)' TZ=Europe/Berlin '\(RapportProcess.binary.path)' sync setup \(server.url) --user test"
            + " && env RAPPORT_DB='\(rapport.databasePath)' TZ=Europe/Berlin '\(RapportProcess.binary.path)' sync; echo \"EXITED $?\"; sleep 60"
        _ = try spawnAndWait("/usr/bin/tmux", ["new-session", "-d", "-s", session, "-x", "120", "-y", "20", command])
        defer { _ = try? spawnAndWait("/usr/bin/tmux", ["kill-session", "-t", session]) }
        func screen() -> String { (try? spawnAndWait("/usr/bin/tmux", ["capture-pane", "-p", "-t", session]).output) ?? "" }
        func waitFor(_ text: String, count: Int = 1) -> Bool {
            for _ in 0..<100 {
                if screen().components(separatedBy: text).count > count { return true }
                usleep(100_000)
            }
            return false
        }
        #expect(waitFor("Password for test:"), "\(screen())")
        _ = try spawnAndWait("/usr/bin/tmux", ["send-keys", "-t", session, "-l", "typed-secret"])
        _ = try spawnAndWait("/usr/bin/tmux", ["send-keys", "-t", session, "Enter"])
        // Asked again for the sync: nothing kept it.
        #expect(waitFor("Password for test:", count: 2), "\(screen())")
        _ = try spawnAndWait("/usr/bin/tmux", ["send-keys", "-t", session, "-l", "typed-secret"])
        _ = try spawnAndWait("/usr/bin/tmux", ["send-keys", "-t", session, "Enter"])
        #expect(waitFor("EXITED 0"), "\(screen())")
        let text = screen()
        #expect(text.contains("Address book:") && text.contains("Sent 1 new"), "\(text)")
        #expect(!text.contains("typed-secret"))
        #expect(try !rapport.databaseBytes().contains(Data("typed-secret".utf8)))
    }

    @Test("a 09:00 meeting in Berlin after the clocks change is 09:00 local (TZID with VTIMEZONE)")
    func daylightSaving() throws {
        let server = try RadicaleServer()
        let rapport = try RapportProcess()
        // Before the change on 29 March: a meeting on 30 March at 09:00 (07:00 UTC, not 08:00).
        try rapport.run(["add", "meeting Board review with Zoe Adler 2026-03-30 09:00", "--new", "Zoe Adler"], at: "2026-03-20 09:00:00")
        #expect(try rapport.run(["sync", "setup", server.url, "--user", "test", "--password-command", "echo x"], at: "2026-03-20 09:00:00").status == 0)
        #expect(try rapport.run(["sync"], at: "2026-03-20 09:00:00").status == 0)
        let event = try server.text("rapport", prefix: "m1-")
        #expect(event.contains("DTSTART;TZID=Europe/Berlin:20260330T090000"), "\(event)")
        #expect(event.contains("BEGIN:VTIMEZONE") && event.contains("TZOFFSETTO:+0200"))
        // Read by Python's icalendar as a phone would: 09:00 at +02:00.
        let check = try spawnAndWait("/usr/bin/python3", ["-c", """
            import sys, icalendar
            event = icalendar.Calendar.from_ical(sys.argv[1]).walk('VEVENT')[0]
            print(event.decoded('DTSTART').isoformat())
            """, event])
        #expect(check.output.trimmingCharacters(in: .whitespacesAndNewlines) == "2026-03-30T09:00:00+02:00", "\(check.output)")
        // Moved on the phone to 10:00 on 31 March, Berlin time: 10:00 in Rapport.
        try server.edit("rapport", prefix: "m1-") {
            $0.replacingOccurrences(of: "20260330T090000", with: "20260331T100000").replacingOccurrences(of: "20260330T100000", with: "20260331T110000")
        }
        let sync = try rapport.run(["sync"], at: "2026-03-20 09:00:00")
        #expect(sync.stdout.contains("Pulled m1: meeting moved to Tue 31 Mar 10:00"), "\(sync.stdout)")
    }

    @Test("two syncs at once: the second refuses while the first holds the lock")
    func oneAtATime() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        // Hold the lock as a running sync does (flock on the file beside the book).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [rapport.databasePath + ".sync-lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: rapport.databasePath + ".sync-lock") { usleep(20_000) }
        usleep(200_000)
        let second = try rapport.run(["sync"], at: clock)
        #expect(second.status == 1)
        #expect(second.stderr.contains("another rapport sync of this book is running"), "\(second.stderr)")
        #expect(server.files("rapport").isEmpty)
    }

    @Test("a sync killed after the server took an item, before the mapping recorded it, duplicates nothing")
    func killedSync() throws {
        let server = try RadicaleServer()
        let rapport = try book(server)
        #expect(try rapport.run(["sync"], at: clock).status == 0)
        // As if killed right after the PUTs: the server has everything, the mapping nothing.
        let sqlite = try spawnAndWait("/usr/bin/sqlite3", [rapport.databasePath, "DELETE FROM syncItem"])
        #expect(sqlite.status == 0)
        let again = try rapport.run(["sync"], at: clock)
        #expect(again.status == 0, "\(again.stderr)")
        // Each found on the server under its UID, taken over (If-Match), none skipped.
        #expect(again.stdout.contains("Sent 6 new") && !again.stdout.contains("Skipped"), "\(again.stdout)")
        #expect(try rapport.run(["sync", "status"], at: clock).stdout.contains("Waiting       0 to send"))
        #expect(server.files("rapport").count == 5)
        #expect(server.files("rapport-contacts").count == 1)
        #expect(try rapport.run(["sync"], at: clock).stdout.contains("Sent nothing"))
    }
}

/// A server that misbehaves on purpose (Python's http.server): answers every
/// request with one status and body, or never answers.
final class BrokenServer {
    let process = Process()
    let port: Int

    init(status: Int, body: String, hang: Bool = false) throws {
        let program = """
            import http.server, os, socketserver, sys, threading, time
            status, body, hang = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3] == '1'
            threading.Timer(60, os._exit, [0]).start()  # never outlives the test, whatever happens to it
            class Handler(http.server.BaseHTTPRequestHandler):
                def answer(self):
                    if hang:
                        time.sleep(60)
                    self.send_response(status)
                    self.send_header('Content-Length', str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                do_GET = do_PUT = do_PROPFIND = do_MKCOL = do_MKCALENDAR = do_DELETE = do_REPORT = answer
                def log_message(self, *args): pass
            server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Handler)
            server.daemon_threads = True
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", program, String(status), body, hang ? "1" : "0"]
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    var url: String { "http://127.0.0.1:\(port)/" }

    deinit {
        // SIGKILL: a handler thread asleep in a hung answer must not keep it alive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite("rapport sync against a server that fails", .serialized)
struct SyncFailureTests {
    let clock = "2026-11-30 09:00:00"

    @Test("malformed XML, 403, 507, a server that never answers: one line each, status 1, nothing stored",
          arguments: [(207, "<multistatus><response>", false, "is not XML"),
                      (207, "{\"json\": true}", false, "is not XML"),
                      (403, "", false, "forbids PROPFIND on / (403 Forbidden)"),
                      (507, "", false, "has no space left (507 Insufficient Storage)"),
                      (200, "", true, "did not answer in time (timed out)")])
    func failures(status: Int, body: String, hang: Bool, message: String) throws {
        let server = try BrokenServer(status: status, body: body, hang: hang)
        defer { withExtendedLifetime(server) {} }
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz"], at: clock)
        let setup = try rapport.run(["sync", "setup", server.url, "--user", "test", "--password-command", "echo x", "--timeout", "2"], at: clock)
        #expect(setup.status == 1)
        #expect(setup.stderr.contains(message), "\(setup.stderr)")
        #expect(setup.stderr.split(separator: "\n").count == 1)
        #expect(try rapport.run(["sync", "status"], at: clock).stdout.contains("Not set up"))
    }
}
