import ClerkAPI
import Foundation
import Hummingbird
import Logging

/// Turns every failure into a Clerk error body with a trace id, as Clerk does: the client code
/// path for errors is then exercised exactly as against the real API.
struct ClerkErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SandboxError {
            return Self.response(error)
        } catch let error as HTTPError where error.status == .notFound {
            return Self.response(SandboxError(404, code: "resource_not_found", message: "not found",
                                              longMessage: "\(request.method) \(request.uri.path) is not an endpoint of this API."))
        } catch let error as HTTPError {
            return Self.response(SandboxError(Int(error.status.code), code: "request_failed", message: error.status.reasonPhrase,
                                              longMessage: error.body ?? error.status.reasonPhrase))
        } catch {
            context.logger.error("unhandled error: \(error)")
            return Self.response(SandboxError(500, code: "internal_clerk_error", message: "Something went wrong",
                                              longMessage: "The sandbox failed to handle this request: \(error)"))
        }
    }

    static func response(_ error: SandboxError, headers: HTTPFields = [:]) -> Response {
        let body = ClerkErrorBody(errors: [error.entry], clerkTraceID: "sandbox-\(UUID().uuidString.lowercased())")
        let data = (try? WireCoding.encoder.encode(body)) ?? Data()
        var fields = headers
        fields[.contentType] = "application/json"
        if let retryAfter = error.retryAfter { fields[.retryAfter] = String(retryAfter) }
        return Response(status: HTTPResponse.Status(code: error.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
