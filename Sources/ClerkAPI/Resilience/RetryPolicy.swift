/// How often and how patiently to retry requests that are safe to repeat.
public struct RetryPolicy: Sendable, Hashable {
    /// Total tries, the first one included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A `Retry-After` longer than this is not waited out: the error goes to the operator, who can
    /// decide, instead of the console appearing to hang.
    public var maxRetryAfter: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8), maxRetryAfter: Duration = .seconds(30)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// Exponential backoff with "equal jitter": half the delay is fixed, half random, so that
    /// clients that failed together do not retry together. `unit` in 0...1 picks the random half.
    public func backoff(afterAttempt attempt: Int, unit: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 16)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        let half = ceiling / 2
        return half + half * min(max(unit, 0), 1)
    }

    /// Statuses that mean "try again later" rather than "your request is wrong".
    static func isTransient(status: Int) -> Bool {
        status == 429 || status == 502 || status == 503 || status == 504
    }
}
