import Hummingbird
import Synchronization

/// What the sandbox has answered to Clerk's API since it started, by status: a benchmark or a test
/// counts on the server side what a client really sent and how often it was refused (429), which
/// a client cannot report about itself. The sandbox's own `/v1/sandbox/…` endpoints are not counted.
public struct SandboxRequestStats: Sendable, Hashable, Codable {
    public var requests: Int
    /// Answers by HTTP status; JSON object keys are the statuses as text (`{"200": 99, "429": 3}`).
    public var statuses: [Int: Int]

    public init(requests: Int = 0, statuses: [Int: Int] = [:]) {
        self.requests = requests
        self.statuses = statuses
    }

    public var tooManyRequests: Int { statuses[429, default: 0] }

    /// What was answered after `earlier`, a snapshot of the same sandbox.
    public func since(_ earlier: SandboxRequestStats) -> SandboxRequestStats {
        var changed: [Int: Int] = [:]
        for (status, count) in statuses where count != earlier.statuses[status, default: 0] {
            changed[status] = count - earlier.statuses[status, default: 0]
        }
        return SandboxRequestStats(requests: requests - earlier.requests, statuses: changed)
    }

    enum CodingKeys: String, CodingKey {
        case object, requests, statuses
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requests = try container.decode(Int.self, forKey: .requests)
        let byText = try container.decode([String: Int].self, forKey: .statuses)
        var statuses: [Int: Int] = [:]
        for (text, count) in byText {
            guard let status = Int(text) else {
                throw DecodingError.dataCorruptedError(forKey: .statuses, in: container, debugDescription: "'\(text)' is not an HTTP status")
            }
            statuses[status] = count
        }
        self.statuses = statuses
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("sandbox_stats", forKey: .object)
        try container.encode(requests, forKey: .requests)
        try container.encode(Dictionary(uniqueKeysWithValues: statuses.map { (String($0.key), $0.value) }), forKey: .statuses)
    }
}

/// The live counts behind `GET /v1/sandbox/stats`.
final class RequestCounter: Sendable {
    private let stats = Mutex(SandboxRequestStats())

    func record(_ status: Int) {
        stats.withLock {
            $0.requests += 1
            $0.statuses[status, default: 0] += 1
        }
    }

    var snapshot: SandboxRequestStats { stats.withLock { $0 } }
}

/// Outermost, so that it sees the status the client receives: refusals by the key check and the
/// rate limiter, injected faults and errors turned into Clerk's error body.
struct RequestCountingMiddleware<Context: RequestContext>: RouterMiddleware {
    let counter: RequestCounter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/v1/sandbox/") { return try await next(request, context) }
        do {
            let response = try await next(request, context)
            counter.record(Int(response.status.code))
            return response
        } catch let error as HTTPResponseError {
            counter.record(Int(error.status.code))
            throw error
        } catch {
            // Hummingbird answers anything else with 500.
            counter.record(500)
            throw error
        }
    }
}
