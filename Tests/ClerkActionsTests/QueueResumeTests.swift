import ClerkAPI
@testable import ClerkActions
import Foundation
import Testing

@Suite("Command queue: resume after a restart")
struct QueueResumeTests {
    /// A journal as a killed console left it: `write` fills it in, then a new queue opens it.
    /// The harness's own queue holds its journal; the restarted one gets a journal of its own.
    func restarted(users: [User], _ write: (Journal) throws -> Void) throws -> (Harness, JournalContents, String) {
        let harness = try Harness(users: users)
        let path = harness.scratch.sub("state/restarted.jsonl")
        try write(try Journal(path: path))
        return (harness, try Journal(path: path).contents, path)
    }

    @Test("a command that was never sent is resumed and run")
    func resumeNeverSent() async throws {
        let command = try Command(.lock, userID: "user_1", instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: [Users.make("user_1")]) { try $0.intent(command, at: Date()) }
        #expect(contents.unfinished.map(\.command) == [command])
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        #expect(await queue.resume(contents.unfinished).isEmpty)
        _ = try await events.waitFor("finished") { if case .finished = $0 { true } else { false } }
        #expect(harness.clerk.sent.map(\.method) == [.post])
        #expect(try reopenedUnfinished(path, after: queue).isEmpty)
    }

    @Test("a command sent before the kill is checked first, and not sent again when already applied")
    func resumeAlreadyApplied() async throws {
        var banned = Users.make("user_1")
        banned.banned = true
        let command = try Command(.ban, userID: "user_1", instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: [banned]) {
            try $0.intent(command, at: Date())
            try $0.sending(command.id, users: ["user_1"], at: Date())
        }
        #expect(contents.unfinished.first?.outcomeUnknown == true)
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        await queue.resume(contents.unfinished)
        _ = try await events.waitFor("finished") { if case .finished = $0 { true } else { false } }
        #expect(harness.clerk.sentPaths() == ["/users/user_1"])
    }

    @Test("a command sent before the kill and not applied is sent after the check")
    func resumeNotApplied() async throws {
        let command = try Command(.ban, userID: "user_1", instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: [Users.make("user_1")]) {
            try $0.intent(command, at: Date())
            try $0.sending(command.id, users: ["user_1"], at: Date())
        }
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        await queue.resume(contents.unfinished)
        _ = try await events.waitFor("finished") { if case .finished = $0 { true } else { false } }
        #expect(harness.clerk.sentPaths() == ["/users/user_1", "/users/user_1/ban"])
        #expect(harness.clerk.user("user_1")?.banned == true)
    }

    @Test("a bulk ban resumes with the users not yet done")
    func resumeBulk() async throws {
        let ids = (1...70).map { "user_\($0)" }
        let command = try Command(.ban, userIDs: ids, instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: Users.many(70)) {
            try $0.intent(command, at: Date())
            try $0.sending(command.id, users: Array(ids.prefix(50)), at: Date())
            try $0.progress(command.id, users: Array(ids.prefix(50)), at: Date())
        }
        #expect(contents.unfinished.first?.remainingUserIDs == Array(ids.suffix(20)))
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        await queue.resume(contents.unfinished)
        _ = try await events.waitFor("finished") { if case .finished = $0 { true } else { false } }
        let body = try #require(harness.clerk.sent.first?.body)
        #expect(harness.clerk.sent.count == 1)
        #expect(body.contains("user_51") && !body.contains("\"user_50\""))
    }

    @Test("a credit adjustment resumes with the key it was confirmed with")
    func resumeCreditSameKey() async throws {
        let change = CreditChange(direction: .decrease, amountCents: 200, idempotencyKey: "confirmed-key")
        let command = try Command(.adjustCredit(change), userID: "user_1", instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: [Users.make("user_1")]) {
            try $0.intent(command, at: Date())
            try $0.sending(command.id, users: ["user_1"], at: Date())
        }
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        await queue.resume(contents.unfinished)
        _ = try await events.waitFor("finished") { if case .finished = $0 { true } else { false } }
        #expect(harness.clerk.sent.count == 1)
        #expect(harness.clerk.sent.first?.body.contains("confirmed-key") == true)
    }

    @Test("a verification cannot resume, because its code was never written")
    func resumeVerification() async throws {
        let command = try Command(.verifyTOTP(code: OneTimeCode("123456")), userID: "user_1", instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: [Users.make("user_1")]) { try $0.intent(command, at: Date()) }
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        let events = EventRecorder(queue.events)
        await queue.resume(contents.unfinished)
        let failed = try await events.waitFor("failed") { if case .failed = $0 { true } else { false } }
        guard case .failed(_, let error) = failed else { return }
        #expect(error.description.contains("fresh code"))
        #expect(harness.clerk.sent.isEmpty)
    }

    @Test("discarded commands are closed in the journal and not offered again")
    func discard() async throws {
        let command = try Command(.lock, userID: "user_1", instance: Harness.instance)
        let (harness, contents, path) = try restarted(users: [Users.make("user_1")]) { try $0.intent(command, at: Date()) }
        let queue = try Harness.makeQueue(clerk: harness.clerk, clock: harness.clock, journalPath: path, auditPath: harness.auditPath)
        await queue.discard(contents.unfinished)
        #expect(try reopenedUnfinished(path, after: queue).isEmpty)
        #expect(harness.clerk.sent.isEmpty)
    }

    /// The journal as the next start would read it, once `queue` has let go of it.
    func reopenedUnfinished(_ path: String, after queue: CommandQueue) throws -> [UnfinishedCommand] {
        _ = queue
        return try Journal.read(path: path).unfinished
    }
}
