import Foundation
import GRDB

/// A person in the book: who they are, how to reach them, what they care
/// about, and how often to be in touch.
public struct Contact: Codable, Hashable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"

    public var id: Int64?
    public var name: String
    public var nickname: String?
    public var accountID: Int64?
    /// Title or role at the account.
    public var title: String?
    public var tier: Tier?
    public var isFavourite: Bool
    /// Days between touches; nil inherits the tier's cadence.
    public var stayInTouchDays: Int?
    /// Days between lunches, for favourites.
    public var lunchCadenceDays: Int?
    public var preferredChannel: Channel?
    /// What they need, want and care about.
    public var needs: String?
    public var wants: String?
    public var caresAbout: String?
    /// Personal details that make lunches and gifts right.
    public var dietaryNeeds: String?
    public var family: String?
    public var interests: String?
    public var birthday: Birthday?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// The latest touch, a booked meeting included; kept by the database.
    public var latestTouchAt: Date?
    /// The name and nickname folded for matching (lower case, no accents); kept by the store.
    public var searchName: String
    /// When the contact was archived: kept, but hidden from lists and cadences.
    public var archivedAt: Date?

    public init(id: Int64? = nil, name: String, nickname: String? = nil, accountID: Int64? = nil,
                title: String? = nil, tier: Tier? = nil, isFavourite: Bool = false,
                stayInTouchDays: Int? = nil, lunchCadenceDays: Int? = nil, preferredChannel: Channel? = nil,
                needs: String? = nil, wants: String? = nil, caresAbout: String? = nil,
                dietaryNeeds: String? = nil, family: String? = nil, interests: String? = nil,
                birthday: Birthday? = nil, notes: String? = nil, createdAt: Date) {
        self.id = id
        self.name = name
        self.nickname = nickname
        self.accountID = accountID
        self.title = title
        self.tier = tier
        self.isFavourite = isFavourite
        self.stayInTouchDays = stayInTouchDays
        self.lunchCadenceDays = lunchCadenceDays
        self.preferredChannel = preferredChannel
        self.needs = needs
        self.wants = wants
        self.caresAbout = caresAbout
        self.dietaryNeeds = dietaryNeeds
        self.family = family
        self.interests = interests
        self.birthday = birthday
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.latestTouchAt = nil
        self.searchName = NameMatcher.fold(name)
    }

    /// Decodes a row by position: rows start with the contact table's columns
    /// in their order (`SELECT *`, `contact.*`; new columns are only ever
    /// appended). Written out because decoding by name or through Codable
    /// costs ten times more, and the book lists every contact.
    /// How many columns the contact table has.
    static let columnCount = 23

    public init(row: Row) throws {
        id = (try row.decode(atIndex: 0))
        name = (try row.decode(atIndex: 1))
        nickname = (try row.decode(atIndex: 2))
        accountID = (try row.decode(atIndex: 3))
        title = (try row.decode(atIndex: 4))
        tier = (try row.decode(atIndex: 5))
        isFavourite = (try row.decode(atIndex: 6))
        stayInTouchDays = (try row.decode(atIndex: 7))
        lunchCadenceDays = (try row.decode(atIndex: 8))
        preferredChannel = (try row.decode(atIndex: 9))
        needs = (try row.decode(atIndex: 10))
        wants = (try row.decode(atIndex: 11))
        caresAbout = (try row.decode(atIndex: 12))
        dietaryNeeds = (try row.decode(atIndex: 13))
        family = (try row.decode(atIndex: 14))
        interests = (try row.decode(atIndex: 15))
        birthday = (try row.decode(atIndex: 16))
        notes = (try row.decode(atIndex: 17))
        createdAt = (try row.decode(atIndex: 18))
        updatedAt = (try row.decode(atIndex: 19))
        latestTouchAt = (try row.decode(atIndex: 20))
        searchName = (try row.decode(atIndex: 21))
        archivedAt = (try row.decode(atIndex: 22))
    }

    /// The folded name and nickname the store matches names against.
    public static func searchKey(name: String, nickname: String?) -> String {
        NameMatcher.fold([name, nickname].compactMap { $0 }.joined(separator: " "))
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A birthday, with or without the year (vCard's `--MMDD`).
public struct Birthday: Hashable, Sendable, Codable, DatabaseValueConvertible, CustomStringConvertible {
    public let year: Int?
    public let month: Int
    public let day: Int

    public init?(year: Int?, month: Int, day: Int) {
        guard CivilDate(year: year ?? 2000, month: month, day: day) != nil else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` or `--MM-DD`.
    public init?(text: String) {
        if text.hasPrefix("--") {
            let parts = text.dropFirst(2).split(separator: "-")
            guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
            self.init(year: nil, month: m, day: d)
        } else if let date = CivilDate(iso: text) {
            self.init(year: date.year, month: date.month, day: date.day)
        } else {
            return nil
        }
    }

    public var description: String {
        let md = (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        return year.map { String(format: "%04d-", $0) + md } ?? "--" + md
    }

    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Birthday? {
        String.fromDatabaseValue(dbValue).flatMap(Birthday.init(text:))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Birthday(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad birthday \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An email address of a contact.
public struct ContactEmail: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contactEmail"
    public var id: Int64?
    public var contactID: Int64
    public var address: String
    /// "work", "home"… as the user or an import named it.
    public var label: String?

    public init(contactID: Int64, address: String, label: String? = nil) {
        self.contactID = contactID
        self.address = address
        self.label = label
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A phone number of a contact.
public struct ContactPhone: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contactPhone"
    public var id: Int64?
    public var contactID: Int64
    public var number: String
    public var label: String?

    public init(contactID: Int64, number: String, label: String? = nil) {
        self.contactID = contactID
        self.number = number
        self.label = label
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A tag on a contact.
public struct ContactTag: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "contactTag"
    public var contactID: Int64
    public var tag: String

    public init(contactID: Int64, tag: String) {
        self.contactID = contactID
        self.tag = tag
    }
}
