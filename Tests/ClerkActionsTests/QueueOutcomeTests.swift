import ClerkAPI
@testable import ClerkActions
import Foundation
import Testing

@Suite("Command queue: lost answers, failures, operator decisions")
struct QueueOutcomeTests {
    @Test("a lost answer to a lock is settled by re-reading the user: applied")
    func lostAnswerApplied() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/lock", .afterApplying, .status(503))
        let command = try await harness.enqueue(.lock, "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.users.first?.locked == true)
        #expect(harness.clerk.sent.map(\.method) == [.post, .get])
        #expect(harness.events.all.contains(.checking(command)))
        let audit = try harness.auditRecords()
        #expect(audit.map(\.outcome) == [.done])
    }

    @Test("a lost answer to a lock that was not applied: sent again, once the re-read shows it safe")
    func lostAnswerNotAppliedResent() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/lock", .instead, .connectionLost)
        let command = try await harness.enqueue(.lock, "user_1")
        guard case .finished = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(harness.clerk.sent.map(\.method) == [.post, .get, .post])
        #expect(harness.clerk.user("user_1")?.locked == true)
    }

    @Test("answers lost on every send and never applied: failed, and retryable by the operator")
    func lostAnswerNotApplied() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/lock", times: 3, .instead, .connectionLost)
        let command = try await harness.enqueue(.lock, "user_1")
        guard case .failed(_, let error) = try await harness.outcome(of: command) else { Issue.record("not failed"); return }
        guard case .transport = error else { Issue.record("wrong error \(error)"); return }
        #expect(harness.clerk.sent.map(\.method) == [.post, .get, .post, .get, .post, .get])
        #expect(harness.clerk.user("user_1")?.locked == false)
        #expect(try harness.auditRecords().map(\.outcome) == [.failed])

        #expect(await harness.queue.retry(command.id))
        _ = try await harness.events.waitFor("finished after retry") { if case .finished(let c, _) = $0 { c.id == command.id } else { false } }
        #expect(harness.clerk.user("user_1")?.locked == true)
    }

    @Test("when the user cannot be re-read either, the operator decides")
    func cannotTell() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/ban", .afterApplying, .status(500))
        harness.clerk.fail(.get, "/users/user_1", .instead, .connectionLost)
        let command = try await harness.enqueue(.ban, "user_1")
        let later = try await harness.enqueue(.unban, "user_1")
        guard case .needsOperator(_, let reason) = try await harness.outcome(of: command) else { Issue.record("not asked"); return }
        #expect(reason.contains("could not be re-read"))
        // Order matters while the outcome is unknown: the unban waits.
        try await waitUntil("the queue idle") { await harness.queue.isIdle }
        #expect(!harness.clerk.sentPaths().contains("/users/user_1/unban"))
        #expect(try harness.journalLines().last?.kind == .unknown)

        #expect(await harness.queue.confirmApplied(command.id))
        _ = try await harness.outcome(of: later)
        #expect(harness.clerk.user("user_1")?.banned == false)
        #expect(try harness.auditRecords().map(\.outcome) == [.unknown, .done, .done])
    }

    @Test("abandoning an unknown command sends nothing more and audits it")
    func abandon() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/ban", .afterApplying, .status(502))
        harness.clerk.fail(.get, "/users/user_1", .instead, .status(503))
        let command = try await harness.enqueue(.ban, "user_1")
        _ = try await harness.outcome(of: command)
        #expect(await harness.queue.abandon(command.id))
        _ = try await harness.events.waitFor("abandoned") { $0 == .abandoned(command) }
        #expect(try harness.auditRecords().map(\.outcome) == [.unknown, .abandoned])
        #expect(try harness.journalLines().last?.outcome == .abandoned)
    }

    @Test("a credit adjustment whose answer was lost is sent again with the same key and applied once")
    func creditResentWithSameKey() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/billing/credits", .afterApplying, .status(500))
        let change = CreditChange(direction: .increase, amountCents: 1250, note: "refund", idempotencyKey: "confirm-42")
        let command = try await harness.enqueue(.adjustCredit(change), "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.ledgerEntry?.id == "cled_1")
        let bodies = harness.clerk.sent.filter { $0.path.hasSuffix("/billing/credits") }.map(\.body)
        #expect(bodies.count == 2)
        #expect(bodies.allSatisfy { $0.contains("\"idempotency_key\":\"confirm-42\"") })
        #expect(harness.clerk.ledgerCount == 1)
    }

    @Test("a deletion whose answer was lost is settled by re-reading: the passkey is gone")
    func deletionSettledByReread() async throws {
        let harness = try Harness(users: [Users.make("user_1", passkeys: ["idn_pk1", "idn_pk2"])])
        harness.clerk.fail(.delete, "/passkeys/idn_pk1", .afterApplying, .connectionLost)
        let command = try await harness.enqueue(.deletePasskey(id: "idn_pk1"), "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.users.first?.passkeys.map(\.id) == ["idn_pk2"])
    }

    @Test("actions answered with an id only still hand the console the user as it now is")
    func rereadAfterDeletion() async throws {
        let harness = try Harness(users: [Users.make("user_1", totp: true)])
        let command = try await harness.enqueue(.deleteTOTP, "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.users.first?.totpEnabled == false)
    }

    @Test("a refused request fails with Clerk's error and is audited with status and trace id")
    func refused() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        let command = try await harness.enqueue(.deletePasskey(id: "idn_missing"), "user_9")
        guard case .failed(_, let error) = try await harness.outcome(of: command) else { Issue.record("not failed"); return }
        #expect(error.httpStatus == 404)
        let audit = try #require(try harness.auditRecords().last)
        #expect(audit.httpStatus == 404 && audit.traceID == "trace-fake" && audit.outcome == .failed)
    }

    @Test("merge metadata with a lost answer: the re-read shows the merge, so it is done")
    func metadataMergeChecked() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.patch, "/metadata", .afterApplying, .status(504))
        let update = MetadataUpdate(publicMetadata: ["plan": "pro", "limits": ["seats": 5]])
        let command = try await harness.enqueue(.mergeMetadata(update), "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.users.first?.publicMetadata["limits", "seats"] == 5)
        #expect(harness.clerk.sent.filter { $0.method == .patch }.count == 1)
    }

    @Test("verify TOTP reports the verdict, and the code never reaches the journal or the audit log")
    func verifyTOTP() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        let command = try await harness.enqueue(.verifyTOTP(code: OneTimeCode("123456")), "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.verification?.verified == true)
        let journal = try String(contentsOfFile: harness.journalPath, encoding: .utf8)
        let audit = try String(contentsOfFile: harness.auditPath, encoding: .utf8)
        #expect(!journal.contains("123456") && !audit.contains("123456"))
    }

    @Test("a wrong TOTP code (Clerk's 422) is the verdict 'not valid', not a failed command")
    func verifyWrongTOTP() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        let command = try await harness.enqueue(.verifyTOTP(code: OneTimeCode("000000")), "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.verification?.verified == false)
        #expect(result.note == "HTTP 422 from the fake.")
        #expect(harness.clerk.sentPaths(.post) == ["/users/user_1/verify_totp"], "asked once, never again")
        #expect(try harness.auditRecords().last?.outcome == .done)
    }

    @Test("bulk lock: users that fail are reported, the rest done; a retry sends only the failed ones")
    func partialBulkLock() async throws {
        let harness = try Harness(users: [Users.make("user_1"), Users.make("user_3")])
        let command = try await harness.enqueue(.lock, "user_1", "user_2", "user_3")
        guard case .failed(_, let error) = try await harness.outcome(of: command) else { Issue.record("not failed"); return }
        #expect(error.httpStatus == 404)
        let status = try #require(await harness.queue.snapshot().first { $0.id == command.id })
        #expect(status.completedUsers == 2)
        #expect(try harness.journalLines().last?.message?.contains("1 of 3") == true)
        harness.clerk.state.withLock { $0.users["user_2"] = Users.make("user_2") }
        #expect(await harness.queue.retry(command.id))
        _ = try await harness.events.waitFor("finished after retry") { if case .finished(let c, _) = $0 { c.id == command.id } else { false } }
        #expect(harness.clerk.sentPaths(.post).filter { $0 == "/users/user_1/lock" }.count == 1)
        #expect(harness.clerk.user("user_2")?.locked == true)
    }

    @Test("a delete whose answer was lost is done when the user is gone, and the console told to drop them")
    func deleteUserLostAnswer() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.delete, "/users/user_1", .afterApplying, .status(502))
        let command = try await harness.enqueue(.deleteUser, "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.deletedUserIDs == ["user_1"])
        #expect(harness.clerk.sent.map(\.method) == [.delete, .get])
    }

    @Test("deleting a user who never existed fails as not found; it is not taken for an earlier send's work")
    func deleteUnknownUser() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        let command = try await harness.enqueue(.deleteUser, "user_typo")
        guard case .failed(_, let error) = try await harness.outcome(of: command) else { Issue.record("not failed"); return }
        #expect(error.httpStatus == 404)
        #expect(harness.clerk.sent.map(\.method) == [.delete], "nothing re-read: a first send's 404 is plain")
        let audit = try #require(try harness.auditRecords().last)
        #expect(audit.outcome == .failed && audit.httpStatus == 404)
    }

    @Test("a deletion's 404 after the client's own retry may be the first send's work: checked, then done")
    func deleteAfterClientRetry() async throws {
        let harness = try Harness(users: [Users.make("user_1")], retry: RetryPolicy(maxAttempts: 2))
        harness.clerk.fail(.delete, "/users/user_1", .afterApplying, .connectionLost)
        let command = try await harness.enqueue(.deleteUser, "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.deletedUserIDs == ["user_1"])
        #expect(harness.clerk.sent.map(\.method) == [.delete, .delete, .get])
    }

    @Test("marking a password compromised, answer lost: sent once more (the user record cannot tell)")
    func compromisedResent() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.fail(.post, "/set_compromised", .instead, .connectionLost)
        let command = try await harness.enqueue(.setPasswordCompromised(revokeAllSessions: true), "user_1")
        guard case .finished = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(harness.clerk.isCompromised("user_1"))
        #expect(harness.clerk.sent.filter { $0.path.hasSuffix("/set_compromised") }.count == 2)
        #expect(harness.clerk.sent.allSatisfy { $0.method == .post })
    }

    @Test("revoking a trusted device, answer lost: the device list shows it revoked")
    func trustedDeviceChecked() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        let device = TrustedDevice(id: "td_1", platform: "ios", appIdentifier: "com.example", name: "Phone", status: .active, createdAt: 1, updatedAt: 1)
        harness.clerk.state.withLock { $0.devices["user_1"] = [device] }
        harness.clerk.fail(.delete, "/trusted_devices/td_1", .afterApplying, .connectionLost)
        let command = try await harness.enqueue(.revokeTrustedDevice(id: "td_1"), "user_1")
        guard case .finished(_, let result) = try await harness.outcome(of: command) else { Issue.record("not finished"); return }
        #expect(result.trustedDevice?.status == .revoked)
        #expect(harness.clerk.sentPaths(.get) == ["/users/user_1/trusted_devices"])
    }

    @Test("the intent and the sending line are on disk before Clerk sees the request")
    func journalBeforeSending() async throws {
        let harness = try Harness(users: [Users.make("user_1")])
        harness.clerk.hold { _, _ in true }
        let first = try await harness.enqueue(.lock, "user_1")
        try await waitUntil("the request held") { harness.clerk.heldCount == 1 }
        #expect(try harness.journalLines().map(\.kind) == [.intent, .sending])
        harness.clerk.release()
        _ = try await harness.outcome(of: first)
        #expect(try harness.journalLines().map(\.kind) == [.intent, .sending, .outcome])
    }
}
