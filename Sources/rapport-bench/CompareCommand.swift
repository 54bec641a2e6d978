import ArgumentParser
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two suite runs (run.json): each figure before and after, and the change.",
        discussion: "rapport-bench compare --before old/run.json --after .build-benchmark/run.json"
    )

    @Option(help: ArgumentHelp("The earlier run's run.json.", valueName: "file")) var before: String
    @Option(help: ArgumentHelp("The later run's run.json.", valueName: "file")) var after: String
    @Option(help: ArgumentHelp("Compare only what has this in its name.", valueName: "text")) var only: String?
    @Flag(help: "Print the table as Markdown.") var markdown = false

    func run() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        func load(_ path: String) throws -> SuiteRun {
            do {
                return try decoder.decode(SuiteRun.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ValidationError("\(path) is not a run.json of rapport-bench suite (\(error.localizedDescription))")
            }
        }
        let old = try load(before), new = try load(after)
        var rows = [["book", "measurement", "before", "after", "after ÷ before"]]
        for sized in new.sizes {
            guard let earlier = old.sizes.first(where: { $0.size.slug == sized.size.slug }) else { continue }
            for figure in sized.measurements where only.map({ figure.name.localizedCaseInsensitiveContains($0) }) ?? true {
                guard let was = earlier.figure(figure.name), was.medianMs > 0 else { continue }
                rows.append([sized.size.label, figure.name, ms(was.medianMs), ms(figure.medianMs), times(figure.medianMs / was.medianMs)])
            }
        }
        let passedBefore = old.targets.filter(\.pass).count, passedAfter = new.targets.filter(\.pass).count
        print(markdown ? Report.markdown(rows, left: 2) : Report.text(rows, left: 2))
        print("targets met: \(passedBefore) of \(old.targets.count) before, \(passedAfter) of \(new.targets.count) after")
    }
}
