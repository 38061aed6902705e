import ArgumentParser
import ClerkAPI
import ClerkSandbox
import Foundation

/// The `users …` subcommands against the same jobs written with Clerk's official Python SDK, side
/// by side in one run against one sandbox: fetch every user, ban users from a file under Clerk's
/// rate limits, and the memory of a listing that streams. Both sides are real processes started
/// as an operator would; requests and 429s are counted by the sandbox, not by either client.
struct ScriptsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scripts",
        abstract: "Race `users list --all` and `users ban -` against Clerk's Python SDK on one sandbox: time, requests, 429s, users banned, memory.",
        discussion: """
            The SDK side runs scripts/bench/*.py with the Python that scripts/sdk-venv provides \
            (clerk-backend-api 7.0.0 in a virtualenv under ~/.cache, made on first use). Run it from \
            the repository, or pass --scripts and --python. Without them the SDK side is skipped and \
            says why; clerk-triage is still measured.
            """)

    @Option(help: "Demo users in the sandbox; the listing fetches them all.")
    var users = 50_000

    @Option(help: "Runs of each listing and each ban.")
    var runs = 3

    @Option(help: "Users each ban run bans.")
    var ban = 1000

    @Option(help: "A Python with clerk-backend-api (default: the one scripts/sdk-venv makes).")
    var python: String?

    @Option(help: "The repository's scripts directory (default: ./scripts, else found above the binary).")
    var scripts: String?

    @Flag(help: "Measure clerk-triage alone.")
    var withoutSDK = false

    @Option(help: "Seed for drawing the users to ban (default: a new one each run, printed).")
    var seed: UInt64?

    /// A development key for the ban: the sandbox allows it Clerk's 100 requests per 10 s.
    static let key = "sk_test_bench_scripts"
    /// A production key for the listing: 50,000 users is a production instance, and on a development
    /// key Clerk allows 100 requests per 10 s, so fetching 101 pages honestly takes over 10 s
    /// (clerk-triage waits for the window; the SDK, sending regardless, would get a 429 from Clerk).
    static let listingKey = "sk_live_bench_scripts"

    func validate() throws {
        guard users >= 1, runs >= 1, ban >= 1 else { throw ValidationError("--users, --runs and --ban must be 1 or more") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let seed = self.seed ?? UInt64.random(in: 1...UInt64(UInt32.max))
        let listing = try await Self.sandbox(users: users, key: Self.listingKey)
        let generated = started.duration(to: .now)
        let scratch = try PrivateDirectory()
        defer { scratch.remove() }
        Output.line("listing sandbox: \(ScriptFigures.grouped(users)) users generated in \(Measurements.format(generated)); sk_live_ key, limits off")

        let binary = Self.executablePath()
        let sdk = withoutSDK ? .skipped("--without-sdk") : await SDKSide.locate(scripts: scripts, python: python, executable: binary, scratch: scratch)
        switch sdk {
        case .ready(let python, let scripts, let version): Output.line("SDK side: clerk-backend-api \(version), \(python), scripts in \(scripts)")
        case .skipped(let reason): Output.line("SDK side skipped: \(reason)")
        }
        let listRunner = ScriptRunner(binary: binary, sdk: sdk, control: SandboxControl(baseURL: listing.baseURL, key: Self.listingKey), scratch: scratch)
        let total = try await Self.reader(listing, key: Self.listingKey).users.count()
        var table = FigureTable()
        table.add([.init(figure: "generate \(ScriptFigures.grouped(users)) users (in this process)", measured: Measurements.format(generated), goal: "", met: nil)])
        table.add(try await ListFigures(runner: listRunner, users: total, runs: runs).measure())
        await listing.stop()

        // The ban gets a sandbox of its own with a development key, drawn from ~2 % banned users.
        let sets = listRunner.sdkReady ? 2 * runs : runs
        let banning = try await Self.sandbox(users: sets * ban * 11 / 10 + 100, key: Self.key)
        Output.line("ban sandbox: sk_test_ key, seed \(seed)")
        let banRunner = ScriptRunner(binary: binary, sdk: sdk, control: SandboxControl(baseURL: banning.baseURL, key: Self.key), scratch: scratch)
        let reader = Self.reader(banning, key: Self.key)
        let idSets = try await idSets(reader, count: sets, seed: seed)
        table.add(try await BanFigures(runner: banRunner, reader: reader, idSets: idSets, runs: runs,
                                       budget: SecretKey(Self.key).instanceKind == .production ? .productionInstance : .developmentInstance).measure())

        Output.line("")
        table.print()
        Output.line("whole run \(Measurements.format(started.duration(to: .now)))")
        await banning.stop()
    }

    private static func sandbox(users: Int, key: String) async throws -> SandboxServer {
        var configuration = SandboxConfiguration(secretKey: key)
        configuration.users = users
        configuration.enforcesRateLimits = false
        return try await SandboxServer.start(configuration)
    }

    /// The bench's own reads: no limiter, no retries, so they neither wait nor hide a fault.
    private static func reader(_ server: SandboxServer, key: String) -> ClerkClient {
        ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(key), retry: .none, rateLimits: .unlimited))
    }

    /// `count` disjoint sets of `ban` ids, drawn at random from the users not banned.
    private func idSets(_ reader: ClerkClient, count: Int, seed: UInt64) async throws -> [[String]] {
        var candidates: [String] = []
        for try await user in reader.users.all(pageSize: 500) where !user.banned { candidates.append(user.id) }
        guard candidates.count >= count * ban else {
            throw OperatorError("only \(candidates.count) users are not banned, too few for \(count) runs of \(ban); raise --users or lower --ban")
        }
        var random = SeededRandom(seed: seed)
        candidates.shuffle(using: &random)
        return (0..<count).map { Array(candidates[($0 * ban)..<(($0 + 1) * ban)]) }
    }

    /// This binary, for the `users` runs: the one being measured.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
