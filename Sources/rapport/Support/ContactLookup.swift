import RapportCore

/// Finds the one contact a command argument names (`@12`, a name, an
/// email), or fails with the candidates.
func lookUpContact(_ query: String, in database: RapportStore) throws -> Contact {
    switch try reporting({ try database.resolveContact(query) }) {
    case .found(let contact):
        return contact
    case .ambiguous(let candidates):
        throw CommandFailure(PeopleError.ambiguous(name: query, candidates: candidates))
    case .notFound:
        throw CommandFailure(PeopleError.unknown(name: query, suggestion: try? database.suggestion(for: query)))
    }
}
