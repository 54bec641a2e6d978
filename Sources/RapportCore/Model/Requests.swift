import GRDB

// Records own their columns and their queries (GRDB's style): code asks
// `ThankYouNote.all().owed()` instead of writing `state = 'owed'`.

extension ThankYouNote {
    public enum Columns {
        public static let state = Column("state")
        public static let meetingID = Column("meetingID")
        public static let contactID = Column("contactID")
        public static let createdAt = Column("createdAt")
    }
}

extension DerivableRequest<ThankYouNote> {
    /// Notes still owed.
    public func owed() -> Self { filter(ThankYouNote.Columns.state == ThankYouState.owed) }
    public func of(meeting id: Int64) -> Self { filter(ThankYouNote.Columns.meetingID == id) }
    public func to(contact id: Int64) -> Self { filter(ThankYouNote.Columns.contactID == id) }
}

extension FollowUp {
    public enum Columns {
        public static let state = Column("state")
        public static let dueDay = Column("dueDay")
    }
}

extension DerivableRequest<FollowUp> {
    /// Follow-ups not yet done or cancelled.
    public func open() -> Self { filter(FollowUp.Columns.state == FollowUpState.open) }
}

extension Lunch {
    public enum Columns {
        public static let state = Column("state")
        public static let startsAt = Column("startsAt")
    }
}

extension DerivableRequest<Lunch> {
    /// Lunches offered or accepted, not yet held, declined or cancelled.
    public func pending() -> Self { filter([LunchState.offered, LunchState.accepted].contains(Lunch.Columns.state)) }
}

extension Gift {
    public enum Columns {
        public static let state = Column("state")
        public static let dealID = Column("dealID")
    }
}

extension DerivableRequest<Gift> {
    /// Gifts planned or ordered, not yet sent.
    public func unsent() -> Self { filter(Gift.Columns.state != GiftState.sent) }
    public func of(deal id: Int64) -> Self { filter(Gift.Columns.dealID == id) }
}

extension Touch {
    public enum Columns {
        public static let meetingID = Column("meetingID")
        public static let contactID = Column("contactID")
        public static let at = Column("at")
        public static let lunchID = Column("lunchID")
        public static let interactionID = Column("interactionID")
        public static let giftID = Column("giftID")
        public static let thankYouNoteID = Column("thankYouNoteID")
    }
}

/// A stored state's name as an SQL literal, for the few statements whose
/// partial indexes need the literal in their WHERE clause (a bound value
/// would keep SQLite from using the index).
protocol SQLLiteralState: RawRepresentable where RawValue == String {}

extension SQLLiteralState {
    var sql: String { "'" + rawValue + "'" }
}

extension ThankYouState: SQLLiteralState {}
extension FollowUpState: SQLLiteralState {}
extension LunchState: SQLLiteralState {}
extension GiftState: SQLLiteralState {}
extension DealStage: SQLLiteralState {}
extension TouchKind: SQLLiteralState {}
