import ClerkAPI

/// The actions support staff take on a user, as the console offers them: each has a dialog, a
/// key, an entry in the action menu and a `:` command.
public enum ActionKind: String, CaseIterable, Sendable, Hashable {
    case ban, unban, lock, unlock
    case setCompromised = "compromised"
    case unsetCompromised = "uncompromised"
    case removePassword = "remove-password"
    case adjustCredit = "credit"
    case deletePasskey = "delete-passkey"
    case deleteWeb3Wallet = "delete-wallet"
    case deleteExternalAccount = "delete-external-account"
    case deleteTOTP = "delete-totp"
    case deleteBackupCodes = "delete-backup-codes"
    case disableMFA = "disable-mfa"
    case deleteProfileImage = "delete-image"
    case revokeTrustedDevice = "revoke-device"
    case verifyTOTP = "verify-totp"
    case deleteUser = "delete"

    /// The `:` command that opens it, e.g. `:ban`.
    public var commandName: String { rawValue }

    public var title: String {
        switch self {
        case .ban: "Ban"
        case .unban: "Unban"
        case .lock: "Lock"
        case .unlock: "Unlock"
        case .setCompromised: "Mark password compromised"
        case .unsetCompromised: "Clear password compromised"
        case .removePassword: "Remove password"
        case .adjustCredit: "Adjust credit"
        case .deletePasskey: "Delete a passkey"
        case .deleteWeb3Wallet: "Delete a web3 wallet"
        case .deleteExternalAccount: "Delete an external account"
        case .deleteTOTP: "Delete TOTP"
        case .deleteBackupCodes: "Delete backup codes"
        case .disableMFA: "Disable all MFA"
        case .deleteProfileImage: "Delete profile image"
        case .revokeTrustedDevice: "Revoke a trusted device"
        case .verifyTOTP: "Verify a TOTP code"
        case .deleteUser: "Delete user"
        }
    }

    /// Acts on all marked users at once.
    public var isBulk: Bool {
        switch self {
        case .ban, .unban, .lock, .unlock: true
        default: false
        }
    }

    /// Cannot be taken back: on a production key the operator types the user's email or id.
    public var isIrreversible: Bool {
        switch self {
        case .deleteUser, .deletePasskey, .disableMFA, .deleteTOTP, .deleteBackupCodes, .deleteWeb3Wallet, .deleteExternalAccount, .removePassword:
            true
        default:
            false
        }
    }

    /// Whether the action makes sense for this user now (ban for someone not banned, delete TOTP
    /// for someone with TOTP…). The menu lists only these; a key on another user says why not.
    public func applies(to user: User) -> Bool {
        switch self {
        case .ban: !user.banned
        case .unban: user.banned
        case .lock: !user.locked
        case .unlock: user.locked
        case .setCompromised, .removePassword: user.passwordEnabled
        case .unsetCompromised: user.passwordEnabled
        case .adjustCredit, .revokeTrustedDevice: true
        case .deletePasskey: !user.passkeys.isEmpty
        case .deleteWeb3Wallet: !user.web3Wallets.isEmpty
        case .deleteExternalAccount: !user.externalAccounts.isEmpty
        case .deleteTOTP, .verifyTOTP: user.totpEnabled
        case .deleteBackupCodes: user.backupCodeEnabled
        case .disableMFA: user.twoFactorEnabled
        case .deleteProfileImage: user.hasImage
        case .deleteUser: true
        }
    }

    /// Why it does not apply, for the status line.
    public func reasonNotApplicable(to user: User) -> String {
        let name = UserLabel.name(user)
        return switch self {
        case .ban: "\(name) is already banned"
        case .unban: "\(name) is not banned"
        case .lock: "\(name) is already locked"
        case .unlock: "\(name) is not locked"
        case .setCompromised, .unsetCompromised, .removePassword: "\(name) has no password"
        case .deletePasskey: "\(name) has no passkeys"
        case .deleteWeb3Wallet: "\(name) has no web3 wallets"
        case .deleteExternalAccount: "\(name) has no external accounts"
        case .deleteTOTP, .verifyTOTP: "\(name) has no TOTP"
        case .deleteBackupCodes: "\(name) has no backup codes"
        case .disableMFA: "\(name) has no MFA"
        case .deleteProfileImage: "\(name) has no profile image"
        case .adjustCredit, .deleteUser, .revokeTrustedDevice: ""
        }
    }

    /// One sentence on what will happen, for the dialog.
    public func consequence(count: Int) -> String {
        let who = count == 1 ? "this user" : "these \(count) users"
        return switch self {
        case .ban: "Signs \(who) out everywhere; they cannot sign in until unbanned."
        case .unban: "Lets \(who) sign in again."
        case .lock: "Stops \(who) signing in until unlocked or the lockout expires."
        case .unlock: "Lets \(who) sign in again and resets the failed attempts."
        case .setCompromised: "Forces a password reset at the next sign-in."
        case .unsetCompromised: "Clears the compromised mark; the password works as before."
        case .removePassword: "Removes the password; the user signs in another way or resets it."
        case .adjustCredit: "Changes the credit balance by the amount below, once."
        case .deletePasskey: "Deletes the passkey; the user cannot sign in with it again."
        case .deleteWeb3Wallet: "Deletes the wallet from the account."
        case .deleteExternalAccount: "Unlinks the external account; signing in with that provider stops working."
        case .deleteTOTP: "Deletes the authenticator app; the user sets it up again to use it."
        case .deleteBackupCodes: "Deletes every backup code; they stop working at once."
        case .disableMFA: "Removes every second factor: TOTP, backup codes and second-factor phones."
        case .deleteProfileImage: "Deletes the profile image; the default is shown."
        case .revokeTrustedDevice: "Revokes the device's trust: it must be verified again before it is trusted."
        case .verifyTOTP: "Checks the code the user reads out. Changes nothing on the account."
        case .deleteUser: "Deletes the user and everything of theirs. This cannot be undone."
        }
    }
}

/// How dialogs and panels name a user.
enum UserLabel {
    static func name(_ user: User) -> String {
        user.fullName ?? user.username ?? user.primaryEmailAddress?.emailAddress ?? user.id
    }

    /// `Ana Lima <ana@example.com> user_2abc`
    static func full(_ user: User) -> String {
        var parts = [user.fullName ?? user.username ?? "(no name)"]
        if let email = user.primaryEmailAddress?.emailAddress { parts.append("<\(email)>") }
        parts.append(user.id)
        return parts.joined(separator: " ")
    }
}
