import ClerkAPI
import ClerkActions
import ClerkSandbox
import Foundation

/// Lock then unlock the same users, through the command queue under the client's rate limiter,
/// then the same job one request after another with no limiter and no retries.
struct BulkFigures {
    let server: SandboxServer
    let users: [String]
    let scratch: PrivateDirectory

    /// How the users are put in the queue.
    enum Batching: String {
        /// As the console does for marked users: one lock command for all of them, then one unlock.
        case marked = "one command for all"
        /// One command per user and action.
        case perUser = "one command per user"
    }

    func measure() async throws -> [FigureTable.Row] {
        let marked = try await throughQueue(.marked)
        try await Task.sleep(for: ActionsBench.windowClears)
        let perUser = try await throughQueue(.perUser)
        try await Task.sleep(for: ActionsBench.windowClears)
        let naive = try await naively()
        let distant = try await underLatency(.milliseconds(50), users: Array(users.prefix(100)))
        return marked + perUser + naive + distant
    }

    struct QueueRun {
        var elapsed: Duration
        var rate: RequestRate
        var counts: CountingTransport.Tally
        var outcomes: QueueOutcomes
        var client: ClerkClient
    }

    /// Locks then unlocks `users` through a command layer of its own, until the queue is idle.
    private func run(_ batching: Batching, _ users: [String], stateName: String) async throws -> QueueRun {
        let transport = CountingTransport()
        let client = ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(ActionsBench.key)), transport: transport)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = try scratch.subdirectory(stateName)
        let layer = try CommandLayer.open(client: client, environment: environment, logger: benchLogger)
        let outcomes = Task { await QueueOutcomes.collect(layer.queue.events) }

        let started = ContinuousClock.now
        let from = transport.now
        for action in [CommandAction.lock, .unlock] {
            let batches = batching == .marked ? [users] : users.map { [$0] }
            for batch in batches {
                do {
                    try await layer.queue.enqueue(try Command(action, userIDs: batch, instance: layer.queue.instance))
                } catch {
                    throw OperatorError("not queued: \(error)")
                }
            }
        }
        await layer.queue.waitUntilIdle()
        let elapsed = started.duration(to: .now)
        let counts = transport.counts
        await layer.queue.finishEvents()
        return QueueRun(elapsed: elapsed, rate: RequestRate(sentAt: counts.sentAt.filter { $0 >= from }, budget: ActionsBench.budget),
                        counts: counts, outcomes: await outcomes.value, client: client)
    }

    private func throughQueue(_ batching: Batching) async throws -> [FigureTable.Row] {
        let run = try await run(batching, users, stateName: batching == .marked ? "bulk-marked" : "bulk-per-user")
        let (elapsed, rate, seen) = (run.elapsed, run.rate, run.outcomes)
        let states = try await lockStates(users, client: run.client)
        let wrongAtEnd = users.count { states[$0] != false }
        let notLockedOnTheWay = users.count { seen.lockedByAnswer[$0] != true }
        let percent = rate.percentOfLimit(over: elapsed)
        let tooMany = run.counts.statuses[429, default: 0]
        let limit = ActionsBench.budget.limit
        Output.line("bulk through the queue, \(batching.rawValue): \(rate.sentAt.count) requests in \(Measurements.format(elapsed)); "
            + "busiest 10 s held \(rate.busiestWindow) (limit \(limit)); the fastest the limit allows from an empty window is "
            + "\(Measurements.format(rate.shortestPossibleSpan)) plus sending; 429s \(tooMany); "
            + "finished \(seen.finished), failed \(seen.failed), to check \(seen.needsOperator), re-queued after 429 \(seen.rateLimited)")
        let efficiency = Double(rate.busiestWindow) / Double(limit) * 100
        return [
            .init(figure: "lock+unlock \(users.count) users via queue, \(batching.rawValue): time", measured: Measurements.format(elapsed), goal: "", met: nil),
            .init(figure: "  request rate, % of instance limit (average)", measured: String(format: "%.0f %%", percent), goal: "≥ 95 %", met: percent >= 95),
            .init(figure: "  busiest 10 s window, % of limit", measured: String(format: "%.0f %% (%d)", efficiency, rate.busiestWindow), goal: "95–100 %", met: efficiency >= 95 && rate.busiestWindow <= limit),
            .init(figure: "  429s received", measured: "\(tooMany)", goal: "0", met: tooMany == 0),
            .init(figure: "  users in the wrong state (locked on the way / unlocked at the end)", measured: "\(notLockedOnTheWay) / \(wrongAtEnd)", goal: "0 / 0",
                  met: notLockedOnTheWay == 0 && wrongAtEnd == 0 && seen.failed == 0 && seen.needsOperator == 0),
        ]
    }

    /// The same job for a few users with latency added to every answer, as from a Clerk far away:
    /// a command for many users keeps several requests in flight, so its rate should not follow the latency.
    private func underLatency(_ latency: Duration, users: [String]) async throws -> [FigureTable.Row] {
        try await setLatency(latency)
        var rows: [FigureTable.Row] = []
        var said: [String] = []
        for batching in [Batching.marked, .perUser] {
            let run = try await run(batching, users, stateName: "latency-\(batching == .marked ? "marked" : "per-user")")
            let percent = run.rate.percentOfLimit(over: run.elapsed)
            said.append("\(batching.rawValue) \(run.rate.sentAt.count) requests in \(Measurements.format(run.elapsed)), 429s \(run.counts.statuses[429, default: 0])")
            rows.append(.init(figure: "  \(Measurements.format(latency)) latency, \(users.count) users, \(batching.rawValue): rate, % of limit",
                              measured: String(format: "%.0f %%", percent) + " (\(Measurements.format(run.elapsed)))", goal: "", met: nil))
        }
        try await setLatency(.zero)
        Output.line("with \(Measurements.format(latency)) added to every answer: " + said.joined(separator: "; "))
        return rows
    }

    private func setLatency(_ latency: Duration) async throws {
        let milliseconds = latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000
        let response = try await AsyncHTTPClientTransport().send(TransportRequest(
            method: .put, url: "\(server.baseURL)/sandbox/faults", headers: [HTTPHeader("Authorization", "Bearer \(ActionsBench.key)"), HTTPHeader("Content-Type", "application/json")],
            body: Data("{\"latency_ms\":\(milliseconds)}".utf8), timeout: .seconds(10)))
        guard response.status == 200 else { throw OperatorError("the sandbox refused the latency setting (\(response.status))") }
    }

    private func naively() async throws -> [FigureTable.Row] {
        let transport = CountingTransport()
        let client = ClerkClient(
            configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(ActionsBench.key), retry: .none, rateLimits: .unlimited),
            transport: transport)
        let started = ContinuousClock.now
        var locksRefused = 0
        for id in users {
            do { _ = try await client.users.lock(id) } catch { locksRefused += 1 }
        }
        var unlocksRefused = 0
        for id in users {
            do { _ = try await client.users.unlock(id) } catch { unlocksRefused += 1 }
        }
        let elapsed = started.duration(to: .now)
        let counts = transport.counts
        try await Task.sleep(for: ActionsBench.windowClears)
        let reader = ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(ActionsBench.key)))
        let states = try await lockStates(users, client: reader)
        let wrong = users.count { states[$0] != false }
        let tooMany = counts.statuses[429, default: 0]
        Output.line("bulk one request after another, no limiter, no retries: \(counts.sentAt.count) requests in \(Measurements.format(elapsed)); "
            + "429s \(tooMany); locks refused \(locksRefused), unlocks refused \(unlocksRefused); left locked \(wrong)")
        return [
            .init(figure: "same job naively (no limiter, no retries): time", measured: Measurements.format(elapsed), goal: "", met: nil),
            .init(figure: "  429s received", measured: "\(tooMany)", goal: "", met: nil),
            .init(figure: "  users in the wrong state at the end (locks refused)", measured: "\(wrong) (\(locksRefused))", goal: "", met: nil),
        ]
    }
}

/// What the queue's events said about the commands of one run.
struct QueueOutcomes: Sendable {
    var finished = 0
    var failed = 0
    var needsOperator = 0
    var rateLimited = 0
    /// Per user, whether Clerk's answer to the lock showed the user locked.
    var lockedByAnswer: [String: Bool] = [:]

    static func collect(_ events: AsyncStream<CommandEvent>) async -> QueueOutcomes {
        var outcomes = QueueOutcomes()
        for await event in events {
            switch event {
            case .finished(let command, let result):
                outcomes.finished += 1
                if command.action == .lock {
                    for user in result.users { outcomes.lockedByAnswer[user.id] = user.locked }
                }
            case .failed: outcomes.failed += 1
            case .needsOperator: outcomes.needsOperator += 1
            case .rateLimited: outcomes.rateLimited += 1
            default: break
            }
        }
        return outcomes
    }
}
