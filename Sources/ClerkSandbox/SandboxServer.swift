import ClerkAPI
import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// How to run a sandbox.
public struct SandboxConfiguration: Sendable {
    /// Loopback only unless told otherwise: the sandbox has one well-known key and no TLS.
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 0
    public var secretKey: String
    /// A file to keep the data in; nil uses a temporary file removed on exit.
    public var databasePath: String?
    /// Demo users to generate into an empty database.
    public var users = 500
    public var seed: UInt64 = 1
    public var faults = FaultPlan.none
    /// Clerk's rate limits: per instance by the key's kind (100 requests per 10 s for `sk_test_`,
    /// 1,000 for `sk_live_`) and 10 updates per 10 s per user, answered with 429 and `Retry-After`.
    /// Off for tests and benchmarks that need throughput; `PUT /v1/sandbox/rate-limits` switches
    /// them while the sandbox runs.
    public var enforcesRateLimits = true
    /// The rate limiter's clock; tests stop it so that a window never empties while they fill it.
    var rateLimitClock: (@Sendable () -> Duration)?
    public var logger = Logger(label: "clerk-sandbox", factory: { _ in SwiftLogNoOpLogHandler() })

    public init(secretKey: String) {
        self.secretKey = secretKey
    }

    /// The key used when the console starts its own sandbox.
    public static let embeddedSecretKey = "sk_test_sandbox_clerk_triage_local"
}

/// A running sandbox: a real HTTP server speaking the Clerk Backend API Users endpoints.
///
/// It is a `Service`: in a `ServiceGroup` it serves until the group shuts down gracefully (on the
/// group's signals, for a foreground `clerk-triage sandbox`), finishing the requests in flight.
public final class SandboxServer: Service, Sendable {
    /// `http://127.0.0.1:PORT/v1`
    public let baseURL: String
    public let port: Int
    public let generatedUsers: Int
    /// Runs the HTTP server; its own, so that stopping the sandbox never stops anything else.
    private let services: ServiceGroup
    private let task: Task<Void, any Error>
    private let store: SandboxStore

    private init(baseURL: String, port: Int, generatedUsers: Int, services: ServiceGroup, task: Task<Void, any Error>, store: SandboxStore) {
        self.baseURL = baseURL
        self.port = port
        self.generatedUsers = generatedUsers
        self.services = services
        self.task = task
        self.store = store
    }

    /// Opens the database, generates demo users if it is empty, and returns once the server accepts connections.
    public static func start(_ configuration: SandboxConfiguration) async throws -> SandboxServer {
        let path = configuration.databasePath ?? SandboxStore.temporaryPath()
        var generated = 0
        let store: SandboxStore
        do {
            if configuration.users > 0, try BulkLoad.isEmpty(path) {
                let generator = DemoDataGenerator(seed: configuration.seed, now: Date().unixMillis)
                generated = try await BulkLoad.fill(path) { database in try await generator.generate(users: configuration.users, into: database) }
            }
            store = try SandboxStore(path: path, temporary: configuration.databasePath == nil)
        } catch let error as DatabaseError {
            throw SandboxDatabaseError(path: path, underlying: error)
        }
        let baseURL = Mutex("http://\(configuration.host):\(configuration.port)/v1")
        let directory = UserDirectory(store: store, now: { Date().unixMillis }, publicBaseURL: { baseURL.withLock { $0 } })
        let start = ContinuousClock.now
        let clock = configuration.rateLimitClock ?? { start.duration(to: .now) }
        let limiter = SandboxRateLimiter(secretKey: configuration.secretKey, enforced: configuration.enforcesRateLimits, clock: clock)
        let routes = SandboxRoutes(directory: directory, faults: FaultState(plan: configuration.faults, seed: configuration.seed),
                                   rateLimiter: limiter, requestCounter: RequestCounter())
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: routes.router(secretKey: configuration.secretKey),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "clerk-sandbox"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? configuration.port)
                portContinuation.finish()
            },
            logger: configuration.logger)
        // No signal handlers: whoever embeds the sandbox owns the process's signals.
        var serviceConfiguration = ServiceGroupConfiguration(services: [application], logger: configuration.logger)
        // Requests still in flight after this are cut, so that stopping never hangs on a client.
        serviceConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let services = ServiceGroup(configuration: serviceConfiguration)
        let task = Task {
            defer { portContinuation.finish() }
            try await services.run()
        }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else {
            // The server stopped before it ran: report why.
            try await task.value
            throw SandboxStartError(host: configuration.host, port: configuration.port)
        }
        let url = "http://\(configuration.host):\(port)/v1"
        baseURL.withLock { $0 = url }
        return SandboxServer(baseURL: url, port: port, generatedUsers: generated, services: services, task: task, store: store)
    }

    /// Serves until the calling task is cancelled or the server fails.
    public func wait() async throws {
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Serves until the service group it runs in shuts down gracefully, then stops.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await wait()
        } onGracefulShutdown: { [services] in
            Task { await services.triggerGracefulShutdown() }
        }
    }

    /// Stops accepting connections, lets the requests in flight finish, and returns once stopped.
    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

public struct SandboxStartError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var description: String { "the sandbox could not listen on \(host):\(port); is the port in use?" }
}

/// The sandbox's database could not be opened or filled, with what the operator can do about it.
public struct SandboxDatabaseError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var advice: String

    public var description: String { "the sandbox database at \(path) could not be used (\(reason)). \(advice)" }

    init(path: String, underlying: DatabaseError) {
        self.path = path
        reason = underlying.message ?? "\(underlying.resultCode)"
        advice = switch underlying.resultCode {
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            "Check that the directory exists and is writable, or leave out --db to use a temporary database."
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            "It is not a database this sandbox can use; point --db at a new file, or at one the sandbox created."
        case .SQLITE_FULL:
            "The disk is full; free some space or use a smaller --users."
        default:
            "Point --db at a new file, or leave it out to use a temporary database."
        }
    }
}
