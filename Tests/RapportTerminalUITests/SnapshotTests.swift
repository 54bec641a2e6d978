import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// Every screen at three sizes, read back as text and compared with the
/// stored snapshots.
@Suite("Screens")
struct SnapshotTests {
    static let sizes = [(80, 24), (40, 10), (160, 50)]

    @Test("each screen at 80×24, 40×10 and 160×50", arguments: sizes.map { "\($0.0)x\($0.1)" })
    func screens(size: String) throws {
        let parts = size.split(separator: "x").map { Int($0)! }
        let app = try makeApp(width: parts[0], height: parts[1])
        try assertSnapshot(app.screen, named: "agenda-\(size)")
        app.press(.character("2"))
        try assertSnapshot(app.screen, named: "contacts-\(size)")
        app.press(.enter)
        try assertSnapshot(app.screen, named: "contact-card-\(size)")
        app.press(.character("3"))
        try assertSnapshot(app.screen, named: "accounts-\(size)")
        app.press(.enter)
        try assertSnapshot(app.screen, named: "account-card-\(size)")
        app.press(.character("?"))
        try assertSnapshot(app.screen, named: "help-\(size)")
        app.press(.escape, .escape, .character("1"), .character("m"))
        try assertSnapshot(app.screen, named: "meeting-form-\(size)")
        app.press(.escape, .character("a"))
        app.type("lunch with Dana fri 12:30 at Nobu")
        try assertSnapshot(app.screen, named: "quick-add-\(size)")
    }

    @Test("the report card and the segments at 80×24 and 120×40, with block characters and in ASCII",
          arguments: ["80x24", "120x40", "80x24-ascii"])
    func reportScreens(size: String) throws {
        let parts = size.split(separator: "-")[0].split(separator: "x").map { Int($0)! }
        let app = try makeApp(reportBook(), width: parts[0], height: parts[1])
        if size.hasSuffix("ascii") { app.state.drawsBlocks = false }
        app.press(.character("4"))
        try assertSnapshot(app.screen, named: "report-\(size)")
        app.press(.character("j"), .character("j"), .character("j"), .character("j"), .character("j"))
        try assertSnapshot(app.screen, named: "report-scrolled-\(size)")
        app.press(.character("5"))
        try assertSnapshot(app.screen, named: "segments-\(size)")
        app.press(.character("j"))
        try assertSnapshot(app.screen, named: "segments-second-\(size)")
        // Every character drawn is ASCII when blocks cannot be shown (names aside).
        if size.hasSuffix("ascii") {
            let drawn = app.screen.text.replacingOccurrences(of: "Zoë Ångström", with: "").replacingOccurrences(of: "李小龙", with: "")
            #expect(drawn.unicodeScalars.allSatisfy { $0.isASCII || "·–€…".unicodeScalars.contains($0) }, "\(drawn)")
        }
    }

    @Test("the report and the segments at 40×10 and with an empty book")
    func reportSmallAndEmpty() throws {
        let small = try makeApp(reportBook(), width: 40, height: 10)
        small.press(.character("4"))
        #expect(small.screen.text.contains("Report card"))
        small.press(.character("5"))
        #expect(small.screen.text.contains("Segments"))
        let empty = try makeApp(RapportStore.inMemory(), width: 80, height: 24)
        empty.press(.character("4"))
        #expect(empty.screen.text.contains("touches 0"))
        empty.press(.character("5"))
        #expect(empty.screen.text.contains("No segments yet"))
    }

    @Test("below the minimum size the screen asks to be enlarged")
    func tooSmall() throws {
        let app = try makeApp(width: 30, height: 8)
        #expect(app.screen.text.contains("Enlarge the window:"))
        #expect(app.screen.text.contains("this is 30×8."))
        app.handle(.resize(width: 80, height: 24))
        #expect(app.screen.text.contains("Overdue · "))
    }

    @Test("wide, combining and emoji names keep the columns aligned")
    func alignment() throws {
        let app = try makeApp(width: 80, height: 24)
        app.press(.character("2"))
        let lines = app.screen.text.components(separatedBy: "\n")
        let rows = lines.filter { $0.contains("Acme") || $0.contains("Globex") }
        let accountColumns = rows.map { line -> Int in
            let prefix = line.components(separatedBy: line.contains("Acme") ? "Acme" : "Globex")[0]
            return TerminalText.width(prefix)
        }
        #expect(Set(accountColumns).count == 1, "\(rows)")
    }

    @Test("escape sequences and bidi overrides in names are shown as placeholders")
    func hostileText() throws {
        let app = try makeApp(width: 100, height: 30)
        app.press(.character("2"))
        let screen = app.screen
        #expect(screen.text.contains("Mallory␛[31m <U+202E>evil"))
        for cell in screen.cells {
            for scalar in cell.character.unicodeScalars {
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value) && scalar.value != 0x202E)
            }
        }
    }
}
