import ClerkAPI
@testable import ClerkActions
import Foundation
import Testing

@Suite("Commands")
struct CommandTests {
    static let instance = InstanceIdentity(host: "api.clerk.com", keyKind: .production)
    static let update = MetadataUpdate(privateMetadata: ["plan": "pro", "old": nil])

    static let everyAction: [CommandAction] = [
        .ban, .unban, .lock, .unlock, .setPasswordCompromised(revokeAllSessions: true), .unsetPasswordCompromised,
        .removePassword(signOutOfOtherSessions: true),
        .adjustCredit(CreditChange(direction: .increase, amountCents: 1250, currency: "usd", note: "refund", idempotencyKey: "key-1")),
        .deletePasskey(id: "idn_pk1"), .deleteWeb3Wallet(id: "idn_w1"), .deleteExternalAccount(id: "eac_1"), .deleteTOTP,
        .deleteBackupCodes, .disableMFA, .revokeTrustedDevice(id: "td_1"), .deleteProfileImage, .verifyTOTP(code: OneTimeCode("123 456")),
        .deleteUser, .mergeMetadata(update), .replaceMetadata(update),
    ]

    @Test("every action survives the journal's encoding, except the one-time code, which is never written", arguments: everyAction)
    func roundTrip(action: CommandAction) throws {
        let command = try Command(action, userID: "user_1", instance: Self.instance)
        let data = try JournalCoding.encoder.encode(command)
        let decoded = try JournalCoding.decoder.decode(Command.self, from: data)
        let text = String(decoding: data, as: UTF8.self)
        if case .verifyTOTP = action {
            #expect(!text.contains("123456"))
            guard case .verifyTOTP(let code) = decoded.action else { Issue.record("wrong action \(decoded.action)"); return }
            #expect(!code.isKept)
        } else {
            #expect(decoded == command)
        }
        #expect(!command.summary.isEmpty && !command.summary.contains("\n"))
        #expect(!action.name.isEmpty)
    }

    @Test("names are unique, so the audit log can be searched by action")
    func uniqueNames() {
        #expect(Set(Self.everyAction.map(\.name)).count == Self.everyAction.count)
    }

    @Test("only ban, unban, lock and unlock take several users; ids are trimmed and deduplicated")
    func userValidation() throws {
        let bulk = try Command(.ban, userIDs: ["user_1", " user_2 ", "user_1", ""], instance: Self.instance)
        #expect(bulk.userIDs == ["user_1", "user_2"])
        #expect(bulk.summary == "Ban 2 users")
        #expect(throws: CommandError.oneUserOnly(action: "delete-user")) { try Command(.deleteUser, userIDs: ["user_1", "user_2"], instance: Self.instance) }
        #expect(throws: CommandError.noUsers) { try Command(.lock, userIDs: [" "], instance: Self.instance) }
    }

