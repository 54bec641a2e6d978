import ArgumentParser
import Foundation
import RapportCore

struct ContactMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a duplicate into the contact to keep: rapport contact merge KEEP OTHER.",
        discussion: """
            All of OTHER's emails, phones, tags, notes, meetings, notes owed, lunches, gifts, follow-ups, \
            interactions and touches move to KEEP; KEEP's empty fields take OTHER's. OTHER is removed and \
            its reference (@12) means KEEP from then on. rapport undo takes the merge back.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The contact to keep (@12, a name, an email).", valueName: "keep"), completion: Completions.contacts) var keep: String
    @Argument(help: ArgumentHelp("The duplicate to merge into it.", valueName: "other"), completion: Completions.contacts) var other: String

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let kept = try lookUpContact(keep, in: database), merged = try lookUpContact(other, in: database)
        if kept.id == merged.id {
            throw CommandFailure("'\(keep)' and '\(other)' are the same contact (@\(kept.id!))", status: CommandFailure.badInput)
        }
        let result = try reporting { try database.mergeContact(merged.id!, into: kept.id!, now: context.now) }
        let moved = result.moved.values.reduce(0, +)
        say("Merged @\(merged.id!) \(TerminalText.safe(result.mergedName)) into @\(kept.id!) \(TerminalText.safe(result.kept.name))"
            + " (\(moved) record\(moved == 1 ? "" : "s") moved\(result.duplicates > 0 ? ", \(result.duplicates) duplicate\(result.duplicates == 1 ? "" : "s") dropped" : ""))")
    }
}

struct ContactArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive a contact: kept with its history, hidden from lists and cadences.",
        discussion: "rapport contacts --archived lists archived contacts; rapport contact unarchive brings one back."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The contact (@12, a name, an email).", valueName: "name"), completion: Completions.contacts) var name: String

    func run() throws {
        try setArchived(true, name: name, store: store)
    }
}

struct ContactUnarchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unarchive",
        abstract: "Bring an archived contact back to the lists and cadences."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The contact (@12, a name, an email).", valueName: "name"), completion: Completions.contacts) var name: String

    func run() throws {
        try setArchived(false, name: name, store: store)
    }
}

/// `contact archive` and `contact unarchive`: one store operation, said in one line.
private func setArchived(_ archived: Bool, name: String, store: StoreOptions) throws {
    let context = CommandContext(store)
    let database = try store.openForWriting()
    let contact = try lookUpContact(name, in: database)
    try reporting { try database.setArchived(archived, contact: contact.id!, now: context.now) }
    say((archived ? "Archived" : "Unarchived") + " @\(contact.id!) \(TerminalText.safe(contact.name))"
        + (archived ? " (hidden from lists and cadences)" : ""))
}

struct ContactDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a contact and what was only theirs.",
        discussion: """
            On a terminal it asks first; in scripts pass --yes. It refuses while the contact has open \
            items (follow-ups, notes owed, lunches, gifts, meetings to come) unless --with-items. \
            rapport undo takes the deletion back.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The contact (@12, a name, an email).", valueName: "name"), completion: Completions.contacts) var name: String
    @Flag(help: "Do not ask (needed when not on a terminal).") var yes = false
    @Flag(help: "Delete their open items too.") var withItems = false

    func run() throws {
        let context = CommandContext(store)
        let database = try store.openForWriting()
        let contact = try lookUpContact(name, in: database)
        let open = try reporting { try database.openItems(ofContact: contact.id!, now: context.now) }
        if !open.isEmpty && !withItems {
            throw CommandFailure("\(contact.name) has open items (\(open.refs.map(\.description).joined(separator: ", "))); "
                                 + "close them first, or add --with-items", status: CommandFailure.badInput)
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure("deleting @\(contact.id!) \(contact.name) needs --yes when not on a terminal", status: CommandFailure.badInput)
            }
            let items = open.isEmpty ? "" : " and \(open.refs.count) open item\(open.refs.count == 1 ? "" : "s")"
            FileHandle.standardError.write(Data("Delete @\(contact.id!) \(TerminalText.safe(contact.name))\(items)? [y/N] ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                say("Nothing deleted.")
                return
            }
        }
        let deletion = try reporting { try database.deleteContact(contact.id!, withItems: withItems, now: context.now) }
        let items = deletion.itemsDeleted.isEmpty ? "" : " with \(deletion.itemsDeleted.joined(separator: ", "))"
        say("Deleted @\(contact.id!) \(TerminalText.safe(deletion.name))\(items) (rapport undo brings it back)")
    }
}
