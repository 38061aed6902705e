import ClerkAPI
import Testing

/// The whole of a call, retries included, fits in `requestTimeout`; servers that are not there
/// are not retried at all.
@Suite("Deadlines and what is worth retrying")
struct DeadlineTests {
    @Test("retries stop when the next wait would pass the deadline; each attempt gets what is left")
    func retriesBoundedByDeadline() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .failure(.failed(.lost)) })
        let client = ClientFactory.make(transport: transport, clock: clock, retry: RetryPolicy(maxAttempts: 10), requestTimeout: .seconds(1))
        let thrown = await #expect(throws: ClerkAPIError.self) { _ = try await client.users.get("user_1") }
        guard case .transport(let failure) = try #require(thrown) else { Issue.record("wrong error"); return }
        #expect(failure.problem == .lost)
        // 187.5 ms, then 375 ms; the next wait (750 ms) would end after the 1 s deadline.
        #expect(clock.sleeps == [.milliseconds(187.5), .milliseconds(375)])
        #expect(transport.requests.map(\.timeout) == [.seconds(1), .milliseconds(812.5), .milliseconds(437.5)])
    }

    @Test("a refused, unresolvable or unreachable server is reported at once, not retried", arguments: [
        ConnectionProblem.refused, .unresolvable, .connectTimedOut, .unreachable, .insecure("bad certificate"),
    ])
    func deadServerNotRetried(problem: ConnectionProblem) async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .failure(.failed(problem)) })
        let thrown = await #expect(throws: ClerkAPIError.self) {
            _ = try await ClientFactory.make(transport: transport, clock: clock).users.get("user_1")
        }
        guard case .transport(let failure) = try #require(thrown) else { Issue.record("wrong error"); return }
        #expect(failure.problem == problem)
        #expect(failure.host == "api.test" && failure.port == 443)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a Retry-After that would end past the deadline goes to the operator at once")
    func retryAfterPastDeadline() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .json(429, Fixtures.clerkError, headers: [HTTPHeader("Retry-After", "20")]) })
        let thrown = await #expect(throws: ClerkAPIError.self) {
            _ = try await ClientFactory.make(transport: transport, clock: clock).users.get("user_1")
        }
        #expect(try #require(thrown).httpStatus == 429)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a call that runs out of time says how long it waited, in the configured terms")
    func noAnswerNamesTheLimit() async throws {
        let transport = RecordingTransport(fallback: { _ in .failure(.failed(.noAnswer)) })
        let thrown = await #expect(throws: ClerkAPIError.self) {
            _ = try await ClientFactory.make(transport: transport, retry: .none, requestTimeout: .seconds(15)).users.get("user_1")
        }
        #expect(try #require(thrown).description == "no answer from api.test within 15 s")
    }
}
