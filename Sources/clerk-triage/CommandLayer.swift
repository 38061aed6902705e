import ClerkAPI
import ClerkActions
import Foundation
import Logging

/// The command layer the console and the scripting commands share: the state directory, this
/// instance's journal, the audit log and the queue, and what the last session left unfinished.
struct CommandLayer {
    /// Another console (or script) is acting on this instance and holds its journal.
    struct Busy: Error {
        var message: String
    }

    let queue: CommandQueue
    let auditLog: AuditLog
    let journal: Journal
    let unfinished: [UnfinishedCommand]
    /// Unreadable journal lines and state directory repairs, said to the operator at start.
    let notices: [String]

    static func open(client: ClerkClient, environment: [String: String], logger: Logger) throws -> CommandLayer {
        let identity = InstanceIdentity(configuration: client.configuration)
        do {
            let state = try StateDirectory.prepare(environment: environment)
            let instanceDirectory = try state.instanceDirectory(for: identity)
            let journal = try Journal(directory: instanceDirectory)
            let auditLog = try AuditLog(directory: state)
            let queue = CommandQueue(users: client.users, instance: identity, journal: journal, auditLog: auditLog,
                                     operatorIdentity: .current(environment: environment), logger: logger)
            let notices = state.notices + instanceDirectory.notices + journal.contents.issues.map { "journal \(journal.path): \($0)" }
            for notice in notices { logger.warning("\(notice)") }
            return CommandLayer(queue: queue, auditLog: auditLog, journal: journal, unfinished: journal.contents.unfinished, notices: notices)
        } catch let error as StateFileError {
            throw OperatorError("cannot keep the command journal: \(error.description)")
        } catch let error as JournalError {
            if case .inUse = error { throw Busy(message: error.description) }
            throw OperatorError("cannot open the command journal: \(error.description)")
        }
    }
}
