/// At most `limit` requests in any `window`.
public struct RateBudget: Sendable, Hashable {
    public var limit: Int
    public var window: Duration

    public init(limit: Int, window: Duration) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Clerk's budgets for the whole instance, by key kind.
    public static let developmentInstance = RateBudget(limit: 100, window: .seconds(10))
    public static let productionInstance = RateBudget(limit: 1000, window: .seconds(10))
    /// User PATCH and metadata PATCH/PUT, per user.
    public static let perUserWrites = RateBudget(limit: 10, window: .seconds(10))
}

/// The budgets the client keeps under. `nil` disables a limit (the local sandbox has none).
public struct RateLimits: Sendable, Hashable {
    public var instance: RateBudget?
    public var perUserWrites: RateBudget?
    /// Added to every window so that a slightly different clock on Clerk's side never counts one
    /// request too many.
    public var safetyMargin: Duration

    public init(instance: RateBudget?, perUserWrites: RateBudget?, safetyMargin: Duration = .milliseconds(100)) {
        self.instance = instance
        self.perUserWrites = perUserWrites
        self.safetyMargin = safetyMargin
    }

    public static let unlimited = RateLimits(instance: nil, perUserWrites: nil, safetyMargin: .zero)

    /// Clerk's published limits for the kind of instance the key belongs to.
    public static func clerkDefaults(for key: SecretKey) -> RateLimits {
        RateLimits(
            instance: key.instanceKind == .production ? .productionInstance : .developmentInstance,
            perUserWrites: .perUserWrites
        )
    }
}
