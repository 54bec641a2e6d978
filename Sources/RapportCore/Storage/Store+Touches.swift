import Foundation
import GRDB

/// What a touch comes from: each kind of record that counts as being in touch.
public enum TouchSource: Sendable, Hashable {
    case meeting(Int64)
    case lunch(Int64)
    case interaction(Int64)
    case gift(Int64)
    case thankYou(Int64)
}

extension RapportStore {
    /// Records that each contact was touched at `at` (the moment it happened,
    /// not the moment it was logged) by `source`: the one place a touch is
    /// written. A contact named twice is touched once. `contact.latestTouchAt`
    /// follows by trigger.
    static func recordTouches(_ contactIDs: [Int64], at: Date, from source: TouchSource, _ db: Database) throws {
        for contactID in uniqued(contactIDs) {
            var touch: Touch
            switch source {
            case .meeting(let id): touch = Touch(contactID: contactID, at: at, kind: .meeting, meetingID: id)
            case .lunch(let id): touch = Touch(contactID: contactID, at: at, kind: .lunch, lunchID: id)
            case .interaction(let id): touch = Touch(contactID: contactID, at: at, kind: .interaction, interactionID: id)
            case .gift(let id): touch = Touch(contactID: contactID, at: at, kind: .gift, giftID: id)
            case .thankYou(let id): touch = Touch(contactID: contactID, at: at, kind: .thankYou, thankYouNoteID: id)
            }
            try touch.insert(db)
        }
    }

    /// Moves the touches `source` made to the moment it now happened at (a
    /// meeting, lunch or logged call whose time was corrected).
    static func moveTouches(of source: TouchSource, to at: Date, _ db: Database) throws {
        try touches(of: source).updateAll(db, Touch.Columns.at.set(to: at))
    }

    /// Removes the touches `source` made — of one contact only, when given
    /// (an attendee taken off a meeting) — or all of them (a meeting called off).
    static func removeTouches(of source: TouchSource, contact: Int64? = nil, _ db: Database) throws {
        var request = touches(of: source)
        if let contact { request = request.filter(Touch.Columns.contactID == contact) }
        try request.deleteAll(db)
    }

    private static func touches(of source: TouchSource) -> QueryInterfaceRequest<Touch> {
        switch source {
        case .meeting(let id): return Touch.filter(Touch.Columns.meetingID == id)
        case .lunch(let id): return Touch.filter(Touch.Columns.lunchID == id)
        case .interaction(let id): return Touch.filter(Touch.Columns.interactionID == id)
        case .gift(let id): return Touch.filter(Touch.Columns.giftID == id)
        case .thankYou(let id): return Touch.filter(Touch.Columns.thankYouNoteID == id)
        }
    }
}
