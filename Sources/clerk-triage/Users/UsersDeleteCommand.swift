import ArgumentParser

struct UsersDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete users for good.")

    @OptionGroup var options: UserMutationOptions

    func run() async throws {
        try await UserMutation(kind: .delete, options: options).run()
    }
}
