import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the sandbox's and the console's speed on this machine, and print the figures.",
        subcommands: [SandboxBench.self, ConsoleBench.self])
}
