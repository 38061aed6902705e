import ArgumentParser
import ClerkAPI
import ClerkActions
import Foundation
import Logging
import Triage

/// Runs one `users` mutation through the console's command layer: journalled, audited, paced by
/// the rate limiter, refused in read-only mode, confirmed on production.
struct UserMutation {
    let kind: UserMutationKind
    let options: UserMutationOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: ConfigFile
        do {
            config = try ConfigFile.load(path: ConfigFile.defaultPath(environment: environment))
        } catch {
            throw ScriptExit.fail("\(error)", ScriptExit.usage)
        }
        let userIDs = try UserIDSource(arguments: options.ids, file: options.idsFrom).read()
        let client = try options.connection.client(environment: environment)
        let identity = InstanceIdentity(configuration: client.configuration)
        let commands = try makeCommands(userIDs, identity: identity)

        if options.dryRun {
            for command in commands { Output.data(kind.request(for: command.userIDs, baseURL: client.configuration.baseURL)) }
            Output.error("Dry run: \(Self.users(userIDs.count)) would be \(kind.pastTense) on \(identity.host); nothing was sent.")
            return
        }
        let readOnlyFlag = options.readOnly || SharedOptionWords(CommandLine.arguments).contains(flag: "--read-only")
        if readOnlyFlag || config.readOnly {
            let reason = readOnlyFlag ? "--read-only" : "read_only: true in \(config.path ?? "the config file")"
            throw ScriptExit.fail("read-only (\(reason)): nothing was \(kind.pastTense) and nothing was sent.", ScriptExit.usage)
        }
        if identity.keyKind == .production, userIDs.count > 1, !options.yes {
            try ProductionConfirmation.ask("\(kind.verb.capitalized) \(Self.users(userIDs.count)) on the production instance \(identity.host)?",
                                           count: userIDs.count)
        }

        // One read first: a key Clerk refuses (3) or an API that does not answer (4) stops the run
        // before anything is journalled, instead of leaving every command's outcome unknown.
        do {
            var probe = UserFilter()
            probe.userID = [.include(userIDs[0])]
            _ = try await client.users.count(probe)
        } catch {
            ScriptExit.report(error)
            Output.error("Nothing was sent.")
            throw ScriptExit.code(for: error)
        }

        let layer: CommandLayer
        do {
            layer = try CommandLayer.open(client: client, environment: environment, logger: Logger(label: "clerk-triage.users", factory: { _ in SwiftLogNoOpLogHandler() }))
        } catch let busy as CommandLayer.Busy {
            // A console acting on this instance holds its journal; two queues must not share it.
            throw OperatorError("\(busy.message) Nothing was sent; run it again once that console has quit.")
        }
        for notice in layer.notices { Output.error("Warning: \(notice)") }
        let progress = MutationProgress(total: userIDs.count, verb: kind.pastTense, showBar: isatty(STDERR_FILENO) == 1)
        let queue = layer.queue
        var enqueued = 0
        var notJournalled: String?
        for command in commands {
            do {
                try await queue.enqueue(command)
                enqueued += 1
            } catch {
                notJournalled = "\(error)"
                break
            }
        }
        let action = kind.action
        let outcome = await MutationTally.collect(queue.events, expecting: enqueued, progress: progress) { userIDs in
            // A bulk call Clerk refuses as a whole (one unknown id among 50) is sent again one user
            // at a time, so that only the users it really refuses fail.
            var queued: [String] = []
            for userID in userIDs {
                do {
                    try await queue.enqueue(try Command(action, userID: userID, instance: queue.instance))
                    queued.append(userID)
                } catch {
                    continue
                }
            }
            return queued
        }
        await queue.finishEvents()
        progress.clear()
        if let notJournalled {
            Output.error("Error: could not record a command in the journal, so the users after it were not sent: \(notJournalled)")
        }
        try finish(outcome, in: userIDs, auditLog: layer.auditLog.path)
    }

    private func makeCommands(_ userIDs: [String], identity: InstanceIdentity) throws -> [Command] {
        var commands: [Command] = []
        var index = 0
        while index < userIDs.count {
            let batch = Array(userIDs[index..<min(index + kind.usersPerCommand, userIDs.count)])
            do {
                commands.append(try Command(kind.action, userIDs: batch, instance: identity))
            } catch {
                throw ScriptExit.fail(error.description, ScriptExit.usage)
            }
            index += batch.count
        }
        return commands
    }

    /// Done ids on stdout; what failed, and the summary, on stderr.
    private func finish(_ outcome: MutationTally, in userIDs: [String], auditLog: String) throws {
        // Commands on different users finish in any order; the ids come out in the order given.
        let done = Set(outcome.done)
        let doneInOrder = userIDs.filter { done.contains($0) }
        if !doneInOrder.isEmpty { Output.write(doneInOrder.joined(separator: "\n") + "\n") }
        for failure in outcome.failures {
            let who = failure.userIDs.count == 1 ? failure.userIDs[0] : "\(failure.userIDs.count) users (\(failure.userIDs.prefix(3).joined(separator: ", "))…)"
            Output.error("Error: \(who): not \(kind.pastTense): \(failure.reason)")
        }
        for reason in outcome.unknownReasons { Output.error("Warning: \(reason)") }
        var parts = ["\(outcome.done.count) \(kind.pastTense)"]
        let failed = outcome.failures.reduce(0) { $0 + $1.userIDs.count }
        if failed > 0 { parts.append("\(failed) failed") }
        if outcome.unknown > 0 { parts.append("\(outcome.unknown) unknown (open the console to settle them)") }
        let notSent = userIDs.count - doneInOrder.count - failed - outcome.unknown
        if notSent > 0 { parts.append("\(notSent) not sent") }
        let trouble = failed + outcome.unknown + notSent > 0
        Output.error(parts.joined(separator: ", ") + (trouble ? " — see the audit log \(auditLog)" : ""))
        guard trouble else { return }
        if outcome.done.isEmpty, outcome.unknown == 0, let first = outcome.failures.first?.error, ScriptExit.stopping(first) {
            throw ScriptExit.code(for: first)
        }
        throw ScriptExit.someFailed
    }

    static func users(_ count: Int) -> String { count == 1 ? "1 user" : "\(count) users" }
}
