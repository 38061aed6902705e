import ArgumentParser
import ClerkAPI
import ClerkSandbox
import Foundation

/// Generation time at N users, then list and count latency for partial-match queries, measured
/// from the client over loopback HTTP as the console would see them.
struct SandboxBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Sandbox generation speed and query latency.")

    @Option(help: "Demo users to generate.")
    var users = 100_000

    @Option(help: "Requests per query text and endpoint.")
    var rounds = 20

    func run() async throws {
        var configuration = SandboxConfiguration(secretKey: "sk_test_bench")
        configuration.users = users
        let started = ContinuousClock.now
        let server = try await SandboxServer.start(configuration)
        let generation = started.duration(to: .now)
        Output.line("generate \(users) users: \(Measurements.format(generation))")

        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: server.baseURL, secretKey: SecretKey("sk_test_bench"), retry: .none, rateLimits: .unlimited))
        // What an agent types: a name, part of an address, a phone fragment, three characters and up,
        // across scripts. Reported apart: texts matching nearly every user, and texts shorter than a
        // trigram (one or two CJK characters), which cannot use the index and are scanned.
        let groups: [(String, [String])] = [
            ("3+ chars, specific", ["ana", "lim", "smith", "müller", "wei", "hassan", "gonçalves", "lefèvre", "takahashi", "zzq", "+1201000012", "kim.2"]),
            ("matches almost everyone", ["example", "user_2"]),
            ("1-2 chars (scan)", ["佐藤", "김", "li"]),
        ]
        for _ in 0..<2 { _ = try await client.users.list(UserListQuery(limit: 50)) }
        for (title, texts) in groups {
            var listTimes: [Duration] = []
            var countTimes: [Duration] = []
            for round in 0..<rounds {
                for text in texts {
                    var filter = UserFilter()
                    filter.query = text
                    let listStart = ContinuousClock.now
                    _ = try await client.users.list(UserListQuery(filter: filter, limit: 50, offset: round % 3 * 50))
                    listTimes.append(listStart.duration(to: .now))
                    let countStart = ContinuousClock.now
                    _ = try await client.users.count(filter)
                    countTimes.append(countStart.duration(to: .now))
                }
            }
            Output.line("\(title):")
            Output.line("  GET /users?query=…&limit=50   \(Measurements.summary(listTimes))")
            Output.line("  GET /users/count?query=…      \(Measurements.summary(countTimes))")
        }
        await server.stop()
    }
}
