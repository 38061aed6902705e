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
        #expect(elapsed < .seconds(3), "a refused connection took \(elapsed)")
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
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(3), "took \(elapsed)")
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
        #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(3), "took \(elapsed)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect(failure.problem == .connectTimedOut)
        #expect(error.description == "cannot connect to 127.0.0.1:\(server.port): no answer within 1 s")
        #expect(error.suggestion.contains("network"))
    }

    @Test("a host that does not answer connection attempts fails within the connect timeout")
    func unreachable() async throws {
        // TEST-NET-1 (RFC 5737) is never routed: depending on the machine's network, the attempt is
        // dropped (connect timeout), has no route, or is refused by a firewall at once.
        let (error, elapsed) = try await failingRead(client(port: 9, host: "192.0.2.1", connectTimeout: .seconds(1)))
        #expect(elapsed < .seconds(3), "took \(elapsed)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect([.connectTimedOut, .unreachable, .refused].contains(failure.problem), "\(failure.problem)")
        #expect(error.description.hasPrefix("cannot connect to 192.0.2.1:9: "))
    }

    @Test("a name that does not resolve is reported as such")
    func unresolvable() async throws {
        // `.invalid` is reserved (RFC 2606) and never resolves.
        let (error, elapsed) = try await failingRead(client(port: 443, host: "api.clerk-triage.invalid", requestTimeout: .seconds(10)))
        #expect(elapsed < .seconds(11), "took \(elapsed)")
        guard case .transport(let failure) = error else { Issue.record("wrong error \(error)"); return }
        #expect(failure.problem == .unresolvable, "\(failure.problem)")
        #expect(error.description == "cannot resolve api.clerk-triage.invalid")
        #expect(error.suggestion.contains("DNS"))
    }
}
