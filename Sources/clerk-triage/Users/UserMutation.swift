import ArgumentParser
import ClerkAPI
import ClerkActions
import Foundation
import Logging
import Triage

/// Runs one `users` mutation through the console's command layer: journalled, audited, paced by
/// the rate limiter, refused in read-only mode, confirmed on production. What the console's journal
/// holds unfinished from an earlier run is resumed first.
struct UserMutation {
    let kind: UserMutationKind
    let source: UserIDSource
    let connection: UsersConnectionOptions
    let safety: MutationSafetyOptions
    let planner: any MutationPlanner

    init(kind: UserMutationKind, source: UserIDSource, connection: UsersConnectionOptions, safety: MutationSafetyOptions,
         planner: any MutationPlanner = RequestPlanner()) {
        self.kind = kind
        self.source = source
        self.connection = connection
        self.safety = safety
        self.planner = planner
    }

    init(kind: UserMutationKind, options: UserMutationOptions, planner: any MutationPlanner = RequestPlanner()) {
        self.init(kind: kind, source: options.source, connection: options.connection, safety: options.safety, planner: planner)
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: ConfigFile
        do {
            config = try ConfigFile.load(path: ConfigFile.defaultPath(environment: environment))
        } catch {
            throw ScriptExit.fail("\(error)", ScriptExit.usage)
        }
        let userIDs = try source.read()
        if let limit = kind.maximumUsers, userIDs.count > limit {
            throw ScriptExit.fail("\(kind.verb) one user: got \(userIDs.count) user ids", ScriptExit.usage)
        }
        let client = try connection.client(environment: environment)
        let identity = InstanceIdentity(configuration: client.configuration)
        // A command the layer would refuse is refused before any request.
        _ = try Self.commands(kind, [userIDs[0]], identity)

        if !safety.dryRun {
            let readOnlyFlag = safety.readOnly || SharedOptionWords(CommandLine.arguments).contains(flag: "--read-only")
            if readOnlyFlag || config.readOnly {
                let reason = readOnlyFlag ? "--read-only" : "read_only: true in \(config.path ?? "the config file")"
                throw ScriptExit.fail("read-only (\(reason)): nothing was \(kind.pastTense) and nothing was sent.", ScriptExit.usage)
            }
        }
        // The journal is read before anything is asked or sent: what this run resumes counts toward
        // the confirmation, and what it leaves is said.
        let layer = try Self.openLayer(client: client, environment: environment)
        for notice in layer.notices { Output.error("Warning: \(notice)") }
        let selection = ResumedCommands.select(layer.unfinished, action: kind.action, userIDs: userIDs, instance: identity)
        ResumedCommands.sayLeft(selection.others)
        if !safety.dryRun, identity.keyKind == .production, userIDs.count > 1 || !selection.mine.isEmpty, !safety.yes {
            let resumedNote = selection.mine.isEmpty ? "" : " (\(Self.users(selection.mineRemainingUsers)) of them resumed from an earlier run that did not finish)"
            try ProductionConfirmation.ask("\(kind.verb.prefix(1).uppercased() + kind.verb.dropFirst()) \(Self.users(userIDs.count)) on \(identity.spoken)\(resumedNote)?",
                                           count: userIDs.count)
        }
        let plan = try await planner.plan(userIDs, kind: kind, client: client, dryRun: safety.dryRun)
        if safety.dryRun {
            ResumedCommands.sayWouldResume(selection.mine)
            var parts = ["Dry run: \(Self.users(plan.send.count)) would be \(kind.pastTense) on \(identity.spoken)"]
            if !plan.unchanged.isEmpty { parts.append("\(plan.unchanged.count) unchanged") }
            if !plan.refused.isEmpty { parts.append("\(plan.refused.count) refused") }
            Self.sayRefused(plan, kind: kind)
            Output.error(parts.joined(separator: ", ") + "; nothing was sent.")
            if !plan.refused.isEmpty { throw ScriptExit.someFailed }
            return
        }
        var result = MutationRun(tally: MutationTally())
        if !plan.send.isEmpty || !selection.mine.isEmpty {
            result = try await send(plan.send, resuming: selection.mine, layer: layer, identity: identity)
        }
        try await finish(result, plan: plan, userIDs: userIDs)
    }

