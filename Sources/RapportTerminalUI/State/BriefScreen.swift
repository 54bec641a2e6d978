import Foundation
import RapportCore

/// The brief shown on the Brief screen: what it is about and, once read, the brief.
public struct BriefScreenState: Hashable, Sendable {
    public var subject: BriefSubject
    public var brief: Brief?

    public init(subject: BriefSubject, brief: Brief? = nil) {
        self.subject = subject
        self.brief = brief
    }

    /// The meeting whose preparation `e` and `d` act on.
    public var meetingID: Int64? {
        if case .meeting(let id) = subject { return id }
        return nil
    }
}

/// The keys of the Brief screen, apart from Update's main switch.
enum BriefKeys {
    /// The brief an agenda item opens: a "prepare" item or a meeting its
    /// meeting's, a lunch its lunch's; nil for the other kinds.
    static func subject(of item: AgendaItem) -> BriefSubject? {
        switch item.kind {
        case .prep, .meeting: return .meeting(item.ref.id)
        case .lunch: return .lunch(item.ref.id)
        default: return nil
        }
    }

    static func open(_ subject: BriefSubject, state: inout AppState) -> [Effect] {
        state.stack.append(.brief(subject))
        state.scroll = 0
        if state.briefScreen?.subject != subject { state.briefScreen = BriefScreenState(subject: subject) }
        return [.openBrief(subject)]
    }

    /// `e`: a form with the prep notes typed so far.
    static func editPrep(state: inout AppState) -> [Effect] {
        guard let id = state.briefScreen?.meetingID else {
            state.message = Message(text: "Prep notes belong to a meeting; this brief is not for one", isError: true)
            return []
        }
        state.form = Form(kind: .prepNotes(id), title: "Prep notes for \(state.briefScreen?.brief?.title ?? "m\(id)") (empty clears)",
                          fields: [Forms.field("prep", "Prep notes", state.briefScreen?.brief?.prep?.notes ?? "", hint: "what to ask, what to bring")])
        return []
    }

    /// `d`: the preparation is done (the report's "prepared beforehand" counts it).
    static func markPrepared(state: inout AppState) -> [Effect] {
        guard let id = state.briefScreen?.meetingID else {
            state.message = Message(text: "Only a meeting's preparation is marked done", isError: true)
            return []
        }
        if let done = state.briefScreen?.brief?.prep?.doneAt {
            state.message = Message(text: "Already prepared, \(Renderer.ago(done, state))", isError: false)
            return []
        }
        return [.complete([ItemRef(.prep, id)])]
    }
}

extension RapportApp {
    func loadBrief(_ subject: BriefSubject) -> Outcome {
        do {
            return .brief(BriefScreenState(subject: subject, brief: try store.brief(for: subject, now: state.now, calendar: state.calendar)))
        } catch {
            return .failed("Could not read the brief: \(error)")
        }
    }

    /// The prep form: the notes replace those typed before (empty clears them).
    func submitPrepNotes(_ form: Form, meetingID: Int64) throws -> [Outcome] {
        try recorded("prep notes m\(meetingID)") {
            let meeting = try store.editMeeting(id: meetingID, MeetingEdit(prepNotes: form.value("prep")))
            return meeting.prepNotes == nil ? "Prep notes cleared" : "Prep notes saved for \"\(meeting.title)\""
        }
    }
}
