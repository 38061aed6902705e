import ClerkAPI
@testable import ClerkSandbox
import Foundation
import Synchronization
import Testing

/// The sandbox refuses what Clerk would refuse under load: over the instance's budget, or over
/// a user's budget for updates, a request gets 429 with `Retry-After` and Clerk's error body.
@Suite("Sandbox: Clerk's rate limits")
struct RateLimitTests {
    private func sandbox(key: String, limits: Bool = true) async throws -> SandboxServer {
        var configuration = SandboxConfiguration(secretKey: key)
        configuration.users = 3
        configuration.enforcesRateLimits = limits
        // Time stands still for the limiter: on a loaded machine a hundred requests may take longer
        // than the window, which would then refill before the one that must be refused.
        configuration.rateLimitClock = { .zero }
        return try await SandboxServer.start(configuration)
    }

    /// One client for every request: a client per request made a hundred requests take longer
    /// than the window under load, and the window then never filled.
    private let transport = AsyncHTTPClientTransport()

    private func send(_ server: SandboxServer, _ method: HTTPMethod, _ path: String, key: String, body: String? = nil) async throws -> TransportResponse {
        try await transport.send(TransportRequest(
            method: method, url: server.baseURL + path,
            headers: [HTTPHeader("Authorization", "Bearer \(key)"), HTTPHeader("Content-Type", "application/json")],
            body: body.map { Data($0.utf8) }, timeout: .seconds(10)))
    }

    /// A 429 as Clerk sends it: whole seconds to wait, and an error body with a trace id.
    private func expectRefusal(_ response: TransportResponse, within window: Int) throws {
        #expect(response.status == 429)
        let retryAfter = try #require(response.header("Retry-After").flatMap(Int.init), "Retry-After in whole seconds")
        #expect((1...window).contains(retryAfter))
        let body = try WireCoding.decoder.decode(ClerkErrorBody.self, from: response.body)
        #expect(body.errors.first?.code == "too_many_requests")
        #expect(body.errors.first?.longMessage.contains("Retry after \(retryAfter) seconds") == true)
        #expect(body.clerkTraceID?.isEmpty == false)
    }

    @Test("an sk_test_ instance gets 100 requests per 10 s, then 429 with Retry-After and Clerk's error body")
    func instanceLimit() async throws {
        let key = "sk_test_limits_\(Unique.suffix())"
        let server = try await sandbox(key: key)
        for index in 1...100 {
            let response = try await send(server, .get, "/users/count", key: key)
            #expect(response.status == 200, "request \(index) is within the budget")
        }
        try expectRefusal(try await send(server, .get, "/users/count", key: key), within: 10)
        // The sandbox's own control endpoint is not Clerk's API, and stays reachable.
        #expect(try await send(server, .put, "/sandbox/faults", key: key, body: "{}").status == 200)
        await server.stop()
    }

    @Test("a user gets 10 updates (PATCH, metadata PATCH and PUT) per 10 s; other users are not held back")
    func perUserLimit() async throws {
        let key = "sk_test_limits_\(Unique.suffix())"
        let server = try await sandbox(key: key)
        let client = ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(key), retry: .none, rateLimits: .unlimited))
        let users = try await client.users.list(UserListQuery(limit: 2))
        let (first, second) = (users[0].id, users[1].id)
        for index in 0..<10 {
            let (method, path): (HTTPMethod, String) = switch index % 3 {
            case 0: (.patch, "/users/\(first)/metadata")
            case 1: (.put, "/users/\(first)/metadata")
            default: (.patch, "/users/\(first)")
            }
            #expect(try await send(server, method, path, key: key, body: "{}").status == 200, "update \(index + 1) of \(first)")
        }
        try expectRefusal(try await send(server, .patch, "/users/\(first)/metadata", key: key, body: "{}"), within: 10)
        #expect(try await send(server, .patch, "/users/\(second)/metadata", key: key, body: "{}").status == 200)
        #expect(try await send(server, .get, "/users/\(first)", key: key).status == 200, "reads of the user are not update-limited")
        await server.stop()
    }

    @Test("with limits off, nothing is refused")
    func off() async throws {
        let key = "sk_test_limits_\(Unique.suffix())"
        let server = try await sandbox(key: key, limits: false)
        for _ in 0..<120 { #expect(try await send(server, .get, "/users/count", key: key).status == 200) }
        await server.stop()
    }

    @Test("windows slide: a slot frees when the request that took it is a window old; sk_live_ gets 1,000")
    func slidingWindow() {
        let now = Mutex(Duration.zero)
        let limiter = SandboxRateLimiter(secretKey: "sk_live_example", clock: { now.withLock { $0 } })
        #expect(limiter.instanceBudget.limit == 1000)
        for _ in 0..<999 { #expect(limiter.admit(userUpdate: nil) == nil) }
        now.withLock { $0 = .milliseconds(4_000) }
        #expect(limiter.admit(userUpdate: nil) == nil, "the 1,000th")
        let refused = limiter.admit(userUpdate: nil)
        #expect(refused?.status == 429)
        #expect(refused?.retryAfter == 6, "the first 999 leave the window at 10 s")
        now.withLock { $0 = .milliseconds(10_000) }
        for _ in 0..<999 { #expect(limiter.admit(userUpdate: nil) == nil) }
        #expect(limiter.admit(userUpdate: nil) != nil, "the one from 4 s is still in the window")
        now.withLock { $0 = .milliseconds(14_000) }
        #expect(limiter.admit(userUpdate: nil) == nil)

        let test = SandboxRateLimiter(secretKey: "sk_test_example", clock: { now.withLock { $0 } })
        #expect(test.instanceBudget.limit == 100)
        for _ in 0..<10 { #expect(test.admit(userUpdate: "user_a") == nil) }
        now.withLock { $0 += .milliseconds(2_500) }
        #expect(test.admit(userUpdate: "user_a")?.retryAfter == 8, "7.5 s left, rounded up")
        #expect(test.admit(userUpdate: "user_b") == nil)
    }
}
