import ClerkAPI
@testable import ClerkActions
import Foundation
import Testing

@Suite("Command queue: order, concurrency, pacing")
struct QueueOrderingTests {
    @Test("a command is journalled before it is sent and finishes with the user Clerk returned")
    func runsOne() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        let command = try await harness.enqueue(.ban, "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.users.map(\.id) == ["user_1"])
        #expect(result.users.first?.banned == true)
        #expect(harness.clerk.user("user_1")?.banned == true)
        let lines = try harness.journalLines()
        #expect(lines.map(\.kind) == [.intent, .sending, .outcome])
        #expect(lines.last?.outcome == .done)
        let audit = try harness.auditRecords()
        #expect(audit.count == 1)
        #expect(audit.first?.action == "ban" && audit.first?.userID == "user_1" && audit.first?.outcome == .done)
        #expect(audit.first?.operatorIdentity.user == "ana")
        let written = try String(contentsOfFile: harness.journalPath, encoding: .utf8) + String(contentsOfFile: harness.auditPath, encoding: .utf8)
        #expect(!Harness.secretKey.occurs(in: written), "the secret key is never written")
        #expect(written.contains("api.test"))
        let kinds = harness.events.all.filter { $0.commandID == command.id }.map { "\($0)".prefix(6) }
        #expect(kinds == ["queued", "runnin", "finish"])
    }

    @Test("commands on the same user wait for the one before; different users run at once")
    func perUserOrder() async throws {
        let harness = try Harness(users: [Users.make("user_1"), Users.make("user_2")])
        harness.clerk.hold { method, _ in method == .post }
        let first = try await harness.enqueue(.lock, "user_1")
        let second = try await harness.enqueue(.unlock, "user_1")
        let other = try await harness.enqueue(.lock, "user_2")
        let states = Dictionary(uniqueKeysWithValues: await harness.queue.snapshot().map { ($0.id, $0.state) })
        #expect(states[first.id] == .running && states[second.id] == .queued && states[other.id] == .running)
        try await waitUntil("both users' first commands in flight") { harness.clerk.heldCount == 2 }
        #expect(Set(harness.clerk.inFlightPaths) == ["/users/user_1/lock", "/users/user_2/lock"])
        harness.clerk.release()
        for command in [first, second, other] { _ = try await harness.outcome(of: command) }
        #expect(harness.clerk.sentPaths(.post).filter { $0.hasPrefix("/users/user_1") } == ["/users/user_1/lock", "/users/user_1/unlock"])
        #expect(harness.clerk.user("user_1")?.locked == false)
        #expect(harness.clerk.user("user_2")?.locked == true)
    }

    @Test("at most maxConcurrent commands are in flight")
    func boundedConcurrency() async throws {
        let harness = try Harness(users: Users.many(10), maxConcurrent: 3)
        harness.clerk.hold { _, _ in true }
        var commands: [Command] = []
        for index in 1...10 { commands.append(try await harness.enqueue(.lock, "user_\(index)")) }
        #expect(await harness.queue.snapshot().filter { $0.state == .running }.count == 3)
        try await waitUntil("three requests held") { harness.clerk.heldCount == 3 }
        harness.clerk.release()
        for command in commands { _ = try await harness.outcome(of: command) }
        #expect(harness.clerk.maxInFlight == 3)
        #expect(harness.clerk.sent.count == 10)
    }

    @Test("bulk ban goes through the bulk endpoint in calls of 50, reporting progress")
    func bulkBan() async throws {
        let harness = try Harness(users: Users.many(120))
        let command = try await harness.enqueue(.ban, (1...120).map { "user_\($0)" })
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(harness.clerk.sentPaths() == ["/users/ban", "/users/ban", "/users/ban"])
        #expect(result.users.count == 120)
        let progress = harness.events.all.compactMap { event -> String? in
            if case .progress(_, let done, let total) = event { return "\(done) of \(total)" }
            return nil
        }
        #expect(progress == ["50 of 120", "100 of 120", "120 of 120"])
        #expect(try harness.auditRecords().count == 120)
        #expect((1...120).allSatisfy { harness.clerk.user("user_\($0)")?.banned == true })
    }

