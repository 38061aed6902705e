import ClerkAPI

extension CommandAction {
    /// The parameters as the audit log records them. A one-time code is never included.
    public var auditParameters: JSONValue {
        switch self {
        case .ban, .unban, .lock, .unlock, .unsetPasswordCompromised, .deleteTOTP, .deleteBackupCodes, .disableMFA,
            .deleteProfileImage, .deleteUser, .verifyTOTP:
            return .emptyObject
        case .setPasswordCompromised(let revoke):
            return ["revoke_all_sessions": .bool(revoke)]
        case .removePassword(let signOut):
            return ["sign_out_of_other_sessions": .bool(signOut)]
        case .adjustCredit(let change):
            var fields: [String: JSONValue] = [
                "action": .string(change.direction.rawValue), "amount": .int(change.amountCents),
                "idempotency_key": .string(change.idempotencyKey),
            ]
            if let note = change.note { fields["note"] = .string(note) }
            if let currency = change.currency { fields["currency"] = .string(currency) }
            return .object(fields)
        case .deletePasskey(let id): return ["passkey_id": .string(id)]
        case .deleteWeb3Wallet(let id): return ["web3_wallet_id": .string(id)]
        case .deleteExternalAccount(let id): return ["external_account_id": .string(id)]
        case .revokeTrustedDevice(let id): return ["trusted_device_id": .string(id)]
        case .mergeMetadata(let update), .replaceMetadata(let update):
            var fields: [String: JSONValue] = [:]
            if let value = update.publicMetadata { fields["public_metadata"] = value }
            if let value = update.privateMetadata { fields["private_metadata"] = value }
            if let value = update.unsafeMetadata { fields["unsafe_metadata"] = value }
            return .object(fields)
        }
    }

    /// Whether `user`, read after a request whose answer was lost, shows the action done: true or
    /// false when the user record tells, nil when it cannot (the credit ledger, the compromised mark
    /// and trusted devices are not part of it).
    public func isVisiblyApplied(to user: User) -> Bool? {
        switch self {
        case .ban: return user.banned
        case .unban: return !user.banned
        case .lock: return user.locked
        case .unlock: return !user.locked
        case .removePassword: return !user.passwordEnabled
        case .deletePasskey(let id): return !user.passkeys.contains { $0.id == id }
        case .deleteWeb3Wallet(let id): return !user.web3Wallets.contains { $0.id == id }
        case .deleteExternalAccount(let id): return !user.externalAccounts.contains { $0.id == id }
        case .deleteTOTP: return !user.totpEnabled
        case .deleteBackupCodes: return !user.backupCodeEnabled
        case .disableMFA: return !user.twoFactorEnabled
        case .deleteProfileImage: return !user.hasImage
        case .deleteUser: return false
        case .mergeMetadata(let update):
            return Self.fieldsMatch(update, user) { current, patch in current.deepMerged(with: patch) == current }
        case .replaceMetadata(let update):
            return Self.fieldsMatch(update, user) { current, replacement in current == replacement }
        case .setPasswordCompromised, .unsetPasswordCompromised, .adjustCredit, .revokeTrustedDevice, .verifyTOTP:
            return nil
        }
    }

    private static func fieldsMatch(_ update: MetadataUpdate, _ user: User, _ holds: (JSONValue, JSONValue) -> Bool) -> Bool {
        let pairs: [(JSONValue?, JSONValue?)] = [
            (update.publicMetadata, user.publicMetadata), (update.privateMetadata, user.privateMetadata),
            (update.unsafeMetadata, user.unsafeMetadata),
        ]
        return pairs.allSatisfy { given, current in
            guard let given else { return true }
            return holds(current ?? .emptyObject, given)
        }
    }
}
