/// Everything that can go wrong talking to Clerk, in terms an operator can act on.
public enum ClerkAPIError: Error, Sendable, Hashable {
    /// Clerk answered with an error status and (usually) a Clerk error body.
    case api(APIFailure)
    /// The request never got an answer: connection refused or dropped, DNS, TLS, timeout.
    case transport(TransportFailure)
    /// Clerk answered, but the body was not what the spec describes. The raw body is kept.
    case undecodable(UndecodableResponse)
    /// Refused before sending: the input cannot be valid (an amount ≤ 0, no user ids, …).
    case invalidRequest(String)
    /// The caller cancelled (a newer search superseded this one, the screen closed, …).
    case cancelled
}

public struct APIFailure: Sendable, Hashable {
    public var status: Int
    public var errors: [ClerkErrorEntry]
    /// `clerk_trace_id` from the body, else the `CF-Ray` header: what Clerk support asks for.
    public var traceID: String?
    /// Seconds from `Retry-After`, when the server sent one.
    public var retryAfterSeconds: Int?
    public var method: String
    public var path: String
    /// Which send of the request this answers: after 1 an earlier send may have been applied
    /// (its answer lost), so a deletion's 404 may mean that send did it.
    public var attempt = 1

    public init(status: Int, errors: [ClerkErrorEntry], traceID: String?, retryAfterSeconds: Int?, method: String, path: String) {
        self.status = status
        self.errors = errors
        self.traceID = traceID
        self.retryAfterSeconds = retryAfterSeconds
        self.method = method
        self.path = path
    }

    public var codes: [String] { errors.map(\.code) }
}

/// A request that got no HTTP answer, and where it was going.
public struct TransportFailure: Sendable, Hashable {
    public var problem: ConnectionProblem
    /// The API's host and port, as the operator configured them.
    public var host: String
    public var port: Int
    /// The limit that ran out, for `.connectTimedOut` (the connect timeout) and `.noAnswer` (the
    /// request's whole time, retries included).
    public var limit: Duration?
    public var method: String
    public var path: String

    public init(problem: ConnectionProblem, host: String, port: Int, limit: Duration? = nil, method: String, path: String) {
        self.problem = problem
        self.host = host
        self.port = port
        self.limit = limit
        self.method = method
        self.path = path
    }

    public var timedOut: Bool { problem == .noAnswer || problem == .connectTimedOut }

    /// Whether the API is on this machine: then it is most likely the sandbox, and the advice is
    /// to check that it still runs.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

public struct UndecodableResponse: Sendable, Hashable {
    public var status: Int
    /// The first 4 KiB of the body, for the log and the error screen.
    public var body: String
    public var reason: String
    public var method: String
    public var path: String

    public init(status: Int, body: String, reason: String, method: String, path: String) {
        self.status = status
        self.body = body
        self.reason = reason
        self.method = method
        self.path = path
    }
}
