import ClerkAPI
import Hummingbird
import Synchronization

/// Clerk's rate limits, enforced as Clerk enforces them: per instance (100 requests per 10 s for
/// `sk_test_` keys, 1,000 for `sk_live_`) and per user for user updates (user PATCH and metadata
/// PATCH/PUT, 10 per 10 s). Over a limit the request is refused, not queued: 429 with
/// `Retry-After` in seconds and Clerk's error body, so that clients meet the real thing here.
///
/// Windows slide, as the client's limiter counts them: a request is accepted when fewer than the
/// limit were accepted in the window before it.
///
/// The limits can be switched on and off while the sandbox runs (`PUT /v1/sandbox/rate-limits`), so
/// that one sandbox serves a fast bulk read and then a rate-limited run. Switching them on starts
/// from empty windows, as on an instance that has been quiet: each run then starts alike.
final class SandboxRateLimiter: Sendable {
    private struct State {
        var enforced: Bool
        var instance: SlidingWindow
        var users: [String: SlidingWindow] = [:]
    }

    let instanceBudget: RateBudget
    let userBudget = RateBudget.perUserWrites
    private let clock: @Sendable () -> Duration
    private let state: Mutex<State>

    init(secretKey: String, enforced: Bool = true, clock: @escaping @Sendable () -> Duration) {
        instanceBudget = SecretKey(secretKey).instanceKind == .production ? .productionInstance : .developmentInstance
        self.clock = clock
        state = Mutex(State(enforced: enforced, instance: SlidingWindow(budget: instanceBudget)))
    }

    var enforced: Bool {
        get { state.withLock { $0.enforced } }
        set {
            state.withLock { state in
                if newValue, !state.enforced {
                    state.instance = SlidingWindow(budget: instanceBudget)
                    state.users = [:]
                }
                state.enforced = newValue
            }
        }
    }

    /// Nil when the request may go ahead (and is counted), else the refusal to send.
    func admit(userUpdate user: String?) -> SandboxError? {
        let now = clock()
        return state.withLock { state -> SandboxError? in
            guard state.enforced else { return nil }
            if let wait = state.instance.wait(at: now) {
                return Self.refusal(wait, "This instance allows \(instanceBudget.limit) requests per \(Self.seconds(instanceBudget.window)) seconds.")
            }
            if let user {
                var window = state.users[user] ?? SlidingWindow(budget: userBudget)
                if let wait = window.wait(at: now) {
                    return Self.refusal(wait, "A user can be updated \(userBudget.limit) times per \(Self.seconds(userBudget.window)) seconds.")
                }
                window.record(now)
                state.users[user] = window
                if state.users.count > 1024 { state.users = state.users.filter { !$0.value.isIdle(at: now) } }
            }
            state.instance.record(now)
            return nil
        }
    }

    private static func seconds(_ duration: Duration) -> Int64 { duration.components.seconds }

    private static func refusal(_ wait: Duration, _ limit: String) -> SandboxError {
        // Whole seconds, rounded up: a client that waits that long is sure to be let in.
        let retryAfter = max(1, wait.components.seconds + (wait.components.attoseconds > 0 ? 1 : 0))
        var error = SandboxError(429, code: "too_many_requests", message: "Too many requests",
                                 longMessage: "Too many requests. \(limit) Retry after \(retryAfter) seconds.")
        error.retryAfter = Int(retryAfter)
        return error
    }
}

/// The times of the requests accepted in the last window of one budget, oldest first.
struct SlidingWindow: Sendable {
    let budget: RateBudget
    private var accepted: [Duration] = []

    init(budget: RateBudget) {
        self.budget = budget
    }

    /// How long until a request would be accepted, or nil if it would be now.
    mutating func wait(at now: Duration) -> Duration? {
        if let expired = accepted.firstIndex(where: { $0 + budget.window > now }) {
            accepted.removeFirst(expired)
        } else {
            accepted.removeAll()
        }
        guard accepted.count >= budget.limit, let oldest = accepted.first else { return nil }
        return oldest + budget.window - now
    }

    mutating func record(_ now: Duration) {
        accepted.append(now)
    }

    func isIdle(at now: Duration) -> Bool {
        accepted.last.map { $0 + budget.window <= now } ?? true
    }
}

/// Applies `SandboxRateLimiter` to Clerk's API; the sandbox's own endpoints (`/v1/sandbox/…`) are not Clerk's, and are not limited.
struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: SandboxRateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/v1/sandbox/") { return try await next(request, context) }
        if let refusal = limits.admit(userUpdate: Self.updatedUser(request.method, path)) { throw refusal }
        return try await next(request, context)
    }

    /// The user a request updates, for the writes Clerk limits per user.
    static func updatedUser(_ method: HTTPRequest.Method, _ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0] == "v1", parts[1] == "users" else { return nil }
        switch (method, parts.count) {
        case (.patch, 3): return String(parts[2])
        case (.patch, 4), (.put, 4): return parts[3] == "metadata" ? String(parts[2]) : nil
        default: return nil
        }
    }
}
