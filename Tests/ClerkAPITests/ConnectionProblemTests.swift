import AsyncHTTPClient
import ClerkAPI
import Glibc
import NIOCore
import NIOSSL
import Testing

@Suite("Connection problems: mapping and wording")
struct ConnectionProblemTests {
    @Test("errors from AsyncHTTPClient and SwiftNIO are sorted by what the operator can do", arguments: [
        (HTTPClientError.connectTimeout as any Error, ConnectionProblem.connectTimedOut),
        (HTTPClientError.getConnectionFromPoolTimeout, .connectTimedOut),
        (HTTPClientError.deadlineExceeded, .noAnswer),
        (HTTPClientError.readTimeout, .noAnswer),
        (HTTPClientError.remoteConnectionClosed, .lost),
        (HTTPClientError.emptyHost, .invalidURL("empty host")),
        (HTTPClientError.unsupportedScheme("ftp"), .invalidURL("only http and https URLs are supported")),
        (IOError(errnoCode: ECONNREFUSED, reason: "connect"), .refused),
        (IOError(errnoCode: ECONNRESET, reason: "read"), .lost),
        (IOError(errnoCode: EPIPE, reason: "write"), .lost),
        (IOError(errnoCode: ETIMEDOUT, reason: "read"), .lost),
        (IOError(errnoCode: ENETUNREACH, reason: "connect"), .unreachable),
        (IOError(errnoCode: EHOSTUNREACH, reason: "connect"), .unreachable),
        (ChannelError.connectTimeout(.seconds(5)), .connectTimedOut),
        (ChannelError.eof, .lost),
        (ChannelError.ioOnClosedChannel, .lost),
        (NIOSSLError.uncleanShutdown, .lost),
    ])
    func mapping(error: any Error, expected: ConnectionProblem) {
        #expect(ConnectionProblem(error) == expected)
    }

    @Test("TLS failures and anything unknown keep the library's words for the log")
    func mappingKeepsDetails() {
        guard case .insecure(let reason) = ConnectionProblem(NIOSSLError.handshakeFailed(.sslError([]))) else {
            Issue.record("not insecure"); return
        }
        #expect(!reason.isEmpty)
        struct Odd: Error {}
        guard case .other(let text) = ConnectionProblem(Odd()) else { Issue.record("not other"); return }
        #expect(text.contains("Odd"))
    }

    @Test("only a lost connection, a missing answer or the unknown are worth retrying")
    func retryWorth() {
        let retried: [ConnectionProblem] = [.lost, .noAnswer, .other("x")]
        let final: [ConnectionProblem] = [.refused, .unresolvable, .connectTimedOut, .unreachable, .insecure("x"), .invalidURL("x")]
        #expect(retried.allSatisfy { $0.isWorthRetrying })
        #expect(!final.contains { $0.isWorthRetrying })
        // What is not worth retrying never reached the server; what is, may have.
        #expect(final.allSatisfy { $0.requestNeverReachedServer })
        #expect(!retried.contains { $0.requestNeverReachedServer })
    }

    private func failure(_ problem: ConnectionProblem, host: String = "api.example.com", port: Int = 443, limit: Duration? = nil) -> ClerkAPIError {
        .transport(TransportFailure(problem: problem, host: host, port: port, limit: limit, method: "GET", path: "/users"))
    }

    @Test("each problem is one plain sentence naming the host", arguments: [
        (ConnectionProblem.refused, nil as Duration?, "cannot connect to api.example.com:443: connection refused"),
        (.unresolvable, nil, "cannot resolve api.example.com"),
        (.connectTimedOut, .seconds(5), "cannot connect to api.example.com:443: no answer within 5 s"),
        (.unreachable, nil, "cannot connect to api.example.com:443: no route to the host"),
        (.lost, nil, "the connection to api.example.com was lost"),
        (.noAnswer, .seconds(15), "no answer from api.example.com within 15 s"),
        (.noAnswer, .milliseconds(1500), "no answer from api.example.com within 1.5 s"),
        (.insecure("certificate expired"), nil, "cannot connect securely to api.example.com: certificate expired"),
        (.invalidURL("empty host"), nil, "cannot use the API URL for api.example.com: empty host"),
        (.other("odd"), nil, "cannot reach api.example.com: odd"),
    ])
    func sentences(problem: ConnectionProblem, limit: Duration?, sentence: String) {
        let error = failure(problem, limit: limit)
        #expect(error.description == sentence)
        #expect(!error.suggestion.isEmpty)
        #expect(error.suggestion.count <= 100, "fits a status line: \(error.suggestion)")
        #expect(local(problem).suggestion.count <= 100, "fits a status line: \(local(problem).suggestion)")
    }

    private func local(_ problem: ConnectionProblem) -> ClerkAPIError {
        failure(problem, host: "127.0.0.1", port: 8080)
    }

    @Test("advice names the sandbox for a local server, the URL and network for a remote one")
    func suggestions() {
        let local = failure(.refused, host: "127.0.0.1", port: 8080)
        #expect(local.suggestion.contains("clerk-triage sandbox"))
        let remote = failure(.refused)
        #expect(!remote.suggestion.contains("sandbox"))
        #expect(remote.suggestion.contains("--api-url"))
        #expect(failure(.unreachable).suggestion.contains("network"))
        #expect(failure(.lost, host: "localhost").suggestion.contains("sandbox"))
    }

    @Test("the default client connects with an explicit timeout and a whole-call deadline")
    func defaults() {
        let configuration = ClerkConfiguration(secretKey: ClientFactory.key)
        #expect(configuration.connectTimeout == .seconds(5))
        #expect(configuration.requestTimeout == .seconds(15))
    }
}