    @Test("impossible parameters are refused before anything is queued")
    func parameterValidation() {
        #expect(throws: CommandError.self) {
            try Command(.adjustCredit(CreditChange(direction: .decrease, amountCents: 0)), userID: "user_1", instance: Self.instance)
        }
        #expect(throws: CommandError.self) { try Command(.deletePasskey(id: " "), userID: "user_1", instance: Self.instance) }
        #expect(throws: CommandError.self) { try Command(.verifyTOTP(code: OneTimeCode("")), userID: "user_1", instance: Self.instance) }
        #expect(throws: CommandError.self) { try Command(.mergeMetadata(MetadataUpdate()), userID: "user_1", instance: Self.instance) }
        #expect(throws: CommandError.self) {
            try Command(.replaceMetadata(MetadataUpdate(publicMetadata: [1, 2])), userID: "user_1", instance: Self.instance)
        }
    }

    @Test("undo: ban↔unban, lock↔unlock, compromised set↔unset, credit by the opposite with a new key")
    func undo() throws {
        let pairs: [(CommandAction, CommandAction)] = [
            (.ban, .unban), (.unban, .ban), (.lock, .unlock), (.unlock, .lock),
            (.setPasswordCompromised(revokeAllSessions: true), .unsetPasswordCompromised),
            (.unsetPasswordCompromised, .setPasswordCompromised(revokeAllSessions: false)),
        ]
        for (action, inverse) in pairs {
            let command = try Command(action, userIDs: ["user_1", "user_2"].prefix(action.acceptsManyUsers ? 2 : 1).map { $0 }, instance: Self.instance)
            let undo = try #require(command.undo())
            #expect(undo.action == inverse)
            #expect(undo.userIDs == command.userIDs)
            #expect(undo.id != command.id)
        }
        let credit = try Command(.adjustCredit(CreditChange(direction: .increase, amountCents: 500, idempotencyKey: "first")), userID: "user_1", instance: Self.instance)
        let reversal = try #require(credit.undo(newIdempotencyKey: "second"))
        guard case .adjustCredit(let change) = reversal.action else { Issue.record("not a credit adjustment"); return }
        #expect(change.direction == .decrease && change.amountCents == 500 && change.idempotencyKey == "second")
        #expect(try Command(.deleteUser, userID: "user_1", instance: Self.instance).undo() == nil)
        #expect(try Command(.deleteUser, userID: "user_1", instance: Self.instance).isReversible == false)
    }

    @Test("what is safe to send again without checking")
    func safety() {
        let safe = Self.everyAction.filter(\.isSafeToRepeat).map(\.name)
        #expect(safe.contains("adjust-credit") && safe.contains("delete-passkey") && safe.contains("replace-metadata"))
        #expect(!safe.contains("ban") && !safe.contains("lock") && !safe.contains("merge-metadata") && !safe.contains("verify-totp"))
    }

    @Test("summaries read as the operator would say them")
    func summaries() throws {
        let credit = try Command(
            .adjustCredit(CreditChange(direction: .increase, amountCents: 1205, currency: "usd", note: "line one\nline two")), userID: "user_1",
            instance: Self.instance)
        #expect(credit.summary == "Increase the credit of user_1 by 12.05 USD (note: line one line two)")
        #expect(try Command(.mergeMetadata(Self.update), userID: "user_9", instance: Self.instance).summary == "Merge private metadata into user_9")
        #expect(try Command(.lock, userIDs: ["a", "b", "c"], instance: Self.instance).summary == "Lock 3 users")
    }

    @Test("audit parameters carry the idempotency key and never the code")
    func auditParameters() throws {
        let credit = CommandAction.adjustCredit(CreditChange(direction: .decrease, amountCents: 300, idempotencyKey: "k-9"))
        #expect(credit.auditParameters["idempotency_key"] == "k-9")
        #expect(credit.auditParameters["amount"] == 300)
        #expect(CommandAction.verifyTOTP(code: OneTimeCode("123456")).auditParameters == .emptyObject)
    }

    @Test("a re-read user shows whether the action took effect")
    func visiblyApplied() {
        var user = Users.make("user_1", passkeys: ["idn_pk1"])
        user.privateMetadata = ["plan": "pro"]
        #expect(CommandAction.ban.isVisiblyApplied(to: user) == false)
        #expect(CommandAction.unban.isVisiblyApplied(to: user) == true)
        #expect(CommandAction.deletePasskey(id: "idn_pk1").isVisiblyApplied(to: user) == false)
        #expect(CommandAction.deletePasskey(id: "idn_other").isVisiblyApplied(to: user) == true)
        #expect(CommandAction.mergeMetadata(Self.update).isVisiblyApplied(to: user) == true)
        #expect(CommandAction.mergeMetadata(MetadataUpdate(privateMetadata: ["plan": "free"])).isVisiblyApplied(to: user) == false)
        #expect(CommandAction.replaceMetadata(MetadataUpdate(privateMetadata: ["plan": "pro"])).isVisiblyApplied(to: user) == true)
        #expect(CommandAction.setPasswordCompromised(revokeAllSessions: false).isVisiblyApplied(to: user) == nil)
    }
}
