import ClerkAPI
import ClerkActions
import Foundation

/// The console's view of the command queue: every command of this session and the unfinished ones
/// of earlier sessions, with their state, updated from the queue's events.
public struct QueueState: Sendable {
    public struct Entry: Sendable, Hashable, Identifiable {
        public var command: Command
        public var state: CommandState
        /// When the console took it (the model's clock, not the command's, so it draws the same
        /// for the same messages).
        public var queuedAt: UnixMillis
        public var completedUsers = 0
        public var startedAt: UnixMillis?
        public var endedAt: UnixMillis?
        /// A 429 put it back in line until then.
        public var retryAt: UnixMillis?
        public var result: CommandResult?
        /// The command that undid this one: a command is undone at most once.
        public var undoneBy: UUID?
        public var id: UUID { command.id }
    }

    public private(set) var entries: [Entry] = []
    /// Quit as soon as nothing is left to run.
    public var quitWhenIdle = false
    /// A bulk undo waiting for its second press.
    public var pendingUndo: UUID?
    /// Unfinished commands of an earlier session the operator chose to decide about later (`:resume`).
    public var deferred: [UnfinishedCommand] = []

    public init() {}

    public subscript(id: UUID) -> Entry? { entries.first { $0.id == id } }

    /// Shown at once when the operator confirms, before the queue has even answered: the UI never
    /// waits on the network or the journal.
    mutating func add(_ command: Command, now: UnixMillis) {
        guard self[command.id] == nil else { return }
        entries.append(Entry(command: command, state: .queued, queuedAt: now))
    }

    mutating func apply(_ event: CommandEvent, now: UnixMillis) {
        switch event {
        case .queued(let command):
            add(command, now: now)
            update(command.id) { $0.state = .queued }
        case .running(let command):
            add(command, now: now)
            update(command.id) {
                $0.state = .running
                if $0.startedAt == nil { $0.startedAt = now }
            }
        case .progress(let command, let done, _):
            update(command.id) { $0.completedUsers = done }
        case .rateLimited(let command, let retryAfter):
            update(command.id) {
                $0.state = .rateLimited
                $0.retryAt = now + retryAfter.components.seconds * 1000 + retryAfter.components.attoseconds / 1_000_000_000_000_000
            }
        case .checking(let command):
            update(command.id) { $0.state = .running }
        case .finished(let command, let result):
            update(command.id) {
                $0.state = .done
                $0.endedAt = now
                $0.completedUsers = command.userIDs.count
                $0.result = result
            }
        case .failed(let command, let error):
            update(command.id) {
                $0.state = .failed(error)
                $0.endedAt = now
            }
        case .needsOperator(let command, let reason):
            update(command.id) { $0.state = .needsOperator(reason: reason) }
        case .conflict(let command, let conflict):
            update(command.id) {
                $0.state = .conflict(conflict)
                $0.endedAt = now
            }
        case .cancelled(let command):
            update(command.id) {
                $0.state = .cancelled
                $0.endedAt = now
            }
        case .abandoned(let command):
            update(command.id) {
                $0.state = .abandoned
                $0.endedAt = now
            }
        case .warning:
            break
        }
    }

    mutating func markUndone(_ id: UUID, by undo: UUID) {
        update(id) { $0.undoneBy = undo }
    }

    private mutating func update(_ id: UUID, _ change: (inout Entry) -> Void) {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return }
        change(&entries[index])
    }

    /// The newest command that concerns `userID`, for the table row.
    public func latest(for userID: String) -> Entry? {
        entries.last { $0.command.userIDs.contains(userID) }
    }

    public var queued: Int { entries.count { $0.state == .queued || $0.state == .rateLimited } }
    public var running: Int { entries.count { $0.state == .running } }
    public var failed: Int { entries.count { if case .failed = $0.state { true } else { false } } }
    public var waitingForOperator: Int { entries.count { if case .needsOperator = $0.state { true } else { false } } }
    /// Commands still to run: quitting now would leave these for the next start.
    public var unfinished: Int { queued + running + waitingForOperator }

    /// `2 running · 5 queued · 1 failed`, or nothing when the queue is empty.
    public var totals: String {
        var parts: [String] = []
        if running > 0 { parts.append("\(running) running") }
        if queued > 0 { parts.append("\(queued) queued") }
        if waitingForOperator > 0 { parts.append("\(waitingForOperator) to check") }
        if failed > 0 { parts.append("\(failed) failed") }
        let done = entries.count { $0.state == .done }
        if parts.isEmpty, done > 0 { parts.append("\(done) done") }
        return parts.joined(separator: " · ")
    }
}
