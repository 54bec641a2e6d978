import ArgumentParser
import Foundation
import RapportCore

struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "List contacts: name, account, tier, last touch, next touch due."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only this tier: A, B or C.")
    var tier: String?

    @Option(help: "Only contacts with this tag.")
    var tag: String?

    @Option(help: "Only this account's team.")
    var account: String?

    @Flag(help: "Only contacts past their stay-in-touch cadence.")
    var cold = false

    @Flag(help: "Only favourites.")
    var favourites = false

    @Option(help: "Only names containing this.")
    var search: String?

    @Flag(help: "Archived contacts (hidden otherwise).")
    var archived = false

    @Flag(help: "Print the list as JSON.")
    var json = false

    func validate() throws {
        if let tier, Tier(text: tier) == nil { throw ValidationError("--tier must be A, B or C, not '\(tier)'") }
    }

    func run() throws {
        let context = CommandContext(store)
        guard let database = try store.openForReading() else {
            if json { try printJSON([String]()) } else if OutputStyle.detect().isTerminal { say("No contacts yet: rapport contact add \"Dana Ruiz\"") }
            return
        }
        let rows = try reporting {
            let scheduler = Scheduler(rules: try database.rules(), calendar: context.calendar)
            var filter = ContactFilter(tier: tier.flatMap(Tier.init(text:)), tag: tag, account: account, cold: cold,
                                       favourites: favourites, search: search)
            filter.archived = archived
            return try database.contactList(filter, now: context.now, scheduler: scheduler)
        }
        if json {
            struct Item: Encodable {
                var id: Int64, name: String, account: String?, tier: String?, favourite: Bool
                var emails: [String], tags: [String], lastTouch: String?, touchDue: String?, cadenceDays: Int?
            }
            try printJSON(rows.map { row in
                Item(id: row.contact.id!, name: row.contact.name, account: row.accountName, tier: row.contact.tier?.rawValue,
                     favourite: row.contact.isFavourite, emails: row.emails,
                     tags: row.tags, lastTouch: row.lastTouch.map { AgendaText.iso(.instant($0), calendar: context.calendar) },
                     touchDue: row.touchDue?.iso, cadenceDays: row.cadence)
            })
            return
        }
        let table = rows.map { row -> [String] in
            let since = row.lastTouch.map { ago($0, context) } ?? "never"
            let due = row.touchDue.map { DateText.relative($0, today: context.today) } ?? ""
            return ["@\(row.contact.id!)", TerminalText.safe(row.contact.name) + (row.contact.isFavourite ? " ★" : ""),
                    TerminalText.safe(row.accountName ?? ""), row.contact.tier?.rawValue ?? "", since, due]
        }
        if rows.isEmpty {
            if OutputStyle.detect().isTerminal { say("No contacts match.") }
            return
        }
        for line in TextTable(header: ["id", "name", "account", "tier", "last touch", "touch due"], rows: table,
                              rightAligned: [4, 5], style: .detect()).lines { say(line) }
    }
}

struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "List accounts: team size, deals, last touch with anyone there."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let context = CommandContext(store)
        let rows = try reporting { try store.openForReading()?.accountList(now: context.now) } ?? []
        if json {
            struct Item: Encodable {
                var id: Int64, name: String, segment: String?, teamSize: Int, openDeals: Int, wonDeals: Int, lastTouch: String?
            }
            try printJSON(rows.map { row in
                Item(id: row.account.id!, name: row.account.name, segment: row.segmentName, teamSize: row.teamSize,
                     openDeals: row.openDeals, wonDeals: row.wonDeals,
                     lastTouch: row.lastTouch.map { AgendaText.iso(.instant($0), calendar: context.calendar) })
            })
            return
        }
        if rows.isEmpty {
            if OutputStyle.detect().isTerminal { say("No accounts yet: rapport contact add \"Dana Ruiz\" --account Acme") }
            return
        }
        let table = rows.map { row in
            [TerminalText.safe(row.account.name), TerminalText.safe(row.segmentName ?? ""), "\(row.teamSize)",
             "\(row.openDeals)", "\(row.wonDeals)",
             row.lastTouch.map { ago($0, context) } ?? "never"]
        }
        for line in TextTable(header: ["account", "segment", "team", "open deals", "won", "last touch"], rows: table,
                              rightAligned: [2, 3, 4, 5], style: .detect()).lines { say(line) }
    }
}
