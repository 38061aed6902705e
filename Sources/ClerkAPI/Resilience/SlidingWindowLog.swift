/// The grant times of the last `limit` requests of one budget, oldest first.
///
/// A new request is granted at the earliest time ≥ every earlier grant (so grants stay in order)
/// and ≥ the grant `limit` places back plus the window. Then any `limit + 1` consecutive grants
/// span at least a window, which is exactly "never more than `limit` in any window".
struct SlidingWindowLog: Sendable {
    let budget: RateBudget
    let window: Duration
    private var grants: [Duration] = []

    init(budget: RateBudget, margin: Duration) {
        self.budget = budget
        self.window = budget.window + margin
    }

    /// The earliest grant time no sooner than `notBefore`, without reserving it.
    func earliestGrant(notBefore: Duration) -> Duration {
        var grant = max(notBefore, grants.last ?? notBefore)
        if grants.count >= budget.limit, let anchor = grants.first {
            grant = max(grant, anchor + window)
        }
        return grant
    }

    mutating func reserve(at grant: Duration) {
        grants.append(grant)
        if grants.count > budget.limit { grants.removeFirst(grants.count - budget.limit) }
    }

    /// True when nothing recent remains, so the log can be forgotten.
    func isIdle(at now: Duration) -> Bool {
        guard let last = grants.last else { return true }
        return last + window <= now
    }
}
