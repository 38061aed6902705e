import ClerkAPI
@testable import ClerkActions
import Foundation

/// A queue wired to a fake Clerk on virtual time, with its journal and audit log in a scratch
/// state directory.
struct Harness {
    static let instance = InstanceIdentity(host: "api.test", keyKind: .development)
    static let secretKey = SecretKey("sk_test_actionsSECRETkey0123456789")
    static let operatorIdentity = OperatorIdentity(user: "ana", host: "support-1", sshClientAddress: "203.0.113.9")

    let scratch = TemporaryDirectory()
    let clock = ManualClock()
    let clerk: FakeClerk
    let journalPath: String
    let auditPath: String
    let queue: CommandQueue
    let events: EventRecorder

    init(users: [User], maxConcurrent: Int = 8, rateLimits: RateLimits = .unlimited, retry: RetryPolicy = RetryPolicy(maxAttempts: 1)) throws {
        clerk = FakeClerk(clock: clock, users: users)
        let state = try StateDirectory(preparing: scratch.sub("state"))
        let directory = try state.instanceDirectory(for: Self.instance)
        journalPath = directory.filePath(StateDirectory.journalFileName)
        auditPath = state.filePath(StateDirectory.auditLogFileName)
        queue = try Self.makeQueue(clerk: clerk, clock: clock, journalPath: journalPath, auditPath: auditPath, maxConcurrent: maxConcurrent, rateLimits: rateLimits, retry: retry)
        events = EventRecorder(queue.events)
    }

    static func makeQueue(
        clerk: FakeClerk, clock: ManualClock, journalPath: String, auditPath: String, maxConcurrent: Int = 8,
        rateLimits: RateLimits = .unlimited, retry: RetryPolicy = RetryPolicy(maxAttempts: 1)
    ) throws -> CommandQueue {
        let configuration = ClerkConfiguration(
            baseURL: "https://api.test/v1", secretKey: secretKey, requestTimeout: .seconds(3600),
            retry: retry, rateLimits: rateLimits)
        let client = ClerkClient(configuration: configuration, transport: clerk, clock: clock, jitter: { 0.5 })
        return CommandQueue(
            users: client.users, instance: instance, journal: try Journal(path: journalPath), auditLog: try AuditLog(path: auditPath),
            operatorIdentity: operatorIdentity, clock: clock, maxConcurrent: maxConcurrent)
    }

    func command(_ action: CommandAction, _ users: String...) throws -> Command {
        try Command(action, userIDs: users, instance: Self.instance)
    }

    func enqueue(_ action: CommandAction, _ users: String...) async throws -> Command {
        try await enqueue(action, users)
    }

    func enqueue(_ action: CommandAction, _ users: [String]) async throws -> Command {
        let command = try Command(action, userIDs: users, instance: Self.instance)
        try await queue.enqueue(command)
        return command
    }

    /// The terminal event of `command`.
    func outcome(of command: Command) async throws -> CommandEvent {
        try await events.waitFor("the outcome of \(command.summary)") { $0.commandID == command.id && $0.isTerminal }
    }

    func journalLines() throws -> [JournalLine] {
        let text = try String(contentsOfFile: journalPath, encoding: .utf8)
        return try text.split(separator: "\n").map { try JournalCoding.decoder.decode(JournalLine.self, from: Data($0.utf8)) }
    }

    func auditRecords() throws -> [AuditRecord] {
        try AuditLog(path: auditPath).newestFirst(limit: 10_000).records.reversed()
    }
}
