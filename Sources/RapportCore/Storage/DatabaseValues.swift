import GRDB

/// Civil dates are stored as `YYYY-MM-DD` text, which sorts as dates do.
extension CivilDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap { CivilDate(iso: $0) }
    }
}
