import Hummingbird

/// Accepts only `Authorization: Bearer <the sandbox's key>`; images are public, as on Clerk's CDN.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let secretKey: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get, request.uri.path.hasPrefix("/v1/sandbox/images/") {
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization], header == "Bearer \(secretKey)" else {
            throw SandboxError.unauthenticated
        }
        return try await next(request, context)
    }
}
