import ArgumentParser
import ClerkAPI
import Foundation

/// Where the `users` subcommands connect: CLERK_SECRET_KEY, and CLERK_API_URL or `--api-url`.
/// Unlike the console there is no sandbox fallback: a script must never quietly act on demo data.
struct UsersConnectionOptions: ParsableArguments {
    @Option(name: .customLong("api-url"), help: "Clerk Backend API base URL (default: CLERK_API_URL, else https://api.clerk.com/v1).")
    var apiURL: String?

    /// The client for this instance, or exit status 3 when there is no key.
    func client(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClerkClient {
        guard var configuration = ClerkConfiguration.fromEnvironment(environment) else {
            throw ScriptExit.fail("CLERK_SECRET_KEY is not set. Set it to the instance's secret key (sk_test_… or sk_live_…); "
                + "to try the commands on demo data, start `clerk-triage sandbox` and point CLERK_API_URL at it.", ScriptExit.authentication)
        }
        if let apiURL = apiURL ?? Self.apiURLFromCommandLine() { configuration.baseURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL }
        return ClerkClient(configuration: configuration)
    }

    static func apiURLFromCommandLine(_ arguments: [String] = CommandLine.arguments) -> String? {
        SharedOptionWords(arguments).value(of: "--api-url")
    }
}
