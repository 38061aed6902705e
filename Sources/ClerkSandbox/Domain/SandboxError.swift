import ClerkAPI

/// An error the sandbox answers with, as Clerk would: a status, a machine code, and a
/// `long_message` that tells the caller what to change.
struct SandboxError: Error, Sendable {
    var status: Int
    var entry: ClerkErrorEntry
    /// Seconds to wait, sent as `Retry-After` (429s).
    var retryAfter: Int?

    init(_ status: Int, code: String, message: String, longMessage: String, parameter: String? = nil) {
        self.status = status
        self.entry = ClerkErrorEntry(
            message: message, longMessage: longMessage, code: code,
            meta: parameter.map { ["param_name": .string($0)] } ?? .emptyObject)
    }

    static func notFound(_ what: String, id: String) -> SandboxError {
        SandboxError(404, code: "resource_not_found", message: "not found", longMessage: "No \(what) was found with id \(id).")
    }

    static func invalid(_ parameter: String, _ longMessage: String) -> SandboxError {
        SandboxError(422, code: "form_param_value_invalid", message: "is invalid", longMessage: longMessage, parameter: parameter)
    }

    static func missing(_ parameter: String) -> SandboxError {
        SandboxError(422, code: "form_param_missing", message: "missing", longMessage: "\(parameter) must be included.", parameter: parameter)
    }

    static func unknown(_ parameter: String) -> SandboxError {
        SandboxError(422, code: "form_param_unknown", message: "is unknown", longMessage: "\(parameter) is not a valid parameter for this request.", parameter: parameter)
    }

    static func identifierExists(_ parameter: String, _ value: String) -> SandboxError {
        SandboxError(422, code: "form_identifier_exists", message: "is taken",
                     longMessage: "\(value) is already taken by another user. Please try another one.", parameter: parameter)
    }

    static func malformedBody(_ detail: String) -> SandboxError {
        SandboxError(400, code: "malformed_request_body", message: "malformed request body", longMessage: "The request body is not valid JSON: \(detail)")
    }

    static let unauthenticated = SandboxError(
        401, code: "authentication_invalid", message: "Invalid authentication",
        longMessage: "The secret key in the Authorization header (Bearer sk_…) is missing or not valid for this instance.")
}
