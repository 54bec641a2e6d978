import Foundation
import RapportCore
import Testing

/// The benchmark's side-by-side data sets and its suite of sizes: what they
/// write, never how fast anything was (no timing is asserted).
@Suite("rapport-bench suite and export")
struct BenchSuiteTests {
    let bench = RapportProcess.binary.deletingLastPathComponent().appendingPathComponent("rapport-bench").path

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func installed(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("export writes each open item once for taskwarrior and remind, its text kept as data")
    func export() throws {
        let directory = try temporaryDirectory()
        let db = directory.appendingPathComponent("book.sqlite").path
        let calendar = LocalCalendar.current
        let now = Date()
        let today = calendar.day(of: now)
        // Quotes, brackets, a percent sign, a backslash and control codes: each
        // means something to one of the two formats or to a terminal.
        let tricky = "Call \"Bo\" [re: 50%] \\ back\u{1B}[2J\u{7}"
        do {
            let store = try RapportStore.open(path: db)
            try store.addFollowUp(title: tricky, people: People(newNames: ["Zoë Ångström"]), day: today.adding(days: -2), now: now, calendar: calendar)
            try store.addFollowUp(title: "Send the deck", people: People(newNames: ["Lee Park"]), day: today.adding(days: 9),
                                  time: LocalTime(hour: 10, minute: 30), now: now, calendar: calendar)
            // Late at a time of day: remind must nag about it on the days after, not only on its own.
            try store.addFollowUp(title: "Confirm the pilot", people: People(newNames: ["Ana Sato"]), day: today.adding(days: -3),
                                  time: LocalTime(hour: 8, minute: 0), now: now, calendar: calendar)
        }
        let folder = directory.appendingPathComponent("tools")
        let exported = try spawnAndWait(bench, ["export", "--db", db, "--to", folder.path])
        #expect(exported.status == 0)
        let pending = try String(contentsOf: folder.appendingPathComponent("task/pending.data"), encoding: .utf8)
        let reminders = try String(contentsOf: folder.appendingPathComponent("reminders.rem"), encoding: .utf8)
        #expect(pending.split(separator: "\n").count == 3)
        #expect(reminders.split(separator: "\n").count == 3)
        #expect(!pending.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!reminders.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(reminders.contains("REM \(today.adding(days: 9).iso) *1 AT 10:30 MSG Send the deck — Lee Park\n"))
        let expected = "Call \"Bo\" [re: 50%] \\ back [2J  — Zoë Ångström"

        if let task = Self.installed("task") {
            let environment = ["TASKRC": folder.appendingPathComponent("taskrc").path, "TASKDATA": folder.appendingPathComponent("task").path,
                               "HOME": directory.path, "PATH": "/usr/bin:/bin"]
            let exportedTasks = try spawnAndWait(task, ["rc.verbose=nothing", "export"], environment: environment)
            let tasks = try #require(try JSONSerialization.jsonObject(with: Data(exportedTasks.output.utf8)) as? [[String: Any]])
            #expect(Set(tasks.compactMap { $0["description"] as? String }) == [expected, "Send the deck — Lee Park", "Confirm the pilot — Ana Sato"])
            let late = try spawnAndWait(task, ["rc.verbose=nothing", "+OVERDUE", "count"], environment: environment)
            #expect(late.output.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        }
        if let remind = Self.installed("remind") {
            let errors = directory.appendingPathComponent("remind-errors").path
            let shown = try spawnAndWait(remind, ["-q", folder.appendingPathComponent("reminders.rem").path],
                                         environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin"], stderrTo: errors)
            #expect(shown.status == 0)
            #expect(shown.output.contains(expected))
            #expect(shown.output.contains("Confirm the pilot — Ana Sato"))
            #expect(!shown.output.contains("Send the deck"))
            #expect(try String(contentsOfFile: errors, encoding: .utf8) == "")
        }
    }

    @Test("suite quick seeds its book, caches it, and writes the figures and the targets")
    func quickSuite() throws {
        let directory = try temporaryDirectory()
        let arguments = ["suite", "--preset", "quick", "--runs", "1", "--tool-runs", "1", "--out", directory.path, "--only", "overdue"]
        let output = directory.appendingPathComponent("stdout").path
        let run = try spawnAndWait(bench, arguments, stdoutTo: output)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("== 1k items: 100 contacts, 2000 interactions, 1000 open items"))
        #expect(text.contains("Targets (issue #17): "))
        let figures = try String(contentsOf: directory.appendingPathComponent("README-figures.md"), encoding: .utf8)
        #expect(figures.contains("| target | book | measured | limit | ratio | result |"))
        #expect(figures.contains("| `overdue --count` within 2× the floor | 1k items |"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("run.json"))) as? [String: Any])
        let sizes = try #require(json["sizes"] as? [[String: Any]])
        #expect(sizes.count == 1 && (sizes[0]["book"] as? [String: Any])?["openItems"] as? Int == 1000)
        let books = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sqlite") }
        #expect(books.count == 1)

        // A second run reuses the book: no seeding.
        let again = directory.appendingPathComponent("stderr").path
        #expect(try spawnAndWait(bench, arguments, stdoutTo: output, stderrTo: again).status == 0)
        #expect(try !String(contentsOfFile: again, encoding: .utf8).contains("seeding"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sqlite") } == books)

        // Without taskwarrior and remind on the PATH: each is named, the rest measured.
        let without = try spawnAndWait(bench, arguments, environment: ["PATH": directory.path, "HOME": directory.path],
                                       stdoutTo: output, stderrTo: again)
        #expect(without.status == 0)
        let notes = try String(contentsOfFile: again, encoding: .utf8)
        #expect(notes.contains("taskwarrior is not installed (Debian package `taskwarrior`): measuring without it"))
        #expect(notes.contains("remind is not installed (Debian package `remind`): measuring without it"))
        let measured = try String(contentsOfFile: output, encoding: .utf8)
        #expect(measured.contains("rapport overdue --count"))
        #expect(!measured.split(separator: "\n").contains { $0.hasPrefix("task overdue ") || $0.hasPrefix("remind -q ") })

        // A run compared with itself: every figure the same.
        let runJSON = directory.appendingPathComponent("run.json").path
        let compared = try spawnAndWait(bench, ["compare", "--before", runJSON, "--after", runJSON, "--only", "overdue --count"])
        #expect(compared.status == 0)
        #expect(compared.output.contains("1k items  rapport overdue --count"))
        #expect(compared.output.split(separator: "\n").filter { $0.hasPrefix("1k items") }.allSatisfy { $0.hasSuffix(" 1.0×") })
    }
}
