import ClerkAPI
import Foundation
import Logging

/// Writes the audit records of one queue; a record that cannot be written is logged and reported,
/// never allowed to undo or stop a command Clerk already applied.
struct AuditTrail: Sendable {
    let log: AuditLog?
    let operatorIdentity: OperatorIdentity
    let now: @Sendable () -> Date
    let logger: Logger
    let warn: @Sendable (String) -> Void

    func record(
        _ command: Command, users: [String], _ outcome: AuditOutcome, error: ClerkAPIError? = nil, message: String? = nil
    ) {
        guard let log, !users.isEmpty else { return }
        let time = now()
        let records = users.map { userID in
            AuditRecord(
                time: time, operatorIdentity: operatorIdentity, instance: command.instance, commandID: command.id,
                action: command.action.name, userID: userID, parameters: command.action.auditParameters, outcome: outcome,
                httpStatus: error?.httpStatus ?? (outcome == .done ? 200 : nil), traceID: error?.traceID,
                message: message ?? error.map(\.description))
        }
        do {
            try log.append(records)
        } catch {
            logger.error("audit log not written", metadata: ["error": "\(error)", "command": "\(command.id)"])
            warn("The audit log could not be written: \(error)")
        }
    }
}
