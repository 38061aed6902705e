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
    var unknownUsers: [String] = []
    var unknownReasons: [String] = []
    /// Users done by commands resumed from an earlier run.
    var resumedDone = 0

    var failedUsers: [String] { failures.flatMap(\.userIDs) }

    /// Reads events until `expecting` commands, and any `splitBatch` adds, have ended.
    /// `alreadyDone` holds, for commands resumed from an earlier run, the users that run finished.
    /// `splitBatch` queues the users of a refused bulk command one by one and returns those queued.
    static func collect(
        _ events: AsyncStream<CommandEvent>, expecting: Int, alreadyDone: [UUID: Set<String>] = [:], progress: MutationProgress,
        splitBatch: (CommandAction, [String]) async -> [String]
    ) async -> MutationTally {
        var tally = MutationTally()
        var outstanding = expecting
        guard outstanding > 0 else { return tally }
        // Users a command still had to do when this run took it on, in order.
        func remaining(_ command: Command) -> [String] {
            guard let earlier = alreadyDone[command.id] else { return command.userIDs }
            return command.userIDs.filter { !earlier.contains($0) }
        }
        // A bulk command that fails part way has done its users in order: the first `done`.
        var doneSoFar: [UUID: Int] = [:]
        for await event in events {
            switch event {
            case .progress(let command, let done, _):
                let now = done - (alreadyDone[command.id]?.count ?? 0)
                progress.advance(by: now - doneSoFar[command.id, default: 0])
                doneSoFar[command.id] = now
            case .finished(let command, _):
                let users = remaining(command)
                progress.advance(by: users.count - doneSoFar[command.id, default: 0])
                tally.record(done: users, by: command, resumed: alreadyDone)
                outstanding -= 1
            case .failed(let command, let error):
                let users = remaining(command)
                let already = min(doneSoFar[command.id, default: 0], users.count)
                tally.record(done: users.prefix(already), by: command, resumed: alreadyDone)
                var left = Array(users.dropFirst(already))
                if left.count > 1, refusesOnlySome(error) {
                    let queued = Set(await splitBatch(command.action, left))
                    outstanding += queued.count
                    left.removeAll { queued.contains($0) }
                }
                if !left.isEmpty {
                    tally.failures.append(Failure(userIDs: left, reason: PlanReading.reason(error), error: error))
                    progress.advance(by: left.count)
                }
                outstanding -= 1
            case .needsOperator(let command, let reason):
                let users = remaining(command)
                let already = min(doneSoFar[command.id, default: 0], users.count)
                tally.record(done: users.prefix(already), by: command, resumed: alreadyDone)
                tally.unknownReasons.append("\(users.count == 1 ? users[0] : "\(users.count) users"): outcome unknown: \(reason)")
                tally.unknownUsers += users.dropFirst(already)
                progress.advance(by: users.count - already)
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

    private mutating func record(done users: some Collection<String>, by command: Command, resumed: [UUID: Set<String>]) {
        done += users
        if resumed[command.id] != nil { resumedDone += users.count }
    }

    /// A refusal that may be about one user of the batch (404, 422), not about the key or the instance.
    private static func refusesOnlySome(_ error: ClerkAPIError) -> Bool {
        guard case .api(let failure) = error else { return false }
        return (400..<500).contains(failure.status) && ![401, 402, 403, 429].contains(failure.status)
    }
}
