import ClerkAPI
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Misbehaviour on demand, so the console's error paths can be tested against a real server:
/// latency, server errors, 429 bursts with `Retry-After`, and connections dropped mid-response.
public struct FaultPlan: Sendable, Hashable, Codable {
    /// Added to every response.
    public var latencyMilliseconds: Int = 0
    /// Share of requests (0–1) answered with 503.
    public var serverErrorRate: Double = 0
    /// Every this many requests, a burst of `rateLimitBurst` 429s begins.
    public var rateLimitEvery: Int = 0
    public var rateLimitBurst: Int = 1
    public var retryAfterSeconds: Int = 1
    /// Share of requests (0–1) whose connection is cut after the response head.
    public var dropRate: Double = 0

    public init() {}

    public static let none = FaultPlan()

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        latencyMilliseconds = try container.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? 0
        serverErrorRate = try container.decodeIfPresent(Double.self, forKey: .serverErrorRate) ?? 0
        rateLimitEvery = try container.decodeIfPresent(Int.self, forKey: .rateLimitEvery) ?? 0
        rateLimitBurst = try container.decodeIfPresent(Int.self, forKey: .rateLimitBurst) ?? 1
        retryAfterSeconds = try container.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? 1
        dropRate = try container.decodeIfPresent(Double.self, forKey: .dropRate) ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case latencyMilliseconds = "latency_ms"
        case serverErrorRate = "server_error_rate"
        case rateLimitEvery = "rate_limit_every"
        case rateLimitBurst = "rate_limit_burst"
        case retryAfterSeconds = "retry_after_seconds"
        case dropRate = "drop_rate"
    }
}

/// The live fault plan and the request counter it works from; `PUT /v1/sandbox/faults` replaces the plan.
final class FaultState: Sendable {
    private struct State {
        var plan: FaultPlan
        var requests = 0
        var random: SeededRandom
    }

    private let state: Mutex<State>

    init(plan: FaultPlan, seed: UInt64) {
        state = Mutex(State(plan: plan, random: SeededRandom(seed: seed ^ 0xFA17)))
    }

    var plan: FaultPlan {
        get { state.withLock { $0.plan } }
        set { state.withLock { $0.plan = newValue; $0.requests = 0 } }
    }

    enum Decision {
        case pass
        case serverError
        case rateLimited(retryAfter: Int)
        case drop
    }

    func decide() -> (Decision, latency: Int) {
        state.withLock { state in
            let plan = state.plan
            state.requests += 1
            let latency = plan.latencyMilliseconds
            if plan.rateLimitEvery > 0 {
                let position = (state.requests - 1) % plan.rateLimitEvery
                if position >= plan.rateLimitEvery - min(plan.rateLimitBurst, plan.rateLimitEvery) {
                    return (.rateLimited(retryAfter: plan.retryAfterSeconds), latency)
                }
            }
            if plan.serverErrorRate > 0, state.random.chance(plan.serverErrorRate) { return (.serverError, latency) }
            if plan.dropRate > 0, state.random.chance(plan.dropRate) { return (.drop, latency) }
            return (.pass, latency)
        }
    }
}

struct FaultInjectionMiddleware<Context: RequestContext>: RouterMiddleware {
    let faults: FaultState

    private struct DroppedConnection: Error {}

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The sandbox's own endpoints are never faulty, or a test could not switch faults off or read the counts.
        if request.uri.path.hasPrefix("/v1/sandbox/") { return try await next(request, context) }
        let (decision, latency) = faults.decide()
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        switch decision {
        case .pass:
            return try await next(request, context)
        case .serverError:
            throw SandboxError(503, code: "service_unavailable", message: "unavailable", longMessage: "The sandbox is injecting a 503 (fault injection).")
        case .rateLimited(let retryAfter):
            var error = SandboxError(429, code: "too_many_requests", message: "Too many requests",
                                     longMessage: "Rate limit exceeded (fault injection); retry after \(retryAfter) s.")
            error.retryAfter = retryAfter
            return ClerkErrorMiddleware<Context>.response(error)
        case .drop:
            // Promise a body, send a byte of it, then fail: the connection closes mid-response.
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(contentLength: 4096) { writer in
                try await writer.write(ByteBuffer(string: "{"))
                throw DroppedConnection()
            })
        }
    }
}
