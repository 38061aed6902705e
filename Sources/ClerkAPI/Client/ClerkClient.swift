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
    private let endpoint: (host: String, port: Int)

    public init(
        configuration: ClerkConfiguration,
        transport: (any HTTPTransport)? = nil,
        clock: any APIClock = SystemAPIClock(),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.configuration = configuration
        self.transport = transport ?? AsyncHTTPClientTransport(connectTimeout: configuration.connectTimeout)
        self.endpoint = Self.endpoint(of: configuration.baseURL)
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
    ///
    /// The whole call, retries and their waits included, fits in `requestTimeout`: each attempt
    /// gets what is left. Only time spent queued for the client's own rate limiter does not count;
    /// that is pacing, not the server keeping the operator waiting.
    func perform(_ request: APIRequest) async throws(ClerkAPIError) -> TransportResponse {
        var wire = makeTransportRequest(request)
        let policy = request.retrySafety == .safe ? configuration.retry : .none
        var deadline: Duration?
        var attempt = 0
        while true {
            attempt += 1
            let queued = clock.now()
            do {
                try await limiter.acquire(perUserKey: request.perUserLimitKey)
            } catch {
                throw .cancelled
            }
            let started = clock.now()
            let end = deadline.map { $0 + (started - queued) } ?? started + configuration.requestTimeout
            deadline = end
            wire.timeout = end - started
            let response: TransportResponse
            do {
                response = try await transport.send(wire)
            } catch {
                guard case .failed(let problem) = error else { throw .cancelled }
                let failure = transportFailure(problem, request)
                let retry = problem.isWorthRetrying && attempt < policy.maxAttempts
                    ? fitting(policy.backoff(afterAttempt: attempt, unit: jitter()), before: end) : nil
                logFailure(request, attempt: attempt, started: started, retryIn: retry, [
                    "error": "\(failure.sentence)", "problem": "\(problem)",
                ])
                guard let retry else { throw .transport(failure) }
                try await pause(retry)
                continue
            }
            if (200..<300).contains(response.status) {
                logSuccess(request, status: response.status, started: started, attempt: attempt)
                return response
            }

            var failure = Self.apiFailure(from: response, request: request)
            failure.attempt = attempt
            var retry: Duration?
            if RetryPolicy.isTransient(status: response.status), attempt < policy.maxAttempts {
                if response.status == 429, let seconds = failure.retryAfterSeconds {
                    let wait = Duration.seconds(seconds)
                    retry = wait <= policy.maxRetryAfter ? fitting(wait, before: end) : nil
                } else {
                    retry = fitting(policy.backoff(afterAttempt: attempt, unit: jitter()), before: end)
                }
            }
            var metadata: Logger.Metadata = ["status": "\(response.status)"]
            if let traceID = failure.traceID { metadata["trace_id"] = "\(traceID)" }
            if let code = failure.errors.first?.code { metadata["code"] = "\(code)" }
            if let seconds = failure.retryAfterSeconds { metadata["retry_after_s"] = "\(seconds)" }
            logFailure(request, attempt: attempt, started: started, retryIn: retry, metadata)
            guard let retry else { throw .api(failure) }
            try await pause(retry)
        }
    }

    /// `delay`, if waiting it still leaves time for another attempt before `deadline`.
    private func fitting(_ delay: Duration, before deadline: Duration) -> Duration? {
        clock.now() + delay < deadline ? delay : nil
    }

    private func transportFailure(_ problem: ConnectionProblem, _ request: APIRequest) -> TransportFailure {
        let limit: Duration? = switch problem {
        case .noAnswer: configuration.requestTimeout
        case .connectTimedOut: configuration.connectTimeout
        default: nil
        }
        return TransportFailure(
            problem: problem, host: endpoint.host, port: endpoint.port, limit: limit,
            method: request.method.rawValue, path: request.path)
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
    private func logSuccess(_ request: APIRequest, status: Int, started: Duration, attempt: Int) {
        configuration.logger.debug(
            "\(request.method.rawValue) \(request.path) -> \(status)",
            metadata: ["ms": "\(Self.milliseconds(clock.now() - started))", "attempt": "\(attempt)"])
    }

    /// Every failed attempt, so that a support engineer can line the log up with Clerk's trace ids.
    /// Method and path only (the query can hold what an operator searched for), never the headers;
    /// anything the server said passes through `redacted` in case it echoed the key back.
    private func logFailure(_ request: APIRequest, attempt: Int, started: Duration, retryIn: Duration?, _ details: Logger.Metadata) {
        var metadata = details.mapValues { Logger.MetadataValue.string(configuration.secretKey.redacted(in: "\($0)")) }
        metadata["method"] = "\(request.method.rawValue)"
        metadata["path"] = "\(request.path)"
        metadata["attempt"] = "\(attempt)"
        metadata["ms"] = "\(Self.milliseconds(clock.now() - started))"
        metadata["retry_in_ms"] = retryIn.map { "\(Self.milliseconds($0))" } ?? "none"
        configuration.logger.warning("\(request.method.rawValue) \(request.path) failed", metadata: metadata)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// Host and port as the operator wrote them, for messages; the default port when none is given.
    static func endpoint(of baseURL: String) -> (host: String, port: Int) {
        let components = URLComponents(string: baseURL)
        let host = components?.host.flatMap { $0.isEmpty ? nil : $0 } ?? baseURL
        let port = components?.port ?? (components?.scheme?.lowercased() == "http" ? 80 : 443)
        return (host, port)
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
