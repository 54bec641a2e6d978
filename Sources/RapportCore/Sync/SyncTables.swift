import GRDB

/// The sync's bookkeeping (not the user's book, so never in the undo
/// journal, and never blocking an undo):
/// - `syncSetting`: the server, the collections, the user, the password
///   command (never a password), the last sync;
/// - `syncItem`: for each UID sent, its href, the ETag the server gave,
///   what was sent and its hash (an unchanged item is never sent again);
/// - `syncConflict`: the server's version of an item both sides changed,
///   kept until dismissed.
enum SyncTables {
    static let names: Set<String> = ["syncSetting", "syncItem", "syncConflict"]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE syncSetting (
              key TEXT PRIMARY KEY NOT NULL,
              value TEXT NOT NULL);
            CREATE TABLE syncItem (
              uid TEXT PRIMARY KEY NOT NULL,
              collection TEXT NOT NULL CHECK (collection IN ('calendar', 'contacts')),
              ref TEXT NOT NULL,
              href TEXT NOT NULL,
              etag TEXT,
              hash TEXT NOT NULL,
              sent TEXT NOT NULL,
              syncedAt DATETIME NOT NULL);
            CREATE TABLE syncConflict (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              uid TEXT NOT NULL,
              ref TEXT NOT NULL,
              reason TEXT NOT NULL,
              server TEXT NOT NULL,
              at DATETIME NOT NULL,
              dismissedAt DATETIME);
            """)
    }
}
