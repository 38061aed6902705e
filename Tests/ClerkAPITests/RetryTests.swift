import ClerkAPI
import Testing

@Suite("Retries and error mapping")
struct RetryTests {
    @Test("a 429 with Retry-After: 2 waits exactly 2 s, then succeeds")
    func honoursRetryAfter() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock)
        transport.enqueue(.json(429, Fixtures.clerkError, headers: [HTTPHeader("Retry-After", "2")]), .json(200, Fixtures.user))
        let user = try await ClientFactory.make(transport: transport, clock: clock).users.get("user_1")
        #expect(user.id == "user_2abcDEF")
        #expect(clock.sleeps == [.seconds(2)])
        #expect(transport.sent.map(\.at) == [.zero, .seconds(2)])
    }

    @Test("a POST that is not idempotency-keyed is never retried", arguments: [
        RecordingTransport.Reply.json(503, ""), .json(429, "", headers: [HTTPHeader("Retry-After", "1")]),
        .failure(.failed(.lost)),
    ])
    func unsafePostNotRetried(reply: RecordingTransport.Reply) async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock)
        transport.enqueue(reply, .json(200, Fixtures.user))
        await #expect(throws: ClerkAPIError.self) { try await ClientFactory.make(transport: transport, clock: clock).users.ban("user_1") }
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("GET backs off with jitter on 502/503/504 and connection failures")
    func getRetriesTransientFailures() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock)
        transport.enqueue(.json(502, ""), .failure(.failed(.lost)), .json(504, ""), .json(200, Fixtures.user))
        _ = try await ClientFactory.make(transport: transport, clock: clock).users.get("user_1")
        #expect(transport.requests.count == 4)
        // jitter fixed at 0.5: half of each ceiling fixed plus a quarter of it: 250 ms → 187.5, 500 → 375, 1 s → 750
        #expect(clock.sleeps == [.milliseconds(187.5), .milliseconds(375), .milliseconds(750)])
    }

    @Test("attempts are bounded and the last error is reported")
    func boundedAttempts() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock, fallback: { _ in .json(503, Fixtures.clerkError) })
        do {
            _ = try await ClientFactory.make(transport: transport, clock: clock, retry: RetryPolicy(maxAttempts: 3)).users.get("user_1")
            Issue.record("expected failure")
        } catch {
            #expect(error.httpStatus == 503)
            #expect(error.traceID == "trace-abc-123")
        }
        #expect(transport.requests.count == 3)
    }

    @Test("the idempotency-keyed credit adjustment is retried with the same key")
    func creditAdjustmentRetried() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock)
        transport.enqueue(.failure(.failed(.noAnswer)), .json(200, Fixtures.ledgerEntry))
        let adjustment = CreditAdjustment(amount: 200, action: .decrease, idempotencyKey: "same-key")
        _ = try await ClientFactory.make(transport: transport, clock: clock).users.adjustCredits("user_1", adjustment)
        #expect(transport.requests.count == 2)
        #expect(Set(transport.requests.map(\.bodyText)).count == 1)
    }

    @Test("a Retry-After longer than the policy allows goes to the operator instead of hanging")
    func longRetryAfterSurfaces() async throws {
        let clock = ManualClock()
        let transport = RecordingTransport(clock: clock)
        transport.enqueue(.json(429, Fixtures.clerkError, headers: [HTTPHeader("Retry-After", "120")]))
        do {
            _ = try await ClientFactory.make(transport: transport, clock: clock).users.get("user_1")
            Issue.record("expected failure")
        } catch {
            guard case .api(let failure) = error else { Issue.record("wrong error \(error)"); return }
            #expect(failure.retryAfterSeconds == 120)
            #expect(error.suggestion.contains("120 s"))
        }
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a Clerk error keeps long_message, code and trace id; CF-Ray is the fallback")
    func errorMapping() async throws {
        let transport = RecordingTransport()
        transport.enqueue(.json(404, Fixtures.clerkError), .json(500, "<html>oops</html>", headers: [HTTPHeader("CF-Ray", "ray-77")]))
        let users = ClientFactory.make(transport: transport, retry: .none).users
        do {
            _ = try await users.get("user_x")
        } catch {
            guard case .api(let failure) = error else { Issue.record("wrong error"); return }
            #expect(failure.status == 404)
            #expect(failure.codes == ["resource_not_found"])
            #expect(error.description == "No user was found with id user_x. (HTTP 404, trace trace-abc-123)")
        }
        do {
            _ = try await users.get("user_x")
        } catch {
            #expect(error.traceID == "ray-77")
            #expect(error.description.contains("<html>oops</html>"))
        }
    }

    @Test("an undecodable 200 keeps the raw body and says where decoding failed")
    func undecodable() async throws {
        let transport = RecordingTransport(fallback: { _ in .json(200, #"{"id": 5}"#) })
        do {
            _ = try await ClientFactory.make(transport: transport).users.get("user_1")
        } catch {
            guard case .undecodable(let response) = error else { Issue.record("wrong error \(error)"); return }
            #expect(response.body == #"{"id": 5}"#)
            #expect(response.reason.contains("id"))
        }
    }

    @Test("cancellation while waiting out a Retry-After ends with .cancelled")
    func cancellation() async throws {
        let transport = RecordingTransport(fallback: { _ in .json(429, "", headers: [HTTPHeader("Retry-After", "5")]) })
        let client = ClerkClient(
            configuration: ClerkConfiguration(baseURL: "https://api.test/v1", secretKey: ClientFactory.key, rateLimits: .unlimited),
            transport: transport)
        let task = Task { try await client.users.get("user_1") }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        await #expect(throws: ClerkAPIError.cancelled) { try await task.value }
    }

    @Test("the secret key never appears in descriptions, errors or reflection")
    func keyIsNeverPrinted() async throws {
        let key = ClientFactory.key
        #expect(key.description == "sk_test_…6789")
        #expect(!key.occurs(in: "\(key)"))
        #expect(!key.occurs(in: String(reflecting: key)))
        #expect(!key.occurs(in: String(describing: ClerkConfiguration(secretKey: key))))
        let transport = RecordingTransport(fallback: { _ in .json(401, #"{"errors":[{"message":"bad","long_message":"Invalid key","code":"authentication_invalid"}]}"#) })
        let thrown = await #expect(throws: ClerkAPIError.self) { _ = try await ClientFactory.make(transport: transport).users.get("u") }
        let error = try #require(thrown)
        #expect(error.httpStatus == 401)
        // The key did travel, in the one header that needs it…
        #expect(transport.requests.first?.header("Authorization").map(key.occurs(in:)) == true)
        // …and shows in no text made from the error.
        var dumped = ""
        dump(error, to: &dumped)
        for text in ["\(error)", error.suggestion, String(reflecting: error), dumped] {
            #expect(!key.occurs(in: text), "\(text)")
        }
        #expect(error.suggestion.contains("CLERK_SECRET_KEY"))
    }
}
