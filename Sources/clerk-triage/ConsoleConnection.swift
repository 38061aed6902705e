import ClerkAPI
import ClerkSandbox
import Foundation
import Logging
import Triage

/// The instance one console session talks to: its client, what the header says about it, and the
/// built-in sandbox when that is the instance. Outlives a session: `:instance` to a name whose key
/// cannot be read keeps the console on this one.
struct ConsoleConnection {
    let client: ClerkClient
    let instance: Instance
    let sandbox: SandboxServer?

    var isSandbox: Bool { sandbox != nil }

    struct SandboxSettings {
        var users: Int
        var seed: UInt64
    }

    /// `named` nil: `CLERK_SECRET_KEY` and `CLERK_API_URL` as always, the built-in sandbox without a
    /// key. `apiURL` (`--api-url`) replaces the instance's address.
    static func open(_ named: NamedInstance?, apiURL: String?, sandboxSettings: SandboxSettings,
                     environment: [String: String], logger: Logger) async throws -> ConsoleConnection {
        var api: ClerkConfiguration
        if let named {
            if named.entry.isBuiltInSandbox {
                if let apiURL { throw OperatorError("--api-url \(apiURL) cannot be used with \(named.name), which is the built-in sandbox (kind: sandbox)") }
                return try await startSandbox(name: named.name, settings: sandboxSettings, logger: logger)
            }
            // A key command may wait for the operator (a password manager's prompt): off the
            // concurrency threads.
            let result = await UIThread.run { try named.configuration(environment: environment) }
            switch result {
            case .success(let configuration?): api = configuration
            case .success(nil): throw OperatorError("\(named.name) has no address")
            case .failure(let error): throw error
            }
        } else if let configuration = ClerkConfiguration.fromEnvironment(environment) {
            api = configuration
        } else {
            // An address given without a key is a mistake, not a request for the demo data: opening
            // the built-in sandbox instead would look like that instance.
            if let apiURL {
                throw OperatorError("--api-url \(apiURL) needs CLERK_SECRET_KEY set to that instance's secret key (without both, the console opens its own sandbox)")
            }
            return try await startSandbox(name: nil, settings: sandboxSettings, logger: logger)
        }
        if let apiURL { api.baseURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL }
        api.logger = logger
        api.userAgent = "clerk-triage/\(ClerkTriageVersion.current)"
        return ConsoleConnection(client: ClerkClient(configuration: api), instance: Instance(configuration: api, isSandbox: false), sandbox: nil)
    }

    private static func startSandbox(name: String?, settings: SandboxSettings, logger: Logger) async throws -> ConsoleConnection {
        var sandboxSettings = SandboxConfiguration(secretKey: SandboxConfiguration.embeddedSecretKey)
        sandboxSettings.users = settings.users
        sandboxSettings.seed = settings.seed
        let server = try await SandboxServer.start(sandboxSettings)
        // The sandbox enforces Clerk's limits for its key; the client keeps under them as it would with Clerk.
        let key = SecretKey(SandboxConfiguration.embeddedSecretKey)
        var api = ClerkConfiguration(baseURL: server.baseURL, secretKey: key, rateLimits: .clerkDefaults(for: key), logger: logger)
        api.instanceName = name
        api.userAgent = "clerk-triage/\(ClerkTriageVersion.current)"
        return ConsoleConnection(client: ClerkClient(configuration: api), instance: Instance(configuration: api, isSandbox: true), sandbox: server)
    }

    func close() async {
        await sandbox?.stop()
    }
}
