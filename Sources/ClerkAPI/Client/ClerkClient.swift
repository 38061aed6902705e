import Foundation
import Logging

/// Sends `APIRequest`s to a Clerk Backend API: authenticates, pins the API version, keeps under the
/// rate limits, retries what is safe to retry, and turns every failure into a `ClerkAPIError`.
///
/// One client per instance; share it freely across tasks.
public final class ClerkClient: Sendable {
    public let configuration: ClerkConfiguration
    private let transport: any HTTPTransport
    private let clock: any APIClock
    private let limiter: RequestRateLimiter
    private let jitter: @Sendable () -> Double

    public init(
        configuration: ClerkConfiguration,
        transport: any HTTPTransport = AsyncHTTPClientTransport(),
        clock: any APIClock = SystemAPIClock(),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.clock = clock
        self.limiter = RequestRateLimiter(limits: configuration.rateLimits, clock: clock)
        self.jitter = jitter
    }

    /// Every Users operation of the Backend API.
    public var users: UsersClient { UsersClient(client: self) }

    /// Sends the request and decodes a 2xx body as `Response`.
    public func send<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws(ClerkAPIError) -> Response {
        let response = try await perform(request)
        do {
            return try WireCoding.decoder.decode(Response.self, from: response.body)
        } catch {
            throw .undecodable(UndecodableResponse(
                status: response.status, body: Self.excerpt(response.body), reason: Self.describe(decodingError: error),
                method: request.method.rawValue, path: request.path))
        }
    }

    /// Sends the request with retries and rate limiting; returns the 2xx response.
    func perform(_ request: APIRequest) async throws(ClerkAPIError) -> TransportResponse {
        let wire = makeTransportRequest(request)
        let policy = request.retrySafety == .safe ? configuration.retry : .none
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await limiter.acquire(perUserKey: request.perUserLimitKey)
            } catch {
                throw .cancelled
            }
            let started = clock.now()
            let response: TransportResponse
            do {
                response = try await transport.send(wire)
            } catch {
                guard case .failed(let reason, let timedOut) = error else { throw .cancelled }
                log(request, outcome: "failed: \(reason)", started: started, attempt: attempt)
                let failure = ClerkAPIError.transport(TransportFailure(reason: reason, timedOut: timedOut, method: request.method.rawValue, path: request.path))
                guard attempt < policy.maxAttempts else { throw failure }
                try await pause(policy.backoff(afterAttempt: attempt, unit: jitter()))
                continue
            }
            log(request, outcome: "\(response.status)", started: started, attempt: attempt)
            if (200..<300).contains(response.status) { return response }

            let failure = Self.apiFailure(from: response, request: request)
            guard RetryPolicy.isTransient(status: response.status), attempt < policy.maxAttempts else {
                throw .api(failure)
            }
            if response.status == 429, let seconds = failure.retryAfterSeconds {
                let wait = Duration.seconds(seconds)
                guard wait <= policy.maxRetryAfter else { throw .api(failure) }
                try await pause(wait)
            } else {
                try await pause(policy.backoff(afterAttempt: attempt, unit: jitter()))
            }
        }
    }

    private func pause(_ duration: Duration) async throws(ClerkAPIError) {
        do {
            try await clock.sleep(for: duration)
        } catch {
            throw .cancelled
        }
    }

    func makeTransportRequest(_ request: APIRequest) -> TransportRequest {
        var headers = [
            HTTPHeader("Authorization", configuration.secretKey.bearerValue),
            HTTPHeader("Clerk-API-Version", configuration.apiVersion),
            HTTPHeader("User-Agent", configuration.userAgent),
            HTTPHeader("Accept", "application/json"),
        ]
        var body: Data?
        switch request.body {
        case .json(let data):
            headers.append(HTTPHeader("Content-Type", "application/json"))
            body = data
        case .multipart(let data, let boundary):
            headers.append(HTTPHeader("Content-Type", "multipart/form-data; boundary=\(boundary)"))
            body = data
        case nil:
            break
        }
        return TransportRequest(
            method: request.method, url: configuration.baseURL + request.target, headers: headers, body: body,
            timeout: configuration.requestTimeout)
    }

    /// Never the headers (they carry the key); method, path, status and timing only.
    private func log(_ request: APIRequest, outcome: String, started: Duration, attempt: Int) {
        let elapsed = clock.now() - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        configuration.logger.debug(
            "\(request.method.rawValue) \(request.path) -> \(outcome)",
            metadata: ["ms": "\(milliseconds)", "attempt": "\(attempt)"])
    }

    static func apiFailure(from response: TransportResponse, request: APIRequest) -> APIFailure {
        let body = try? WireCoding.decoder.decode(ClerkErrorBody.self, from: response.body)
        var errors = body?.errors ?? []
        if errors.isEmpty {
            let text = excerpt(response.body)
            errors = [ClerkErrorEntry(
                message: "HTTP \(response.status)",
                longMessage: text.isEmpty ? "HTTP \(response.status) with an empty body" : "HTTP \(response.status): \(text)",
                code: "http_\(response.status)")]
        }
        let retryAfter = response.header("Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return APIFailure(
            status: response.status, errors: errors,
            traceID: body?.clerkTraceID ?? response.header("CF-Ray"),
            retryAfterSeconds: retryAfter, method: request.method.rawValue, path: request.path)
    }

    static func excerpt(_ body: Data) -> String {
        String(decoding: body.prefix(4096), as: UTF8.self)
    }

    static func describe(decodingError error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(key.stringValue) at \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) at \(path(context))"
        case .valueNotFound(let type, let context): return "null where \(type) was expected at \(path(context))"
        case .dataCorrupted(let context): return "malformed JSON at \(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}
