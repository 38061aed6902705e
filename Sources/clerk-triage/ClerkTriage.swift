import ArgumentParser
import ClerkAPI

@main
struct ClerkTriage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clerk-triage",
        abstract: "A keyboard-driven console for triaging the users of a Clerk instance.",
        discussion: """
            With CLERK_SECRET_KEY set, the console opens on that instance (CLERK_API_URL overrides the \
            API's address). Without it, a local sandbox with generated demo users starts and the console \
            opens on that.
            """,
        version: ClerkTriageVersion.current,
        subcommands: [ConsoleCommand.self, SandboxCommand.self, BenchCommand.self],
        defaultSubcommand: ConsoleCommand.self)
}
