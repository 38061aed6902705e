/// Keeps the process under Clerk's rate limits so that bulk work does not trip 429s: one budget for
/// the whole instance, and one per user for the writes Clerk limits per user.
///
/// Slots are reserved inside the actor and waited for outside it, so concurrent callers are
/// served in order and the actor is never blocked by a sleeping caller.
public actor RequestRateLimiter {
    private let limits: RateLimits
    private let clock: any APIClock
    private var instanceLog: SlidingWindowLog?
    private var userLogs: [String: SlidingWindowLog] = [:]

    public init(limits: RateLimits, clock: any APIClock) {
        self.limits = limits
        self.clock = clock
        self.instanceLog = limits.instance.map { SlidingWindowLog(budget: $0, margin: limits.safetyMargin) }
    }

    /// Waits until the request may be sent. Throws `CancellationError` if cancelled while waiting.
    public nonisolated func acquire(perUserKey: String?) async throws {
        let grant = await reserve(perUserKey: perUserKey)
        if grant > clock.now() {
            try await clock.sleep(until: grant)
        }
        try Task.checkCancellation()
    }

    private func reserve(perUserKey: String?) -> Duration {
        let now = clock.now()
        var grant = now
        if let key = perUserKey, let budget = limits.perUserWrites {
            var log = userLogs[key] ?? SlidingWindowLog(budget: budget, margin: limits.safetyMargin)
            grant = log.earliestGrant(notBefore: grant)
            if var instance = instanceLog {
                grant = instance.earliestGrant(notBefore: grant)
                instance.reserve(at: grant)
                instanceLog = instance
            }
            log.reserve(at: grant)
            userLogs[key] = log
            if userLogs.count > 1024 { userLogs = userLogs.filter { !$0.value.isIdle(at: now) } }
        } else if var instance = instanceLog {
            grant = instance.earliestGrant(notBefore: grant)
            instance.reserve(at: grant)
            instanceLog = instance
        }
        return grant
    }
}
