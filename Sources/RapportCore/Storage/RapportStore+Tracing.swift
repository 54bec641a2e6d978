import GRDB

extension RapportStore {
    /// An empty in-memory store whose connection reports every statement it
    /// runs, with its arguments: the query-plan test explains the statements
    /// the store really runs, not copies of them.
    static func inMemory(tracing report: @escaping @Sendable (String) -> Void) throws -> RapportStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            db.trace(options: .statement) { event in report(event.expandedDescription) }
        }
        let queue = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(queue)
        return RapportStore(writer: queue, path: nil)
    }
}
