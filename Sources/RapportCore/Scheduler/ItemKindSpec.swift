import Foundation
import GRDB

/// One row per kind of agenda item: its reference prefix, its names, what
/// its reference points at, and how it completes, cancels and snoozes.
/// References, `--kind`, JSON, screens, help, `done`, `cancel` and `snooze`
/// read this table; a new kind is a new case of `ItemKind` and a new row.
public struct ItemKindSpec: Sendable {
    public let kind: ItemKind
    /// The letters of its references: `t` in `t3`.
    public let prefix: String
    /// Its name on screens and in lists ("keep in touch"). In `--kind` and
    /// JSON its name is `kind.rawValue` ("stay-in-touch"); both are accepted,
    /// and so are the aliases.
    public let label: String
    public let aliases: [String]
    /// The table its reference's number points into.
    let table: String
    /// What `snooze` does to it.
    public let snooze: Snooze
    /// What `done` does, in one line for help.
    public let doneMeans: String
    /// Whether `done` applies (a meeting is not done: it happens).
    public var canBeDone: Bool { kind != .meeting }
    /// What `cancel` does, in one line for help.
    public let cancelMeans: String
    let complete: @Sendable (_ ref: ItemRef, _ now: Date, _ calendar: LocalCalendar, _ db: Database) throws -> Completion
    let cancel: @Sendable (_ ref: ItemRef, _ reason: String?, _ now: Date, _ db: Database) throws -> ItemChange

    public enum Snooze: Sendable {
        /// Its own due date moves (day and time); the first stays for the record.
        case movesDueDate
        /// The appointment itself moves to the day given (at the time given,
        /// or the time it had); the operation says where it went.
        case moves(@Sendable (_ ref: ItemRef, _ day: CivilDate, _ time: LocalTime?, _ calendar: LocalCalendar, _ db: Database) throws -> String)
        /// It is hidden until the day given, then due that day.
        case putsOff
        /// It cannot be put off; the reason says what to do instead.
        case refused(String)
    }

    /// The table, in the order of `ItemKind`'s cases.
    static let table: [ItemKindSpec] = [
        ItemKindSpec(kind: .thankYou, prefix: "t", label: "thank-you", aliases: ["thanks", "thank-you-note"],
                     table: "thankYouNote", snooze: .putsOff,
                     doneMeans: "marks the note sent", cancelMeans: "waives the note",
                     complete: RapportStore.completeThankYou, cancel: RapportStore.cancelThankYou),
        ItemKindSpec(kind: .followUp, prefix: "f", label: "follow-up", aliases: ["fu", "followup"],
                     table: "followUp", snooze: .movesDueDate,
                     doneMeans: "marks it done (a repeating one gets its next date)", cancelMeans: "cancels it (a repeating one stops)",
                     complete: RapportStore.completeFollowUpItem, cancel: RapportStore.cancelFollowUp),
        ItemKindSpec(kind: .prep, prefix: "p", label: "prepare", aliases: ["preparation", "research"],
                     table: "meeting", snooze: .putsOff,
                     doneMeans: "marks the meeting prepared", cancelMeans: "dismisses the preparation",
                     complete: RapportStore.completePreparation, cancel: RapportStore.dismiss),
        ItemKindSpec(kind: .gift, prefix: "g", label: "gift", aliases: [],
                     table: "gift", snooze: .putsOff,
                     doneMeans: "marks the gift sent", cancelMeans: "drops the planned gift",
                     complete: RapportStore.completeGift, cancel: RapportStore.cancelGift),
        ItemKindSpec(kind: .giftSuggestion, prefix: "gd", label: "gift due", aliases: ["team-gift", "suggested-gift"],
                     table: "deal", snooze: .putsOff,
                     doneMeans: "records a gift sent to the account's team", cancelMeans: "dismisses the suggestion",
                     complete: RapportStore.completeGiftSuggestion, cancel: RapportStore.dismiss),
        ItemKindSpec(kind: .lunchDue, prefix: "ld", label: "lunch due", aliases: [],
                     table: "contact", snooze: .putsOff,
                     doneMeans: "logs a lunch held now", cancelMeans: "(change the contact's --lunch-every instead)",
                     complete: RapportStore.completeLunchDue, cancel: RapportStore.refuseCadenceCancel),
        ItemKindSpec(kind: .stayInTouch, prefix: "s", label: "keep in touch", aliases: ["touch", "cadence"],
                     table: "contact", snooze: .putsOff,
                     doneMeans: "logs a touch now", cancelMeans: "(change the contact's --every instead)",
                     complete: RapportStore.completeStayInTouch, cancel: RapportStore.refuseCadenceCancel),
        ItemKindSpec(kind: .birthday, prefix: "b", label: "birthday", aliases: ["birthday-card", "card"],
                     table: "contact", snooze: .putsOff,
                     doneMeans: "records this year's card sent", cancelMeans: "skips this year's card",
                     complete: RapportStore.completeBirthday, cancel: RapportStore.skipBirthday),
        ItemKindSpec(kind: .anniversary, prefix: "a", label: "anniversary", aliases: ["anniversary-card"],
                     table: "contact", snooze: .putsOff,
                     doneMeans: "records this year's anniversary card sent", cancelMeans: "skips this year's anniversary card",
                     complete: RapportStore.completeAnniversary, cancel: RapportStore.skipAnniversary),
        ItemKindSpec(kind: .meeting, prefix: "m", label: "meeting", aliases: [],
                     table: "meeting", snooze: .refused("an appointment: move it with rapport edit REF --at …"),
                     doneMeans: "(a meeting is not done, it happens)", cancelMeans: "calls the meeting off",
                     complete: RapportStore.refuseMeetingDone, cancel: RapportStore.cancelMeeting),
        ItemKindSpec(kind: .lunch, prefix: "l", label: "lunch", aliases: [],
                     table: "lunch", snooze: .moves(RapportStore.moveLunch),
                     doneMeans: "marks the lunch held", cancelMeans: "calls the lunch off",
                     complete: RapportStore.completeLunch, cancel: RapportStore.cancelLunch),
    ]

    /// "f12, t3, p5, …" for messages.
    static var examples: String {
        zip(table, [12, 3, 5, 4, 4, 7, 7, 7, 7, 5, 2]).map { "\($0.prefix)\($1)" }.joined(separator: ", ")
    }
}

extension RapportStore {
    /// Throws when the thing a reference points at does not exist.
    static func requireItem(_ ref: ItemRef, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(ref.kind.spec.table) WHERE id = ?)", arguments: [ref.id]) == true else {
            throw StoreError.notFound("no \(ref.kind.label) \(ref)")
        }
    }
}

// Each record that is an agenda item knows its reference, so no one writes a prefix by hand.
extension ThankYouNote { public var ref: ItemRef { ItemRef(.thankYou, id ?? 0) } }
extension FollowUp { public var ref: ItemRef { ItemRef(.followUp, id ?? 0) } }
extension Meeting { public var ref: ItemRef { ItemRef(.meeting, id ?? 0) } }
extension Lunch { public var ref: ItemRef { ItemRef(.lunch, id ?? 0) } }
extension Gift { public var ref: ItemRef { ItemRef(.gift, id ?? 0) } }
