import ClerkAPI
import Foundation

/// One line of the audit log: who did what to whom on which instance, and how it ended. Never the
/// secret key, never a one-time code.
public struct AuditRecord: Codable, Sendable, Hashable {
    /// RFC 3339 with milliseconds, UTC.
    public var time: String
    public var operatorIdentity: OperatorIdentity
    public var instance: InstanceIdentity
    public var commandID: UUID?
    /// `CommandAction.name`, e.g. `ban`.
    public var action: String
    public var userID: String
    public var parameters: JSONValue
    public var outcome: AuditOutcome
    public var httpStatus: Int?
    public var traceID: String?
    public var message: String?

    public init(
        time: Date, operatorIdentity: OperatorIdentity, instance: InstanceIdentity, commandID: UUID?, action: String, userID: String,
        parameters: JSONValue, outcome: AuditOutcome, httpStatus: Int? = nil, traceID: String? = nil, message: String? = nil
    ) {
        self.time = Self.timeFormat.format(time)
        self.operatorIdentity = operatorIdentity
        self.instance = instance
        self.commandID = commandID
        self.action = action
        self.userID = userID
        self.parameters = parameters
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.traceID = traceID
        self.message = message
    }

    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    enum CodingKeys: String, CodingKey {
        case time, instance, action, parameters, outcome, message
        case operatorIdentity = "operator"
        case commandID = "command_id"
        case userID = "user_id"
        case httpStatus = "http_status"
        case traceID = "trace_id"
    }
}

public enum AuditOutcome: String, Codable, Sendable, Hashable {
    /// Clerk applied it (or a re-read showed it applied).
    case done
    /// Clerk refused it, or a re-read showed it was not applied.
    case failed
    /// Sent, and whether it was applied is not known; the operator was asked.
    case unknown
    /// The operator dropped it after an unknown outcome.
    case abandoned
}
