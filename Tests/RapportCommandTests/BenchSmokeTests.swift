import Foundation
import Testing

/// The benchmark at its smallest size: it seeds, measures and writes its
/// figures. A smoke test only: no figure is asserted.
@Suite("rapport-bench smoke test")
struct BenchSmokeTests {
    @Test("seed and run work end to end")
    func smoke() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bench = RapportProcess.binary.deletingLastPathComponent().appendingPathComponent("rapport-bench").path
        let db = directory.appendingPathComponent("book.sqlite").path
        let seeded = try spawnAndWait(bench, ["seed", "--contacts", "50", "--interactions", "500", "--db", db, "--now", "2026-11-24"])
        #expect(seeded.status == 0)
        #expect(seeded.output.hasPrefix("Seeded \(db) in "))
        let figures = directory.appendingPathComponent("figures.json").path
        let run = try spawnAndWait(bench, ["run", "--db", db, "--runs", "1", "--json", figures])
        #expect(run.status == 0)
        #expect(run.output.contains("rapport overdue --count"))
        #expect(run.output.contains("rapport overdue --format"))
        let data = try Data(contentsOf: URL(fileURLWithPath: figures))
        let measurements = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(measurements.count >= 10)
        #expect(measurements.allSatisfy { $0["medianMs"] is Double })
    }
}
