import ClerkAPI
import Testing

@Suite("Rate limiting")
struct RateLimiterTests {
    /// True when no `window`-long half-open interval holds more than `limit` of `times`.
    private func withinBudget(_ times: [Duration], limit: Int, window: Duration) -> Bool {
        let sorted = times.sorted()
        guard sorted.count > limit else { return true }
        return (0..<(sorted.count - limit)).allSatisfy { sorted[$0 + limit] - sorted[$0] >= window }
    }

    @Test("250 reads against a development key never exceed 100 in any 10 s window")
    func instanceBudget() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .json(200, Fixtures.user) })
        let limits = RateLimits.clerkDefaults(for: SecretKey("sk_test_abc"))
        let users = ClientFactory.make(transport: transport, clock: clock, rateLimits: limits).users
        for index in 0..<250 { _ = try await users.get("user_\(index)") }
        let times = transport.sent.map(\.at)
        #expect(times.count == 250)
        #expect(withinBudget(times, limit: 100, window: .seconds(10)))
        #expect(!withinBudget(times, limit: 99, window: .seconds(10)), "the budget is used, not wasted")
    }

    @Test("concurrent callers share the budget")
    func concurrentCallers() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .json(200, Fixtures.user) })
        let limits = RateLimits(instance: RateBudget(limit: 20, window: .seconds(10)), perUserWrites: nil)
        let users = ClientFactory.make(transport: transport, clock: clock, rateLimits: limits).users
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<60 { group.addTask { _ = try await users.get("user_\(index)") } }
            try await group.waitForAll()
        }
        #expect(transport.sent.count == 60)
        #expect(withinBudget(transport.sent.map(\.at), limit: 20, window: .seconds(10)))
    }

    @Test("metadata writes to one user stay under 10 per 10 s; other users are not held back")
    func perUserBudget() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .json(200, Fixtures.user) })
        let limits = RateLimits(instance: .productionInstance, perUserWrites: .perUserWrites)
        let users = ClientFactory.make(transport: transport, clock: clock, rateLimits: limits).users
        for index in 0..<25 { _ = try await users.mergeMetadata("user_hot", MetadataUpdate(publicMetadata: ["n": .int(Int64(index))])) }
        let hotTimes = transport.sent.map(\.at)
        #expect(withinBudget(hotTimes, limit: 10, window: .seconds(10)))
        let before = clock.now()
        _ = try await users.mergeMetadata("user_cold", MetadataUpdate(publicMetadata: ["n": 1]))
        _ = try await users.get("user_hot")
        #expect(clock.now() == before, "a different user and a read go out at once")
    }
}
