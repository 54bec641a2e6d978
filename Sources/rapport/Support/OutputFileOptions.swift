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
        do {
            try PrivateFile.write(Data(text.utf8), to: output, replacing: replacing)
        } catch {
            throw CommandFailure("\(error)", status: CommandFailure.failed)
        }
        return output
    }
}
