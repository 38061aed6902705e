import ClerkAPI
import ClerkActions
import Foundation

/// What the queue's events said about a script's commands.
struct MutationTally: Sendable {
    struct Failure: Sendable {
        var userIDs: [String]
        var reason: String
        var error: ClerkAPIError
    }

    var done: [String] = []
    var failures: [Failure] = []
    /// Users whose outcome could not be told; they stay in the journal for the console.
    var unknown = 0
    var unknownReasons: [String] = []

    /// Reads events until `expecting` commands, and any `splitBatch` adds, have ended.
    /// `splitBatch` queues the users of a refused bulk command one by one and returns those queued.
    static func collect(
        _ events: AsyncStream<CommandEvent>, expecting: Int, progress: MutationProgress,
        splitBatch: ([String]) async -> [String]
    ) async -> MutationTally {
        var tally = MutationTally()
        var outstanding = expecting
        guard outstanding > 0 else { return tally }
        // A bulk command that fails part way has done its users in order: the first `done`.
        var doneSoFar: [UUID: Int] = [:]
        for await event in events {
            switch event {
            case .progress(let command, let done, _):
                progress.advance(by: done - doneSoFar[command.id, default: 0])
                doneSoFar[command.id] = done
            case .finished(let command, _):
                progress.advance(by: command.userIDs.count - doneSoFar[command.id, default: 0])
                tally.done += command.userIDs
                outstanding -= 1
            case .failed(let command, let error):
                let already = doneSoFar[command.id, default: 0]
                tally.done += command.userIDs.prefix(already)
                var left = Array(command.userIDs.dropFirst(already))
                if left.count > 1, refusesOnlySome(error) {
                    let queued = Set(await splitBatch(left))
                    outstanding += queued.count
                    left.removeAll { queued.contains($0) }
                }
                if !left.isEmpty {
                    let reason = error.description + (error.suggestion.isEmpty ? "" : " \(error.suggestion)")
                    tally.failures.append(Failure(userIDs: left, reason: reason, error: error))
                    progress.advance(by: left.count)
                }
                outstanding -= 1
            case .needsOperator(let command, let reason):
                tally.unknownReasons.append("\(command.userIDs.count == 1 ? command.userIDs[0] : "\(command.userIDs.count) users"): outcome unknown: \(reason)")
                tally.unknown += command.userIDs.count - doneSoFar[command.id, default: 0]
                progress.advance(by: command.userIDs.count - doneSoFar[command.id, default: 0])
                outstanding -= 1
            case .cancelled, .abandoned:
                outstanding -= 1
            case .warning(let text):
                progress.clear()
                Output.error("Warning: \(text)")
            default:
                break
            }
            if outstanding <= 0 { break }
        }
        return tally
    }

    /// A refusal that may be about one user of the batch (404, 422), not about the key or the instance.
    private static func refusesOnlySome(_ error: ClerkAPIError) -> Bool {
        guard case .api(let failure) = error else { return false }
        return (400..<500).contains(failure.status) && ![401, 402, 403, 429].contains(failure.status)
    }
}
