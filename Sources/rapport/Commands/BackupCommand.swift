import ArgumentParser
import Foundation
import RapportCore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole book to a file, safely while Rapport is in use.",
        discussion: """
            Uses SQLite's backup API: never copy the database file itself while a rapport runs. \
            To restore, quit every rapport and use the copy as the database (RAPPORT_DB=copy, or move it into place).
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The file to write (must not exist).", valueName: "file"))
    var file: String

    func validate() throws {
        if FileManager.default.fileExists(atPath: file) { throw ValidationError("\(file) exists; name a new file") }
    }

    func run() throws {
        guard let database = try store.openForReading() else {
            throw CommandFailure("there is no book at \(store.path) yet; nothing to back up", status: CommandFailure.badInput)
        }
        // Private from birth like the book itself, and moved into place only once complete.
        do {
            try database.backup(to: file)
        } catch let error as StoreError {
            throw CommandFailure("cannot back up to \(file): \(backupReason(error)); nothing was written", status: CommandFailure.failed)
        }
        let contacts = try reporting { try RapportStore.openForReading(path: file)?.contactCount() } ?? 0
        say("Backed up \(ReportText.count(contacts, "contact")) and everything about them to \(TerminalText.safe(file))")
    }
}

/// Why a backup failed, without the book-write wording of `StoreError`.
private func backupReason(_ error: StoreError) -> String {
    switch error {
    case .cannotOpen(_, let reason), .cannotWrite(let reason): return reason
    default: return error.description
    }
}
