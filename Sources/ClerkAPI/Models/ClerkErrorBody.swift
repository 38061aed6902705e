/// One entry of a Clerk error response.
public struct ClerkErrorEntry: Codable, Sendable, Hashable {
    public var message: String
    public var longMessage: String
    public var code: String
    public var meta: JSONValue?

    public init(message: String, longMessage: String, code: String, meta: JSONValue? = nil) {
        self.message = message
        self.longMessage = longMessage
        self.code = code
        self.meta = meta
    }

    enum CodingKeys: String, CodingKey {
        case message, code, meta
        case longMessage = "long_message"
    }
}

/// `{"errors":[…],"meta":{},"clerk_trace_id":"…"}`
public struct ClerkErrorBody: Codable, Sendable, Hashable {
    public var errors: [ClerkErrorEntry]
    public var meta: JSONValue?
    public var clerkTraceID: String?

    public init(errors: [ClerkErrorEntry], meta: JSONValue? = .emptyObject, clerkTraceID: String? = nil) {
        self.errors = errors
        self.meta = meta
        self.clerkTraceID = clerkTraceID
    }

    enum CodingKeys: String, CodingKey {
        case errors, meta
        case clerkTraceID = "clerk_trace_id"
    }
}
