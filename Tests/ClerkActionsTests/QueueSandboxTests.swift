import ClerkAPI
import ClerkActions
import ClerkSandbox
import Foundation
import Testing

/// The queue against the real sandbox over loopback HTTP, dropped connections included: the whole
/// stack the console uses, on real time.
@Suite("Command queue ↔ sandbox")
struct QueueSandboxTests {
    static let key = "sk_test_actions"

    func start(users: Int, faults: FaultPlan = .none) async throws -> (SandboxServer, ClerkClient) {
        var configuration = SandboxConfiguration(secretKey: Self.key)
        configuration.users = users
        configuration.seed = 11
        configuration.faults = faults
        configuration.enforcesRateLimits = false
        let server = try await SandboxServer.start(configuration)
        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: server.baseURL, secretKey: SecretKey(Self.key), requestTimeout: .seconds(20),
            retry: RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(5), maxDelay: .milliseconds(50)), rateLimits: .unlimited))
        return (server, client)
    }

    func queue(_ client: ClerkClient, in scratch: TemporaryDirectory) throws -> CommandQueue {
        let state = try StateDirectory(preparing: scratch.sub("state"))
        let instance = InstanceIdentity(configuration: client.configuration)
        return CommandQueue(
            users: client.users, instance: instance, journal: try Journal(directory: try state.instanceDirectory(for: instance)),
            auditLog: try AuditLog(directory: state), operatorIdentity: OperatorIdentity(user: "it", host: "test"))
    }

    func bannedCount(_ ids: [String], _ client: ClerkClient) async throws -> Int {
        let wanted = Set(ids)
        return try await client.users.list(UserListQuery(limit: 200)).filter { wanted.contains($0.id) && $0.banned }.count
    }

    @Test("bulk ban of 120 sandbox users in three calls, then undone")
    func bulkBanAndUndo() async throws {
        let (server, client) = try await start(users: 150)
        defer { Task { await server.stop() } }
        let scratch = TemporaryDirectory()
        let queue = try queue(client, in: scratch)
        let events = EventRecorder(queue.events)
        let ids = try await client.users.list(UserListQuery(limit: 200)).filter { !$0.banned }.prefix(120).map(\.id)
        #expect(ids.count == 120)
        let ban = try Command(.ban, userIDs: ids, instance: queue.instance)
        try await queue.enqueue(ban)
        _ = try await events.waitFor("the ban finished") { if case .finished(let c, _) = $0 { c.id == ban.id } else { false } }
        #expect(try await bannedCount(ids, client) == 120)

        let unban = try #require(ban.undo())
        try await queue.enqueue(unban)
        _ = try await events.waitFor("the unban finished") { if case .finished(let c, _) = $0 { c.id == unban.id } else { false } }
        #expect(try await bannedCount(ids, client) == 0)
    }

    @Test("with a fifth of connections dropped, the users end as the finished commands say, in order")
    func droppedConnections() async throws {
        var faults = FaultPlan()
        faults.dropRate = 0.2
        let (server, client) = try await start(users: 30, faults: faults)
        defer { Task { await server.stop() } }
        let scratch = TemporaryDirectory()
        let queue = try queue(client, in: scratch)
        let events = EventRecorder(queue.events)
        let before = try await client.users.list(UserListQuery(limit: 40))
        #expect(before.count == 30)
        var commands: [Command] = []
        for user in before {
            for action in [CommandAction.lock, .unlock, .ban] {
                let command = try Command(action, userID: user.id, instance: queue.instance)
                try await queue.enqueue(command)
                commands.append(command)
            }
        }
        let expected = Set(commands.map(\.id))
        try await waitUntil("every command ended", timeout: .seconds(60)) {
            expected.isSubset(of: Set(events.all.filter(\.isTerminal).compactMap(\.commandID)))
        }
        let finished = Set(events.all.compactMap { if case .finished(let c, _) = $0 { c.id } else { nil } })
        let unknown = Set(events.all.compactMap { if case .needsOperator(let c, _) = $0 { c.userIDs[0] } else { nil } })
        #expect(finished.count >= commands.count * 3 / 4, "most commands get through a 20 % drop rate")
        for user in before where !unknown.contains(user.id) {
            // A failed command was proved not applied; a finished one was applied, in the order given.
            var locked = user.locked, banned = user.banned
            for command in commands where command.userIDs == [user.id] && finished.contains(command.id) {
                switch command.action {
                case .lock: locked = true
                case .unlock: locked = false
                case .ban: banned = true
                default: break
                }
            }
            let now = try await client.users.get(user.id)
            #expect(now.locked == locked && now.banned == banned, "\(user.id)")
        }
    }
}
