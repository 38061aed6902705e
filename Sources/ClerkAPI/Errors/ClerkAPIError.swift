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

public struct TransportFailure: Sendable, Hashable {
    public var reason: String
    public var timedOut: Bool
    public var method: String
    public var path: String

    public init(reason: String, timedOut: Bool, method: String, path: String) {
        self.reason = reason
        self.timedOut = timedOut
        self.method = method
        self.path = path
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