    /// What the command layer did with a run's commands, and those it resumed.
    struct MutationRun {
        var tally: MutationTally
        var resumed = ResumedCommands()
        var notJournalled: String?
        var auditLog: String?
        /// The signal that stopped the run part way (Ctrl-C, SIGTERM).
        var stoppedBy: Int32?
    }

    private static func openLayer(client: ClerkClient, environment: [String: String]) throws -> CommandLayer {
        do {
            return try CommandLayer.open(client: client, environment: environment, logger: Logger(label: "clerk-triage.users", factory: { _ in SwiftLogNoOpLogHandler() }))
        } catch let busy as CommandLayer.Busy {
            // A console acting on this instance holds its journal; two queues must not share it.
            throw OperatorError("\(busy.message) Nothing was sent; run it again once that console has quit.")
        }
    }

    private func send(_ userIDs: [String], resuming unfinished: [UnfinishedCommand], layer: CommandLayer, identity: InstanceIdentity) async throws -> MutationRun {
        let queue = layer.queue
        let interrupt = MutationInterrupt()
        let resumed = await ResumedCommands.resume(unfinished, on: queue)
        let covered = resumed.covered(userIDs, action: kind.action)
        let commands = try Self.commands(kind, userIDs.filter { !covered.contains($0) }, identity)
        let progress = MutationProgress(total: userIDs.count - covered.count + resumed.remainingUsers, verb: kind.pastTense, showBar: isatty(STDERR_FILENO) == 1)
        var run = MutationRun(tally: MutationTally(), resumed: resumed, auditLog: layer.auditLog.path)
        interrupt.install { [progress] number in
            progress.endLine()
            Output.error("Stopping (\(MutationInterrupt.name(number))): no new command starts, and the requests in flight finish "
                + "and are journalled; the commands not started are cancelled. \(MutationInterrupt.name(SIGINT)) again to quit at once.")
            Task { await queue.cancelNotStarted() }
        }
        defer { interrupt.remove() }
        var enqueued = 0
        for command in commands {
            if interrupt.signal != nil { break }
            do {
                try await queue.enqueue(command)
                enqueued += 1
            } catch {
                run.notJournalled = "\(error)"
                break
            }
        }
        // Commands journalled while the first cancelling ran.
        if interrupt.signal != nil { await queue.cancelNotStarted() }
        run.tally = await MutationTally.collect(queue.events, expecting: enqueued + resumed.commands.count, alreadyDone: resumed.alreadyDone,
                                                progress: progress) { action, userIDs in
            // A bulk call Clerk refuses as a whole (one unknown id among 50) is sent again one user
            // at a time, so that only the users it really refuses fail.
            var queued: [String] = []
            for userID in userIDs where interrupt.signal == nil {
                do {
                    try await queue.enqueue(try Command(action, userID: userID, instance: queue.instance))
                    queued.append(userID)
                } catch {
                    continue
                }
            }
            return queued
        }
        run.tally.done += resumed.doneEarlier(covered)
        await queue.finishEvents()
        progress.clear()
        run.stoppedBy = interrupt.signal
        return run
    }

    static func commands(_ kind: UserMutationKind, _ userIDs: [String], _ identity: InstanceIdentity) throws -> [Command] {
        do {
            return try kind.commands(for: userIDs, instance: identity)
        } catch {
            throw ScriptExit.fail(error.description, ScriptExit.usage)
        }
    }

    private static func sayRefused(_ plan: MutationPlan, kind: UserMutationKind) {
        for userID in plan.unchanged { Output.error("\(userID): already as asked; nothing to send") }
        for (userID, reason) in plan.refused { Output.error("Error: \(userID): not \(kind.pastTense): \(reason)") }
    }

