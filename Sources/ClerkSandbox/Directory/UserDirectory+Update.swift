import ClerkAPI
import GRDB

extension UserDirectory {
    /// `PATCH /users/{id}`
    func update(_ id: String, _ request: UpdateUserRequest) async throws -> User {
        let username = try request.username.map { update -> FieldUpdate<String> in
            // Clerk removes the username for null or "".
            guard case .set(let value) = update, !value.isEmpty else { return .clear }
            return .set(try Validation.username(value))
        }
        if request.passwordDigest != nil {
            throw SandboxError.invalid("password_digest", "The sandbox does not import password digests; send password instead.")
        }
        let passwordHash = try request.password.map { try Validation.passwordHash($0, skipChecks: request.skipPasswordChecks) }
        let totpSecret = try request.totpSecret.map { update -> FieldUpdate<String> in
            guard case .set(let value) = update else { return .clear }
            return .set(try Validation.totpSecret(value))
        }
        let legalAcceptedAt = try request.legalAcceptedAt.map { update -> UnixMillis? in
            guard case .set(let value) = update else { return nil }
            return try Validation.timestamp(value, parameter: "legal_accepted_at")
        }
        let createdAt = try request.createdAt.map { try Validation.timestamp($0, parameter: "created_at") }
        let time = now()

        return try await mutate(id) { user, credentials, db in
            if let update = request.externalID {
                if let value = update.value { try Self.ensureAvailable("external_id", value, parameter: "external_id", exceptUser: id, in: db) }
                user.externalID = update.value
            }
            if let update = username {
                if let value = update.value {
                    try Self.ensureAvailable("username", value.lowercased(), parameter: "username", exceptUser: id, in: db)
                }
                user.username = update.value
            }
            if let update = request.firstName { user.firstName = update.value }
            if let update = request.lastName { user.lastName = update.value }
            if let update = request.locale { user.locale = update.value }
            if let emailID = request.primaryEmailAddressID {
                guard let email = user.emailAddresses.first(where: { $0.id == emailID }) else {
                    throw SandboxError.invalid("primary_email_address_id", "\(emailID) is not an email address of this user.")
                }
                guard email.verification?.isVerified == true else {
                    throw SandboxError.invalid("primary_email_address_id", "\(email.emailAddress) is not verified and cannot be primary.")
                }
                user.primaryEmailAddressID = emailID
            }
            if let phoneID = request.primaryPhoneNumberID {
                guard user.phoneNumbers.contains(where: { $0.id == phoneID && $0.verification?.isVerified == true }) else {
                    throw SandboxError.invalid("primary_phone_number_id", "\(phoneID) is not a verified phone number of this user.")
                }
                user.primaryPhoneNumberID = phoneID
            }
            if let walletID = request.primaryWeb3WalletID {
                guard user.web3Wallets.contains(where: { $0.id == walletID }) else {
                    throw SandboxError.invalid("primary_web3_wallet_id", "\(walletID) is not a web3 wallet of this user.")
                }
                user.primaryWeb3WalletID = walletID
            }
            if let passwordHash {
                credentials.passwordHash = passwordHash
                credentials.passwordCompromised = false
                user.passwordLastUpdatedAt = time
            }
            if let totpSecret {
                credentials.totpSecret = totpSecret.value
                if totpSecret.value != nil, !user.twoFactorEnabled { user.mfaEnabledAt = time }
            }
            if let codes = request.backupCodes {
                credentials.backupCodeHashes = codes.map { Self.backupCodeHash($0, userID: id) }
            }
            if let value = request.deleteSelfEnabled { user.deleteSelfEnabled = value }
            if let value = request.createOrganizationEnabled { user.createOrganizationEnabled = value }
            if let value = request.createOrganizationsLimit { user.createOrganizationsLimit = value.value }
            if let value = legalAcceptedAt { user.legalAcceptedAt = value }
            if let value = createdAt { user.createdAt = value }
            if let value = request.bypassClientTrust { user.bypassClientTrust = value }
        }
    }
}
