import Foundation
import GRDB

/// Changes to a follow-up; nil leaves a field as it is.
public struct FollowUpEdit: Sendable {
    public var title: String?
    public var due: When?
    /// `.some(nil)` stops it repeating.
    public var recurrence: Recurrence??
    public var notes: String?
    /// Replaces the people it was promised to.
    public var people: People?

    public init(title: String? = nil, due: When? = nil, recurrence: Recurrence?? = nil, notes: String? = nil, people: People? = nil) {
        self.title = title
        self.due = due
        self.recurrence = recurrence
        self.notes = notes
        self.people = people
    }
}

/// Changes to a meeting; nil leaves a field as it is.
public struct MeetingEdit: Sendable {
    public var title: String?
    public var startsAt: Date?
    public var place: String?
    public var prepNotes: String?
    public var outcomeNotes: String?
    /// People who attended too: each is owed a note and touched.
    public var addAttendees: [Int64] = []
    /// People who did not attend after all: their owed note and touch go.
    public var removeAttendees: [Int64] = []

    public init(title: String? = nil, startsAt: Date? = nil, place: String? = nil, prepNotes: String? = nil, outcomeNotes: String? = nil,
                addAttendees: [Int64] = [], removeAttendees: [Int64] = []) {
        self.addAttendees = addAttendees
        self.removeAttendees = removeAttendees
        self.title = title
        self.startsAt = startsAt
        self.place = place
        self.prepNotes = prepNotes
        self.outcomeNotes = outcomeNotes
    }
}

/// Changes to a contact beside its own fields.
public struct ContactExtras: Sendable {
    /// `.some(nil)` removes the account.
    public var accountName: String??
    public var addEmails: [String] = []
    public var addPhones: [String] = []
    public var addTags: [String] = []
    public var removeTags: [String] = []
    /// The contact's anniversary (their one `anniversary` detail); `.some(nil)` removes it.
    public var anniversary: Birthday?? = nil

    public init(accountName: String?? = nil, addEmails: [String] = [], addPhones: [String] = [],
                addTags: [String] = [], removeTags: [String] = []) {
        self.accountName = accountName
        self.addEmails = addEmails
        self.addPhones = addPhones
        self.addTags = addTags
        self.removeTags = removeTags
    }
}

