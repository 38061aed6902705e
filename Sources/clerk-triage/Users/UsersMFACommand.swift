import ArgumentParser

/// `users mfa ID… --disable | --delete-totp | --delete-backup-codes`.
struct UsersMFACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfa", abstract: "Disable users' second factors: all of them, the authenticator app (TOTP), or the backup codes.")

    enum Change: String, EnumerableFlag {
        case disable, deleteTotp, deleteBackupCodes

        static func help(for value: Change) -> ArgumentHelp? {
            switch value {
            case .disable: "Remove every second factor: TOTP, backup codes and phone codes."
            case .deleteTotp: "Remove the authenticator app (TOTP) only."
            case .deleteBackupCodes: "Remove the backup codes only."
            }
        }

        var kind: UserMutationKind {
            switch self {
            case .disable: .disableMFA
            case .deleteTotp: .deleteTOTP
            case .deleteBackupCodes: .deleteBackupCodes
            }
        }
    }

    @OptionGroup var options: UserMutationOptions

    @Flag var change: Change

    func run() async throws {
        try await UserMutation(kind: change.kind, options: options).run()
    }
}
