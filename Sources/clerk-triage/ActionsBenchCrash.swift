import ClerkAPI
import ClerkActions
import ClerkSandbox
import Foundation

/// Kills a worker process with SIGKILL while it runs commands, resumes its journal here as the next
/// start would, and checks that nothing confirmed was lost and nothing was applied twice.
struct CrashFigures {
    let server: SandboxServer
    let scratch: PrivateDirectory
    let seed: UInt64

    func locks(_ users: [String]) async throws -> [FigureTable.Row] {
        let run = try await killPartWay(name: "locks", lines: users.map { "lock \($0)" }, killAfter: users.count / 2, lockStatesOf: users)
        let states = try await lockStates(run.intents.flatMap(\.userIDs), client: run.client)
        let lost = run.intents.count { command in command.userIDs.contains { states[$0] != true } }
        // Applied twice: two locks answered 2xx, or a lock sent after the restart to a user the
        // sandbox already showed locked once the killed worker's last requests had settled.
        var twice: [String] = []
        for user in users {
            let line = "POST /v1/users/\(user)/lock"
            let (before, after) = (run.worker.answeredOK[line, default: 0], run.resumed.mayHaveApplied[line, default: 0])
            if before + after > 1 || (after > 0 && run.lockedBeforeResume[user] == true) {
                twice.append("\(user): worker answered \(before), unanswered \(run.worker.mayHaveApplied[line, default: 0] - before), "
                    + "locked before resume \(run.lockedBeforeResume[user] == true), sent after resume \(after)")
            }
        }
        let appliedTwice = twice.count
        for detail in twice { Output.line("  applied twice? \(detail)") }
        let cutOff = users.filter { run.worker.mayHaveApplied["POST /v1/users/\($0)/lock", default: 0] > run.worker.answeredOK["POST /v1/users/\($0)/lock", default: 0] }
        let landed = cutOff.count { run.lockedBeforeResume[$0] == true }
        Output.line("kill -9 during \(users.count) locks: \(run.summary); of the \(cutOff.count) cut off, \(landed) had been applied and "
            + "\(cutOff.count - landed) had not; lost \(lost), applied twice \(appliedTwice)")
        return [
            .init(figure: "kill -9 mid-way, \(users.count) locks: lost / applied twice", measured: "\(lost) / \(appliedTwice)", goal: "0 / 0",
                  met: lost == 0 && appliedTwice == 0 && run.outcomes.needsOperator == 0),
            .init(figure: "  done before the kill / resumed (unanswered at the kill)", measured: "\(run.doneBeforeKill) / \(run.unfinished) (\(run.worker.unanswered))", goal: "", met: nil),
        ]
    }

