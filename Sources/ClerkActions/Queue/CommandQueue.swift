import ClerkAPI
import Foundation
import Logging

/// Runs confirmed commands against one instance without the console ever waiting on the network.
///
/// Commands on the same user run in the order given; commands on different users run concurrently,
/// at most `maxConcurrent` at a time, within the API core's instance and per-user rate limits (the
/// `UsersClient` waits for its limiter before every request). Each command is journalled before it
/// is sent and its outcome after; every mutation is audited. Events arrive on `events`.
public actor CommandQueue {
    struct Entry {
        var command: Command
        var state: CommandState
        var completed: [String] = []
        var inFlight: Set<String> = []
        /// Virtual-clock time before which it may not start again (after a 429).
        var notBefore: Duration = .zero
    }

    public nonisolated let events: AsyncStream<CommandEvent>
    public nonisolated let instance: InstanceIdentity
    private let continuation: AsyncStream<CommandEvent>.Continuation
    private let executor: CommandExecutor
    private let journal: Journal
    private let audit: AuditTrail
    private let clock: any APIClock
    private let now: @Sendable () -> Date
    private let maxConcurrent: Int
    private let historyLimit = 200

    /// Commands the queue still holds, in the order given.
    private var entries: [Entry] = []
    /// Ended commands, newest last, kept for the panel and for retry.
    private var history: [Entry] = []
    private var running = 0
    private var wake: (at: Duration, task: Task<Void, Never>)?
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Set by `stop()`: nothing more starts.
    private var stopped = false

    public init(
        users: UsersClient, instance: InstanceIdentity, journal: Journal, auditLog: AuditLog?,
        operatorIdentity: OperatorIdentity = .current(), clock: any APIClock = SystemAPIClock(), maxConcurrent: Int = 8,
        defaultRetryAfter: Duration = .seconds(2), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "clerk-triage.actions", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        let (events, continuation) = AsyncStream.makeStream(of: CommandEvent.self)
        self.events = events
        self.continuation = continuation
        self.instance = instance
        self.journal = journal
        self.clock = clock
        self.now = now
        self.maxConcurrent = max(1, maxConcurrent)
        let audit = AuditTrail(
            log: auditLog, operatorIdentity: operatorIdentity, now: now, logger: logger,
            warn: { continuation.yield(.warning($0)) })
        self.audit = audit
        self.executor = CommandExecutor(users: users, journal: journal, audit: audit, now: now, defaultRetryAfter: defaultRetryAfter,
                                        usersInFlight: self.maxConcurrent)
    }

    /// Journals the command, then queues it. Throws, and queues nothing, when it cannot be journalled
    /// or belongs to another instance.
    public func enqueue(_ command: Command) throws(CommandQueueError) {
        guard command.instance == instance else { throw .otherInstance(command.instance) }
        guard !contains(command.id) else { throw .alreadyQueued }
        do {
            try journal.intent(command, at: now())
        } catch {
            throw .journal(error)
        }
        add(Entry(command: command, state: .queued))
    }

    /// Every command the queue holds and the recently ended ones, in the order given.
    public func snapshot() -> [CommandStatus] {
        (history + entries).map { CommandStatus(command: $0.command, state: $0.state, completedUsers: $0.completed.count) }
    }

    /// Returns once nothing is queued, running or waiting out a rate limit (commands waiting for the
    /// operator do not count): for scripts and tests.
    public func waitUntilIdle() async {
        if isIdle { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Ends the event stream; commands still running finish without further events.
    public func finishEvents() {
        continuation.finish()
    }

    /// For a console that leaves this instance (`:instance`): nothing more starts, and the events
    /// end. Commands already running finish and journal their outcome (`waitUntilIdle` waits for
    /// them); queued ones stay unfinished in the journal, offered at the next start on this instance.
    public func stop() {
        stopped = true
        wake?.task.cancel()
        wake = nil
        continuation.finish()
        resumeIdleWaitersIfIdle()
    }

    // MARK: - Internals shared with the operator's actions

    func add(_ entry: Entry) {
        entries.append(entry)
        continuation.yield(.queued(entry.command))
        pump()
    }

    func contains(_ id: UUID) -> Bool {
        entries.contains { $0.command.id == id } || history.contains { $0.command.id == id }
    }

    func index(of id: UUID) -> Int? { entries.firstIndex { $0.command.id == id } }

    func historyIndex(of id: UUID) -> Int? { history.lastIndex { $0.command.id == id } }

    func entries(at index: Int) -> Entry { entries[index] }

    func historyEntry(at index: Int) -> Entry { history[index] }

    func setState(_ state: CommandState, at index: Int) { entries[index].state = state }

    func emit(_ event: CommandEvent) { continuation.yield(event) }

    func journalQuietly(_ write: (Date) throws(JournalError) -> Void) {
        do {
            try write(now())
        } catch {
            continuation.yield(.warning("The command journal could not be written: \(error)"))
        }
    }

    var auditTrail: AuditTrail { audit }

    var journalForOperator: Journal { journal }

    /// Moves an ended command out of the queue into the history.
    func retire(at index: Int, as state: CommandState) {
        var entry = entries.remove(at: index)
        entry.state = state
        history.append(entry)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    func takeFromHistory(_ id: UUID) -> Entry? {
        guard let index = historyIndex(of: id) else { return nil }
        return history.remove(at: index)
    }

    /// Starts whatever may start: the first command of each user, up to the concurrency bound.
    func pump() {
        if stopped {
            resumeIdleWaitersIfIdle()
            return
        }
        let current = clock.now()
        var held = Set<String>()
        var earliestWait: Duration?
        for index in entries.indices {
            let entry = entries[index]
            let blocked = entry.command.userIDs.contains { held.contains($0) }
            held.formUnion(entry.command.userIDs)
            guard !blocked, entry.state == .queued || entry.state == .rateLimited else { continue }
            if entry.notBefore > current {
                earliestWait = min(earliestWait ?? entry.notBefore, entry.notBefore)
                continue
            }
            guard running < maxConcurrent else { break }
            start(index)
        }
        if let earliestWait {
            scheduleWake(at: earliestWait)
        } else if let pending = wake {
            // What it waited for was cancelled.
            pending.task.cancel()
            wake = nil
        }
        resumeIdleWaitersIfIdle()
    }

    private func start(_ index: Int) {
        entries[index].state = .running
        running += 1
        let entry = entries[index]
        let id = entry.command.id
        continuation.yield(.running(entry.command))
        let begin = CommandExecutor.Start(command: entry.command, completed: Set(entry.completed), inFlight: entry.inFlight)
        let reporter = CommandExecutor.Reporter(
            progressed: { [weak self] users in await self?.progressed(id, users) },
            checking: { [weak self] in await self?.checking(id) })
        let executor = self.executor
        Task {
            let result = await executor.run(begin, reporter: reporter)
            self.finish(id, result)
        }
    }

    private func progressed(_ id: UUID, _ users: [String]) {
        guard let index = index(of: id) else { return }
        let done = Set(entries[index].completed)
        entries[index].completed += users.filter { !done.contains($0) }
        entries[index].inFlight.subtract(users)
        let entry = entries[index]
        continuation.yield(.progress(entry.command, done: entry.completed.count, total: entry.command.userIDs.count))
    }

    private func checking(_ id: UUID) {
        guard let index = index(of: id) else { return }
        continuation.yield(.checking(entries[index].command))
    }

    private func finish(_ id: UUID, _ result: CommandExecutor.Result) {
        running -= 1
        defer { pump() }
        guard let index = index(of: id) else { return }
        let command = entries[index].command
        entries[index].inFlight = []
        switch result {
        case .done(let outcome):
            journalQuietly { date throws(JournalError) in try journal.outcome(id, .done, message: outcome.note, at: date) }
            retire(at: index, as: .done)
            continuation.yield(.finished(command, outcome))
        case .rateLimited(let wait, _):
            journalQuietly { date throws(JournalError) in try journal.requeued(id, at: date) }
            entries[index].state = .rateLimited
            entries[index].notBefore = clock.now() + wait
            continuation.yield(.rateLimited(command, retryAfter: wait))
        case .failed(let error, let message):
            journalQuietly { date throws(JournalError) in try journal.outcome(id, .failed, message: message ?? error.description, at: date) }
            retire(at: index, as: .failed(error))
            continuation.yield(.failed(command, error))
        case .needsOperator(let reason, let users):
            journalQuietly { date throws(JournalError) in try journal.unknown(id, users: users, reason: reason, at: date) }
            entries[index].state = .needsOperator(reason: reason)
            entries[index].inFlight = Set(users)
            continuation.yield(.needsOperator(command, reason: reason))
        case .conflict(let conflict):
            // Nothing was sent: the command has ended; the operator previews again and sends anew.
            journalQuietly { date throws(JournalError) in try journal.outcome(id, .failed, message: conflict.description, at: date) }
            retire(at: index, as: .conflict(conflict))
            continuation.yield(.conflict(command, conflict))
        case .interrupted:
            // The journal still says "sending": the next start checks it before anything is re-sent.
            let reason = "The request was interrupted before Clerk answered"
            entries[index].state = .needsOperator(reason: reason)
            entries[index].inFlight = Set(command.userIDs).subtracting(entries[index].completed)
            continuation.yield(.needsOperator(command, reason: reason))
        }
    }

    private func scheduleWake(at time: Duration) {
        if let wake, wake.at <= time { return }
        wake?.task.cancel()
        let clock = self.clock
        let task = Task {
            let wait = time - clock.now()
            if wait > .zero {
                do { try await clock.sleep(for: wait) } catch { return }
            }
            self.woke()
        }
        wake = (time, task)
    }

    private func woke() {
        wake = nil
        pump()
    }

    /// Nothing running and nothing waiting out a rate limit: what is left, if anything, waits for
    /// the operator (a command with an unknown outcome and those queued behind it on its users).
    public var isIdle: Bool {
        running == 0 && wake == nil
    }

    private func resumeIdleWaitersIfIdle() {
        guard isIdle, !idleWaiters.isEmpty else { return }
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}

public enum CommandQueueError: Error, Sendable, Hashable, CustomStringConvertible {
    case journal(JournalError)
    case otherInstance(InstanceIdentity)
    case alreadyQueued

    public var description: String {
        switch self {
        case .journal(let error): "\(error) Nothing was sent."
        case .otherInstance(let other): "This command is for \(other), not the instance this console is connected to; it was not queued."
        case .alreadyQueued: "This command is already in the queue."
        }
    }
}
