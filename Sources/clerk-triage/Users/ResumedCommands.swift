import ClerkAPI
import ClerkActions
import Foundation

/// Commands an earlier run (a killed script, or a console that quit with work left) journalled and
/// never finished: a `users` run takes them on first, as the console offers to at its start.
struct ResumedCommands {
    /// The commands queued again, and the users each had already done.
    var commands: [Command] = []
    var alreadyDone: [UUID: Set<String>] = [:]

    /// Users the resumed commands still have to do.
    var remainingUsers: Int {
        commands.reduce(0) { $0 + $1.userIDs.count - (alreadyDone[$1.id]?.count ?? 0) }
    }

    /// Queues them; those whose outcome is unknown are checked by re-reading before anything is sent again.
    static func resume(_ unfinished: [UnfinishedCommand], on queue: CommandQueue) async -> ResumedCommands {
        guard !unfinished.isEmpty else { return ResumedCommands() }
        let skipped = Set(await queue.resume(unfinished).map(\.command.id))
        var resumed = ResumedCommands()
        for item in unfinished where !skipped.contains(item.command.id) {
            resumed.commands.append(item.command)
            resumed.alreadyDone[item.command.id] = Set(item.completedUserIDs)
        }
        guard !resumed.commands.isEmpty else { return resumed }
        let checked = unfinished.filter { $0.outcomeUnknown && !skipped.contains($0.command.id) }.count
        let actions = Set(resumed.commands.map(\.action.name)).sorted().joined(separator: ", ")
        let count = resumed.commands.count
        Output.error("Resuming first \(count == 1 ? "1 unfinished command" : "\(count) unfinished commands") (\(actions), "
            + "\(UserMutation.users(resumed.remainingUsers)) left) that an earlier run journalled and did not finish"
            + (checked > 0 ? "; \(checked) had a request in the air when it stopped: each is checked, or sent again where that is safe." : "."))
        return resumed
    }

    /// This run's users that a resumed command of the same action does, or did before the earlier run
    /// stopped: sending them again would do, and audit, the same change twice.
    func covered(_ userIDs: [String], action: CommandAction) -> Set<String> {
        Set(commands.filter { $0.action == action }.flatMap(\.userIDs)).intersection(userIDs)
    }

    /// Of these users, those the earlier run had already done.
    func doneEarlier(_ userIDs: Set<String>) -> Set<String> {
        alreadyDone.values.reduce(into: Set<String>()) { $0.formUnion($1) }.intersection(userIDs)
    }
}
