import ClerkAPI
@testable import ClerkActions
import Foundation
import Testing

/// `stop()`, for a console leaving the instance (`:instance`): what is sent finishes and is
/// journalled, nothing else starts, and the rest stays in the journal for the next session.
@Suite("Command queue: stop")
struct QueueStopTests {
    @Test("the running command finishes and is journalled; queued and later ones are never sent and stay unfinished")
    func stopLeavesTheRestInTheJournal() async throws {
        let harness = try Harness(users: [Users.make("user_1"), Users.make("user_2")])
        let clerk = harness.clerk
        clerk.hold { method, path in method == .post && path.hasSuffix("/lock") }
        let running = try await harness.enqueue(.lock, "user_1")
        try await waitUntil("the lock to be in flight") { clerk.heldCount == 1 }
        let behind = try await harness.enqueue(.unlock, "user_1")
        await harness.queue.stop()
        let after = try await harness.enqueue(.ban, "user_2")
        clerk.release()
        await harness.queue.waitUntilIdle()

        #expect(clerk.sentPaths() == ["/users/user_1/lock"])
        let unfinished = try Journal.read(path: harness.journalPath).unfinished.map(\.command.id)
        #expect(unfinished == [behind.id, after.id], "the lock was journalled as done; the unlock and the ban wait for the next session")
        #expect(!unfinished.contains(running.id))
    }
}
