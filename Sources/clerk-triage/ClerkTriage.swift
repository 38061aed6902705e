import ArgumentParser
import ClerkAPI

/// The console itself is the top-level command, so `clerk-triage --help` lists its options;
/// `sandbox` and `bench` are subcommands.
@main
struct ClerkTriage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clerk-triage",
        abstract: "A keyboard-driven console for triaging the users of a Clerk instance.",
        discussion: """
            With --instance NAME (or the config file's default_instance), the console opens on that \
            instance of the config file; :instance NAME switches. Otherwise, with CLERK_SECRET_KEY set, \
            it opens on that key's instance; without it, a local sandbox with generated demo users starts \
            and the console opens on that.

            Environment: CLERK_SECRET_KEY, CLERK_API_URL, CLERK_TRIAGE_THEME, CLERK_TRIAGE_THEMES (a \
            directory of extra themes), CLERK_TRIAGE_CONFIG (default ~/.config/clerk-triage/config.yaml), \
            NO_COLOR.

            Keys: ? in the console lists them all. Esc is told apart from a function key after 25 ms; \
            inside tmux also set `set -sg escape-time 10`, or tmux holds every Esc back for its default \
            500 ms. To copy with y inside tmux: `set -g set-clipboard on`.
            """,
        version: ClerkTriageVersion.current,
        subcommands: [SandboxCommand.self, BenchCommand.self, UsersCommand.self])

    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        try await console.run()
    }

    /// As ArgumentParser's own, except that a usage error under `users` exits 2, the status scripts
    /// expect, rather than 64.
    static func main() async {
        let scripting = CommandLine.arguments.dropFirst().first == "users"
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if scripting, exitCode(for: error) == .validationFailure {
                Output.error(fullMessage(for: error))
                exit(withError: ScriptExit.usage)
            }
            exit(withError: error)
        }
    }
}
