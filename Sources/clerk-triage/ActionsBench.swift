import ArgumentParser
import ClerkAPI
import ClerkActions
import ClerkSandbox
import Foundation
import Logging

/// The command layer's figures against a sandbox that enforces Clerk's rate limits: a bulk lock
/// and unlock through the queue (and the same job sent naively), confirm-to-row latency, journal
/// append time, and what a `kill -9` part-way loses or repeats.
struct ActionsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Measure the command queue under Clerk's rate limits, confirm-to-row latency, journal fsync time and recovery after kill -9.")

    @Option(help: "Users locked then unlocked through the queue.")
    var users = 1000

    @Option(help: "Demo users in the sandbox the users are drawn from.")
    var sandboxUsers = 5000

    @Option(help: "Confirmations timed from Enter to the row showing the command.")
    var confirmations = 500

    @Option(help: "Journal appends timed.")
    var appends = 500

    @Option(help: "Lock commands in the run that is killed part-way.")
    var crashLocks = 500

    @Option(help: "Credit adjustments in the run that is killed part-way.")
    var crashCredits = 120

    @Option(help: "Seed for drawing users and amounts (default: a new one each run, printed).")
    var seed: UInt64?

    /// An `sk_live_` key: the sandbox allows it 1,000 requests per 10 seconds.
    static let key = "sk_live_bench_actions"
    static let budget = RateBudget.productionInstance
    /// A window and the client's margin: after this long, the sandbox has forgotten earlier requests.
    static let windowClears = Duration.milliseconds(10_300)

    func run() async throws {
        let started = ContinuousClock.now
        let seed = self.seed ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var configuration = SandboxConfiguration(secretKey: Self.key)
        configuration.users = sandboxUsers
        configuration.enforcesRateLimits = true
        let server = try await SandboxServer.start(configuration)
        let scratch = try PrivateDirectory()
        defer { scratch.remove() }
        Output.line("sandbox: \(sandboxUsers) users, Clerk's rate limits on, sk_live_ key (\(Self.budget.limit) requests per 10 s); seed \(seed)")

        var random = SeededRandom(seed: seed)
        let reader = ClerkClient(configuration: ClerkConfiguration(baseURL: server.baseURL, secretKey: SecretKey(Self.key)))
        var everyone: [User] = []
        for try await user in reader.users.all(pageSize: 500) { everyone.append(user) }
        everyone.shuffle(using: &random)
        let unlocked = everyone.filter { !$0.locked }
        guard unlocked.count >= users + crashLocks + 40 else {
            throw OperatorError("the sandbox has too few users for these counts; raise --sandbox-users")
        }
        let bulkUsers = Array(unlocked.prefix(users))
        let crashUsers = Array(unlocked.dropFirst(users).prefix(crashLocks))
        let creditUsers = Array(unlocked.dropFirst(users + crashLocks).prefix(30))
        let pageOffset = Int.random(in: 0...max(0, everyone.count - 100), using: &random)
        let page = Array(everyone[pageOffset..<min(everyone.count, pageOffset + 100)])
        let lastRead = ContinuousClock.now
        var table = FigureTable()

        let journal = try JournalFigures.measure(appends: appends, scratch: scratch, configuration: reader.configuration)
        table.add(journal)
        let confirm = try ConfirmFigures.measure(page: page, total: everyone.count, confirmations: confirmations, seed: seed &+ 1)
        table.add(confirm)

        try await Task.sleep(until: lastRead + Self.windowClears, clock: .continuous)
        let bulk = try await BulkFigures(server: server, users: bulkUsers.map(\.id), scratch: scratch).measure()
        table.add(bulk)

        try await Task.sleep(for: Self.windowClears)
        let crash = CrashFigures(server: server, scratch: scratch, seed: seed &+ 2)
        table.add(try await crash.locks(crashUsers.map(\.id)))
        table.add(try await crash.credits(creditUsers.map(\.id), count: crashCredits))

        Output.line("")
        table.print()
        Output.line("whole run \(Measurements.format(started.duration(to: .now)))")
        await server.stop()
    }
}

/// Figures as a table: what, measured, goal, and whether it was met.
struct FigureTable {
    struct Row {
        var figure: String
        var measured: String
        var goal: String
        var met: Bool?
    }

    private(set) var rows: [Row] = []

    mutating func add(_ more: [Row]) { rows += more }

    func print() {
        let widths = (rows.map(\.figure.count).max() ?? 0, rows.map(\.measured.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        Output.line("\(pad("figure", widths.0))  \(pad("measured", widths.1))  goal")
        for row in rows {
            let verdict = row.met.map { $0 ? "  met" : "  MISSED" } ?? ""
            Output.line("\(pad(row.figure, widths.0))  \(pad(row.measured, widths.1))  \(row.goal)\(verdict)")
        }
    }
}

/// A directory only this user can enter, made fresh with `mkdtemp` (0700), for state directories.
struct PrivateDirectory {
    let path: String

    init() throws {
        let base = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
        var template = Array((base + "/clerk-triage-bench-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw OperatorError("cannot make a private temporary directory: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// A new 0700 subdirectory, to serve as one process's XDG_STATE_HOME.
    func subdirectory(_ name: String) throws -> String {
        let child = path + "/" + name
        guard mkdir(child, 0o700) == 0 else { throw OperatorError("cannot make \(child): \(String(cString: strerror(errno)))") }
        return child
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Which of `ids` are locked, read in pages of 100.
func lockStates(_ ids: [String], client: ClerkClient) async throws -> [String: Bool] {
    var states: [String: Bool] = [:]
    var start = 0
    while start < ids.count {
        var filter = UserFilter()
        filter.userID = ids[start..<min(ids.count, start + 100)].map { .include($0) }
        for user in try await client.users.list(UserListQuery(filter: filter, limit: 100)) { states[user.id] = user.locked }
        start += 100
    }
    return states
}

let benchLogger = Logger(label: "clerk-triage.bench", factory: { _ in SwiftLogNoOpLogHandler() })
