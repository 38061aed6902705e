import ClerkAPI
@testable import ClerkSandbox
import Foundation
import Testing

/// `GET /v1/sandbox/stats` counts what Clerk's API answered, by status, as the client received it;
/// `PUT /v1/sandbox/rate-limits` switches the limits while the sandbox runs.
@Suite("Sandbox: request counts and switching rate limits")
struct SandboxStatsTests {
    /// One client for every request, so that a window fills faster than it empties.
    private let transport = AsyncHTTPClientTransport()

    private func sandbox(key: String, limits: Bool) async throws -> SandboxServer {
        var configuration = SandboxConfiguration(secretKey: key)
        configuration.users = 3
        configuration.enforcesRateLimits = limits
        // The limiter's time stands still: on a loaded machine the window must not empty mid-test.
        configuration.rateLimitClock = { .zero }
        return try await SandboxServer.start(configuration)
    }

    private func send(_ server: SandboxServer, _ method: HTTPMethod, _ path: String, key: String?, body: String? = nil) async throws -> TransportResponse {
        var headers = [HTTPHeader("Content-Type", "application/json")]
        if let key { headers.append(HTTPHeader("Authorization", "Bearer \(key)")) }
        return try await transport.send(TransportRequest(
            method: method, url: server.baseURL + path, headers: headers, body: body.map { Data($0.utf8) }, timeout: .seconds(10)))
    }

    private func stats(_ server: SandboxServer, key: String) async throws -> SandboxRequestStats {
        let response = try await send(server, .get, "/sandbox/stats", key: key)
        #expect(response.status == 200)
        return try WireCoding.decoder.decode(SandboxRequestStats.self, from: response.body)
    }

    @Test("every answer of Clerk's API is counted by the status the client got: 401, 404, 200 and the limiter's 429s; the sandbox's own endpoints are not")
    func countsByStatus() async throws {
        let key = "sk_test_stats_\(Unique.suffix())"
        let server = try await sandbox(key: key, limits: true)
        #expect(try await stats(server, key: key) == SandboxRequestStats())

        #expect(try await send(server, .get, "/users/count", key: "sk_test_wrong").status == 401)
        #expect(try await send(server, .get, "/no_such_endpoint", key: key).status == 404)
        for _ in 0..<99 { #expect(try await send(server, .get, "/users/count", key: key).status == 200) }
        for _ in 0..<3 { #expect(try await send(server, .get, "/users/count", key: key).status == 429) }
        #expect(try await send(server, .put, "/sandbox/faults", key: key, body: "{}").status == 200)

        let counted = try await stats(server, key: key)
        #expect(counted == SandboxRequestStats(requests: 104, statuses: [401: 1, 404: 1, 200: 99, 429: 3]))
        #expect(counted.tooManyRequests == 3)

        let raw = try await send(server, .get, "/sandbox/stats", key: key)
        let text = String(decoding: raw.body, as: UTF8.self)
        #expect(text.contains(#""object":"sandbox_stats""#) && text.contains(#""429":3"#), "statuses are an object keyed by status: \(text)")

        // A fault's 503 is counted too: the client received it. The sandbox's own endpoints stay reachable.
        try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"enforced":false}"#).expectOK()
        #expect(try await send(server, .put, "/sandbox/faults", key: key, body: #"{"server_error_rate":1}"#).status == 200)
        #expect(try await send(server, .get, "/users/count", key: key).status == 503)
        #expect(try await stats(server, key: key).since(counted) == SandboxRequestStats(requests: 1, statuses: [503: 1]))
        await server.stop()
    }

    @Test("rate limits switched on mid-run start from empty windows; switched off, nothing is refused")
    func switchingLimits() async throws {
        let key = "sk_test_switch_\(Unique.suffix())"
        let server = try await sandbox(key: key, limits: false)
        let state = try await send(server, .get, "/sandbox/rate-limits", key: key)
        #expect(String(decoding: state.body, as: UTF8.self) == #"{"enforced":false,"instance_limit":100,"window_seconds":10}"#)
        for _ in 0..<150 { #expect(try await send(server, .get, "/users/count", key: key).status == 200) }

        try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"enforced":true}"#).expectOK()
        let before = try await stats(server, key: key)
        for _ in 0..<100 { #expect(try await send(server, .get, "/users/count", key: key).status == 200) }
        #expect(try await send(server, .get, "/users/count", key: key).status == 429)

        // Switching on again while on keeps the full window; off and on again empties it.
        try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"enforced":true}"#).expectOK()
        #expect(try await send(server, .get, "/users/count", key: key).status == 429)
        try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"enforced":false}"#).expectOK()
        #expect(try await send(server, .get, "/users/count", key: key).status == 200)
        try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"enforced":true}"#).expectOK()
        #expect(try await send(server, .get, "/users/count", key: key).status == 200)

        #expect(try await stats(server, key: key).since(before) == SandboxRequestStats(requests: 104, statuses: [200: 102, 429: 2]))
        #expect(try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"enforced":"yes"}"#).status == 422)
        #expect(try await send(server, .put, "/sandbox/rate-limits", key: key, body: #"{"on":true}"#).status == 422)
        await server.stop()
    }

    @Test("the difference of two snapshots leaves out statuses that did not change")
    func difference() {
        let earlier = SandboxRequestStats(requests: 10, statuses: [200: 8, 429: 2])
        let later = SandboxRequestStats(requests: 15, statuses: [200: 12, 429: 2, 404: 1])
        #expect(later.since(earlier) == SandboxRequestStats(requests: 5, statuses: [200: 4, 404: 1]))
        #expect(later.since(later) == SandboxRequestStats())
    }
}

private extension TransportResponse {
    func expectOK(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 200, "\(String(decoding: body, as: UTF8.self))", sourceLocation: sourceLocation)
    }
}
