import ArgumentParser
import RapportCore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a logged call, email, message, visit or note (i5) or a gift (g2), with the touches it made.",
        discussion: "rapport undo brings it back. Contacts: rapport contact delete; items: rapport cancel."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("What to delete: i5 (as rapport log prints it) or g2.", valueName: "ref")) var target: String

    func validate() throws {
        guard InteractionRef(parsing: target) != nil || (try? ItemRef(parsing: target))?.kind == .gift else {
            throw ValidationError("'\(target)' is not a logged interaction (i5) or a gift (g2); items are called off with rapport cancel")
        }
    }

    func run() throws {
        let database = try store.openForWriting()
        if let logged = InteractionRef(parsing: target) {
            let interaction = try reporting { try database.deleteInteraction(id: logged.id) }
            say("Deleted \(logged) \(interaction.kind.rawValue) \"\(TerminalText.safe(interaction.title))\" (rapport undo brings it back)")
        } else {
            let ref = try ItemRef(parsing: target)
            let gift = try reporting { try database.deleteGift(id: ref.id) }
            say("Deleted \(ref) gift \"\(TerminalText.safe(gift.description))\" (rapport undo brings it back)")
        }
    }
}
