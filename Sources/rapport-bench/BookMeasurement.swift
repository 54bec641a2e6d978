import Foundation
import RapportCore
import RapportTerminalUI

/// The names the figures and the targets share.
enum Name {
    static let floor = "floor: static Swift hello"
    static let version = "rapport --version"
    static let count = "rapport overdue --count"
    static let overdue = "rapport overdue"
    static let today = "rapport today"
    static let upcoming = "rapport upcoming"
    static let add = "rapport add"
    static let show = "rapport show @1"
    static let report = "rapport report"
    static let firstFrame = "front end in a pseudo-terminal: first frame"
    static let redraw = "front end in a pseudo-terminal: key to redraw"
    static let importVCard = "rapport import vcard (10 MB)"
    static let schedulerOverdue = "scheduler: overdue (in process)"
    static let task = "task overdue"
    static let remind = "remind -q"
}

/// Measures Rapport on one book: the scheduler and the front end in this
/// process, and the `rapport` commands as whole processes, the way a shell
/// prompt, a status bar or a terminal starts them.
struct BookMeasurement {
    var db: String
    var measurer: Measurer
    /// Where `rapport` and `floor-hello` are (beside this program).
    var binaries: URL
    var includeImport: Bool

    /// The in-process figures need an instant; the processes read the
    /// system clock (a static executable ignores `faketime`), so this is now.
    func run(now: Date) throws -> [Measurement] {
        var results: [Measurement] = []
        guard let store = try RapportStore.openForReading(path: db) else { throw BenchError("cannot read \(db)") }
        let calendar = LocalCalendar.current
        let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)

        results.append(try measurer.measure(Name.schedulerOverdue) { _ = try scheduler.agenda(from: store, now: now, upcomingDays: 0) })
        results.append(try measurer.measure("scheduler: 7-day agenda (in process)") { _ = try scheduler.agenda(from: store, now: now, upcomingDays: 7) })
        results.append(try measurer.measure("timeline of a contact (in process)") { _ = try store.timeline(ofContact: 1, limit: 100) })
        let today = calendar.day(of: now)
        results.append(try measurer.measure("report card, month (in process)") {
            _ = try store.reportCard(for: .month(endingOn: today), now: now, calendar: calendar)
        })
        results.append(try measurer.measure("report card, quarter (in process)") {
            _ = try store.reportCard(for: .quarter(endingOn: today), now: now, calendar: calendar)
        })
        results.append(try measurer.measure("contact list (in process)") { _ = try store.contactList(ContactFilter(), now: now, scheduler: scheduler) })
        if measurer.wanted("front end") {
            let writable = try RapportStore.open(path: db)
            results.append(try measurer.measure("front end: first frame, 100×30 (in process)") {
                _ = try RapportApp(store: writable, clock: FixedClock(now), calendar: .current, width: 100, height: 30).screen
            })
            let app = try RapportApp(store: writable, clock: FixedClock(now), calendar: .current, width: 100, height: 30)
            var down = true
            results.append(try measurer.measure("front end: key to redraw (in process)") {
                app.handle(.key(down ? .down : .up))
                down.toggle()
                _ = app.screen
            })
        }

        let rapport = binaries.appendingPathComponent("rapport").path
        let book = ["RAPPORT_DB": db]
        func command(_ arguments: String...) -> Measurer.Process {
            Measurer.Process(arguments: [rapport] + arguments, environment: book, statuses: arguments.first == "overdue" ? [0, 1] : [0])
        }
        let measureProcess = { (name: String, process: Measurer.Process) in try measurer.measureProcess(name, process) }
        // The floor every target is set against takes a millisecond a run: five
        // times the runs cost little and keep a moment's load out of its median.
        results.append(try measurer.measureProcess(Name.floor, Measurer.Process(arguments: [binaries.appendingPathComponent("floor-hello").path]),
                                                   runs: measurer.runs * 5))
        results.append(try measureProcess(Name.version, command("--version")))
        results.append(try measureProcess(Name.count, command("overdue", "--count")))
        results.append(try measureProcess(Name.overdue, command("overdue")))
        // The prompt recipes' line (Resources/shell): the same read as --count, one line of text.
        results.append(try measureProcess("rapport overdue --format", command("overdue", "--format", "{late} late: {first.title}", "--max-width", "40")))
        results.append(try measureProcess(Name.today, command("today")))
        results.append(try measureProcess(Name.upcoming, command("upcoming")))
        results.append(try measureProcess(Name.show, command("show", "@1")))
        results.append(try measureProcess(Name.report, command("report")))
        if measurer.wanted("pseudo-terminal") {
            let (first, redraws) = try measurer.measurePseudoTerminal([rapport, "ui"], environment: book)
            results.append(measurer.summarize(Name.firstFrame, first, memory: nil))
            results.append(measurer.summarize(Name.redraw, redraws, memory: nil))
        }
        // Adds go to a copy, so the measured book stays as it was.
        if measurer.wanted(Name.add) {
            let copy = NSTemporaryDirectory() + "rapport-bench-add-\(getpid()).sqlite"
            removeDatabase(copy)
            try store.backup(to: copy)
            defer { removeDatabase(copy) }
            var add = command("add", "send the deck with @1 fri 14:00")
            add.environment["RAPPORT_DB"] = copy
            results.append(try measureProcess(Name.add, add))
        }
        // A 10 MB vCard file as old exporters write it: quoted-printable notes
        // with a soft line break every 76 characters (unfolding must stay linear).
        if includeImport && measurer.wanted(Name.importVCard) {
            let file = NSTemporaryDirectory() + "rapport-bench-\(getpid()).vcf"
            let note = String(repeating: "=C3=A9t=C3=A9 =E2=82=AC lunch notes and family details, kept as typed=\r\n", count: 60)
            var text = ""
            var n = 0
            while text.utf8.count < 10_000_000 {
                n += 1
                text += "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bench Person \(n)\r\nEMAIL:person\(n)@example.com\r\n"
                    + "NOTE;ENCODING=QUOTED-PRINTABLE:" + note + "end\r\nEND:VCARD\r\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            // Into a new book: the first run creates every contact, the others find them all unchanged.
            let into = NSTemporaryDirectory() + "rapport-bench-import-\(getpid()).sqlite"
            defer { try? FileManager.default.removeItem(atPath: file); removeDatabase(into) }
            var importing = command("import", "vcard", file)
            importing.environment["RAPPORT_DB"] = into
            results.append(try measureProcess(Name.importVCard, importing))
        }
        return results.filter { $0.runs > 0 }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Removes a database and its write-ahead log and shared-memory files.
func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// The size of a database file in bytes.
func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}
