import ArgumentParser
import ClerkAPI
import ClerkSandbox
import Foundation

/// Generation time at N users, then list and count latency of every text filter, for texts drawn
/// at random from the generated users, measured from the client over loopback HTTP as the console
/// would see them.
struct SandboxBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Sandbox generation speed and query latency.")

    @Option(help: "Demo users to generate.")
    var users = 100_000

    @Option(help: "Texts per filter and length band.")
    var texts = 150

    @Option(help: "Seed for drawing the texts (the demo users are always the same).")
    var seed: UInt64 = 1

    static let key = "sk_test_bench"

    /// The goal at 100,000 users.
    static let listP95Goal = Duration.milliseconds(25)
    static let listMaxGoal = Duration.milliseconds(100)
    static let countP95Goal = Duration.milliseconds(25)

    func run() async throws {
        var configuration = SandboxConfiguration(secretKey: Self.key)
        configuration.users = users
        configuration.enforcesRateLimits = false
        let started = ContinuousClock.now
        let server = try await SandboxServer.start(configuration)
        Output.line("generate \(users) users: \(Measurements.format(started.duration(to: .now)))")

        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: server.baseURL, secretKey: SecretKey(Self.key), retry: .none, rateLimits: .unlimited))
        var drawer = BenchTexts(users: try await sample(client), seed: seed)
        // The floor: a page of 50 users with no filter, most of it the client decoding 50 users.
        var floor: [Duration] = []
        for _ in 0..<60 {
            let start = ContinuousClock.now
            _ = try await client.users.list(UserListQuery(limit: 50))
            floor.append(start.duration(to: .now))
        }
        Output.line("no filter, 50 users a page (the floor): list \(Measurements.summary(floor))")
        Output.line("list: until the client has decoded the page, as the console sees it; served: until its bytes arrived")
        Output.line("goal: list p95 < \(Measurements.format(Self.listP95Goal)) and max < \(Measurements.format(Self.listMaxGoal)); count p95 < \(Measurements.format(Self.countP95Goal))")
        var missed: [String] = []
        for filter in BenchFilter.allCases {
            var all = Timings()
            for band in BenchTexts.Band.allCases {
                var timings = Timings()
                for (index, text) in drawer.draw(texts, for: filter, in: band).enumerated() {
                    try await timings.measure(text, filter: filter, offset: index % 3 * 50, client: client, baseURL: server.baseURL)
                }
                all.add(timings)
                missed += timings.misses("\(filter.parameter) \(band.rawValue)")
                Output.line("\(filter.parameter) \(band.rawValue):\(timings.report)")
            }
            Output.line("\(filter.parameter) all:\(all.report)")
        }
        Output.line(missed.isEmpty ? "every filter and length within the goal" : "missed: " + missed.joined(separator: "; "))
        await server.stop()
    }

    /// Users to draw texts from: pages from across the whole table.
    private func sample(_ client: ClerkClient) async throws -> [User] {
        var random = SeededRandom(seed: seed)
        var sampled: [User] = []
        for _ in 0..<4 {
            let offset = Int.random(in: 0...max(0, users - 500), using: &random)
            sampled += try await client.users.list(UserListQuery(limit: 500, offset: offset))
        }
        return sampled
    }
}

/// List and count latencies of a set of texts, each with the text that took them.
private struct Timings {
    /// Until the client has decoded the page, as the console sees it.
    var list: [(Duration, String)] = []
    /// Until the page's bytes have arrived, undecoded: the sandbox's part.
    var served: [(Duration, String)] = []
    var count: [(Duration, String)] = []

    mutating func measure(_ text: String, filter: BenchFilter, offset: Int, client: ClerkClient, baseURL: String) async throws {
        let servedStart = ContinuousClock.now
        let query = [("limit", "50"), ("offset", String(offset)), (filter.parameter, text)]
            .map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let response = try await Self.transport.send(TransportRequest(
            method: .get, url: "\(baseURL)/users?\(query)", headers: [HTTPHeader("Authorization", "Bearer \(SandboxBench.key)")],
            body: nil, timeout: .seconds(30)))
        guard response.status == 200 else { throw OperatorError("GET /users?\(query) answered \(response.status)") }
        served.append((servedStart.duration(to: .now), text))
        let listStart = ContinuousClock.now
        _ = try await client.users.list(UserListQuery(filter: filter.filter(text), limit: 50, offset: offset))
        list.append((listStart.duration(to: .now), text))
        let countStart = ContinuousClock.now
        _ = try await client.users.count(filter.filter(text))
        count.append((countStart.duration(to: .now), text))
    }

    private static let transport = AsyncHTTPClientTransport()

    mutating func add(_ other: Timings) {
        list += other.list
        served += other.served
        count += other.count
    }

    private static func p95(_ samples: [(Duration, String)]) -> Duration {
        let sorted = samples.map(\.0).sorted()
        return sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
    }

    private static func slowest(_ samples: [(Duration, String)]) -> (Duration, String) {
        samples.max { $0.0 < $1.0 } ?? (.zero, "")
    }

    private static func describe(_ samples: [(Duration, String)]) -> String {
        let (max, text) = slowest(samples)
        let sorted = samples.map(\.0).sorted()
        let median = sorted.isEmpty ? .zero : sorted[sorted.count / 2]
        return "p50 \(Measurements.format(median)) p95 \(Measurements.format(p95(samples))) max \(Measurements.format(max)) (\"\(BenchTexts.visible(text))\")"
    }

    var report: String {
        " \(list.count) texts\n    list   \(Self.describe(list))\n    served \(Self.describe(served))\n    count  \(Self.describe(count))"
    }

    func misses(_ name: String) -> [String] {
        var result: [String] = []
        if Self.p95(list) >= SandboxBench.listP95Goal { result.append("\(name) list p95") }
        if Self.slowest(list).0 >= SandboxBench.listMaxGoal { result.append("\(name) list max") }
        if Self.p95(count) >= SandboxBench.countP95Goal { result.append("\(name) count p95") }
        return result
    }
}
