import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

let berlin = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)

func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

/// Berlin wall-clock time.
func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Date {
    berlin.instant(on: day(y, m, d), at: LocalTime(hour: h, minute: min)!)
}

/// Tuesday 24 November 2026, 09:00 in Berlin.
let tuesday = at(2026, 11, 24, 9)

/// A clock the test moves.
final class TestClock: RapportCore.Clock, @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}

/// A small book with wide, accented and hostile names, every kind of item.
func sampleBook() throws -> RapportStore {
    let store = try RapportStore.inMemory()
    func contact(_ name: String, _ account: String?, tier: Tier?, favourite: Bool = false, lunch: Int? = nil, added: Date) throws -> Contact {
        try store.addContact(ContactDraft(contact: Contact(name: name, tier: tier, isFavourite: favourite, lunchCadenceDays: lunch, createdAt: added),
                                          accountName: account, emails: [], tags: account == "Acme" ? ["golf"] : []))
    }
    let dana = try contact("Dana Ruiz", "Acme", tier: .a, favourite: true, lunch: 60, added: at(2026, 9, 1, 9))
    let zoe = try contact("Zoë Ångström", "Acme", tier: .b, added: at(2026, 9, 1, 9))
    let li = try contact("李小龙", "Globex", tier: .c, added: at(2026, 11, 1, 9))
    let jose = try contact("José 👋", nil, tier: nil, added: at(2026, 11, 1, 9))
    _ = try contact("Mallory\u{1B}[31m \u{202E}evil", "Globex", tier: nil, added: at(2026, 11, 1, 9))
    try store.addMeeting(MeetingDraft(title: "Acme kickoff", startsAt: at(2026, 11, 20, 10), place: "HQ",
                                      attendees: People(existingIDs: [dana.id!, zoe.id!])), now: at(2026, 11, 19, 9))
    try store.addMeeting(MeetingDraft(title: "Globex pitch", startsAt: at(2026, 11, 26, 15),
                                      attendees: People(existingIDs: [li.id!])), now: at(2026, 11, 19, 9))
    try store.addFollowUp(title: "Send the pricing deck", people: People(existingIDs: [dana.id!]), day: day(2026, 11, 24),
                          time: LocalTime(hour: 16, minute: 0), now: at(2026, 11, 19, 9), calendar: berlin)
    try store.addFollowUp(title: "Intro José to finance", people: People(existingIDs: [jose.id!]), day: day(2026, 11, 21),
                          now: at(2026, 11, 19, 9), calendar: berlin)
    try store.logInteraction(kind: .call, title: "Renewal terms", contactIDs: [dana.id!], at: at(2026, 11, 18, 11), now: at(2026, 11, 18, 11))
    return store
}

func makeApp(_ store: RapportStore? = nil, width: Int = 80, height: Int = 24, clock: TestClock = TestClock(tuesday)) throws -> RapportApp {
    try RapportApp(store: store ?? sampleBook(), clock: clock, calendar: berlin, width: width, height: height)
}

extension RapportApp {
    func press(_ keys: Key...) {
        for key in keys { handle(.key(key)) }
    }

    func type(_ text: String) {
        for character in text { handle(.key(.character(character))) }
    }
}

/// Compares a screen with its stored snapshot (`Snapshots/NAME.txt`);
/// RECORD_SNAPSHOTS=1 writes the snapshot instead.
func assertSnapshot(_ screen: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let text = screen.text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
        try text.write(to: url, atomically: true, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != "1" {
            Issue.record("recorded a new snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    let stored = try String(contentsOf: url, encoding: .utf8)
    #expect(text == stored, "screen \(name) differs from its snapshot:\n\(text)", sourceLocation: sourceLocation)
}
