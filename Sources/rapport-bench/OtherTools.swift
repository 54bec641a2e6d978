import ArgumentParser
import Foundation
import RapportCore

/// The same open items as a taskwarrior data set and a remind file, so the
/// tools a user compares Rapport with are timed on the same list.
///
/// Each item keeps its title with its people's names, and its due: a
/// date-only item is due at the end of its day in taskwarrior (so its
/// OVERDUE tag means what Rapport's overdue means) and is a dated reminder in
/// remind; a timed one keeps its instant (`AT` in remind). A reminder
/// repeats daily from its date (`*1`, before any `AT`: after it, it would
/// repeat the time within the day), remind's way to nag until done, so
/// `remind -q` shows what is due today and everything late.
struct OtherTools {
    /// The folder holding `taskrc`, `task/` and `reminders.rem`.
    var folder: URL
    var calendar = LocalCalendar.current

    var taskrc: String { folder.appendingPathComponent("taskrc").path }
    var taskData: String { folder.appendingPathComponent("task").path }
    var reminders: String { folder.appendingPathComponent("reminders.rem").path }

    /// The program on the PATH, when installed (Debian's `taskwarrior` and `remind`).
    static func installed(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes both data sets unless they are there from an earlier run.
    func prepare(book: String, now: Date) throws {
        if FileManager.default.fileExists(atPath: reminders) && FileManager.default.fileExists(atPath: taskrc) { return }
        try write(book: book, now: now)
    }

    /// Writes both data sets from the open items of `book` at `now`.
    func write(book: String, now: Date) throws {
        guard let store = try RapportStore.openForReading(path: book) else { throw BenchError("cannot read \(book)") }
        let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)
        let items = try BookCatalog(folder: folder, calendar: calendar).allItems(store, scheduler: scheduler, now: now)
        try FileManager.default.createDirectory(atPath: taskData, withIntermediateDirectories: true)
        let entry = Int(now.timeIntervalSince1970)
        var pending = "", remind = ""
        pending.reserveCapacity(items.count * 200)
        for (index, item) in items.enumerated() {
            let text = describe(item)
            let uuid = String(format: "%08x-0000-4000-8000-%012x", index + 1, index + 1)
            // A meeting is never late in Rapport: its task is due by the end of its day.
            let due = item.kind == .meeting ? calendar.endOfDay(item.dueDay) : item.due.deadline(in: calendar)
            pending += "[description:\"\(taskwarriorEscaped(text))\" due:\"\(Int(due.timeIntervalSince1970))\" "
                + "entry:\"\(entry)\" modified:\"\(entry)\" status:\"pending\" uuid:\"\(uuid)\"]\n"
            switch item.due {
            case .day(let day):
                remind += "REM \(day.iso) *1 MSG \(remindEscaped(text))\n"
            case .instant(let instant):
                let time = calendar.time(of: instant)
                remind += "REM \(calendar.day(of: instant).iso) *1 AT \(String(format: "%02d:%02d", time.hour, time.minute)) MSG \(remindEscaped(text))\n"
            }
        }
        try Data(pending.utf8).write(to: URL(fileURLWithPath: taskData + "/pending.data"))
        for name in ["completed.data", "undo.data", "backlog.data"] {
            try Data().write(to: URL(fileURLWithPath: taskData + "/" + name))
        }
        try Data(remind.utf8).write(to: URL(fileURLWithPath: reminders))
        // Its own configuration, never the user's ~/.taskrc or ~/.task: no
        // hooks, no colour, no garbage collection (which rewrites the data on
        // a report), no recurrence pass, no terminal detection.
        try Data("""
            data.location=\(taskData)
            hooks=off
            color=off
            gc=off
            recurrence=off
            detection=off
            confirmation=off
            news.version=2.6.2

            """.utf8).write(to: URL(fileURLWithPath: taskrc))
    }

    /// `task overdue` with the private configuration and data.
    func taskOverdue(_ task: String) -> Measurer.Process {
        // `task` notes on standard error that TASKRC and TASKDATA override its defaults.
        Measurer.Process(arguments: [task, "overdue"], environment: ["TASKRC": taskrc, "TASKDATA": taskData, "HOME": folder.path],
                         statuses: [0, 1], showErrors: false)
    }

    func remindQ(_ remind: String) -> Measurer.Process {
        Measurer.Process(arguments: [remind, "-q", reminders], environment: ["HOME": folder.path])
    }

    /// The data files' sizes and modification times: the same before and
    /// after measuring proves `task overdue` only read.
    func taskDataState() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: taskData)) ?? []).sorted().map { name in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: taskData + "/" + name)) ?? [:]
            return "\(name) \(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")"
        }
    }

    /// What a line of the item says: its title and its people.
    private func describe(_ item: AgendaItem) -> String {
        let people = item.contacts.map(\.name).joined(separator: ", ")
        let text = people.isEmpty ? item.title : "\(item.title) — \(people)"
        // Neither format has a way to hold a control character.
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// Taskwarrior's data format (FF4): quotes escaped, brackets as entities.
    private func taskwarriorEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "[", with: "&open;").replacingOccurrences(of: "]", with: "&close;")
    }

    /// A remind message: `%` starts a substitution, `[` an expression.
    private func remindEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "[", with: "[\"[\"]")
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a book's open items as a taskwarrior data set and a remind file.",
        discussion: """
            Writes FOLDER/taskrc, FOLDER/task/ and FOLDER/reminders.rem (what `suite` measures), then:
            TASKRC=FOLDER/taskrc TASKDATA=FOLDER/task task overdue;  remind -q FOLDER/reminders.rem
            """
    )

    @Option(help: "The book whose open items to write.") var db: String
    @Option(help: ArgumentHelp("The folder to write into (created; files in it are replaced).", valueName: "folder")) var to: String

    func validate() throws {
        if !FileManager.default.fileExists(atPath: db) { throw ValidationError("no database at \(db)") }
    }

    func run() throws {
        try OtherTools(folder: URL(fileURLWithPath: to)).write(book: db, now: Date())
    }
}
