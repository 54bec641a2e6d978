import Foundation
import Testing
@testable import RapportCore
@testable import RapportTerminalUI

/// The front end's last part of issue 14: lines cut with an ellipsis, the
/// tab bar, segments managed from their screen, a card's timeline searched
/// and its entries edited.
@Suite("Front end, finished")
struct FinishedFrontEndTests {
    @Test("text cut at the edge ends with …, never chopped; several spans of a line are cut as one line")
    func cutWithEllipsis() {
        var buffer = ScreenBuffer(width: 12, height: 2)
        buffer.put("follow-ups overdue", x: 0, y: 0)
        #expect(buffer.line(0) == "follow-ups …")
        // Spans that together overflow, the cut falling exactly after a whole span: "…" still says so.
        let used = buffer.put(spans: [("held 1", [], .normal), (" · ", [], .muted), ("sent 12", [.bold], .normal)], x: 0, y: 1, limit: 9)
        #expect(buffer.line(1) == "held 1 ·…" && used == 9)
        // Spans that fit are drawn whole, each in its style.
        var fits = ScreenBuffer(width: 12, height: 1)
        fits.put(spans: [("due 2", [.bold], .normal), (" ▲2", [], .muted)], x: 0, y: 0, limit: 12)
        #expect(fits.line(0) == "due 2 ▲2" && fits[0, 0].style == [.bold] && fits[6, 0].tint == .muted)
        // A wide character that does not fit whole gives way to the "…".
        var wide = ScreenBuffer(width: 4, height: 1)
        wide.put("ab李小龙", x: 0, y: 0)
        #expect(wide.line(0) == "ab…")
    }

    @Test("every line of every screen at 80×24 that is cut ends with …: the report's figures too")
    func reportAt80() throws {
        let app = try makeApp(reportBook(), width: 80, height: 24)
        app.press(.character("4"))
        let lines = app.screen.text.components(separatedBy: "\n")
        let followUps = try #require(lines.first { $0.hasPrefix(" Follow-ups") })
        #expect(followUps.hasSuffix("…") && TerminalText.width(followUps) <= 79, "\(followUps)")
        // Wider, the same line is whole.
        let wide = try makeApp(reportBook(), width: 120, height: 40)
        wide.press(.character("4"))
        #expect(wide.screen.text.contains("snoozed 0 (0×)"))
    }
}
