import GRDB

/// A detail of a contact that other tools export and that has no column of
/// its own: the department, an address, a web page or profile, an
/// anniversary or other date, a related person, or a custom labelled field.
public struct ContactDetail: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contactDetail"

    public enum Kind: String, Codable, CaseIterable, Sendable, DatabaseValueConvertible {
        case department, address, url, social, anniversary, event, related, custom

        /// Kinds a contact has at most one of: a second, different value is a conflict, not an addition.
        public var isSingle: Bool { self == .department || self == .anniversary }
    }

    public var id: Int64?
    public var contactID: Int64
    public var kind: Kind
    /// "work", "home", "LinkedIn", "Connected On"… as the source named it.
    public var label: String?
    /// The text as given; dates (anniversary, event) as `YYYY-MM-DD` or `--MM-DD`.
    public var value: String

    public init(contactID: Int64, kind: Kind, label: String? = nil, value: String) {
        self.contactID = contactID
        self.kind = kind
        self.label = label
        self.value = value
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
