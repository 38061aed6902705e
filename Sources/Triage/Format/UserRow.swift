import ClerkAPI
import ClerkActions
import Terminal

/// How a user reads in the table.
public enum UserRow {
    /// Flags go last when the window narrows: at any width the console accepts, BAN and LOCK are
    /// readable as text, not only as a colour that `NO_COLOR` or a monochrome terminal removes.
    public static let columns: [TableView.Column] = [
        TableView.Column("Name", .flexible(weight: 3, min: 12), priority: 9),
        TableView.Column("Email", .flexible(weight: 4, min: 16), priority: 7),
        TableView.Column("Username", .flexible(weight: 2, min: 8), priority: 3),
        TableView.Column("Phone", .fixed(13), priority: 2),
        TableView.Column("Created", .fixed(10), priority: 4),
        TableView.Column("Last active", .fixed(11), priority: 5),
        TableView.Column("Flags", .fixed(16), priority: 8),
        TableView.Column("Action", .fixed(14), priority: 6),
    ]

    /// The column whose header carries the sort arrow, for each order.
    public static func column(for field: UserOrder.Field) -> Int? {
        switch field {
        case .firstName, .lastName: 0
        case .emailAddress: 1
        case .username: 2
        case .phoneNumber: 3
        case .createdAt: 4
        case .lastActiveAt: 5
        default: nil
        }
    }

    public static func cells(_ user: User, now: UnixMillis, command: QueueState.Entry? = nil) -> [String] {
        [
            user.fullName ?? "—",
            user.primaryEmailAddress?.emailAddress ?? user.primaryWeb3Wallet?.web3Wallet ?? "—",
            user.username ?? "—",
            user.primaryPhoneNumber?.phoneNumber ?? "—",
            RelativeTime.date(user.createdAt),
            RelativeTime.format(user.lastActiveAt, now: now),
            flags(user),
            command.map(commandState) ?? "",
        ]
    }

    /// What a row calls an action, short enough to leave room for its state.
    static func shortName(_ action: CommandAction) -> String {
        switch action {
        case .adjustCredit: "credit"
        case .setPasswordCompromised: "compromised"
        case .unsetPasswordCompromised: "uncompromised"
        case .removePassword: "password"
        case .deletePasskey: "passkey"
        case .deleteWeb3Wallet: "wallet"
        case .deleteExternalAccount: "account"
        case .deleteTOTP: "totp"
        case .deleteBackupCodes: "codes"
        case .disableMFA: "mfa"
        case .deleteProfileImage: "image"
        case .verifyTOTP: "verify"
        case .deleteUser: "delete"
        case .mergeMetadata, .replaceMetadata: "metadata"
        default: action.name
        }
    }

    /// `ban queued`, `lock 3/10`, `ban ✓`, `credit ✗`: the latest command on the user, at once.
    public static func commandState(_ entry: QueueState.Entry) -> String {
        let name = shortName(entry.command.action)
        return switch entry.state {
        case .queued: "\(name) queued"
        case .rateLimited: "\(name) waiting"
        case .running: entry.command.userIDs.count > 1 ? "\(name) \(entry.completedUsers)/\(entry.command.userIDs.count)" : "\(name) running"
        case .needsOperator: "\(name) check!"
        case .done: "\(name) ✓"
        case .failed: "\(name) ✗ failed"
        case .conflict: "\(name) ✗ changed"
        case .cancelled: "\(name) cancelled"
        case .abandoned: "\(name) abandoned"
        }
    }

    /// `BAN LOCK 2FA PK2`: the states an agent scans for.
    public static func flags(_ user: User) -> String {
        var flags: [String] = []
        if user.banned { flags.append("BAN") }
        if user.locked { flags.append("LOCK") }
        if user.twoFactorEnabled { flags.append("2FA") }
        if !user.passkeys.isEmpty { flags.append("PK\(user.passkeys.count)") }
        return flags.joined(separator: " ")
    }

    public static func role(_ user: User) -> ThemeRole? {
        if user.banned { return .banned }
        if user.locked { return .locked }
        return nil
    }
}
