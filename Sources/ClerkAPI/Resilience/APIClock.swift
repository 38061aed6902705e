/// Time as the client sees it, injectable so that tests of retries and rate limits run instantly
/// and deterministically.
public protocol APIClock: Sendable {
    /// Monotonic time since an arbitrary origin.
    func now() -> Duration
    /// Throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real, monotonic clock.
public struct SystemAPIClock: APIClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Duration { origin.duration(to: .now) }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
