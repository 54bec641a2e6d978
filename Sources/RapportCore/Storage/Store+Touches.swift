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
}
