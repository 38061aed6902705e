import ClerkAPI
import Hummingbird

/// The sandbox's own endpoints, not Clerk's: never rate-limited, faulted or counted, so that a
/// test or a benchmark can always change the sandbox's behaviour and read what it answered.
extension SandboxRoutes {
    func addControlRoutes(to router: Router<BasicRequestContext>) {
        router.put("/v1/sandbox/faults") { request, _ in
            var request = request
            let plan = try await RequestBodies.decode(FaultPlan.self, from: &request, allowed: [
                "latency_ms", "server_error_rate", "rate_limit_every", "rate_limit_burst", "retry_after_seconds", "drop_rate",
            ], emptyAllowed: true)
            faults.plan = plan
            return try JSONResponse.encode(plan)
        }
        router.put("/v1/sandbox/rate-limits") { request, _ in
            var request = request
            let setting = try await RequestBodies.decode(RateLimitSetting.self, from: &request, allowed: ["enforced"])
            rateLimiter.enforced = setting.enforced
            return try JSONResponse.encode(RateLimitSetting(rateLimiter))
        }
        router.get("/v1/sandbox/rate-limits") { _, _ in
            try JSONResponse.encode(RateLimitSetting(rateLimiter))
        }
        router.get("/v1/sandbox/stats") { _, _ in
            try JSONResponse.encode(requestCounter.snapshot)
        }
    }
}

/// `{"enforced": true}` switches Clerk's rate limits on (from empty windows), `false` off; the
/// answer also says the instance's budget for this key.
struct RateLimitSetting: Codable {
    var enforced: Bool
    var instanceLimit: Int?
    var windowSeconds: Int64?

    init(_ limiter: SandboxRateLimiter) {
        enforced = limiter.enforced
        instanceLimit = limiter.instanceBudget.limit
        windowSeconds = limiter.instanceBudget.window.components.seconds
    }

    enum CodingKeys: String, CodingKey {
        case enforced
        case instanceLimit = "instance_limit"
        case windowSeconds = "window_seconds"
    }
}
