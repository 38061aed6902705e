import ArgumentParser

struct UsersUnbanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unban", abstract: "Unban users.")

    @OptionGroup var options: UserMutationOptions

    func run() async throws {
        try await UserMutation(kind: .unban, options: options).run()
    }
}
