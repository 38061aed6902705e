import ArgumentParser
import ClerkAPI
import ClerkActions
import ClerkSandbox
import CursesBackend
import Foundation
import Logging
import Terminal
import Triage

/// The console's options, at the top level of the command line (`clerk-triage --theme light`).
struct ConsoleOptions: ParsableArguments {
    @Option(name: .customLong("api-url"), help: "Clerk Backend API base URL (default: CLERK_API_URL, else https://api.clerk.com/v1).")
    var apiURL: String?

    @Option(help: "Colour theme (default: CLERK_TRIAGE_THEME, the config file's theme, else dark).")
    var theme: String?

    @Option(name: .customLong("sandbox-users"), help: "Demo users in the console's own sandbox (without CLERK_SECRET_KEY).")
    var sandboxUsers = 2_000

    @Option(name: .customLong("sandbox-seed"), help: "Seed of that sandbox's demo users: the same seed gives the same users.")
    var sandboxSeed: UInt64 = 1

    @Flag(name: .customLong("read-only"), help: "Browse only: every action that changes a user is removed (also read_only: true in the config file).")
    var readOnly = false

    @Option(name: .customLong("log-file"), help: "Where to log (never the terminal; default $XDG_STATE_HOME/clerk-triage/console.log, 0600).")
    var logFile: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try ConfigFile.load(path: ConfigFile.defaultPath(environment: environment))
        var keymap = TriageKeymap.standard
        do {
            try keymap.override(config.keys)
        } catch {
            throw OperatorError("\(config.path ?? "config file"): keys: \(error)")
        }
        let catalog = ThemeCatalog.standard(environment: environment, executablePath: CommandLine.arguments[0])
        let themeName = theme ?? environment["CLERK_TRIAGE_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? config.theme ?? "dark"
        let chosenTheme = try catalog.load(themeName)
        do {
            // The state directory is created (0700) before the log is opened inside it.
            let state = try StateDirectory.prepare(environment: environment)
            let path = logFile ?? state.filePath(StateDirectory.logFileName)
            LoggingSystem.bootstrap(try FileLogHandler.makeFactory(path: path, level: .info))
        } catch {
            throw OperatorError("cannot open the log: \(error.description)")
        }
        let logger = Logger(label: "clerk-triage")

        var sandbox: SandboxServer?
        var api: ClerkConfiguration
        let isSandbox: Bool
        if var configuration = ClerkConfiguration.fromEnvironment(environment, logger: logger) {
            if let apiURL { configuration.baseURL = apiURL }
            api = configuration
            isSandbox = false
        } else {
            // An address given without a key is a mistake, not a request for the demo data: opening
            // the built-in sandbox instead would look like that instance.
            if let apiURL {
                throw OperatorError("--api-url \(apiURL) needs CLERK_SECRET_KEY set to that instance's secret key (without both, the console opens its own sandbox)")
            }
            var settings = SandboxConfiguration(secretKey: SandboxConfiguration.embeddedSecretKey)
            settings.users = sandboxUsers
            settings.seed = sandboxSeed
            let server = try await SandboxServer.start(settings)
            sandbox = server
            // The sandbox enforces Clerk's limits for its key; the client keeps under them as it would with Clerk.
            let key = SecretKey(SandboxConfiguration.embeddedSecretKey)
            api = ClerkConfiguration(baseURL: server.baseURL, secretKey: key, rateLimits: .clerkDefaults(for: key), logger: logger)
            isSandbox = true
        }
        api.userAgent = "clerk-triage/\(ClerkTriageVersion.current)"
        logger.info("console starting", metadata: ["instance": "\(api.baseURL)", "key": "\(api.secretKey.masked)"])

        let client = ClerkClient(configuration: api)
        let instance = Instance(configuration: api, isSandbox: isSandbox)
        // A second console on an instance another one is acting on browses read-only: two queues
        // on one journal would each offer the other's running commands for resume.
        var commands: CommandLayer?
        var busy: String?
        do {
            commands = try CommandLayer.open(client: client, environment: environment, logger: logger)
        } catch let error as CommandLayer.Busy {
            busy = error.message
            logger.warning("read-only: \(error.message)")
        }
        // The console's own sandbox starts from fresh demo data every time: commands left from an
        // earlier one have nothing to apply to.
        let unfinished = isSandbox ? [] : commands?.unfinished ?? []
        if isSandbox, let layer = commands, !layer.unfinished.isEmpty {
            // Closed in the journal as not resumed, so that it can be emptied once nothing is left.
            await layer.queue.discard(layer.unfinished)
        }
        let readOnly = readOnly || config.readOnly || busy != nil
        let identity = InstanceIdentity(configuration: api)
        let layer = commands
        let busyNotice = busy
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let bindings = keymap
        let outcome = await UIThread.run {
            let terminal = try CursesTerminal(noColor: noColor)
            defer { terminal.stop() }
            var model = TriageModel(instance: instance, theme: chosenTheme.degraded(to: terminal.colorDepth), keymap: bindings,
                                    size: terminal.size, now: Date().unixMillis, identity: identity, readOnly: readOnly)
            if let busyNotice { model.status = .init(text: "READ-ONLY: \(busyNotice)", isError: true, shownAt: Date().unixMillis) }
            let runtime = TriageRuntime(device: terminal, model: model, users: client.users, themes: catalog,
                                        commands: layer?.queue, auditLog: layer?.auditLog, unfinished: unfinished)
            runtime.run()
        }
        await sandbox?.stop()
        if case .failure(let error) = outcome { throw error }
    }
}