    @Test("bulk lock is one call per user, paced by the instance rate limit")
    func pacedBulkLock() async throws {
        let limits = RateLimits(instance: RateBudget(limit: 2, window: .seconds(10)), perUserWrites: nil, safetyMargin: .zero)
        // One request at a time: the test's virtual clock jumps to the latest sleeper's deadline, so
        // concurrent sleepers would record arrival times that no real clock gives (the limiter's
        // own tests cover concurrent callers).
        let harness = try Harness(users: Users.many(6), maxConcurrent: 1, rateLimits: limits)
        let command = try await harness.enqueue(.lock, (1...6).map { "user_\($0)" })
        _ = try await harness.outcome(of: command)
        let times = harness.clerk.sent.map(\.at)
        #expect(times.count == 6)
        for (index, time) in times.enumerated() where index >= 2 {
            #expect(time - times[index - 2] >= .seconds(10), "request \(index + 1) came too soon: \(times)")
        }
        #expect(harness.events.all.filter { if case .progress = $0 { true } else { false } }.count == 6)
    }

    @Test("a bulk lock keeps several of its users in flight at once, never more than its bound")
    func concurrentBulkLock() async throws {
        let count = 10
        let harness = try Harness(users: Users.many(count), maxConcurrent: 4)
        harness.clerk.hold { method, _ in method == .post }
        let command = try await harness.enqueue(.lock, (1...count).map { "user_\($0)" })
        try await waitUntil("the first users of the command in flight together") { harness.clerk.heldCount == 4 }
        harness.clerk.release()
        guard case .finished = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(harness.clerk.maxInFlight == 4)
        #expect(Set(harness.clerk.sentPaths(.post)).count == count && harness.clerk.sent.count == count, "each user sent once")
        #expect((1...count).allSatisfy { harness.clerk.user("user_\($0)")?.locked == true })
    }

    @Test("a 429 keeps the command queued and sends it again after Retry-After")
    func rateLimited() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/lock", .instead, .status(429, retryAfter: 7))
        let command = try await harness.enqueue(.lock, "user_1")
        guard case .finished = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(harness.events.all.contains(.rateLimited(command, retryAfter: .seconds(7))))
        #expect(!harness.events.all.contains { if case .failed = $0 { true } else { false } })
        let times = harness.clerk.sent.map(\.at)
        #expect(times.count == 2 && times[1] - times[0] >= .seconds(7))
        #expect(try harness.journalLines().map(\.kind) == [.intent, .sending, .requeued, .sending, .outcome])
    }

    @Test("a 429 in the middle of a bulk lock: the users in flight finish, the rest wait, nobody is sent twice")
    func rateLimitedBulkLock() async throws {
        let count = 20
        let harness = try Harness(users: Users.many(count), maxConcurrent: 4)
        harness.clerk.fail(.post, "/users/user_3/lock", .instead, .status(429, retryAfter: 5))
        let command = try await harness.enqueue(.lock, (1...count).map { "user_\($0)" })
        guard case .finished = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(harness.events.all.contains(.rateLimited(command, retryAfter: .seconds(5))))
        let paths = harness.clerk.sentPaths(.post)
        #expect(paths.filter { $0 == "/users/user_3/lock" }.count == 2, "the refused user is sent again")
        #expect(paths.count == count + 1 && Set(paths).count == count, "everyone else exactly once: \(paths.count) requests")
        // No limits and a clock that only moves when someone waits: the 429 came at 0, so only the
        // users in the air (the bound, plus any started as others finished before the 429 was read)
        // went before its Retry-After was over, not all twenty.
        let early = harness.clerk.sent.filter { $0.at < .seconds(5) }.count
        #expect(early <= 8, "\(early) requests went before the Retry-After was over")
        #expect((1...count).allSatisfy { harness.clerk.user("user_\($0)")?.locked == true })
    }

    @Test("a queued command can be cancelled and is never sent; a later one on the user then runs")
    func cancel() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.hold { _, _ in true }
        let running = try await harness.enqueue(.lock, "user_1")
        let doomed = try await harness.enqueue(.deleteUser, "user_1")
        let after = try await harness.enqueue(.unlock, "user_1")
        try await waitUntil("the first request held") { harness.clerk.heldCount == 1 }
        #expect(await harness.queue.cancel(running.id) == false)
        #expect(await harness.queue.cancel(doomed.id) == true)
        harness.clerk.release()
        _ = try await harness.outcome(of: after)
        #expect(harness.events.all.contains(.cancelled(doomed)))
        #expect(!harness.clerk.sent.contains { $0.method == .delete })
        #expect(harness.clerk.user("user_1") != nil)
    }

    @Test("a command for another instance is refused")
    func otherInstance() async throws {
        let harness = try Harness(users: [])
        let command = try Command(.ban, userID: "user_1", instance: InstanceIdentity(host: "api.clerk.com", keyKind: .production))
        await #expect(throws: CommandQueueError.self) { try await harness.queue.enqueue(command) }
        #expect(try harness.journalLines().isEmpty)
    }
}
