import ArgumentParser

struct UsersBanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ban", abstract: "Ban users: they are signed out and cannot sign in.")

    @OptionGroup var options: UserMutationOptions

    func run() async throws {
        try await UserMutation(kind: .ban, options: options).run()
    }
}
