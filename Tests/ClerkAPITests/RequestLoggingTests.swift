import ClerkAPI
import Logging
import Testing

@Suite("Failed requests are logged, without the key")
struct RequestLoggingTests {
    @Test("an API failure logs method, path, status, trace id, attempt and the retry delay")
    func apiFailureLogged() async throws {
        let capture = LogCapture()
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock)
        transport.enqueue(.json(503, Fixtures.clerkError), .json(200, Fixtures.user))
        _ = try await ClientFactory.make(transport: transport, clock: clock, logger: capture.logger).users.get("user_1")
        let failures = capture.records.filter { $0.level == .warning }
        try #require(failures.count == 1)
        let record = failures[0]
        #expect(record.message == "GET /users/user_1 failed")
        #expect(record.metadata["method"] == "GET")
        #expect(record.metadata["path"] == "/users/user_1")
        #expect(record.metadata["status"] == "503")
        #expect(record.metadata["trace_id"] == "trace-abc-123")
        #expect(record.metadata["attempt"] == "1")
        #expect(record.metadata["retry_in_ms"] == "187")
    }

    @Test("a connection failure logs the plain sentence and that it will not be retried")
    func transportFailureLogged() async throws {
        let capture = LogCapture()
        let transport = RecordingTransport(fallback: { _ in .failure(.failed(.refused)) })
        let client = ClientFactory.make(transport: transport, logger: capture.logger)
        var filter = UserFilter()
        filter.query = "ana@example.com"
        await #expect(throws: ClerkAPIError.self) { _ = try await client.users.list(UserListQuery(filter: filter)) }
        let failures = capture.records.filter { $0.level == .warning }
        try #require(failures.count == 1)
        #expect(failures[0].metadata["error"] == "cannot connect to api.test:443: connection refused")
        #expect(failures[0].metadata["path"] == "/users")
        #expect(failures[0].metadata["attempt"] == "1")
        #expect(failures[0].metadata["retry_in_ms"] == "none")
        // The path only: what the operator searched for stays out of the log.
        #expect(!failures[0].fullText.contains("ana@example.com"))
    }

    @Test("each attempt of a retried read is its own line, numbered")
    func everyAttemptLogged() async throws {
        let capture = LogCapture()
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .failure(.failed(.lost)) })
        let client = ClientFactory.make(transport: transport, clock: clock, retry: RetryPolicy(maxAttempts: 3), logger: capture.logger)
        await #expect(throws: ClerkAPIError.self) { _ = try await client.users.count() }
        let failures = capture.records.filter { $0.level == .warning }
        #expect(failures.map { $0.metadata["attempt"] } == ["1", "2", "3"])
        #expect(failures.map { $0.metadata["retry_in_ms"] } == ["187", "375", "none"])
    }

    @Test("the key is in no log record, even when the server echoes it back")
    func keyNeverLogged() async throws {
        let capture = LogCapture()
        let key = ClientFactory.key
        let transport = RecordingTransport(fallback: { request in
            // A misbehaving proxy that puts the Authorization header it got into its error code.
            let header = request.header("Authorization") ?? ""
            return .json(401, #"{"errors":[{"message":"bad","long_message":"rejected","code":"\#(header)"}],"clerk_trace_id":"\#(header)"}"#)
        })
        let client = ClientFactory.make(transport: transport, logger: capture.logger)
        await #expect(throws: ClerkAPIError.self) { _ = try await client.users.get("user_1") }
        let records = capture.records
        try #require(records.contains { $0.level == .warning && $0.metadata["status"] == "401" })
        // The echoed header did reach the log, masked.
        #expect(records.contains { $0.fullText.contains("sk_test_…6789") })
        for record in records {
            #expect(!key.occurs(in: record.fullText), "\(record.fullText)")
        }
    }
}
