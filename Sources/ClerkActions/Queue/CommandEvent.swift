import ClerkAPI
import Foundation

/// What the queue tells the console, in order.
public enum CommandEvent: Sendable, Hashable {
    case queued(Command)
    case running(Command)
    /// `done` of `total` users (bulk commands): "120 of 300".
    case progress(Command, done: Int, total: Int)
    /// Clerk answered 429: the command stays queued and goes again after `retryAfter`.
    case rateLimited(Command, retryAfter: Duration)
    /// Clerk's answer was lost; the queue is re-reading the user to find out whether it was applied.
    case checking(Command)
    case finished(Command, CommandResult)
    /// `failed` carries Clerk's error; a failed command can be retried.
    case failed(Command, ClerkAPIError)
    /// Whether it was applied cannot be told; the operator decides (confirm, retry or abandon).
    case needsOperator(Command, reason: String)
    /// A metadata command not sent because someone else changed the field since the operator's
    /// preview: it has ended; the console previews again against `MetadataConflict.user`. Its
    /// description reads as one sentence, for a status line or a script's stderr.
    case conflict(Command, MetadataConflict)
    case cancelled(Command)
    case abandoned(Command)
    /// A local problem that did not stop the command, e.g. the audit log could not be written.
    case warning(String)
}

/// A command's place in the queue, for the queue panel.
public enum CommandState: Sendable, Hashable {
    case queued
    case rateLimited
    case running
    case needsOperator(reason: String)
    case done
    case failed(ClerkAPIError)
    /// Not sent: someone else changed the metadata since the preview.
    case conflict(MetadataConflict)
    case cancelled
    case abandoned

    /// Still the queue's business: it holds back later commands on the same users.
    var holdsUsers: Bool {
        switch self {
        case .queued, .rateLimited, .running, .needsOperator: true
        case .done, .failed, .conflict, .cancelled, .abandoned: false
        }
    }
}

public struct CommandStatus: Sendable, Hashable, Identifiable {
    public var command: Command
    public var state: CommandState
    public var completedUsers: Int
    public var id: UUID { command.id }

    public var totalUsers: Int { command.userIDs.count }
}
