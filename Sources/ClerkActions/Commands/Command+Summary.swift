import ClerkAPI

extension Command {
    /// One line for the queue panel and the audit log, e.g. `Ban 300 users` or
    /// `Increase the credit of user_2ab by 12.50 (note: refund)`.
    public var summary: String {
        let who = userIDs.count == 1 ? userIDs[0] : "\(userIDs.count) users"
        let text: String
        switch action {
        case .ban: text = "Ban \(who)"
        case .unban: text = "Unban \(who)"
        case .lock: text = "Lock \(who)"
        case .unlock: text = "Unlock \(who)"
        case .setPasswordCompromised(let revoke):
            text = "Mark the password of \(who) compromised" + (revoke ? ", signing out every session" : "")
        case .unsetPasswordCompromised: text = "Clear the compromised mark on the password of \(who)"
        case .removePassword(let signOut):
            text = "Remove the password of \(who)" + (signOut ? ", signing out other sessions" : "")
        case .adjustCredit(let change):
            let verb = change.direction == .increase ? "Increase" : "Decrease"
            let note = change.note.map { $0.isEmpty ? "" : " (note: \($0))" } ?? ""
            text = "\(verb) the credit of \(who) by \(change.formattedAmount)\(note)"
        case .deletePasskey(let id): text = "Remove passkey \(id) of \(who)"
        case .deleteWeb3Wallet(let id): text = "Remove web3 wallet \(id) of \(who)"
        case .deleteExternalAccount(let id): text = "Remove external account \(id) of \(who)"
        case .deleteTOTP: text = "Remove the authenticator app (TOTP) of \(who)"
        case .deleteBackupCodes: text = "Remove the backup codes of \(who)"
        case .disableMFA: text = "Turn off every second factor of \(who)"
        case .revokeTrustedDevice(let id): text = "Revoke trusted device \(id) of \(who)"
        case .deleteProfileImage: text = "Remove the profile image of \(who)"
        case .verifyTOTP: text = "Verify a code from \(who)"
        case .deleteUser: text = "Delete \(who)"
        case .mergeMetadata(let update): text = "Merge \(Self.fields(update)) into \(who)"
        case .replaceMetadata(let update): text = "Replace \(Self.fields(update)) of \(who)"
        }
        // A note typed with line breaks must not break the one-line panel.
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func fields(_ update: MetadataUpdate) -> String {
        let names = [
            update.publicMetadata.map { _ in "public" }, update.privateMetadata.map { _ in "private" },
            update.unsafeMetadata.map { _ in "unsafe" },
        ].compactMap { $0 }
        return names.joined(separator: ", ") + " metadata"
    }
}
