import ArgumentParser
import Foundation
import RapportCore

/// The `rapport` command. Every rule lives in RapportCore; the commands
/// read options, call the library and print what it answered.
@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "A relationship tracker for salespeople: what you owe whom, and when.",
        discussion: """
            The database is $XDG_DATA_HOME/rapport/rapport.sqlite (~/.local/share/rapport/ \
            without XDG_DATA_HOME); RAPPORT_DB or --db choose another.
            With no command, rapport opens the full-screen daily session (rapport ui).
            Exit status: 0 success, 1 an operation failed, 2 bad input (nothing was changed).
            """,
        version: "0.1.0",
        subcommands: [
            InteractiveCommand.self, TodayCommand.self, OverdueCommand.self, NotifyCommand.self, UpcomingCommand.self,
            AddCommand.self, LogCommand.self, DoneCommand.self, SnoozeCommand.self, CancelCommand.self, EditCommand.self, DeleteCommand.self,
            ThanksCommand.self, UndoCommand.self, LunchCommand.self, DealCommand.self, ReportCommand.self, SegmentCommand.self,
            ShowCommand.self, SearchCommand.self, BriefCommand.self, ContactsCommand.self, AccountsCommand.self,
            ContactCommand.self, FollowUpCommand.self, ConfigCommand.self, CheckCommand.self, BackupCommand.self, ExportCommand.self, ImportCommand.self, SyncCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self
    )

    /// Runs the command, turning every failure into one line on stderr and
    /// the documented exit status.
    static func main() {
        // A closed pipe must not kill the process mid-write: writes report EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        // A file that may not grow (a quota, ulimit -f) must fail the write, which
        // SQLite rolls back and we report, rather than kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
            OutputBuffer.shared.flush()
            if let warning = UnreadableRows.warning {
                FileHandle.standardError.write(Data("rapport: \(warning)\n".utf8))
            }
        } catch let failure as CommandFailure {
            OutputBuffer.shared.flush()
            FileHandle.standardError.write(Data("rapport: \(TerminalText.safe(failure.message))\n".utf8))
            Foundation.exit(failure.status)
        } catch {
            OutputBuffer.shared.flush()
            let code = exitCode(for: error)
            if code == .validationFailure {
                // One line: the problem, and where the usage is.
                var message = message(for: error)
                if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
                let line = message.split(separator: "\n").first.map(String.init) ?? message
                FileHandle.standardError.write(Data("rapport: \(TerminalText.safe(line)) (see rapport --help)\n".utf8))
                Foundation.exit(CommandFailure.badInput)
            }
            exit(withError: error)
        }
    }
}