extension RapportStore {
    /// Edits an open follow-up in one transaction; returns it and the contacts created.
    public func editFollowUp(id: Int64, _ edit: FollowUpEdit, now: Date, calendar: LocalCalendar) throws -> (FollowUp, [Contact]) {
        if let title = edit.title, title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.invalid("the title is empty: say what was promised")
        }
        return try write { db in
            guard var followUp = try FollowUp.fetchOne(db, key: id) else { throw StoreError.notFound("no follow-up f\(id)") }
            guard followUp.state == .open else { throw StoreError.invalid("follow-up f\(id) is \(followUp.state.rawValue); only open ones change") }
            if let title = edit.title { followUp.title = title.trimmingCharacters(in: .whitespaces) }
            if let due = edit.due {
                followUp.dueDay = due.day
                followUp.dueAt = due.time.map { calendar.instant(on: due.day, at: $0) }
            }
            if let recurrence = edit.recurrence { followUp.recurrence = recurrence?.phrase }
            if let notes = edit.notes { followUp.notes = notes.isEmpty ? nil : notes }
            try followUp.update(db)
            var created: [Contact] = []
            if let people = edit.people {
                let (ids, new) = try RapportStore.materialize(people, now: now, db)
                created = new
                try db.execute(sql: "DELETE FROM followUpContact WHERE followUpID = ?", arguments: [id])
                for contactID in uniqued(ids) { try FollowUpContact(followUpID: id, contactID: contactID).insert(db) }
            }
            return (followUp, created)
        }
    }

    /// Edits a meeting; moving it moves the touches it counts as; attendees
    /// added are owed a note, attendees removed lose theirs.
    public func editMeeting(id: Int64, _ edit: MeetingEdit, now: Date = Date()) throws -> Meeting {
        if let title = edit.title, title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.invalid("a meeting needs a title")
        }
        return try write { db in try RapportStore.editMeeting(id: id, edit, now: now, db) }
    }

    static func editMeeting(id: Int64, _ edit: MeetingEdit, now: Date, _ db: Database) throws -> Meeting {
        do {
            guard var meeting = try Meeting.fetchOne(db, key: id) else { throw StoreError.notFound("no meeting m\(id)") }
            guard meeting.cancelledAt == nil else { throw StoreError.invalid("meeting m\(id) was cancelled") }
            if let title = edit.title { meeting.title = title.trimmingCharacters(in: .whitespaces) }
            if let place = edit.place { meeting.place = place.isEmpty ? nil : place }
            if let prep = edit.prepNotes { meeting.prepNotes = prep.isEmpty ? nil : prep }
            if let outcome = edit.outcomeNotes { meeting.outcomeNotes = outcome.isEmpty ? nil : outcome }
            if let start = edit.startsAt {
                if let end = meeting.endsAt { meeting.endsAt = end.addingTimeInterval(start.timeIntervalSince(meeting.startsAt)) }
                meeting.startsAt = start
                try RapportStore.moveTouches(of: .meeting(id), to: start, db)
            }
            try meeting.update(db)
            try RapportStore.removeAttendees(edit.removeAttendees, fromMeeting: meeting, db)
            _ = try RapportStore.addAttendees(edit.addAttendees, toMeeting: meeting, now: now, db)
            return meeting
        }
    }

    /// Edits a contact: `change` sets its own fields; `extras` its account,
    /// emails, phones and tags. One transaction.
    public func editContact(id: Int64, now: Date, extras: ContactExtras = ContactExtras(),
                            _ change: (inout Contact) -> Void) throws -> Contact {
        try write { db in try RapportStore.editContact(id: id, now: now, extras: extras, change, db) }
    }

    static func editContact(id: Int64, now: Date, extras: ContactExtras, _ change: (inout Contact) -> Void, _ db: Database) throws -> Contact {
        do {
            guard var contact = try Contact.fetchOne(db, key: id) else { throw StoreError.notFound("no contact @\(id)") }
            change(&contact)
            contact.name = contact.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !contact.name.isEmpty else { throw StoreError.invalid("a contact needs a name") }
            if let days = contact.stayInTouchDays, days < 1 { throw StoreError.invalid("a cadence is 1 day or more") }
            if let days = contact.lunchCadenceDays, days < 1 { throw StoreError.invalid("a lunch cadence is 1 day or more") }
            if let accountName = extras.accountName {
                contact.accountID = try accountName.map { try RapportStore.addAccount(named: $0, now: now, db).id! }
            }
            contact.updatedAt = now
            contact.searchName = Contact.searchKey(name: contact.name, nickname: contact.nickname)
            try contact.update(db)
            for email in extras.addEmails {
                guard email.contains("@") else { throw StoreError.invalid("'\(email)' is not an email address") }
                var row = ContactEmail(contactID: id, address: email)
                try row.insert(db)
            }
            for phone in extras.addPhones {
                var row = ContactPhone(contactID: id, number: phone)
                try row.insert(db)
            }
            for tag in extras.addTags.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }) where !tag.isEmpty {
                try db.execute(sql: "INSERT OR IGNORE INTO contactTag (contactID, tag) VALUES (?, ?)", arguments: [id, tag])
            }
            for tag in extras.removeTags {
                try db.execute(sql: "DELETE FROM contactTag WHERE contactID = ? AND tag = ?",
                               arguments: [id, tag.trimmingCharacters(in: CharacterSet(charactersIn: "# "))])
            }
            if let anniversary = extras.anniversary { try RapportStore.setAnniversary(anniversary, ofContact: id, db) }
            return contact
        }
    }

    /// The thank-you notes still owed to a contact, oldest first.
    /// The notes owed to a contact now, oldest first: standalone ones, and
    /// those of meetings that have happened and were not called off (a note
    /// for a meeting to come is not owed yet).
    public func owedThankYouNotes(toContact id: Int64, now: Date) throws -> [ThankYouNote] {
        try read { db in try RapportStore.owedThankYouNotes(toContact: id, now: now, db) }
    }

    static func owedThankYouNotes(toContact id: Int64, now: Date, _ db: Database) throws -> [ThankYouNote] {
        try ThankYouNote.fetchAll(db, sql: """
            SELECT n.* FROM thankYouNote n LEFT JOIN meeting m ON m.id = n.meetingID
            WHERE n.contactID = ? AND n.state = \(ThankYouState.owed.sql)
              AND (n.meetingID IS NULL OR (m.startsAt <= ? AND m.cancelledAt IS NULL))
            ORDER BY coalesce(m.startsAt, n.createdAt), n.id
            """, arguments: [id, now])
    }

    /// Which notes "thank this person" means: the oldest note owed to them
    /// (or every one, with `all`); none when nothing is owed. The one rule
    /// for `thanks sent NAME` and a quick-add `thanks @name`.
    public func notesToThank(contact id: Int64, all: Bool, now: Date) throws -> [ThankYouNote] {
        let owed = try owedThankYouNotes(toContact: id, now: now)
        return all ? owed : Array(owed.prefix(1))
    }

    /// The attendees owed a note from an account's latest meeting that has
    /// happened and still has notes owed: what "thanks #acme" means.
    public func latestMeetingOwingThanks(account id: Int64, now: Date) throws -> (meeting: Meeting, notes: [ThankYouNote])? {
        try read { db in
            guard let meeting = try Meeting.fetchOne(db, sql: """
                SELECT m.* FROM meeting m
                WHERE m.accountID = ? AND m.startsAt <= ? AND m.cancelledAt IS NULL
                  AND EXISTS (SELECT 1 FROM thankYouNote n WHERE n.meetingID = m.id AND n.state = \(ThankYouState.owed.sql))
                ORDER BY m.startsAt DESC LIMIT 1
                """, arguments: [id, now]) else { return nil }
            return (meeting, try ThankYouNote.all().of(meeting: meeting.id!).owed().order(Column("id")).fetchAll(db))
        }
    }

    /// Every deal, newest first.
    public func deals() throws -> [(deal: Deal, account: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT d.*, a.name AS accountName FROM deal d JOIN account a ON a.id = d.accountID ORDER BY d.id DESC")
                .map { (try Deal(row: $0), (try $0.decode(forColumn: "accountName"))) }
        }
    }
}

extension RapportStore {
    /// An account's deals, newest first.
    public func deals(ofAccount id: Int64) throws -> [Deal] {
        try read { db in try Deal.filter(Column("accountID") == id).order(Column("id").desc).fetchAll(db) }
    }

    /// Gifts to an account's team or for its deals, newest first.
    public func gifts(ofAccount id: Int64) throws -> [Gift] {
        try read { db in
            try Gift.fetchAll(db, sql: """
                SELECT * FROM gift WHERE accountID = ? OR dealID IN (SELECT id FROM deal WHERE accountID = ?) ORDER BY id DESC
                """, arguments: [id, id])
        }
    }
}
