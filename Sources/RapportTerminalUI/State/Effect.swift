import RapportCore

/// What the update asks the application to do with the book; the
/// controller (`RapportApp`) carries it out and puts the result in the state.
public enum Effect: Hashable, Sendable {
    case reload
    /// A screen's list is about to be shown: read it if it was never read.
    case show(Screen)
    /// Read the report card again for the chosen period.
    case loadReport
    case complete([ItemRef])
    case snooze(ItemRef, String)
    case cancel(ItemRef)
    /// Store the phrase; `newNames` are created as new contacts whatever they look like.
    case quickAdd(String, newNames: [String] = [])
    case previewQuickAdd(String)
    case previewSnooze(String)
    case openContact(Int64)
    case openAccount(Int64)
    /// Read the brief for a meeting, lunch, contact or account.
    case openBrief(BriefSubject)
    /// Read the contact and open the form to edit it.
    case editContact(Int64)
    /// Read a follow-up, meeting, lunch or gift and open the form to edit it.
    case editItem(ItemRef)
    /// Read a logged call, email, message, visit or note and open the form to edit it.
    case editInteraction(Int64)
    /// Delete a logged interaction or a gift (from a card's timeline).
    case deleteEntry(TimelineEntry.Source)
    case submit(Form)
    case undo
    case archiveContact(Int64)
    /// Delete a contact; `withItems`: their open items too (the shell's `--with-items`).
    case deleteContact(Int64, withItems: Bool = false)
    /// Merge the contact named by the text into `keep`.
    case mergeContact(keep: Int64, other: String)
}
