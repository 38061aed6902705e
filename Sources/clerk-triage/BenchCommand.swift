import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the sandbox's, the console's, the command queue's and the users subcommands' speed on this machine, and print the figures.",
        subcommands: [SandboxBench.self, ConsoleBench.self, ActionsBench.self, EditorBench.self, ScriptsBench.self, ActionsBenchWorker.self])
}
