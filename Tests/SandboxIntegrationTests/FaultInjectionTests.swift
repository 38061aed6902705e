import ClerkAPI
import ClerkSandbox
import Foundation
import Testing

@Suite("Client ↔ sandbox: faults", .serialized)
struct FaultInjectionTests {
    private func sandbox(_ plan: FaultPlan) async throws -> (SandboxServer, ClerkClient) {
        var configuration = SandboxConfiguration(secretKey: SandboxFixture.key)
        configuration.users = 5
        configuration.faults = plan
        configuration.enforcesRateLimits = false
        let server = try await SandboxServer.start(configuration)
        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: server.baseURL, secretKey: SecretKey(SandboxFixture.key), requestTimeout: .seconds(5),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10)), rateLimits: .unlimited))
        return (server, client)
    }

    @Test("a 429 burst with Retry-After is waited out by a read")
    func rateLimitBurst() async throws {
        var plan = FaultPlan()
        plan.rateLimitEvery = 2
        plan.rateLimitBurst = 1
        plan.retryAfterSeconds = 1
        let (server, client) = try await sandbox(plan)
        defer { Task { await server.stop() } }
        let started = ContinuousClock.now
        _ = try await client.users.count()
        _ = try await client.users.count()
        #expect(started.duration(to: .now) >= .seconds(1), "the second request hit a 429 and waited Retry-After")
    }

    @Test("a 429 on a ban is reported, not retried")
    func rateLimitedWriteSurfaces() async throws {
        var plan = FaultPlan()
        plan.rateLimitEvery = 1
        let (server, client) = try await sandbox(plan)
        defer { Task { await server.stop() } }
        do {
            _ = try await client.users.ban("user_x")
            Issue.record("expected 429")
        } catch {
            guard case .api(let failure) = error else { Issue.record("wrong error \(error)"); return }
            #expect(failure.status == 429 && failure.retryAfterSeconds == 1)
        }
    }

    @Test("dropped connections and 503s surface as transport or API errors, and a read recovers when they stop")
    func dropsAndErrors() async throws {
        var plan = FaultPlan()
        plan.dropRate = 1
        let (server, client) = try await sandbox(plan)
        defer { Task { await server.stop() } }
        do {
            _ = try await client.users.count()
            Issue.record("expected a failure")
        } catch {
            if case .transport = error {} else if case .undecodable = error {} else { Issue.record("unexpected \(error)") }
        }
        plan = FaultPlan()
        plan.serverErrorRate = 1
        _ = try await rawRequest(server.baseURL, .put, "/sandbox/faults", body: String(decoding: try JSONEncoder().encode(plan), as: UTF8.self))
        do {
            _ = try await client.users.count()
            Issue.record("expected 503")
        } catch {
            #expect(error.httpStatus == 503)
        }
        _ = try await rawRequest(server.baseURL, .put, "/sandbox/faults", body: "{}")
        #expect(try await client.users.count() == 5)
    }
}
