import ArgumentParser

/// `clerk-triage users …`: the instance's users from scripts, through the console's command layer.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Read and act on users from scripts, against CLERK_SECRET_KEY's instance.",
        discussion: """
            Data goes to stdout, progress and errors to stderr. Exit status: 0 all done, 1 some failed, \
            2 usage (or refused: read-only, not confirmed), 3 authentication (no key, or Clerk refused it), \
            4 the API did not answer.
            """,
        subcommands: [
            UsersListCommand.self, UsersCountCommand.self, UsersGetCommand.self, UsersBanCommand.self, UsersUnbanCommand.self,
            UsersLockCommand.self, UsersUnlockCommand.self, UsersDeleteCommand.self, UsersMetadataCommand.self, UsersCreditsCommand.self,
            UsersPasswordCommand.self, UsersMFACommand.self, UsersPasskeyCommand.self, UsersWalletCommand.self, UsersExternalAccountCommand.self,
        ])
}
