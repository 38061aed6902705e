import ArgumentParser
import ClerkAPI
import Synchronization

/// The exit statuses scripts can rely on.
enum ScriptExit {
    static let allDone = ExitCode(0)
    static let someFailed = ExitCode(1)
    static let usage = ExitCode(2)
    static let authentication = ExitCode(3)
    static let unreachable = ExitCode(4)

    /// The status for an error that stopped a whole command: a key Clerk refuses is 3, no answer
    /// at all is 4, anything else 1.
    static func code(for error: ClerkAPIError) -> ExitCode {
        switch error {
        case .api(let failure) where failure.status == 401: authentication
        case .transport: unreachable
        case .invalidRequest: usage
        default: someFailed
        }
    }

    /// No answer, or a key Clerk refuses: every further request would fail the same way.
    static func stopping(_ error: ClerkAPIError) -> Bool {
        switch error {
        case .transport: true
        case .api(let failure): failure.status == 401
        default: false
        }
    }

    /// Says what went wrong on stderr, in Clerk's words with its trace id, and what to do.
    static func report(_ error: ClerkAPIError, about subject: String? = nil) {
        let prefix = subject.map { "\($0): " } ?? ""
        Output.error("Error: \(prefix)\(error.description)")
        let suggestion = suggestion(for: error)
        if !suggestion.isEmpty { Output.error(suggestion) }
    }

    /// Where the key of an `--instance` run comes from, said when Clerk refuses it: "Check
    /// CLERK_SECRET_KEY" would send the operator to a variable that run never read.
    static let instanceKeyHint = Mutex<String?>(nil)

    /// What to do about an error, in the words of how this run found its key.
    static func suggestion(for error: ClerkAPIError) -> String {
        if case .api(let failure) = error, failure.status == 401, let hint = instanceKeyHint.withLock({ $0 }) { return hint }
        return error.suggestion
    }

    /// Ends the command: the message on stderr and the status.
    static func fail(_ message: String, _ code: ExitCode) -> ExitCode {
        Output.error("Error: \(message)")
        return code
    }

    /// Runs `body` for each user in turn: a failure is said on stderr with the user's id and the
    /// others go on, unless it shows every other would fail the same way. Ends with the status for
    /// what failed.
    static func eachUser(_ userIDs: [String], _ body: (String) async throws -> Void) async throws {
        var failures: [ClerkAPIError] = []
        for userID in userIDs {
            do {
                try await body(userID)
            } catch let error as ClerkAPIError {
                report(error, about: userID)
                failures.append(error)
                // Without a key Clerk accepts or an API that answers, every other id fails the same way.
                if stopping(error) { break }
            }
        }
        if let first = failures.first {
            throw stopping(first) ? code(for: first) : someFailed
        }
    }
}
