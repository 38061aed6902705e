import ArgumentParser

struct UsersUnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock users.")

    @OptionGroup var options: UserMutationOptions

    func run() async throws {
        try await UserMutation(kind: .unlock, options: options).run()
    }
}
