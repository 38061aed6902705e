import Foundation

public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
    case patch = "PATCH"
    case put = "PUT"
    case delete = "DELETE"
}

/// Whether repeating a request could do something twice. Only safe requests are retried.
public enum RetrySafety: Sendable, Hashable {
    /// Reads, deletions, and POSTs made idempotent by a key.
    case safe
    /// Everything else: a timeout does not tell whether Clerk applied it.
    case unsafe
}

/// A Clerk API call before it meets the wire: path relative to the base URL, query, body, and the
/// facts the client needs to retry and rate-limit it correctly.
public struct APIRequest: Sendable, Hashable {
    public enum Body: Sendable, Hashable {
        case json(Data)
        case multipart(Data, boundary: String)
    }

    public var method: HTTPMethod
    /// Path segments below the base URL, e.g. `["users", id, "ban"]`; each is percent-encoded, so an
    /// id typed by the operator can never reach another endpoint.
    public var pathSegments: [String]
    public var query: [QueryItem]
    public var body: Body?
    public var retrySafety: RetrySafety
    /// Set for the calls Clerk limits to 10 per 10 s per user (user and metadata PATCH/PUT).
    public var perUserLimitKey: String?

    public init(
        _ method: HTTPMethod, _ pathSegments: [String], query: [QueryItem] = [], body: Body? = nil,
        retrySafety: RetrySafety? = nil, perUserLimitKey: String? = nil
    ) {
        self.method = method
        self.pathSegments = pathSegments
        self.query = query
        self.body = body
        self.retrySafety = retrySafety ?? (method == .get || method == .delete ? .safe : .unsafe)
        self.perUserLimitKey = perUserLimitKey
    }

    /// `/users/user_123/ban`, as it goes on the wire below the base URL.
    public var path: String {
        "/" + pathSegments.map(PercentEncoding.encode).joined(separator: "/")
    }

    /// Path plus query string.
    public var target: String {
        query.isEmpty ? path : path + "?" + PercentEncoding.queryString(query)
    }

    static func json<Body: Encodable>(
        _ method: HTTPMethod, _ pathSegments: [String], body: Body, retrySafety: RetrySafety? = nil, perUserLimitKey: String? = nil
    ) throws(ClerkAPIError) -> APIRequest {
        let data: Data
        do {
            data = try WireCoding.encoder.encode(body)
        } catch {
            throw .invalidRequest("could not encode the request body: \(error)")
        }
        return APIRequest(method, pathSegments, body: .json(data), retrySafety: retrySafety, perUserLimitKey: perUserLimitKey)
    }
}
