import ClerkAPI
import Foundation
import GRDB

extension UserDirectory {
    /// `POST /users/{id}/verify_password`: 200 verified, 422 wrong, 400 no password.
    func verifyPassword(_ id: String, _ password: String) async throws -> PasswordVerification {
        let hash = try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            return try Credentials.load(rowid: rowid, in: db).passwordHash
        }
        guard let hash else {
            throw SandboxError(400, code: "no_password_set", message: "no password", longMessage: "This user has no password set.")
        }
        guard PasswordHasher.verify(password, against: hash) else {
            throw SandboxError(422, code: "form_password_incorrect", message: "is incorrect", longMessage: "The password is incorrect.", parameter: "password")
        }
        return PasswordVerification(verified: true)
    }

    /// `POST /users/{id}/verify_totp`: a TOTP code, or a backup code, which is consumed.
    func verifyTOTP(_ id: String, _ code: String) async throws -> TOTPVerification {
        let seconds = now() / 1000
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        return try await mutate(id) { user, credentials, _ -> TOTPVerification in
            guard credentials.totpSecret != nil || !credentials.backupCodeHashes.isEmpty else {
                throw SandboxError(400, code: "totp_not_enabled", message: "no second factor",
                                   longMessage: "This user has neither TOTP nor backup codes configured.")
            }
            if let secret = credentials.totpSecret.flatMap(Base32.decode), TOTP.verify(trimmed, secret: secret, at: seconds) {
                return TOTPVerification(verified: true, codeType: .totp)
            }
            let hash = Self.backupCodeHash(trimmed, userID: user.id)
            guard let index = credentials.backupCodeHashes.firstIndex(of: hash) else {
                throw SandboxError(422, code: "form_code_incorrect", message: "is incorrect",
                                   longMessage: "The TOTP or backup code is incorrect.", parameter: "code")
            }
            credentials.backupCodeHashes.remove(at: index)
            return TOTPVerification(verified: true, codeType: .backupCode)
        }.result
    }

    /// `DELETE /users/{id}/mfa`: every second factor.
    func disableMFA(_ id: String) async throws -> UserIDResponse {
        let time = now()
        _ = try await mutate(id) { user, credentials, _ in
            credentials.totpSecret = nil
            credentials.backupCodeHashes = []
            for index in user.phoneNumbers.indices {
                user.phoneNumbers[index].reservedForSecondFactor = false
                user.phoneNumbers[index].defaultSecondFactor = false
            }
            if user.twoFactorEnabled { user.mfaDisabledAt = time }
        }
        return UserIDResponse(userID: id)
    }

    func deleteBackupCodes(_ id: String) async throws -> UserIDResponse {
        _ = try await mutate(id) { _, credentials, _ in credentials.backupCodeHashes = [] }
        return UserIDResponse(userID: id)
    }

    func deleteTOTP(_ id: String) async throws -> UserIDResponse {
        let time = now()
        _ = try await mutate(id) { user, credentials, _ in
            credentials.totpSecret = nil
            if credentials.backupCodeHashes.isEmpty, !user.phoneNumbers.contains(where: { $0.reservedForSecondFactor == true }) {
                user.mfaDisabledAt = time
            }
        }
        return UserIDResponse(userID: id)
    }

    func deletePasskey(_ id: String, passkeyID: String) async throws -> DeletedObject {
        _ = try await mutate(id) { user, _, _ in
            guard let index = user.passkeys.firstIndex(where: { $0.id == passkeyID }) else {
                throw SandboxError.notFound("passkey", id: passkeyID)
            }
            user.passkeys.remove(at: index)
        }
        return DeletedObject(object: "passkey", id: passkeyID)
    }

    func deleteWeb3Wallet(_ id: String, walletID: String) async throws -> DeletedObject {
        _ = try await mutate(id) { user, _, _ in
            guard let index = user.web3Wallets.firstIndex(where: { $0.id == walletID }) else {
                throw SandboxError.notFound("web3 wallet", id: walletID)
            }
            user.web3Wallets.remove(at: index)
            if user.primaryWeb3WalletID == walletID { user.primaryWeb3WalletID = user.web3Wallets.first?.id }
        }
        return DeletedObject(object: "web3_wallet", id: walletID)
    }

    func deleteExternalAccount(_ id: String, accountID: String) async throws -> DeletedObject {
        _ = try await mutate(id) { user, _, db in
            guard let index = user.externalAccounts.firstIndex(where: { $0.id == accountID }) else {
                throw SandboxError.notFound("external account", id: accountID)
            }
            let account = user.externalAccounts.remove(at: index)
            // Addresses that came from the account go with it, as in Clerk.
            for emailIndex in user.emailAddresses.indices {
                user.emailAddresses[emailIndex].linkedTo.removeAll { $0.id == account.identificationID }
            }
            let rowid = try StoredUser.rowid(of: id, in: db)
            try db.execute(sql: "DELETE FROM oauth_tokens WHERE user_rowid = ? AND provider = ?", arguments: [rowid, account.provider])
        }
        return DeletedObject(object: "external_account", id: accountID)
    }

    func setPasswordCompromised(_ id: String, _ compromised: Bool) async throws -> User {
        try await mutate(id) { _, credentials, _ in
            guard credentials.passwordHash != nil else {
                throw SandboxError(400, code: "no_password_set", message: "no password", longMessage: "This user has no password to mark.")
            }
            credentials.passwordCompromised = compromised
        }
    }

    func removePassword(_ id: String) async throws -> User {
        try await mutate(id) { user, credentials, _ in
            guard credentials.passwordHash != nil else { return }
            credentials.passwordHash = nil
            credentials.passwordCompromised = false
            user.passwordLastUpdatedAt = nil
        }
    }
}
