import ArgumentParser

struct UsersLockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock users out of signing in until unlocked.")

    @OptionGroup var options: UserMutationOptions

    func run() async throws {
        try await UserMutation(kind: .lock, options: options).run()
    }
}
