import ArgumentParser
import ClerkAPI
import Foundation
import Triage

/// Where the `users` subcommands connect: `--instance NAME` (or the config file's
/// `default_instance`), else CLERK_SECRET_KEY with CLERK_API_URL or `--api-url`.
/// Unlike the console there is no sandbox fallback: a script must never quietly act on demo data.
struct UsersConnectionOptions: ParsableArguments {
    @Option(name: .customLong("api-url"), help: "Clerk Backend API base URL (default: CLERK_API_URL, else https://api.clerk.com/v1).")
    var apiURL: String?

    @Option(name: .customLong("instance"), help: "An instance of the config file (default: its default_instance, else CLERK_SECRET_KEY's).")
    var instance: String?

    /// The client for this instance: exit status 2 for a config file or instance name that is
    /// wrong, 3 when there is no key.
    func client(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClerkClient {
        let config: ConfigFile
        let named: NamedInstance?
        do {
            config = try ConfigFile.load(path: ConfigFile.defaultPath(environment: environment))
            named = try config.selectedInstance(flag: instance ?? Self.instanceFromCommandLine())
        } catch {
            throw ScriptExit.fail("\(error)", ScriptExit.usage)
        }
        var configuration: ClerkConfiguration
        if let named {
            do {
                guard let resolved = try named.configuration(environment: environment) else {
                    throw ScriptExit.fail("\(named.name) is the console's built-in sandbox (kind: sandbox), which scripts never use; "
                        + "start `clerk-triage sandbox` and name its address and key as an instance instead.", ScriptExit.authentication)
                }
                configuration = resolved
                if case .api(_, let source) = named.entry.connection {
                    let whence = switch source {
                    case .environment(let variable): "\(variable), which its key_env names"
                    case .command: "what its key_command prints"
                    }
                    ScriptExit.instanceKeyHint.withLock { $0 = "Check the key of instance \(named.name): \(whence) (in \(config.path ?? "the config file")). Clerk did not accept it." }
                }
            } catch let error as InstanceKeyError {
                throw ScriptExit.fail(error.description, ScriptExit.authentication)
            }
        } else if let fromEnvironment = ClerkConfiguration.fromEnvironment(environment) {
            configuration = fromEnvironment
        } else {
            throw ScriptExit.fail("CLERK_SECRET_KEY is not set. Set it to the instance's secret key (sk_test_… or sk_live_…), or name an instance "
                + "of the config file with --instance; to try the commands on demo data, start `clerk-triage sandbox` and point CLERK_API_URL at it.",
                ScriptExit.authentication)
        }
        if let apiURL = apiURL ?? Self.apiURLFromCommandLine() { configuration.baseURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL }
        return ClerkClient(configuration: configuration)
    }

    static func apiURLFromCommandLine(_ arguments: [String] = CommandLine.arguments) -> String? {
        SharedOptionWords(arguments).value(of: "--api-url")
    }

    /// The console has `--instance` too, and ArgumentParser hands it to the console wherever it is written.
    static func instanceFromCommandLine(_ arguments: [String] = CommandLine.arguments) -> String? {
        SharedOptionWords(arguments).value(of: "--instance")
    }
}
