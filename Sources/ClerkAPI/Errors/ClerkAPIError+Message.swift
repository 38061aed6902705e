extension ClerkAPIError: CustomStringConvertible {
    /// One line for the status bar: what happened, in Clerk's own words where it gave any.
    public var description: String {
        switch self {
        case .api(let failure):
            let text = failure.errors.first.map { $0.longMessage.isEmpty ? $0.message : $0.longMessage }
                ?? "HTTP \(failure.status) with no error details"
            return "\(text) (HTTP \(failure.status)\(failure.traceID.map { ", trace \($0)" } ?? ""))"
        case .transport(let failure):
            return failure.sentence
        case .undecodable(let response):
            return "unexpected response to \(response.method) \(response.path) (HTTP \(response.status)): \(response.reason)"
        case .invalidRequest(let reason):
            return reason
        case .cancelled:
            return "cancelled"
        }
    }

    /// What the operator can do about it.
    public var suggestion: String {
        switch self {
        case .api(let failure):
            switch failure.status {
            case 401: return "Check CLERK_SECRET_KEY: Clerk did not accept it."
            case 403: return "This key or instance is not allowed to do that; check the instance's settings in the Clerk dashboard."
            case 402: return "The instance's plan does not include this feature."
            case 404: return "It no longer exists; reload to see the current state."
            case 409, 422: return "Correct the input and try again."
            case 429: return "Rate limited; wait \(failure.retryAfterSeconds.map { "\($0) s" } ?? "a moment") and retry."
            case 500...599: return "Clerk had a problem; retry, and quote the trace id to Clerk support if it persists."
            default: return "Retry; quote the trace id to Clerk support if it persists."
            }
        case .transport(let failure):
            return failure.suggestion
        case .undecodable:
            return "The API answered in an unexpected format; check CLERK_API_URL points at a Clerk Backend API and see the log."
        case .invalidRequest:
            return "Correct the input; nothing was sent."
        case .cancelled:
            return ""
        }
    }

    /// Clerk's trace id, when there is one to quote.
    public var traceID: String? {
        if case .api(let failure) = self { return failure.traceID }
        return nil
    }

    public var httpStatus: Int? {
        switch self {
        case .api(let failure): failure.status
        case .undecodable(let response): response.status
        default: nil
        }
    }
}
