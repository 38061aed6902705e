import ClerkAPI
import ClerkActions
import Foundation

/// One `users` mutation: the console's own command action, and the words the run speaks in.
struct UserMutationKind: Sendable {
    let action: CommandAction
    /// Imperative, followed by the users: "ban", "disable MFA for".
    let verb: String
    /// Follows a count and "not": "banned", "cleared of MFA".
    let pastTense: String
    /// At most this many users in one run (a passkey id belongs to one user); nil for any number.
    var maximumUsers: Int?

    /// Users per command: ban and unban go to Clerk's bulk endpoints 50 at a time; the others are
    /// one request per user, so each user is one command and fails or succeeds on its own.
    var usersPerCommand: Int {
        action == .ban || action == .unban ? UsersClient.bulkChunkSize : 1
    }

    static let ban = UserMutationKind(action: .ban, verb: "ban", pastTense: "banned")
    static let unban = UserMutationKind(action: .unban, verb: "unban", pastTense: "unbanned")
    static let lock = UserMutationKind(action: .lock, verb: "lock", pastTense: "locked")
    static let unlock = UserMutationKind(action: .unlock, verb: "unlock", pastTense: "unlocked")
    static let delete = UserMutationKind(action: .deleteUser, verb: "delete", pastTense: "deleted")

    static func setPasswordCompromised(revokeSessions: Bool) -> UserMutationKind {
        UserMutationKind(
            action: .setPasswordCompromised(revokeAllSessions: revokeSessions),
            verb: revokeSessions ? "mark the password compromised, and end every session, of" : "mark the password compromised of",
            pastTense: "marked compromised")
    }

    static let unsetPasswordCompromised = UserMutationKind(
        action: .unsetPasswordCompromised, verb: "clear the compromised mark of", pastTense: "cleared of the compromised mark")
    static let disableMFA = UserMutationKind(action: .disableMFA, verb: "disable every second factor of", pastTense: "cleared of MFA")
    static let deleteTOTP = UserMutationKind(action: .deleteTOTP, verb: "delete the authenticator app (TOTP) of", pastTense: "cleared of TOTP")
    static let deleteBackupCodes = UserMutationKind(action: .deleteBackupCodes, verb: "delete the backup codes of", pastTense: "cleared of backup codes")

    static func metadata(_ update: MetadataUpdate, field: String, replace: Bool) -> UserMutationKind {
        UserMutationKind(
            action: replace ? .replaceMetadata(update) : .mergeMetadata(update),
            verb: "\(replace ? "replace" : "merge into") the \(field) metadata of", pastTense: "updated")
    }

    static func adjustCredit(_ change: CreditChange) -> UserMutationKind {
        UserMutationKind(
            action: .adjustCredit(change), verb: "\(change.direction.rawValue) by \(change.formattedAmount) the credit balance of",
            pastTense: change.direction == .increase ? "credited" : "debited")
    }

    /// `passkey`, `web3 wallet`, `external account` deletions: one user, one item of theirs.
    static func deleteIdentification(_ action: CommandAction, item: String, id: String) -> UserMutationKind {
        UserMutationKind(action: action, verb: "delete \(item) \(id) of", pastTense: "cleared of \(item) \(id)", maximumUsers: 1)
    }

    /// The commands for these users, in order: several users in one command only where Clerk takes them in one call.
    func commands(for userIDs: [String], instance: InstanceIdentity) throws(CommandError) -> [Command] {
        var commands: [Command] = []
        var index = 0
        while index < userIDs.count {
            let batch = Array(userIDs[index..<min(index + usersPerCommand, userIDs.count)])
            commands.append(try Command(action.withOwnIdempotencyKey(), userIDs: batch, instance: instance))
            index += batch.count
        }
        return commands
    }
}

extension CommandAction {
    /// Each user's credit adjustment is an adjustment of its own: one idempotency key each, made now
    /// and journalled with the command, so that a retry or a resume can never apply it twice.
    func withOwnIdempotencyKey() -> CommandAction {
        guard case .adjustCredit(var change) = self else { return self }
        change.idempotencyKey = UUID().uuidString
        return .adjustCredit(change)
    }
}
