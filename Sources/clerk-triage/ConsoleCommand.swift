import ArgumentParser
import ClerkAPI
import ClerkSandbox
import Foundation

struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default). Without CLERK_SECRET_KEY it opens on a local sandbox.")

    @Option(name: .customLong("api-url"), help: "Clerk Backend API base URL (default: CLERK_API_URL, else https://api.clerk.com/v1).")
    var apiURL: String?

    @Option(name: .customLong("sandbox-users"), help: "Demo users in the embedded sandbox.")
    var sandboxUsers = 2_000

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        if var configuration = ClerkConfiguration.fromEnvironment(environment) {
            if let apiURL { configuration.baseURL = apiURL }
            Output.line("Instance: \(configuration.baseURL) with key \(configuration.secretKey.masked).")
            Output.line("The console screens are not built yet; see README.md for what exists today.")
            return
        }
        var sandbox = SandboxConfiguration(secretKey: SandboxConfiguration.embeddedSecretKey)
        sandbox.users = sandboxUsers
        let server = try await SandboxServer.start(sandbox)
        Output.line("No CLERK_SECRET_KEY set: the sandbox is up at \(server.baseURL) with \(server.generatedUsers) demo users.")
        Output.line("Try: curl -H 'Authorization: Bearer \(SandboxConfiguration.embeddedSecretKey)' '\(server.baseURL)/users?limit=3'")
        Output.line("The console screens are not built yet. Press Ctrl-C to stop the sandbox.")
        _ = await SignalWaiter.waitForTermination()
        await server.stop()
    }
}
