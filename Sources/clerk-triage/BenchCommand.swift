import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the figures the issues name, and print them.",
        subcommands: [SandboxBench.self, ConsoleBench.self])
}
