import ArgumentParser
import ClerkAPI

/// `users get ID…`: each user as Clerk returns it; the ones that cannot be read are said on stderr.
struct UsersGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show users by id (default format ndjson).")

    @OptionGroup var connection: UsersConnectionOptions

    @Option(help: "table, json, ndjson or csv.")
    var format = UserOutputFormat.ndjson

    @Argument(help: "User ids; - reads them from stdin (one a line, or users as ndjson).")
    var ids: [String] = []

    @Option(name: .customLong("ids-from"), help: "Read user ids from this file (one a line, or users as ndjson).")
    var idsFrom: String?

    func run() async throws {
        let userIDs = try UserIDSource(arguments: ids, file: idsFrom).read()
        let users = try connection.client().users
        var writer = UserWriter(format: format)
        writer.begin()
        defer { writer.end() }
        try await ScriptExit.eachUser(userIDs) { id in
            try writer.write([try await users.get(id)])
        }
    }
}
