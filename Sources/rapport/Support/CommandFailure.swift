import RapportCore

/// A failure to report on one line with an exit status: 2 when the input
/// was wrong (nothing was changed), 1 when an operation failed.
struct CommandFailure: Error {
    static let badInput: Int32 = 2
    static let failed: Int32 = 1

    var message: String
    var status: Int32

    init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    /// Classifies an error from the library.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let error as StoreError:
            switch error {
            case .notFound, .invalid: self.init(error.description, status: CommandFailure.badInput)
            case .busy, .cannotOpen, .newerSchema, .olderSchema, .cannotWrite, .unreadable, .corrupt: self.init(error.description, status: CommandFailure.failed)
            }
        case let error as PhraseError:
            self.init(error.message, status: CommandFailure.badInput)
        case let error as PeopleError:
            self.init(error.description, status: CommandFailure.badInput)
        default:
            self.init("\(error)", status: CommandFailure.failed)
        }
    }
}

/// Runs `body`, reporting any error as a `CommandFailure`.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error)
    }
}
