import ArgumentParser
import ClerkAPI
import ClerkActions
import Foundation
import Logging

/// The process `bench actions` stops with SIGKILL part-way: it opens the command layer on the
/// sandbox as the console would, queues the commands listed in a file and runs them.
struct ActionsBenchWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions-worker",
        abstract: "Run listed commands through the command layer, for bench actions to stop part-way.",
        shouldDisplay: false)

    // Not `--api-url`: the console's own option of that name is parsed before any subcommand's.
    @Option(help: "The sandbox's Backend API base URL.")
    var sandboxURL: String

    @Option(help: "One command a line: `lock USER_ID` or `credit USER_ID CENTS`.")
    var commands: String

    @Option(help: "Where to record each request before it leaves.")
    var sendLog: String

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let key = environment["CLERK_SECRET_KEY"], !key.isEmpty else { throw OperatorError("set CLERK_SECRET_KEY to the sandbox's key") }
        let gate = SendGate()
        let transport = CountingTransport(log: try SendLog(path: sendLog), gate: gate)
        let client = ClerkClient(configuration: ClerkConfiguration(baseURL: sandboxURL, secretKey: SecretKey(key)), transport: transport)
        let logger = Logger(label: "clerk-triage.bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let layer = try CommandLayer.open(client: client, environment: environment, logger: logger)
        let text = try String(contentsOfFile: commands, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let command = try Self.command(line, instance: layer.queue.instance)
            do {
                try await layer.queue.enqueue(command)
            } catch {
                throw OperatorError("not queued: \(error.description)")
            }
        }
        await gate.open()
        await layer.queue.waitUntilIdle()
    }

    static func command(_ line: Substring, instance: InstanceIdentity) throws -> Command {
        let parts = line.split(separator: " ")
        switch (parts.first, parts.count) {
        case ("lock", 2):
            return try Command(.lock, userID: String(parts[1]), instance: instance)
        case ("credit", 3):
            guard let cents = Int64(parts[2]) else { break }
            let change = CreditChange(direction: .increase, amountCents: cents, note: "bench actions")
            return try Command(.adjustCredit(change), userID: String(parts[1]), instance: instance)
        default:
            break
        }
        throw OperatorError("cannot read the command line '\(line)'")
    }
}
