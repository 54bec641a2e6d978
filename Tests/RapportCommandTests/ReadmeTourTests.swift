import Foundation
import Testing

/// The README's tour is real: every command in it runs here, at the times
/// it says, and prints exactly what the README shows.
@Suite("README tour")
struct ReadmeTourTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// Splits a command line the way a shell would for double-quoted words.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, inWord = false
        for character in line {
            if character == "\"" { quoted.toggle(); inWord = true }
            else if character == " " && !quoted { if inWord { words.append(current) }; current = ""; inWord = false }
            else { current.append(character); inWord = true }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test("every command of the tour prints what the README shows")
    func tour() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let tour = try #require(text.components(separatedBy: "## A tour").dropFirst().first)
        let block = try #require(tour.components(separatedBy: "```console\n").dropFirst().first?.components(separatedBy: "\n```").first)
        var steps: [(command: [String], clock: String, expected: String)] = []
        var clock = "2026-11-24 09:00:00"
        for line in block.components(separatedBy: "\n") {
            if line == "# a week later" {
                clock = "2026-12-01 09:00:00"
            } else if line.hasPrefix("$ rapport") {
                steps.append((Array(Self.words(line).dropFirst(2)), clock, ""))
            } else if !steps.isEmpty {
                steps[steps.count - 1].expected += line + "\n"
            }
        }
        #expect(steps.count >= 10)
        let rapport = try RapportProcess()
        for (index, step) in steps.enumerated() {
            // Each command a few seconds after the one before, as a person types them
            // (a write must not look as if it happened after the next read).
            let clock = step.clock.replacingOccurrences(of: ":00:00", with: ":00:" + (index * 3 < 10 ? "0" : "") + "\(index * 3)")
            let result = try rapport.run(step.command, at: clock)
            #expect(result.stdout == step.expected, "rapport \(step.command.joined(separator: " "))")
            #expect(result.status == 0)
        }
    }
}
