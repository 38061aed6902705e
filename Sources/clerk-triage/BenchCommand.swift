import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the sandbox's, the console's and the command queue's speed on this machine, and print the figures.",
        subcommands: [SandboxBench.self, ConsoleBench.self, ActionsBench.self, EditorBench.self, ActionsBenchWorker.self])
}
