import Foundation
import Testing
@testable import RapportCore

/// Late items made by hand, as the scheduler returns them (most overdue first).
enum LateItems {
    static let now = at(2026, 11, 24, 9)
    static let agenda = Agenda(now: now, today: day(2026, 11, 24), overdue: [], dueToday: [], upcoming: [], horizon: day(2026, 11, 24))

    static func item(_ kind: ItemKind, _ id: Int64, _ title: String, who: [String] = ["Dana Ruiz"], account: String? = "Acme",
                     due: CivilDate, daysLate: Int) -> AgendaItem {
        AgendaItem(ref: ItemRef(kind, id), title: title,
                   contacts: who.enumerated().map { ContactSummary(id: Int64($0.offset + 1), name: $0.element, tier: nil, accountName: account) },
                   account: account, due: .day(due), dueDay: due, overdueDays: daysLate, isOverdue: true, detail: nil)
    }

    static let three = [
        item(.thankYou, 3, "Acme kickoff", due: day(2026, 11, 11), daysLate: 13),
        item(.followUp, 1, "send the pricing deck", due: day(2026, 11, 23), daysLate: 1),
        item(.thankYou, 4, "Acme kickoff", who: ["Lee Park"], due: day(2026, 11, 23), daysLate: 1),
    ]
}

@Suite("overdue --format templates")
struct OverdueTemplateTests {
    func render(_ template: String, _ items: [AgendaItem] = LateItems.three, maxWidth: Int? = nil) throws -> String? {
        try OverdueTemplate(parsing: template).render(items, in: LateItems.agenda, calendar: Zone.berlin, maxWidth: maxWidth)
    }

    @Test("counts by kind and the most overdue item's values fill the fields")
    func fields() throws {
        #expect(try render("{late} late · {thank-you} thank-yous · {follow-up} follow-ups · {gift} gifts")
                == "3 late · 2 thank-yous · 1 follow-ups · 0 gifts")
        #expect(try render("{first.ref} {first.kind}: {first.title} ({first.who}, {first.account}) {first.late}, due {first.due}")
                == "t3 thank-you: Acme kickoff (Dana Ruiz, Acme) 13 d late, due Wed 11 Nov")
    }

    @Test("every kind of the item-kind table is a field, named as --kind names it")
    func everyKindIsAField() throws {
        for kind in ItemKind.allCases {
            let items = [LateItems.item(kind, 1, "x", due: day(2026, 11, 20), daysLate: 4)]
            #expect(try render("{\(kind.rawValue)}/{late}", items) == "1/1")
        }
    }

    @Test("a kind's count answers to its aliases and label from the table of kinds, as --kind does")
    func kindAliases() throws {
        #expect(try render("{late} late · {thanks} thank-yous · {fu} follow-ups · {keep in touch} touches")
                == "3 late · 2 thank-yous · 1 follow-ups · 0 touches")
    }

    @Test("nothing late renders nothing, so a prompt stays clean")
    func nothingLate() throws {
        #expect(try render("{late} late", []) == nil)
        #expect(try render("always", []) == nil)
    }

    @Test("doubled braces are literal braces")
    func braces() throws {
        #expect(try render("{{{late}}}") == "{3}")
    }

    @Test("an unknown field is refused, naming it and the closest field")
    func unknownField() {
        #expect(throws: PhraseError("the template has no field {thankyous}; did you mean {thank-you}?")) {
            try OverdueTemplate(parsing: "{late} late · {thankyous} thank-yous")
        }
        #expect(throws: PhraseError("the template has no field {frist.title}; did you mean {first.title}?")) {
            try OverdueTemplate(parsing: "{frist.title}")
        }
        #expect(throws: PhraseError("the template has no field {zzz}; the fields are "
                                    + OverdueTemplate.fields.map { "{\($0.name)}" }.joined(separator: ", "))) {
            try OverdueTemplate(parsing: "{zzz}")
        }
    }

    @Test("an unclosed or stray brace is refused")
    func strayBraces() {
        #expect(throws: PhraseError("the template has a '{' that is never closed (write '{{' for a brace)")) {
            try OverdueTemplate(parsing: "{late late")
        }
        #expect(throws: PhraseError("the template has a '}' without its '{' (write '}}' for a brace)")) {
            try OverdueTemplate(parsing: "late}")
        }
    }

    @Test("a field name in the error is shown terminal-safe")
    func hostileFieldName() {
        #expect(throws: PhraseError("the template has no field {\u{241B}[2J}; the fields are "
                                    + OverdueTemplate.fields.map { "{\($0.name)}" }.joined(separator: ", "))) {
            try OverdueTemplate(parsing: "{\u{1B}[2J}")
        }
    }

    @Test("stored text with escapes, newlines and bidi overrides renders as visible placeholders on one line")
    func hostileText() throws {
        let items = [LateItems.item(.followUp, 1, "pay\u{1B}]52;c;eA==\u{07}\nnow", who: ["Eve\u{202E}lin"],
                                    due: day(2026, 11, 20), daysLate: 4)]
        let line = try #require(try render("{first.title} {first.who}", items))
        #expect(line == "pay\u{241B}]52;c;eA==\u{2407}\u{2424}now Eve<U+202E>lin")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("--max-width cuts at a grapheme cluster, counting columns, with an ellipsis")
    func maxWidth() throws {
        // "3 late · Acme kickoff" is 21 columns: 10 keeps 9 and adds "…".
        #expect(try render("{late} late · {first.title}", maxWidth: 10) == "3 late · …")
        #expect(try render("{late} late · {first.title}", maxWidth: 21) == "3 late · Acme kickoff")
        // A family emoji (one cluster of five scalars, two columns) and a combining accent are never split.
        let family = "👨‍👩‍👧"
        let items = [LateItems.item(.followUp, 1, "\(family)e\u{301}x", due: day(2026, 11, 20), daysLate: 4)]
        #expect(try render("{first.title}", items, maxWidth: 3) == "\(family)…")
        #expect(try render("{first.title}", items, maxWidth: 2) == "…")
        #expect(try render("{first.title}", items, maxWidth: 4) == "\(family)e\u{301}x")
        // CJK characters are two columns each: 5 columns hold two and the ellipsis.
        let wide = [LateItems.item(.followUp, 1, "山田太郎", due: day(2026, 11, 20), daysLate: 4)]
        #expect(try render("{first.title}", wide, maxWidth: 5) == "山田…")
        #expect(TerminalText.width(try #require(try render("{first.title}", wide, maxWidth: 6))) <= 6)
    }
}