    func credits(_ users: [String], count: Int) async throws -> [FigureTable.Row] {
        var random = SeededRandom(seed: seed)
        var amounts = Set<Int64>()
        while amounts.count < count { amounts.insert(Int64.random(in: 100...99_999, using: &random)) }
        let lines = amounts.shuffled(using: &random).enumerated().map { "credit \(users[$0.offset % users.count]) \($0.element)" }
        let reader = ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(ActionsBench.key)))
        let before = try await balances(users, client: reader)
        let run = try await killPartWay(name: "credits", lines: lines, killAfter: count / 2, lockStatesOf: [])
        let after = try await balances(users, client: run.client)
        var confirmed: [String: Int64] = [:]
        for command in run.intents {
            if case .adjustCredit(let change) = command.action, let user = command.userIDs.first { confirmed[user, default: 0] += change.amountCents }
        }
        let moved = users.reduce(Int64(0)) { $0 + after[$1, default: 0] - before[$1, default: 0] }
        let expected = confirmed.values.reduce(0, +)
        let wrongUsers = users.count { after[$0, default: 0] - before[$0, default: 0] != confirmed[$0, default: 0] }
        Output.line("kill -9 during \(count) credit adjustments: \(run.summary); balances moved \(moved) cents, confirmed \(expected) cents, users off \(wrongUsers)")
        return [
            .init(figure: "kill -9 mid-way, \(count) credit adjustments: moved − confirmed", measured: "\(moved - expected) cents (\(wrongUsers) users off)", goal: "0",
                  met: moved == expected && wrongUsers == 0 && run.outcomes.needsOperator == 0),
            .init(figure: "  done before the kill / resumed (unanswered at the kill)", measured: "\(run.doneBeforeKill) / \(run.unfinished) (\(run.worker.unanswered))", goal: "", met: nil),
        ]
    }

    private func balances(_ users: [String], client: ClerkClient) async throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for user in users { result[user] = try await client.users.creditBalance(user).balance?.amount ?? 0 }
        return result
    }

    struct Run {
        var intents: [Command]
        var worker: SendLog.Reading
        var resumed: CountingTransport.Tally
        var outcomes: QueueOutcomes
        var client: ClerkClient
        var doneBeforeKill: Int
        var unfinished: Int
        /// What the sandbox showed once the killed worker's requests had settled, before anything was resumed.
        var lockedBeforeResume: [String: Bool]

        var summary: String {
            "\(intents.count) confirmed, \(doneBeforeKill) answered before the kill, \(worker.unanswered) unanswered at the kill, "
                + "\(unfinished) resumed (\(outcomes.finished) finished, \(outcomes.failed) failed, \(outcomes.needsOperator) to check)"
        }
    }

    /// Runs the commands in a worker, kills it once `killAfter` requests have been answered,
    /// then opens the same journal here and resumes what it left.
    private func killPartWay(name: String, lines: [String], killAfter: Int, lockStatesOf watched: [String]) async throws -> Run {
        let home = try scratch.subdirectory("crash-\(name)")
        let commandFile = scratch.path + "/\(name).commands"
        let logFile = scratch.path + "/\(name).sends"
        try (lines.joined(separator: "\n") + "\n").write(toFile: commandFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") { process.executableURL = Bundle.main.executableURL }
        process.arguments = ["bench", "actions-worker", "--sandbox-url", server.baseURL, "--commands", commandFile, "--send-log", logFile]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = home
        environment["CLERK_SECRET_KEY"] = ActionsBench.key
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()

        let deadline = ContinuousClock.now + .seconds(60)
        var answered = 0
        while process.isRunning, ContinuousClock.now < deadline {
            answered = SendLog.read(path: logFile).answeredOK.values.reduce(0, +)
            if answered >= killAfter { break }
            try await Task.sleep(for: .milliseconds(2))
        }
        guard process.isRunning else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw OperatorError("the worker ended before it could be stopped part-way (\(answered) answered): \(said)")
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        guard process.terminationReason == .uncaughtSignal else { throw OperatorError("the worker was not killed") }
        let worker = SendLog.read(path: logFile)

        let transport = CountingTransport()
        let client = ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(ActionsBench.key)), transport: transport)
        environment["CLERK_SECRET_KEY"] = nil
        // A request the worker had sent whole is still applied after its death: wait until the
        // sandbox's answers stop changing, as they would have by the time an operator restarts.
        var lockedBeforeResume = try await lockStates(watched, client: client)
        for _ in 0..<10 {
            try await Task.sleep(for: .milliseconds(300))
            let again = try await lockStates(watched, client: client)
            if again == lockedBeforeResume { break }
            lockedBeforeResume = again
        }
        transport.reset()
        let layer = try CommandLayer.open(client: client, environment: environment, logger: benchLogger)
        let intents = try Journal.intents(path: layer.journal.path)
        let outcomes = Task { await QueueOutcomes.collect(layer.queue.events) }
        let skipped = await layer.queue.resume(layer.unfinished)
        guard skipped.isEmpty else { throw OperatorError("\(skipped.count) unfinished commands belong to another instance") }
        await layer.queue.waitUntilIdle()
        await layer.queue.finishEvents()
        return Run(intents: intents, worker: worker, resumed: transport.counts, outcomes: await outcomes.value, client: client,
                   doneBeforeKill: worker.answeredOK.values.reduce(0, +), unfinished: layer.unfinished.count,
                   lockedBeforeResume: lockedBeforeResume)
    }
}
