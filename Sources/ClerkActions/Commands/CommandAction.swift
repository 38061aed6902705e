import ClerkAPI

/// What a command does to its user(s), with its parameters.
public enum CommandAction: Codable, Sendable, Hashable {
    /// Several users at once go through `POST /users/ban` in calls of 50.
    case ban
    case unban
    /// Several users at once: one call per user, paced by the rate limiter.
    case lock
    case unlock
    case setPasswordCompromised(revokeAllSessions: Bool)
    case unsetPasswordCompromised
    case removePassword(signOutOfOtherSessions: Bool)
    case adjustCredit(CreditChange)
    case deletePasskey(id: String)
    case deleteWeb3Wallet(id: String)
    case deleteExternalAccount(id: String)
    case deleteTOTP
    case deleteBackupCodes
    case disableMFA
    case revokeTrustedDevice(id: String)
    case deleteProfileImage
    /// Checks a code the user reads out; changes nothing on the account (a backup code is used up).
    case verifyTOTP(code: OneTimeCode)
    case deleteUser
    /// `PATCH` metadata: deep merge, `null` deletes.
    case mergeMetadata(MetadataUpdate)
    /// `PUT` metadata: each field given is replaced whole.
    case replaceMetadata(MetadataUpdate)

    /// A stable name for the audit log and scripts.
    public var name: String {
        switch self {
        case .ban: "ban"
        case .unban: "unban"
        case .lock: "lock"
        case .unlock: "unlock"
        case .setPasswordCompromised: "set-password-compromised"
        case .unsetPasswordCompromised: "unset-password-compromised"
        case .removePassword: "remove-password"
        case .adjustCredit: "adjust-credit"
        case .deletePasskey: "delete-passkey"
        case .deleteWeb3Wallet: "delete-web3-wallet"
        case .deleteExternalAccount: "delete-external-account"
        case .deleteTOTP: "delete-totp"
        case .deleteBackupCodes: "delete-backup-codes"
        case .disableMFA: "disable-mfa"
        case .revokeTrustedDevice: "revoke-trusted-device"
        case .deleteProfileImage: "delete-profile-image"
        case .verifyTOTP: "verify-totp"
        case .deleteUser: "delete-user"
        case .mergeMetadata: "merge-metadata"
        case .replaceMetadata: "replace-metadata"
        }
    }

    /// Whether one command may carry many users.
    public var acceptsManyUsers: Bool {
        switch self {
        case .ban, .unban, .lock, .unlock: true
        default: false
        }
    }

    /// Whether sending it twice can do no more than sending it once, so that a request whose answer
    /// was lost may simply be sent again: deletions, the metadata `PUT`, the credit adjustment (its
    /// idempotency key makes Clerk answer a repeat with the original entry), and the bulk ban/unban.
    /// Everything else is checked by re-reading the user first.
    public var isSafeToRepeat: Bool {
        switch self {
        case .ban, .unban, .lock, .unlock, .setPasswordCompromised, .unsetPasswordCompromised, .removePassword,
            .verifyTOTP, .mergeMetadata:
            false
        case .adjustCredit, .deletePasskey, .deleteWeb3Wallet, .deleteExternalAccount, .deleteTOTP, .deleteBackupCodes,
            .disableMFA, .revokeTrustedDevice, .deleteProfileImage, .deleteUser, .replaceMetadata:
            true
        }
    }

    /// Deletions answer 404 when an earlier attempt already did the work.
    var isDeletion: Bool {
        switch self {
        case .deletePasskey, .deleteWeb3Wallet, .deleteExternalAccount, .deleteTOTP, .deleteBackupCodes, .disableMFA,
            .revokeTrustedDevice, .deleteProfileImage, .deleteUser:
            true
        default:
            false
        }
    }

    /// True for the one action that only reads.
    public var changesNothing: Bool {
        if case .verifyTOTP = self { return true }
        return false
    }
}
