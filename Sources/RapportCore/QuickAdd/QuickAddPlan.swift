import Foundation

/// A quick-add entry resolved against the book and checked: everything
/// needed to store it, nothing stored yet. `--dry-run` and the front end's
/// live preview show a plan; `RapportStore.perform` stores it.
public struct QuickAddPlan: Sendable, Equatable {
    public var entry: QuickAddEntry
    /// The title as it will be stored ("Call" for a call without words).
    public var title: String
    public var people: People
    /// Names of the people, existing ones by their stored name, in order.
    public var peopleNames: [String]
    public var account: AccountChoice?
    /// The day it is due, held or to be sent by.
    public var day: CivilDate?
    /// The exact instant, for timed entries.
    public var instant: Date?
    /// For a thank-you: the notes already owed that it marks sent (the
    /// people without one get a new note).
    public var notesToMark: [ThankYouNote] = []

    /// An account named by `#`, existing or to be created.
    public enum AccountChoice: Sendable, Equatable {
        case existing(id: Int64, name: String)
        case new(name: String)

        public var name: String {
            switch self {
            case .existing(_, let name), .new(let name): return name
            }
        }
    }

    /// What will be stored, in one line: `follow-up "Send the deck" with Dana
    /// Ruiz, Lee Park (new) · Acme, due Fri 27 Nov 12:30`.
    /// Once stored, `created` gives new contacts' ids: "Lee Park (new @3)".
    public func description(calendar: LocalCalendar, today: CivilDate, created: [Contact] = []) -> String {
        if entry.kind == .thanks, !notesToMark.isEmpty {
            let marked = Set(notesToMark.map(\.contactID))
            var text = "sent " + notesToMark.map { note in
                let name = people.existingIDs.firstIndex(of: note.contactID).map { peopleNames[$0] } ?? "@\(note.contactID)"
                return "\(note.ref) to \(name)"
            }.joined(separator: ", ")
            let others = people.existingIDs.enumerated().filter { !marked.contains($0.element) }.map { peopleNames[$0.offset] }
                + people.newNames
            if !others.isEmpty {
                text += "; a new thank-you to " + others.joined(separator: ", ") + (day.map { ", due " + DateText.day($0, relativeToYear: today.year) } ?? "")
            }
            return "thank-you notes " + text
        }
        var text = QuickAddPlan.label(entry.kind)
        if !(entry.kind == .lunch && title == "Lunch"), !title.isEmpty { text += " \"" + title + "\"" }
        if !peopleNames.isEmpty {
            let newNames = Set(people.newNames)
            let newIDs = Dictionary(created.map { ($0.name, $0.id!) }, uniquingKeysWith: { first, _ in first })
            text += (entry.kind == .gift ? " for " : entry.kind == .thanks ? " to " : " with ")
                + peopleNames.map { name in
                    guard newNames.contains(name) else { return name }
                    return newIDs[name].map { "\(name) (new @\($0))" } ?? "\(name) (new)"
                }.joined(separator: ", ")
        }
        if let account {
            if case .new = account { text += " · \(account.name) (new account)" } else { text += " · \(account.name)" }
        }
        if let place = entry.place { text += " at \(place)" }
        if let cost = entry.cost { text += ", \(cost)" }
        if let when = whenText(calendar: calendar, today: today) { text += ", " + when }
        if let recurrence = entry.recurrence { text += ", repeats \(recurrence.phrase)" }
        return text
    }

    /// The line that says what storing the plan did, for the shell and the
    /// front end alike: "Added f3 follow-up …", "Logged note …", "Thank-you
    /// notes sent t1 to Jürgen Müller (t4)".
    public func summary(of outcome: QuickAddOutcome, calendar: LocalCalendar, now: Date) -> String {
        let today = calendar.day(of: now)
        let refs = outcome.refs.map(\.description).joined(separator: " ")
        let described = description(calendar: calendar, today: today, created: outcome.createdContacts)
        if entry.kind == .note { return "Logged " + described }
        if !outcome.markedSent.isEmpty {
            return described.prefix(1).uppercased() + described.dropFirst() + (refs.isEmpty ? "" : " (\(refs))")
        }
        var line = "Added \(refs) " + described
        if entry.kind == .meeting, !outcome.thankYouNotes.isEmpty, let instant {
            let count = outcome.thankYouNotes.count
            let notes = count == 1 ? "1 thank-you note" : "\(count) thank-you notes"
            line += instant <= now
                ? "; \(notes) owed: " + outcome.thankYouNotes.map { $0.ref.description }.joined(separator: " ")
                : "; \(notes) owed after it"
        }
        return line
    }

    private func whenText(calendar: LocalCalendar, today: CivilDate) -> String? {
        let date: String
        if let instant {
            date = DateText.due(.instant(instant), in: calendar, relativeToYear: today.year)
        } else if let day {
            date = DateText.day(day, relativeToYear: today.year)
        } else {
            return entry.kind == .lunch ? "no date yet" : nil
        }
        switch entry.kind {
        case .followUp, .call, .email, .thanks: return "due " + date
        case .gift: return "send by " + date
        case .note: return "on " + date
        case .meeting, .lunch: return date
        }
    }

    static func label(_ kind: QuickAddKind) -> String {
        switch kind {
        case .followUp, .call, .email: return "follow-up"
        case .meeting: return "meeting"
        case .lunch: return "lunch"
        case .thanks: return "thank-you"
        case .gift: return "gift"
        case .note: return "note"
        }
    }
}

/// What storing a quick-add did.
public struct QuickAddOutcome: Sendable, Equatable {
    /// The stored item(s): `f12`, `m3`, `l2`, `g4`; one `t` per person for thanks.
    public var refs: [ItemRef]
    /// Interaction id, for a note.
    public var noteID: Int64?
    public var createdContacts: [Contact]
    public var createdAccount: Account?
    /// Thank-you notes the entry made owed (a meeting in the past owes them now).
    public var thankYouNotes: [ThankYouNote]
    /// Notes already owed that a thank-you marked sent.
    public var markedSent: [ItemRef] = []
}
