import ArgumentParser
import Foundation
import RapportCore
import RapportTerminalUI

struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen daily session (what `rapport` with no command does).",
        discussion: """
            The agenda first (late, today, the coming week), then contacts and accounts. ? lists every key. \
            Colours follow the terminal's palette; NO_COLOR turns them off. Another shell's rapport add \
            shows up within a second.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        do {
            try NcursesTerminal.checkAvailable()
        } catch {
            throw CommandFailure("\(error)", status: CommandFailure.failed)
        }
        let database = try store.openForWriting()
        let colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(useColour: colour)
        } catch {
            throw CommandFailure("\(error)", status: CommandFailure.failed)
        }
        defer { terminal.end() }
        let (width, height) = terminal.size
        let app: RapportApp
        do {
            // After the terminal set the locale: its character set decides the charts' characters.
            let blocks = Chart.canDrawBlocks(environment: ProcessInfo.processInfo.environment, codeset: localeCodeset())
            app = try RapportApp(store: database, clock: store.clock, calendar: store.calendar, width: width, height: height,
                                 useColour: colour, drawsBlocks: blocks, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure(error) // the deferred end() gives the terminal back first
        }
        terminal.draw(app.screen)
        var lastTick = Date()
        while app.isRunning && terminationRequested == 0 {
            if let event = terminal.nextEvent() {
                app.handle(event)
                terminal.draw(app.screen)
            }
            // Every half second: other processes' writes, and midnight.
            if Date().timeIntervalSince(lastTick) >= 0.5 {
                lastTick = Date()
                if app.tick() { terminal.draw(app.screen) }
            }
        }
    }
}
