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

    @Option(name: .customLong("instance"), help: "Open this instance of the config file (default: its default_instance, else CLERK_SECRET_KEY's; :instance switches).")
    var instance: String?

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
        var chosenTheme = try catalog.load(themeName)
        do {
            // The state directory is created (0700) before the log is opened inside it.
            let state = try StateDirectory.prepare(environment: environment)
            let path = logFile ?? state.filePath(StateDirectory.logFileName)
            LoggingSystem.bootstrap(try FileLogHandler.makeFactory(path: path, level: .info))
        } catch {
            throw OperatorError("cannot open the log: \(error.description)")
        }
        let logger = Logger(label: "clerk-triage")

        let selected: NamedInstance?
        do {
            selected = try config.selectedInstance(flag: instance)
        } catch {
            throw OperatorError(error.description)
        }
        let sandboxSettings = ConsoleConnection.SandboxSettings(users: sandboxUsers, seed: sandboxSeed)
        var connection = try await ConsoleConnection.open(selected, apiURL: apiURL, sandboxSettings: sandboxSettings, environment: environment, logger: logger)
        var notice: String?
        // `:instance NAME` ends a session; the next opens on that instance. A name whose key cannot
        // be read leaves the console where it was, saying why.
        var reopening = false
        while true {
            let ended = try await session(on: connection, reopening: reopening, theme: chosenTheme, keymap: keymap, catalog: catalog, config: config,
                                          notice: notice, environment: environment, logger: logger)
            chosenTheme = ended.theme
            guard let next = ended.nextInstance else { break }
            reopening = true
            do {
                let target: NamedInstance
                do {
                    target = try config.instance(named: next)
                } catch {
                    throw OperatorError(error.description)
                }
                let opened = try await ConsoleConnection.open(target, apiURL: nil, sandboxSettings: sandboxSettings, environment: environment, logger: logger)
                await connection.close()
                connection = opened
                notice = nil
            } catch {
                logger.warning("could not switch to \(next): \(error)")
                notice = "\(next) not opened: \((error as? InstanceKeyError)?.reason ?? String(describing: error))"
            }
        }
        await connection.close()
    }

    /// How a session ended: the instance to reopen on (nil: quit), and the theme in use then.
    private struct SessionEnd: Sendable {
        var nextInstance: String?
        var theme: Theme
    }

    private func session(on connection: ConsoleConnection, reopening: Bool, theme chosenTheme: Theme, keymap: TriageKeymap, catalog: ThemeCatalog,
                         config: ConfigFile, notice: String?, environment: [String: String], logger: Logger) async throws -> SessionEnd {
        let client = connection.client
        let instance = connection.instance
        let isSandbox = connection.isSandbox
        logger.info("console starting", metadata: ["instance": "\(instance.name ?? client.configuration.baseURL)", "url": "\(client.configuration.baseURL)",
                                                   "key": "\(client.configuration.secretKey.masked)"])
        // A second console on an instance another one is acting on browses read-only: two queues
        // on one journal would each offer the other's running commands for resume.
        var commands: CommandLayer?
        var busy: String?
        // Back on an instance this console just left, its earlier session's journal is released
        // as that session's last tasks end, a moment after it closed: wait that moment.
        let patience = ContinuousClock.now + (reopening ? .seconds(3) : .zero)
        while commands == nil, busy == nil {
            do {
                commands = try CommandLayer.open(client: client, environment: environment, logger: logger)
            } catch let error as CommandLayer.Busy {
                if ContinuousClock.now < patience {
                    try? await Task.sleep(for: .milliseconds(20))
                    continue
                }
                busy = error.message
                logger.warning("read-only: \(error.message)")
            }
        }
        // The console's own sandbox starts from fresh demo data every time: commands left from an
        // earlier one have nothing to apply to.
        let unfinished = isSandbox ? [] : commands?.unfinished ?? []
        if isSandbox, let layer = commands, !layer.unfinished.isEmpty {
            // Closed in the journal as not resumed, so that it can be emptied once nothing is left.
            await layer.queue.discard(layer.unfinished)
        }
        let readOnly = readOnly || config.readOnly || busy != nil
        let identity = InstanceIdentity(configuration: client.configuration)
        let layer = commands
        let status = busy.map { "READ-ONLY: \($0)" } ?? notice
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let bindings = keymap
        let instanceNames = config.instanceNames
        let outcome = await UIThread.run { () throws -> SessionEnd in
            let terminal = try CursesTerminal(noColor: noColor)
            defer { terminal.stop() }
            var model = TriageModel(instance: instance, theme: chosenTheme.degraded(to: terminal.colorDepth), keymap: bindings,
                                    size: terminal.size, now: Date().unixMillis, identity: identity, readOnly: readOnly)
            model.instanceNames = instanceNames
            if let status { model.status = .init(text: status, isError: true, shownAt: Date().unixMillis) }
            let runtime = TriageRuntime(device: terminal, model: model, users: client.users, themes: catalog,
                                        commands: layer?.queue, auditLog: layer?.auditLog, unfinished: unfinished)
            runtime.run()
            return SessionEnd(nextInstance: runtime.model.nextInstance, theme: runtime.model.theme)
        }
        let ended = try outcome.get()
        if ended.nextInstance != nil, let layer {
            // Leaving this instance, not the process: nothing more of its queue may start, and what
            // is already sent is given time to finish and be journalled.
            await layer.queue.stop()
            await waitAtMost(.seconds(10)) { await layer.queue.waitUntilIdle() }
        }
        return ended
    }
}

/// Runs `body` until it returns or `limit` passes, whichever is first.
private func waitAtMost(_ limit: Duration, _ body: @escaping @Sendable () async -> Void) async {
    let (done, signal) = AsyncStream.makeStream(of: Void.self)
    let work = Task {
        await body()
        signal.yield()
    }
    let timer = Task {
        try? await Task.sleep(for: limit)
        signal.yield()
    }
    var iterator = done.makeAsyncIterator()
    _ = await iterator.next()
    timer.cancel()
    work.cancel()
    signal.finish()
}
