import ClerkAPI
import Foundation
import Testing

/// The real transport against real loopback sockets: a dead or silent server is reported within
/// seconds, in a sentence an operator can act on.
@Suite("Unreachable servers fail fast")
struct ConnectionFailureTests {
    private func client(port: Int, host: String = "127.0.0.1", requestTimeout: Duration = .seconds(15), connectTimeout: Duration = .seconds(5)) -> ClerkClient {
        ClerkClient(configuration: ClerkConfiguration(
            baseURL: "http://\(host):\(port)/v1", secretKey: ClientFactory.key, requestTimeout: requestTimeout,
            connectTimeout: connectTimeout, rateLimits: .unlimited))
    }

    /// Runs a read that must fail; returns the error and how long it took.
    private func failingRead(_ client: ClerkClient) async throws -> (ClerkAPIError, Duration) {
        let started = ContinuousClock.now
        let thrown = await #expect(throws: ClerkAPIError.self) { _ = try await client.users.count() }
        return (try #require(thrown), started.duration(to: .now))
    }

    @Test("a refused connection fails within 2 s, said plainly, with what to check")
    func refused() async throws {
        let port = try LoopbackSockets.refusingPort()
        let (error, elapsed) = try await failingRead(client(port: port))
        // Well under the connect timeout (5 s) and the call's deadline (15 s), which a refused
        // connection used to run out; a loaded machine still adds seconds, so the bound is loose.
        #expect(elapsed < .seconds(5), "a refused connection took \(elapsed)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect(failure.problem == .refused)
        #expect(error.description == "cannot connect to 127.0.0.1:\(port): connection refused")
        #expect(error.suggestion.contains("sandbox"))
        #expect(error.suggestion.contains("--api-url"))
    }

    @Test("a server that accepts and never answers is given up on at the request's deadline")
    func noAnswer() async throws {
        let server = try LoopbackSockets.SilentServer()
        defer { server.stop() }
        let (error, elapsed) = try await failingRead(client(port: server.port, requestTimeout: .seconds(1)))
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(8), "took \(elapsed) (the default deadline is 15 s)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect(failure.problem == .noAnswer)
        #expect(error.description == "no answer from 127.0.0.1 within 1 s")
    }

    @Test("a server that hangs up is retried for a read, then reported as a lost connection")
    func hangsUp() async throws {
        let server = try LoopbackSockets.HangingUpServer()
        defer { server.stop() }
        let (error, elapsed) = try await failingRead(client(port: server.port))
        // Bounded by the read's total deadline, not the default 15 s, even on a loaded machine.
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect(failure.problem == .lost)
        #expect(error.description == "the connection to 127.0.0.1 was lost")
    }

    @Test("a server that never completes the connection is given up on at the connect timeout")
    func connectTimeout() async throws {
        let server = try LoopbackSockets.FullBacklogServer()
        defer { server.stop() }
        let (error, elapsed) = try await failingRead(client(port: server.port, connectTimeout: .seconds(1)))
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(8), "took \(elapsed) (the default deadline is 15 s)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect(failure.problem == .connectTimedOut)
        #expect(error.description == "cannot connect to 127.0.0.1:\(server.port): no answer within 1 s")
        #expect(error.suggestion.contains("network"))
    }

    // Unreachable and unresolvable hosts are mapped in ConnectionProblemTests: a test here must not
    // send anything beyond this machine (no routed address, no DNS query).
}
