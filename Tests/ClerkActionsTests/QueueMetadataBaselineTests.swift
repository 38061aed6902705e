import ClerkAPI
@testable import ClerkActions
import ClerkSandbox
import Foundation
import Testing

/// A metadata command carries the values its preview was computed against; the queue re-reads the
/// user just before sending and sends only while the field still holds them.
@Suite("Command queue: metadata sent only against the previewed value")
struct QueueMetadataBaselineTests {
    static let patch: JSONValue = ["flags": ["beta": true]]

    func merge(_ userID: String, baseline: JSONValue, patch: JSONValue = patch) throws -> Command {
        try Command(.mergeMetadata(MetadataUpdate(publicMetadata: patch)), userID: userID, instance: Harness.instance,
                    metadataBaseline: MetadataBaseline(publicMetadata: baseline))
    }

    // MARK: - Against the sandbox over loopback

    func sandbox() async throws -> (SandboxServer, ClerkClient, CommandQueue, EventRecorder, TemporaryDirectory) {
        var configuration = SandboxConfiguration(secretKey: QueueSandboxTests.key)
        configuration.users = 5
        configuration.seed = 3
        configuration.enforcesRateLimits = false
        let server = try await SandboxServer.start(configuration)
        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: server.baseURL, secretKey: SecretKey(QueueSandboxTests.key), requestTimeout: .seconds(20),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(50)), rateLimits: .unlimited))
        let scratch = TemporaryDirectory()
        let queue = try QueueSandboxTests().queue(client, in: scratch)
        return (server, client, queue, EventRecorder(queue.events), scratch)
    }

    @Test("changed behind the queue's back: not sent, ends as a conflict carrying the fresh value")
    func changedBehindTheQueuesBack() async throws {
        let (server, client, queue, events, _) = try await sandbox()
        defer { Task { await server.stop() } }
        let user = try #require(try await client.users.list(UserListQuery(limit: 1)).first)
        let previewed = user.publicMetadata
        // Someone else, elsewhere, after the operator's preview and before the queue sends.
        let theirs = try await client.users.mergeMetadata(user.id, MetadataUpdate(publicMetadata: ["tier": "gold", "seen_by": "someone"]))
        let command = try Command(.mergeMetadata(MetadataUpdate(publicMetadata: Self.patch)), userID: user.id, instance: queue.instance,
                                  metadataBaseline: MetadataBaseline(publicMetadata: previewed))
        try await queue.enqueue(command)
        let outcome = try await events.waitFor("the outcome") { $0.commandID == command.id && $0.isTerminal }
        guard case .conflict(_, let conflict) = outcome else { Issue.record("not a conflict: \(outcome)"); return }
        #expect(conflict.fields == [.publicMetadata])
        #expect(conflict.user.publicMetadata == theirs.publicMetadata)
        #expect(conflict.changes(in: .publicMetadata).map(\.pathText).contains("seen_by"))
        #expect(conflict.description.hasPrefix("someone else changed public metadata of \(user.id) since you previewed it; nothing was sent"))
        // Nothing was sent: the user holds their change and not ours.
        #expect(try await client.users.get(user.id).publicMetadata == theirs.publicMetadata)
        #expect(await queue.snapshot().first { $0.id == command.id }?.state == .conflict(conflict))
    }

    @Test("unchanged since the preview: sent, and the user has exactly the merged value")
    func unchangedIsSent() async throws {
        let (server, client, queue, events, _) = try await sandbox()
        defer { Task { await server.stop() } }
        let user = try #require(try await client.users.list(UserListQuery(limit: 1)).first)
        let command = try Command(.mergeMetadata(MetadataUpdate(publicMetadata: Self.patch)), userID: user.id, instance: queue.instance,
                                  metadataBaseline: MetadataBaseline(publicMetadata: user.publicMetadata))
        try await queue.enqueue(command)
        let outcome = try await events.waitFor("the outcome") { $0.commandID == command.id && $0.isTerminal }
        guard case .finished = outcome else { Issue.record("not finished: \(outcome)"); return }
        #expect(try await client.users.get(user.id).publicMetadata == user.publicMetadata.deepMerged(with: Self.patch))
    }

    // MARK: - The journal

    @Test("the baseline is journalled with the command and read back as it was")
    func journalRoundTrip() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("commands.jsonl")
        let nested: JSONValue = .array([.int(1), .null])
        let baseline: JSONValue = .object(["tier": .string("silver"), "名前": .object(["a": nested])])
        let command = try Command(.replaceMetadata(MetadataUpdate(privateMetadata: ["tier": "gold"])), userID: "user_1",
                                  instance: Harness.instance, metadataBaseline: MetadataBaseline(privateMetadata: baseline))
        try Journal(path: path).intent(command, at: Date())
        let read = try #require(try Journal(path: path).contents.unfinished.first?.command)
        #expect(read == command)
        #expect(read.metadataBaseline?.privateMetadata == baseline)
        #expect(read.metadataBaseline?.publicMetadata == nil)
    }

    @Test("a command journalled before baselines existed reads back without one")
    func journalWithoutBaseline() throws {
        let command = try Command(.mergeMetadata(MetadataUpdate(publicMetadata: Self.patch)), userID: "user_1", instance: Harness.instance)
        let data = try JournalCoding.encoder.encode(command)
        #expect(!String(decoding: data, as: UTF8.self).contains("metadataBaseline"))
        #expect(try JournalCoding.decoder.decode(Command.self, from: data).metadataBaseline == nil)
    }

    @Test("a baseline must name exactly the fields sent")
    func baselineFieldsMatch() {
        #expect(throws: CommandError.self) {
            try Command(.mergeMetadata(MetadataUpdate(publicMetadata: Self.patch)), userID: "user_1", instance: Harness.instance,
                        metadataBaseline: MetadataBaseline(privateMetadata: .emptyObject))
        }
        #expect(throws: CommandError.self) {
            try Command(.lock, userID: "user_1", instance: Harness.instance, metadataBaseline: MetadataBaseline(publicMetadata: .emptyObject))
        }
    }

    // MARK: - Resume after a crash (a merge is not safe to repeat)

    func resumed(_ user: User, _ command: Command) async throws -> (Harness, CommandEvent) {
        let harness = try Harness(users: [user])
        let path = harness.scratch.sub("state/restarted.jsonl")
        // As a killed console left it; the journal is closed before the restarted queue opens it.
        do {
            let journal = try Journal(path: path)
            try journal.intent(command, at: Date())
            try journal.sending(command.id, users: [user.id], at: Date())
        }
        let contents = try Journal(path: path).contents
        #expect(contents.unfinished.first?.outcomeUnknown == true)
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        await queue.resume(contents.unfinished)
        let outcome = try await events.waitFor("the outcome") { $0.commandID == command.id && $0.isTerminal }
        return (harness, outcome)
    }

    static let previewed: JSONValue = ["tier": "silver"]

    func user(public value: JSONValue) -> User {
        var user = Users.make("user_1")
        user.publicMetadata = value
        return user
    }

    @Test("resume: the field already holds the expected result, so it was applied and nothing is sent")
    func resumeApplied() async throws {
        let command = try merge("user_1", baseline: Self.previewed)
        let (harness, outcome) = try await resumed(user(public: Self.previewed.deepMerged(with: Self.patch)), command)
        guard case .finished = outcome else { Issue.record("not finished: \(outcome)"); return }
        #expect(harness.clerk.sentPaths() == ["/users/user_1"])
    }

    @Test("resume: the field still holds the baseline, so it was not applied and is sent now")
    func resumeNotApplied() async throws {
        let command = try merge("user_1", baseline: Self.previewed)
        let (harness, outcome) = try await resumed(user(public: Self.previewed), command)
        guard case .finished = outcome else { Issue.record("not finished: \(outcome)"); return }
        #expect(harness.clerk.sentPaths() == ["/users/user_1", "/users/user_1/metadata"])
        #expect(harness.clerk.user("user_1")?.publicMetadata == Self.previewed.deepMerged(with: Self.patch))
    }

    @Test("resume: someone else changed the field, so the operator is asked and nothing is sent")
    func resumeChangedBySomeoneElse() async throws {
        let command = try merge("user_1", baseline: Self.previewed)
        let theirs: JSONValue = ["tier": "bronze"]
        let (harness, outcome) = try await resumed(user(public: theirs), command)
        guard case .conflict(_, let conflict) = outcome else { Issue.record("not a conflict: \(outcome)"); return }
        #expect(conflict.afterLostAnswer)
        #expect(conflict.user.publicMetadata == theirs)
        #expect(conflict.description.contains("whether yours was applied cannot be told"))
        #expect(harness.clerk.sentPaths(.patch).isEmpty)
        #expect(harness.clerk.user("user_1")?.publicMetadata == theirs)
    }

    @Test("a conflict is journalled as ended, with its reason, and audited as not sent")
    func conflictJournalledAndAudited() async throws {
        let harness = try Harness(users: [user(public: ["tier": "bronze"])])
        let command = try merge("user_1", baseline: Self.previewed)
        try await harness.queue.enqueue(command)
        guard case .conflict = try await harness.outcome(of: command) else { Issue.record("not a conflict"); return }
        let last = try #require(try harness.journalLines().last)
        #expect(last.kind == .outcome && last.outcome == .failed)
        #expect(last.message?.contains("someone else changed public metadata") == true)
        #expect(try harness.auditRecords().last?.outcome == .failed)
        #expect(harness.clerk.sentPaths(.patch).isEmpty)
    }
}
