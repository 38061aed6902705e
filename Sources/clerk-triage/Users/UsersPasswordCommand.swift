import ArgumentParser

/// `users password ID… --set-compromised [--revoke-sessions] | --unset-compromised`.
struct UsersPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Mark users' passwords compromised (they must reset it at next sign-in), or clear the mark.")

    enum Change: String, EnumerableFlag {
        case setCompromised, unsetCompromised

        static func help(for value: Change) -> ArgumentHelp? {
            switch value {
            case .setCompromised: "Mark the password compromised: the user must reset it at the next sign-in."
            case .unsetCompromised: "Clear the compromised mark."
            }
        }
    }

    @OptionGroup var options: UserMutationOptions

    @Flag var change: Change

    @Flag(name: .customLong("revoke-sessions"), help: "With --set-compromised: also sign the user out of every session.")
    var revokeSessions = false

    func validate() throws {
        if revokeSessions, change == .unsetCompromised { throw ValidationError("--revoke-sessions goes with --set-compromised") }
    }

    func run() async throws {
        let kind: UserMutationKind = change == .setCompromised ? .setPasswordCompromised(revokeSessions: revokeSessions) : .unsetPasswordCompromised
        try await UserMutation(kind: kind, options: options).run()
    }
}
