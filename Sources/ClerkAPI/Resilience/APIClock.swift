/// Time as the client sees it, injectable so that tests of retries and rate limits run instantly
/// and deterministically.
public protocol APIClock: Sendable {
    /// Monotonic time since an arbitrary origin.
    func now() -> Duration
    /// Throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
    /// Sleeps until `deadline` on this clock's time line. Waiters that computed the same deadline
    /// wake together, however late each started sleeping (the rate limiter grants times, not waits).
    func sleep(until deadline: Duration) async throws
}

extension APIClock {
    public func sleep(until deadline: Duration) async throws {
        let wait = deadline - now()
        if wait > .zero { try await sleep(for: wait) }
    }
}

/// The real, monotonic clock.
public struct SystemAPIClock: APIClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Duration { origin.duration(to: .now) }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }

    public func sleep(until deadline: Duration) async throws {
        try await Task.sleep(until: origin + deadline, clock: .continuous)
    }
}
