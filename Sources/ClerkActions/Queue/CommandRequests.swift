import ClerkAPI

/// The API core call behind each action, for one user.
struct CommandRequests: Sendable {
    let users: UsersClient

    func send(_ action: CommandAction, userID: String) async throws(ClerkAPIError) -> CommandResult {
        switch action {
        case .ban: return CommandResult(users: [try await users.ban(userID)])
        case .unban: return CommandResult(users: [try await users.unban(userID)])
        case .lock: return CommandResult(users: [try await users.lock(userID)])
        case .unlock: return CommandResult(users: [try await users.unlock(userID)])
        case .setPasswordCompromised(let revoke):
            return CommandResult(users: [try await users.setPasswordCompromised(userID, revokeAllSessions: revoke)])
        case .unsetPasswordCompromised:
            return CommandResult(users: [try await users.unsetPasswordCompromised(userID)])
        case .removePassword(let signOut):
            return CommandResult(users: [try await users.removePassword(userID, signOutOfOtherSessions: signOut)])
        case .adjustCredit(let change):
            return CommandResult(ledgerEntry: try await users.adjustCredits(userID, change.adjustment))
        case .deletePasskey(let id):
            _ = try await users.deletePasskey(userID, passkeyID: id)
            return await reread(userID)
        case .deleteWeb3Wallet(let id):
            _ = try await users.deleteWeb3Wallet(userID, walletID: id)
            return await reread(userID)
        case .deleteExternalAccount(let id):
            _ = try await users.deleteExternalAccount(userID, externalAccountID: id)
            return await reread(userID)
        case .deleteTOTP:
            _ = try await users.deleteTOTP(userID)
            return await reread(userID)
        case .deleteBackupCodes:
            _ = try await users.deleteBackupCodes(userID)
            return await reread(userID)
        case .disableMFA:
            _ = try await users.disableMFA(userID)
            return await reread(userID)
        case .revokeTrustedDevice(let id):
            return CommandResult(trustedDevice: try await users.revokeTrustedDevice(userID, deviceID: id))
        case .deleteProfileImage:
            return CommandResult(users: [try await users.deleteProfileImage(userID)])
        case .verifyTOTP(let code):
            guard code.isKept else {
                throw .invalidRequest("The code is not kept after a restart; ask the user for a fresh code and verify again.")
            }
            do {
                return CommandResult(verification: try await users.verifyTOTP(userID, code: code.value))
            } catch .api(let failure) where failure.status == 422 {
                // Clerk answers a wrong code with 422: that is the answer the operator asked for, not a
                // failure to retry.
                return CommandResult(verification: TOTPVerification(verified: false, codeType: .totp),
                                     note: failure.errors.first.map { $0.longMessage.isEmpty ? $0.message : $0.longMessage } ?? "the code is not valid")
            }
        case .deleteUser:
            _ = try await users.delete(userID)
            return CommandResult(deletedUserIDs: [userID])
        case .mergeMetadata(let update):
            return CommandResult(users: [try await users.mergeMetadata(userID, update)])
        case .replaceMetadata(let update):
            return CommandResult(users: [try await users.replaceMetadata(userID, update)])
        }
    }

    /// These endpoints answer with an id only; the console needs the user as it now is. The change
    /// is done either way, so a failed re-read only leaves the user as last shown.
    private func reread(_ userID: String) async -> CommandResult {
        guard let user = try? await users.get(userID) else { return CommandResult() }
        return CommandResult(users: [user])
    }
}
