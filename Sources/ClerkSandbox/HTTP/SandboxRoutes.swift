import ClerkAPI
import Hummingbird

/// Every route the sandbox serves, below `/v1` like Clerk's API.
struct SandboxRoutes: Sendable {
    let directory: UserDirectory
    let faults: FaultState
    let rateLimiter: SandboxRateLimiter?

    func router(secretKey: String) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ClerkErrorMiddleware())
        router.add(middleware: BearerAuthMiddleware(secretKey: secretKey))
        if let rateLimiter { router.add(middleware: RateLimitMiddleware(limits: rateLimiter)) }
        router.add(middleware: FaultInjectionMiddleware(faults: faults))
        addUserRoutes(to: router)
        addModerationRoutes(to: router)
        addCredentialRoutes(to: router)
        addIdentificationRoutes(to: router)
        addRelatedRoutes(to: router)
        router.put("/v1/sandbox/faults") { request, _ in
            var request = request
            let plan = try await RequestBodies.decode(FaultPlan.self, from: &request, allowed: [
                "latency_ms", "server_error_rate", "rate_limit_every", "rate_limit_burst", "retry_after_seconds", "drop_rate",
            ], emptyAllowed: true)
            faults.plan = plan
            return try JSONResponse.encode(plan)
        }
        return router
    }
}
