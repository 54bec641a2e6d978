import ArgumentParser
import Foundation
import RapportCore

/// Where an export goes: standard output, or a private file (0600) written
/// beside its place and moved in, so a reader never sees half a file.
struct OutputFileOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Writes `text`; `replacing` allows an existing file to be replaced
    /// (a calendar's subscribed file), otherwise an existing file is refused.
    /// Returns the file written, or nil for standard output.
    @discardableResult
    func write(_ text: String, replacing: Bool = false) throws -> String? {
        guard let output else {
            printDocument(text)
            return nil
        }
        if !replacing, FileManager.default.fileExists(atPath: output) {
            throw CommandFailure("\(output) exists; name a new file", status: CommandFailure.badInput)
        }
        let temporary = output + ".rapport-tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, output) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CommandFailure("cannot write \(output)", status: CommandFailure.failed)
        }
        return output
    }
}
