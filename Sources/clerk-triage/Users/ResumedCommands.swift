import ClerkAPI
import ClerkActions
import Foundation

/// Commands an earlier run (a killed script, or a console that quit with work left) journalled and
/// never finished. A `users` run takes on only those of the very command it is asked to do (same
/// action and parameters, users all among its own): rerunning a killed command finishes it, while an
/// unrelated run never carries out what someone else stopped.
struct ResumedCommands {
    /// The commands queued again, and the users each had already done.
    var commands: [Command] = []
    var alreadyDone: [UUID: Set<String>] = [:]

    /// Users the resumed commands still have to do.
    var remainingUsers: Int {
        commands.reduce(0) { $0 + $1.userIDs.count - (alreadyDone[$1.id]?.count ?? 0) }
    }

    /// The earlier run's unfinished commands on this instance, split into those this run takes on
    /// and those it leaves in the journal.
    struct Selection {
        var mine: [UnfinishedCommand] = []
        var others: [UnfinishedCommand] = []

        var mineRemainingUsers: Int { mine.reduce(0) { $0 + $1.remainingUserIDs.count } }
    }

    static func select(_ unfinished: [UnfinishedCommand], action: CommandAction, userIDs: [String], instance: InstanceIdentity) -> Selection {
        let asked = action.asAsked
        let users = Set(userIDs)
        var selection = Selection()
        // Another instance's commands are not this run's to resume nor to mention.
        for item in unfinished where item.command.instance == instance {
            if item.command.action.asAsked == asked, Set(item.command.userIDs).isSubset(of: users) {
                selection.mine.append(item)
            } else {
                selection.others.append(item)
            }
        }
        return selection
    }

    /// One line on stderr about the commands this run leaves for their own rerun or the console.
    static func sayLeft(_ others: [UnfinishedCommand]) {
        guard !others.isEmpty else { return }
        let actions = Set(others.map(\.command.action.name)).sorted().joined(separator: ", ")
        let users = others.reduce(0) { $0 + $1.remainingUserIDs.count }
        let count = others.count
        Output.error("\(count == 1 ? "1 unfinished command" : "\(count) unfinished commands") from an earlier run (\(actions), "
            + "\(UserMutation.users(users))) \(count == 1 ? "is" : "are") left: rerun that command to finish \(count == 1 ? "it" : "them"), "
            + "or open the console to resume or discard \(count == 1 ? "it" : "them")")
    }

    /// Under --dry-run: what the run would take on first, one line per command on stderr.
    static func sayWouldResume(_ mine: [UnfinishedCommand]) {
        guard !mine.isEmpty else { return }
        Output.error("Dry run: would resume first \(mine.count == 1 ? "1 unfinished command" : "\(mine.count) unfinished commands") an earlier run journalled:")
        for item in mine {
            let users = item.remainingUserIDs
            let shown = users.prefix(5).joined(separator: ", ") + (users.count > 5 ? ", …" : "")
            Output.error("  \(item.command.action.name) \(UserMutation.users(users.count)) left: \(shown)"
                + (item.outcomeUnknown ? " (a request was in the air: checked first)" : ""))
        }
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
    /// stopped: sending them again would do, and audit, the same change twice. Compared as asked, since
    /// each credit adjustment carries its own idempotency key.
    func covered(_ userIDs: [String], action: CommandAction) -> Set<String> {
        let asked = action.asAsked
        return Set(commands.filter { $0.action.asAsked == asked }.flatMap(\.userIDs)).intersection(userIDs)
    }

    /// Of these users, those the earlier run had already done.
    func doneEarlier(_ userIDs: Set<String>) -> Set<String> {
        alreadyDone.values.reduce(into: Set<String>()) { $0.formUnion($1) }.intersection(userIDs)
    }
}

extension CommandAction {
    /// The action as the operator asked for it: a credit adjustment without its per-command
    /// idempotency key, so that a rerun of `--increase 5.00` matches what the killed run journalled.
    var asAsked: CommandAction {
        guard case .adjustCredit(var change) = self else { return self }
        change.idempotencyKey = ""
        return .adjustCredit(change)
    }
}
