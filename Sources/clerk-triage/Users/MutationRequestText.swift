import ClerkAPI
import ClerkActions
import Foundation

/// The request a command sends, as `--dry-run` prints it: method, URL and body.
enum MutationRequestText {
    static func line(_ action: CommandAction, userIDs: [String], baseURL: String) -> String {
        let user = "\(baseURL)/users/\(userIDs[0])"
        switch action {
        case .ban where userIDs.count > 1, .unban where userIDs.count > 1:
            return "POST \(baseURL)/users/\(action.name) \(body(["user_ids": userIDs]))"
        case .ban, .unban, .lock, .unlock:
            return "POST \(user)/\(action.name)"
        case .deleteUser: return "DELETE \(user)"
        case .setPasswordCompromised(let revoke): return "POST \(user)/password/set_compromised \(body(["revoke_all_sessions": revoke]))"
        case .unsetPasswordCompromised: return "POST \(user)/password/unset_compromised"
        case .removePassword(let signOut): return "POST \(user)/remove_password \(body(["sign_out_of_other_sessions": signOut]))"
        case .adjustCredit(let change): return "POST \(user)/billing/credits \(body(change.adjustment))"
        case .deletePasskey(let id): return "DELETE \(user)/passkeys/\(id)"
        case .deleteWeb3Wallet(let id): return "DELETE \(user)/web3_wallets/\(id)"
        case .deleteExternalAccount(let id): return "DELETE \(user)/external_accounts/\(id)"
        case .deleteTOTP: return "DELETE \(user)/totp"
        case .deleteBackupCodes: return "DELETE \(user)/backup_code"
        case .disableMFA: return "DELETE \(user)/mfa"
        case .revokeTrustedDevice(let id): return "DELETE \(user)/trusted_devices/\(id)"
        case .deleteProfileImage: return "DELETE \(user)/profile_image"
        case .verifyTOTP: return "POST \(user)/verify_totp"
        case .mergeMetadata(let update): return "PATCH \(user)/metadata \(body(update))"
        case .replaceMetadata(let update): return "PUT \(user)/metadata \(body(update))"
        }
    }

    private static func body(_ value: some Encodable) -> String {
        (try? WireCoding.encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
