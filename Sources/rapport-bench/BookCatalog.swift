import Foundation
import GRDB
import RapportCore

/// A book the suite measures: the generator's book of `contacts` and
/// `interactions`, topped up with open follow-ups to `openItems` when given
/// (the task-list sizes compared with taskwarrior and remind).
struct BookSize: Codable, Sendable {
    var label: String
    var slug: String
    var contacts: Int
    var interactions: Int
    var openItems: Int?

    static func items(_ count: Int, _ label: String) -> BookSize {
        BookSize(label: "\(label) items", slug: "items-\(label)", contacts: max(100, count / 10), interactions: count * 2, openItems: count)
    }

    static func interactions(_ count: Int, _ label: String) -> BookSize {
        BookSize(label: "\(label) interactions", slug: "contacts-10k-interactions-\(label)", contacts: 10_000, interactions: count, openItems: nil)
    }

    static let presets: [String: [BookSize]] = {
        let full = [items(1_000, "1k"), items(10_000, "10k"), items(100_000, "100k"),
                    interactions(10_000, "10k"), interactions(100_000, "100k"), interactions(1_000_000, "1M")]
        return ["quick": [items(1_000, "1k")], "full": full, "large": full + [interactions(10_000_000, "10M")]]
    }()
}

/// What is known about a seeded book, kept beside it.
struct BookInfo: Codable {
    var size: BookSize
    var seededAt: Date
    var seedSeconds: Double
    /// Open agenda items (every horizon) when it was seeded.
    var openItems: Int
    var databaseBytes: Int
}

/// Seeded books cached under the output folder, one per size, named by the
/// day they were seeded on and the schema they were written with: a book is
/// reused the same day with the same schema, and reseeded otherwise. (Its
/// items are due relative to the day it was written; the measured `rapport`
/// reads the system clock, so a book from an earlier day would measure a
/// different agenda.)
struct BookCatalog {
    /// Bump when what a size's book holds changes without the schema changing.
    static let generation = 2

    var folder: URL
    var calendar = LocalCalendar.current

    /// A short fingerprint of the schema the current RapportCore writes (its
    /// migrations and every table, index and trigger), from a new empty book.
    func schemaKey() throws -> String {
        let path = NSTemporaryDirectory() + "rapport-bench-schema-\(getpid()).sqlite"
        removeDatabase(path)
        defer { removeDatabase(path) }
        _ = try RapportStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        let text = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier").joined(separator: "\n")
                + (try String.fetchAll(db, sql: "SELECT coalesce(sql, name) FROM sqlite_master ORDER BY type, name").joined(separator: "\n"))
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a
        for byte in "\(Self.generation)\n\(text)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return String(String(hash, radix: 16).suffix(8))
    }

    /// The book for `size`, seeded if none of today and this schema exists
    /// (older books of that size, and their exports, are removed). A new
    /// book is kept only if `verify` accepts it.
    func book(for size: BookSize, schema: String, log: (String) -> Void,
              verify: (String) throws -> Void) throws -> (path: String, info: BookInfo) {
        let day = calendar.day(of: Date()).iso
        let stem = "book-\(size.slug)-\(day)-\(schema)"
        let path = folder.appendingPathComponent(stem + ".sqlite").path
        let infoURL = folder.appendingPathComponent(stem + ".json")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if FileManager.default.fileExists(atPath: path), let data = try? Data(contentsOf: infoURL),
           let info = try? decoder.decode(BookInfo.self, from: data) {
            return (path, info)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("book-\(size.slug)-") || name.hasPrefix("tools-\(size.slug)-") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        log("seeding \(size.label) (\(size.contacts) contacts, \(size.interactions) interactions"
            + (size.openItems.map { ", topped up to \($0) open items" } ?? "") + ")…")
        let started = Date()
        let store = try RapportStore.open(path: path)
        let generator = BookGenerator(contacts: size.contacts, interactions: size.interactions, seed: 1, now: started)
        _ = try generator.generate(into: store, calendar: calendar)
        let scheduler = Scheduler(rules: try store.rules(), calendar: calendar)
        var open = try allItems(store, scheduler: scheduler, now: started).count
        if let target = size.openItems, open < target {
            try generator.addOpenFollowUps(target - open, into: store, calendar: calendar)
            open = try allItems(store, scheduler: scheduler, now: started).count
        }
        do {
            try verify(path)
        } catch {
            removeDatabase(path)
            throw error
        }
        let info = BookInfo(size: size, seededAt: started, seedSeconds: Date().timeIntervalSince(started), openItems: open,
                            databaseBytes: fileSize(path) + fileSize(path + "-wal"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(info).write(to: infoURL)
        log(String(format: "seeded %@ in %.1f s: %d open items, %d MiB", size.label, info.seedSeconds, open, info.databaseBytes / 1_048_576))
        return (path, info)
    }

    /// Every open item of the book, whenever it is due.
    func allItems(_ store: RapportStore, scheduler: Scheduler, now: Date) throws -> [AgendaItem] {
        try scheduler.agenda(from: store, now: now, upcomingDays: 10 * 366).all
    }
}