    /// Done ids on stdout (or the plan's report); what failed, and the summary, on stderr.
    private func finish(_ run: MutationRun, plan: MutationPlan, userIDs: [String]) async throws {
        let outcome = run.tally
        // Commands on different users finish in any order; the ids come out in the order given.
        let done = Set(outcome.done)
        let doneInOrder = userIDs.filter { done.contains($0) }
        if let report = plan.report {
            await report(doneInOrder)
        } else if !doneInOrder.isEmpty {
            Output.write(doneInOrder.joined(separator: "\n") + "\n")
        }
        Self.sayRefused(plan, kind: kind)
        for failure in outcome.failures {
            let who = failure.userIDs.count == 1 ? failure.userIDs[0] : "\(failure.userIDs.count) users (\(failure.userIDs.prefix(3).joined(separator: ", "))…)"
            Output.error("Error: \(who): not \(kind.pastTense): \(failure.reason)")
        }
        for reason in outcome.unknownReasons { Output.error("Warning: \(reason)") }
        if let notJournalled = run.notJournalled {
            Output.error("Error: could not record a command in the journal, so the users after it were not sent: \(notJournalled)")
        }

        let mine = Set(userIDs)
        let failed = outcome.failedUsers.filter(mine.contains).count + plan.refused.count
        let unknown = outcome.unknownUsers.filter(mine.contains).count
        var parts = ["\(doneInOrder.count) \(kind.pastTense)"]
        if !plan.unchanged.isEmpty { parts.append("\(plan.unchanged.count) unchanged") }
        if failed > 0 { parts.append("\(failed) failed") }
        if unknown > 0 { parts.append("\(unknown) unknown (open the console to settle them)") }
        let notSent = userIDs.count - doneInOrder.count - plan.unchanged.count - failed - unknown
        if notSent > 0 { parts.append(run.stoppedBy.map { "\(notSent) not started (stopped by \(MutationInterrupt.name($0)))" } ?? "\(notSent) not sent") }
        // The earlier run's users outside this run's list count among its troubles too.
        let resumedFailed = outcome.failedUsers.filter { !mine.contains($0) }.count
        let resumedUnknown = outcome.unknownUsers.filter { !mine.contains($0) }.count
        if !run.resumed.commands.isEmpty {
            var earlier = ["\(outcome.resumedDone) done"]
            if resumedFailed > 0 { earlier.append("\(resumedFailed) more failed") }
            if resumedUnknown > 0 { earlier.append("\(resumedUnknown) more unknown") }
            parts.append("resumed from an earlier run: " + earlier.joined(separator: ", "))
        }
        let failures = failed + unknown + resumedFailed + resumedUnknown > 0
        let trouble = failures || notSent > 0
        let auditLog = run.auditLog.map { " — see the audit log \($0)" } ?? ""
        Output.error(parts.joined(separator: ", ") + (failures || trouble && run.stoppedBy == nil ? auditLog : ""))
        // Stopped by the operator: the shell's status for the signal, as if it had ended the run.
        if let signal = run.stoppedBy { throw ExitCode(128 + signal) }
        guard trouble else { return }
        if outcome.done.isEmpty, unknown + resumedUnknown == 0, let first = outcome.failures.first?.error, ScriptExit.stopping(first) {
            throw ScriptExit.code(for: first)
        }
        throw ScriptExit.someFailed
    }

    static func users(_ count: Int) -> String { count == 1 ? "1 user" : "\(count) users" }
}

extension InstanceIdentity {
    /// The instance as prompts and dry runs name it: by the config file's name when it has one, so an
    /// operator with several instances on one host sees which (`live (PRODUCTION, api.clerk.com)`).
    var spoken: String {
        guard let name else { return keyKind == .production ? "the production instance \(host)" : host }
        let kindWord = switch keyKind {
        case .production: "PRODUCTION"
        case .development: "development"
        case .unknown: "unknown kind of key"
        }
        return "\(name) (\(kindWord), \(host))"
    }
}
