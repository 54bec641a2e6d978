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

/// The sample book with what the report and the segments show: segments
/// rated and assigned, deals closed each way, thank-you notes sent, a lunch
/// and gifts with costs, a contact long untouched.
func reportBook() throws -> RapportStore {
    let store = try sampleBook()
    let added = at(2026, 9, 1, 9)
    let accounts = try store.accountList(now: tuesday).reduce(into: [String: Int64]()) { $0[$1.account.name] = $1.account.id! }
    let initech = try store.addAccount(named: "Initech", now: added)
    let logistics = try store.addSegment(named: "Mid-size logistics, DACH",
                                         ratings: SegmentRatings(attractiveness: 5, competitiveness: 4, appealToBuyers: 4), now: added)
    let banks = try store.addSegment(named: "Regional banks, Nordics",
                                     ratings: SegmentRatings(attractiveness: 4, competitiveness: 2, appealToBuyers: 2), now: added)
    let retail = try store.addSegment(named: "Retail chains, Benelux",
                                      ratings: SegmentRatings(attractiveness: 2, competitiveness: 4, appealToBuyers: 3), now: added)
    try store.addSegment(named: "Start-ups, Berlin", now: added)
    try store.assign(accountIDs: [accounts["Acme"]!], toSegment: logistics.id, now: added)
    try store.assign(accountIDs: [accounts["Globex"]!], toSegment: banks.id, now: added)
    try store.assign(accountIDs: [initech.id!], toSegment: retail.id, now: added)
    let omar = try store.addContact(ContactDraft(contact: Contact(name: "Omar Haddad", tier: .a, createdAt: at(2026, 6, 1, 9)),
                                                 accountName: "Initech"))
    try store.logInteraction(kind: .call, title: "Intro", contactIDs: [omar.id!], at: at(2026, 7, 1, 10), now: at(2026, 7, 1, 10))
    let ids = try store.contactList(ContactFilter(), now: tuesday, scheduler: Scheduler(calendar: berlin))
        .reduce(into: [String: Int64]()) { $0[$1.contact.name] = $1.contact.id! }
    for (week, name) in [(1, "Dana Ruiz"), (2, "Zoë Ångström"), (3, "Dana Ruiz"), (5, "李小龙"), (6, "Dana Ruiz"), (8, "Zoë Ångström")] {
        let when = tuesday.addingTimeInterval(-Double(week * 7 + 1) * 86_400)
        try store.logInteraction(kind: .email, title: "Check-in", contactIDs: [ids[name]!], at: when, now: when)
    }
    try store.addLunch(guestIDs: [ids["Dana Ruiz"]!], startsAt: at(2026, 11, 13, 12, 30), state: .held,
                       cost: Money(minorUnits: 8450, currency: "EUR"), now: at(2026, 11, 13, 14))
    try store.addGift(Gift(occasion: "thanks", description: "Book", costMinorUnits: 3500, currency: "EUR", state: .sent,
                           sentOn: day(2026, 11, 16), createdAt: at(2026, 11, 16, 10)), recipientIDs: [ids["Zoë Ångström"]!])
    let won = try store.addDeal(accountID: accounts["Acme"]!, title: "Fleet", now: at(2026, 10, 1, 9))
    try store.closeDeal(id: won.id!, as: .won, on: day(2026, 11, 10))
    let notAFit = try store.addDeal(accountID: accounts["Globex"]!, title: "Pilot", now: at(2026, 10, 1, 9))
    try store.closeDeal(id: notAFit.id!, as: .notAFit, on: day(2026, 11, 12))
    try store.addDeal(accountID: initech.id!, title: "Stores", now: at(2026, 10, 1, 9))
    let notes = try store.thankYouNotes(ofMeeting: 1)
    try store.markThankYouSent(id: notes[0].id!, channel: .email, at: at(2026, 11, 20, 17))
    return store
}

/// The screen's styles as text, one letter a cell, beside its characters:
/// `.` plain, `a` accent, `L` late, `t` today, `m` muted, `s` success;
/// upper case is bold; `#` is the reversed (selected) row. RECORD_SNAPSHOTS=1
/// writes the snapshot instead.
func assertSnapshot(styles screen: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var text = screen.text + "\n"
    for y in 0..<screen.height {
        var line = ""
        for x in 0..<screen.width {
            let cell = screen[x, y]
            if cell.style.contains(.reverse) { line += "#"; continue }
            let letter: String
            switch cell.tint {
            case .normal: letter = "."
            case .accent: letter = "a"
            case .late: letter = "L"
            case .today: letter = "t"
            case .muted: letter = "m"
            case .success: letter = "s"
            }
            line += cell.style.contains(.bold) ? letter.uppercased() : letter
        }
        text += line + "\n"
    }
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
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