@Suite("Desktop notifications of late items")
struct OverdueNotificationsTests {
    func plan(_ items: [AgendaItem], told: NotificationLog.Day? = nil) -> OverdueNotifications {
        OverdueNotifications(overdue: items, in: LateItems.agenda, calendar: Zone.berlin, told: told)
    }

    @Test("up to three newly late items get one notification each, most overdue first")
    func onePerItem() {
        let result = plan(LateItems.three)
        #expect(result.notifications == [
            DesktopNotification(summary: "Rapport: thank-you late (t3)", body: "Acme kickoff — Dana Ruiz · Acme (13 d late)"),
            DesktopNotification(summary: "Rapport: follow-up late (f1)", body: "send the pricing deck — Dana Ruiz · Acme (1 d late)"),
            DesktopNotification(summary: "Rapport: thank-you late (t4)", body: "Acme kickoff — Lee Park · Acme (1 d late)"),
        ])
        #expect(result.toldToday == [ItemRef(.thankYou, 3), ItemRef(.followUp, 1), ItemRef(.thankYou, 4)])
    }

    @Test("more than three become one summary naming the first three")
    func summary() {
        let four = LateItems.three + [LateItems.item(.gift, 2, "Team basket", due: day(2026, 11, 23), daysLate: 1)]
        let result = plan(four)
        #expect(result.notifications == [DesktopNotification(
            summary: "Rapport: 4 items newly late",
            body: """
                t3 thank-you: Acme kickoff — Dana Ruiz · Acme (13 d late)
                f1 follow-up: send the pricing deck — Dana Ruiz · Acme (1 d late)
                t4 thank-you: Acme kickoff — Lee Park · Acme (1 d late)
                and 1 more: rapport overdue
                """)])
        #expect(result.toldToday.count == 4)
    }

    @Test("an item told today is not told again the same day, but is the next day")
    func onceADay() {
        let told = NotificationLog.Day(day: day(2026, 11, 24), refs: [ItemRef(.thankYou, 3), ItemRef(.followUp, 1)])
        let result = plan(LateItems.three, told: told)
        #expect(result.newlyLate.map(\.ref) == [ItemRef(.thankYou, 4)])
        #expect(result.toldToday == [ItemRef(.thankYou, 3), ItemRef(.followUp, 1), ItemRef(.thankYou, 4)])

        let yesterday = NotificationLog.Day(day: day(2026, 11, 23), refs: [ItemRef(.thankYou, 3), ItemRef(.followUp, 1)])
        #expect(plan(LateItems.three, told: yesterday).newlyLate.count == 3)
        #expect(plan([], told: told).notifications.isEmpty)
    }

    @Test("hostile names reach the notification as letters: no control bytes, no markup")
    func hostileNames() {
        let items = [LateItems.item(.followUp, 9, "<a href=\"x\">pay</a> & go", who: ["Mal\u{1B}[31mory\u{9B}\u{202E}"],
                                    due: day(2026, 11, 20), daysLate: 4)]
        let note = plan(items).notifications[0]
        #expect(note.body == "&lt;a href=\"x\"&gt;pay&lt;/a&gt; &amp; go — Mal\u{241B}[31mory&lt;U+009B&gt;&lt;U+202E&gt; · Acme (4 d late)")
        for scalar in (note.summary + note.body).unicodeScalars where scalar != "\n" {
            #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)))
        }
    }

    @Test("the log lives under XDG_STATE_HOME (or ~/.local/state), and reads back what it wrote")
    func logFile() throws {
        #expect(NotificationLog.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/rapport/notified.json")
        #expect(NotificationLog.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/rapport/notified.json")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rapport/notified.json").path
        let day = NotificationLog.Day(day: day(2026, 11, 24), refs: [ItemRef(.followUp, 1)])
        try NotificationLog.update(at: path) { $0.books["/b.sqlite"] = day }
        #expect(try NotificationLog.current(at: path).books == ["/b.sqlite": day])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: NotificationLogError.self) { try NotificationLog.current(at: path) }
    }
}
