import ArgumentParser
import ClerkAPI

/// `users count`: how many users match, as a bare number on stdout.
struct UsersCountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Count the users matching the filters.")

    @OptionGroup var connection: UsersConnectionOptions
    @OptionGroup(title: "Filters") var filters: UserFilterOptions

    func run() async throws {
        let users = try connection.client().users
        do {
            Output.data(String(try await users.count(try filters.filter())))
        } catch let error as ClerkAPIError {
            ScriptExit.report(error)
            throw ScriptExit.code(for: error)
        }
    }
}
