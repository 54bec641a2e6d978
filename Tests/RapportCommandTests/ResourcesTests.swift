import Foundation
import Testing

/// What Rapport ships beside its code (`Resources/`) says what the program
/// does: the man page names every command and option, the completion files
/// are what the program generates, and the sample files import.
/// `Scripts/generate-resources` writes them again after a command changes.
@Suite("Resources")
struct ResourcesTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources")

    /// Every command's path, and the long options it takes, from the program's own description of itself.
    func commands() throws -> [(path: [String], options: [String])] {
        let dump = try RapportProcess().run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var found: [(path: [String], options: [String])] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let options = (command["arguments"] as? [[String: Any]] ?? []).flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).compactMap { name in
                    name["kind"] as? String == "long" ? name["name"] as? String : nil
                }
            }
            found.append((path, options))
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return found
    }

    @Test("the man page names every command and every option the program has")
    func manPage() throws {
        let man = try String(contentsOf: Self.resources.appendingPathComponent("man/rapport.1"), encoding: .utf8)
        let commands = try commands()
        #expect(commands.count > 20)
        for (path, options) in commands {
            if let name = path.last {
                // A command with aliases is listed as `.It Em "call, email, …"`.
                #expect(man.contains(".It Em \(name)\n") || man.contains(".It Em \"\(name),"), "the man page lacks the command '\(path.joined(separator: " "))': run Scripts/generate-resources")
            }
            for option in options where option != "experimental-dump-help" {
                #expect(man.contains("Fl -\(option)") || man.contains(" , -\(option)"), "the man page lacks --\(option) of '\(path.joined(separator: " "))': run Scripts/generate-resources")
            }
        }
    }

    @Test("the completion files are what the program generates", arguments: [("bash", "rapport.bash"), ("zsh", "_rapport"), ("fish", "rapport.fish")])
    func completions(shell: String, file: String) throws {
        let shipped = try String(contentsOf: Self.resources.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        let generated = try RapportProcess().run(["--generate-completion-script", shell]).stdout
        #expect(shipped == generated, "Resources/completions/\(file) is stale: run Scripts/generate-resources")
    }

    @Test("the sample files import: four people from the CSV, two from the vCard, every script kept")
    func samples() throws {
        let rapport = try RapportProcess()
        let csv = try rapport.run(["import", "csv", Self.resources.appendingPathComponent("samples/contacts.csv").path])
        #expect(csv.status == 0, "\(csv.stderr)")
        let vcard = try rapport.run(["import", "vcard", Self.resources.appendingPathComponent("samples/contacts.vcf").path])
        #expect(vcard.status == 0, "\(vcard.stderr)")
        let list = try rapport.run(["contacts", "--json"]).stdout
        for name in ["Dana Ruiz", "Lee Park", "Jürgen Müller", "Zoé Lefèvre", "Hank Scorpio", "प्रिया शर्मा"] {
            #expect(list.contains(name), "\(name) in \(list)")
        }
        #expect(try rapport.run(["show", "Juergen"]).stdout.contains("Müller & Söhne GmbH"))
    }

    @Test("the completions complete contact names, item references and accounts from the book")
    func completionsFromTheBook() throws {
        let rapport = try RapportProcess()
        try rapport.run(["contact", "add", "Dana Ruiz", "--account", "Acme Corp"], at: "2026-11-24 09:00:00")
        try rapport.run(["contact", "add", "Lee Park"], at: "2026-11-24 09:00:00")
        try rapport.run(["add", "send the deck @dana fri"], at: "2026-11-24 09:00:00")
        // What the completion scripts ask: ---completion, the command, the argument, then the words typed.
        let names = try rapport.run(["---completion", "show", "--", "positional@0", "2", "2", "rapport", "show", "da"])
        #expect(names.stdout == "Dana Ruiz\n")
        let refs = try rapport.run(["---completion", "done", "--", "positional@0", "2", "1", "rapport", "done", "f"])
        #expect(refs.stdout == "f1\n")
        let accounts = try rapport.run(["---completion", "deal", "add", "--", "--account", "5", "2", "rapport", "deal", "add", "X", "--account", "ac"])
        #expect(accounts.stdout == "Acme Corp\n")
    }
}
