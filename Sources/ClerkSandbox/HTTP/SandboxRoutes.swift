import ClerkAPI
import Hummingbird

/// Every route the sandbox serves, below `/v1` like Clerk's API.
struct SandboxRoutes: Sendable {
    let directory: UserDirectory
    let faults: FaultState
    /// Always present, so that the limits can be switched on while the sandbox runs.
    let rateLimiter: SandboxRateLimiter
    let requestCounter: RequestCounter

    func router(secretKey: String) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestCountingMiddleware(counter: requestCounter))
        router.add(middleware: ClerkErrorMiddleware())
        router.add(middleware: BearerAuthMiddleware(secretKey: secretKey))
        router.add(middleware: RateLimitMiddleware(limits: rateLimiter))
        router.add(middleware: FaultInjectionMiddleware(faults: faults))
        addUserRoutes(to: router)
        addModerationRoutes(to: router)
        addCredentialRoutes(to: router)
        addIdentificationRoutes(to: router)
        addRelatedRoutes(to: router)
        addControlRoutes(to: router)
        return router
    }
}
