import ArgumentParser
import ClerkSandbox
import Foundation
import ServiceLifecycle

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a local Clerk-compatible Users API on SQLite, with generated demo users.",
        discussion: "Prints 'listening on http://HOST:PORT/v1' once it accepts connections. Every demo user with a password has the password 'sandbox-password'.")

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 0

    @Option(help: "Address to listen on. The sandbox has one well-known key and no TLS: keep it on loopback unless you mean it.")
    var host = "127.0.0.1"

    @Option(help: "Demo users to generate when the database is empty.")
    var users = 500

    @Option(name: .customLong("secret-key"), help: "The key clients must send as 'Authorization: Bearer KEY'.")
    var secretKey = SandboxConfiguration.embeddedSecretKey

    @Option(help: "SQLite file to keep the data in (default: a temporary file removed on exit).")
    var db: String?

    @Option(help: "Seed for the demo data: the same seed gives the same users.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("no-rate-limits"), help: "Do not enforce Clerk's rate limits (100 requests per 10 s for sk_test_ keys, 1,000 for sk_live_, 10 updates per 10 s per user).")
    var noRateLimits = false

    @OptionGroup(title: "Fault injection (off by default)")
    var faults: FaultOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard users >= 0 else { throw ValidationError("--users must be 0 or more") }
        guard !secretKey.isEmpty else { throw ValidationError("--secret-key must not be empty") }
    }

    func run() async throws {
        var configuration = SandboxConfiguration(secretKey: secretKey)
        configuration.host = host
        configuration.port = port
        configuration.users = users
        configuration.seed = seed
        configuration.databasePath = db
        configuration.faults = faults.plan
        configuration.enforcesRateLimits = !noRateLimits
        let started = ContinuousClock.now
        let server = try await SandboxServer.start(configuration)
        if server.generatedUsers > 0 {
            let elapsed = started.duration(to: .now)
            Output.error("generated \(server.generatedUsers) demo users in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))")
        }
        Output.line("listening on \(server.baseURL)")
        // SIGINT and SIGTERM shut down gracefully: requests in flight finish and a temporary
        // database is removed.
        let services = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: configuration.logger))
        try await services.run()
        await server.stop()
    }
}

struct FaultOptions: ParsableArguments {
    @Option(name: .customLong("fault-latency-ms"), help: "Delay every response by this many milliseconds.")
    var latency = 0

    @Option(name: .customLong("fault-5xx-rate"), help: "Share of requests (0-1) answered with 503.")
    var serverErrorRate = 0.0

    @Option(name: .customLong("fault-429-every"), help: "Every N requests, start a burst of 429s.")
    var rateLimitEvery = 0

    @Option(name: .customLong("fault-429-burst"), help: "How many 429s in a burst.")
    var rateLimitBurst = 1

    @Option(name: .customLong("fault-retry-after"), help: "Retry-After seconds sent with each 429.")
    var retryAfter = 1

    @Option(name: .customLong("fault-drop-rate"), help: "Share of requests (0-1) whose connection is cut mid-response.")
    var dropRate = 0.0

    func validate() throws {
        for (name, rate) in [("--fault-5xx-rate", serverErrorRate), ("--fault-drop-rate", dropRate)] where !(0...1).contains(rate) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
    }

    var plan: FaultPlan {
        var plan = FaultPlan()
        plan.latencyMilliseconds = latency
        plan.serverErrorRate = serverErrorRate
        plan.rateLimitEvery = rateLimitEvery
        plan.rateLimitBurst = rateLimitBurst
        plan.retryAfterSeconds = retryAfter
        plan.dropRate = dropRate
        return plan
    }
}
