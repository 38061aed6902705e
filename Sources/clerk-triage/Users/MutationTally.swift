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

    static func collect(_ events: AsyncStream<CommandEvent>, progress: MutationProgress) async -> MutationTally {
        var tally = MutationTally()
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
            case .failed(let command, let error):
                let already = doneSoFar[command.id, default: 0]
                tally.done += command.userIDs.prefix(already)
                let reason = error.description + (error.suggestion.isEmpty ? "" : " \(error.suggestion)")
                tally.failures.append(Failure(userIDs: Array(command.userIDs.dropFirst(already)), reason: reason, error: error))
                progress.advance(by: command.userIDs.count - already)
            case .needsOperator(let command, let reason):
                tally.unknownReasons.append("\(command.userIDs.count == 1 ? command.userIDs[0] : "\(command.userIDs.count) users"): outcome unknown: \(reason)")
                tally.unknown += command.userIDs.count - doneSoFar[command.id, default: 0]
                progress.advance(by: command.userIDs.count - doneSoFar[command.id, default: 0])
            case .warning(let text):
                progress.clear()
                Output.error("Warning: \(text)")
            default:
                break
            }
        }
        return tally
    }
}
