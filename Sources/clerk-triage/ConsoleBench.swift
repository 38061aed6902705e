import ArgumentParser
import ClerkAPI
import CursesBackend
import Foundation
import Logging
import Synchronization
import Terminal
import Triage

/// Drives the real console (ncurses on a pseudo-terminal, keys typed into it) against a sandbox
/// in a separate process, and prints what it measured.
struct ConsoleBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Bytes per selection move, frame time, keystroke-to-results latency and RSS, against a large sandbox.")

    @Option(help: "Demo users in the sandbox.")
    var users = 100_000

    @Option(help: "Terminal width.")
    var width = 120

    @Option(help: "Terminal height.")
    var height = 40

    @Flag(help: "Print the bytes of the largest one-row selection move, escaped, to see where they go.")
    var showMoveBytes = false

    struct Frame: Sendable {
        var at: ContinuousClock.Instant
        var duration: Duration
        var selection: Int
        var offset: Int
        var query: String
        var ready: Bool
    }

    func run() async throws {
        let sandbox = try await BenchSandbox.start(users: users)
        defer { sandbox.stop() }
        Output.line("sandbox: \(users) users generated and serving in \(Measurements.format(sandbox.startup))")

        setenv("TERM", "xterm-256color", 1)
        unsetenv("LINES")
        unsetenv("COLUMNS")
        let pty = try PseudoTerminal(width: width, height: height)
        pty.startCounting()
        let frames = FrameLog()
        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: sandbox.baseURL, secretKey: SecretKey(sandbox.key), retry: .none, rateLimits: .unlimited))
        let instance = Instance(kind: .sandbox, baseURL: sandbox.baseURL, maskedKey: SecretKey(sandbox.key).masked)
        let size = (width, height)
        let loop = Task {
            await UIThread.run {
                let terminal = try CursesTerminal(noColor: false, input: pty.openFile(mode: "r"), output: pty.openFile(mode: "w"), installSignalHandlers: false)
                defer { terminal.stop() }
                let theme = (try? ThemeCatalog.standard(environment: [:], executablePath: CommandLine.arguments[0]).load("dark")) ?? .monochrome
                let model = TriageModel(instance: instance, theme: theme.degraded(to: terminal.colorDepth), size: Size(width: size.0, height: size.1), now: Date().unixMillis)
                let runtime = TriageRuntime(device: terminal, model: model, users: client.users, themes: ThemeCatalog(directories: []))
                runtime.onFrame = { model, duration in
                    let ready = model.browse.isCurrent && model.browse.total.value != nil
                    frames.append(Frame(at: .now, duration: duration, selection: model.browse.selection, offset: model.browse.offset,
                                        query: model.browse.form.query.text, ready: ready))
                }
                runtime.run()
            }
        }
        func last() -> Frame? { frames.last }
        func waitFor(_ what: String, _ condition: (Frame) -> Bool) async throws -> Frame {
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                if let frame = last(), condition(frame) { return frame }
                try await Task.sleep(for: .microseconds(200))
            }
            throw OperatorError("timed out waiting for \(what)")
        }
        /// Waits until nothing more is written to the terminal for a while.
        func settle() async throws -> Int {
            var previous = -1
            while previous != pty.bytesWritten {
                previous = pty.bytesWritten
                try await Task.sleep(for: .milliseconds(60))
            }
            return previous
        }

        _ = try await waitFor("the first page") { $0.ready }
        try await Task.sleep(for: .milliseconds(300))

        // Selection moves: bytes on the wire, frame time, keystroke to frame.
        var moveBytes: [Int] = []
        var moveFrames: [Duration] = []
        var moveLatency: [Duration] = []
        var largestMove: [UInt8] = []
        for step in 0..<30 {
            let down = step % 20 < 10
            let before = try await settle()
            let from = last()?.selection ?? 0
            let started = ContinuousClock.now
            pty.type(down ? "j" : "k")
            let frame = try await waitFor("the selection to move") { $0.selection != from && $0.at > started }
            moveLatency.append(started.duration(to: frame.at))
            moveFrames.append(frame.duration)
            let written = try await settle() - before
            if written > moveBytes.max() ?? 0 { largestMove = pty.lastBytes(written) }
            moveBytes.append(written)
        }

        // Keystroke to results: type queries one key at a time, waiting for each answer. Names and
        // address fragments are what agents type; texts matching most of the instance and single
        // CJK characters (below the trigram index) are reported apart so neither hides the other.
        pty.type("/")
        let groups: [(String, [String])] = [
            ("names and addresses", ["smith", "müller", "hassan", "lefèvre", "takahashi", "gonçalves", "ivanov", "ana.lima"]),
            ("CJK names", ["佐藤", "高橋", "김민준"]),
            ("matching most users", ["example.de", "user_2"]),
        ]
        var searchReports: [String] = []
        var withoutSearch = 0
        for (title, queries) in groups {
            var searchLatency: [Duration] = []
            var slowest: (text: String, latency: Duration)?
            for query in queries {
                var typed = ""
                for character in query {
                    typed.append(character)
                    let expected = typed
                    let started = ContinuousClock.now
                    pty.type(String(character))
                    var form = SearchForm()
                    form.query.setText(expected)
                    guard form.searchesAsYouType else {
                        // Too short to search as you type: the screen only shows the text and a hint.
                        _ = try await waitFor("\(expected) on screen") { $0.query == expected && $0.at > started }
                        withoutSearch += 1
                        continue
                    }
                    let frame = try await waitFor("results for \(expected)") { $0.query == expected && $0.ready && $0.at > started }
                    let latency = started.duration(to: frame.at)
                    searchLatency.append(latency)
                    if latency > slowest?.latency ?? .zero { slowest = (expected, latency) }
                }
                let cleared = ContinuousClock.now
                pty.type("\u{15}")
                _ = try await waitFor("the cleared search") { $0.query.isEmpty && $0.ready && $0.at > cleared }
            }
            let worst = slowest.map { " slowest \"\($0.text)\"" } ?? ""
            searchReports.append("search (\(title)): keystroke to results \(Measurements.summary(searchLatency))\(worst)")
        }
        pty.type("\r")

        // Paging through 50 pages, then memory.
        let pageSize = height - BrowseLayout.chromeRows
        var pageLatency: [Duration] = []
        for page in 1...50 {
            let started = ContinuousClock.now
            pty.type("\u{1B}[6~")
            let frame = try await waitFor("page \(page + 1)") { $0.offset == page * pageSize && $0.ready }
            pageLatency.append(started.duration(to: frame.at))
            try await Task.sleep(for: .milliseconds(20))
        }
        let rss = Self.residentMegabytes()
        pty.type("q")
        _ = await loop.value

        Output.line("terminal \(width)x\(height), \(users) users")
        Output.line("selection move: bytes written median \(Measurements.median(moveBytes)) max \(moveBytes.max() ?? 0) (n=\(moveBytes.count))")
        Output.line("selection move: frame (view+draw) \(Measurements.summary(moveFrames))")
        Output.line("selection move: key to frame      \(Measurements.summary(moveLatency))")
        if showMoveBytes {
            let escaped = largestMove.map { $0 == 0x1B ? "\\e" : ($0 < 0x20 || $0 >= 0x7F) ? "\\x" + String($0, radix: 16) : String(UnicodeScalar($0)) }
            Output.line("largest selection move, \(largestMove.count) bytes: \(escaped.joined())")
        }
        for report in searchReports { Output.line(report) }
        Output.line("search: \(withoutSearch) keystrokes were too short to search as you type (shown at once, no request)")
        Output.line("PgDn: key to page on screen       \(Measurements.summary(pageLatency))")
        Output.line(String(format: "memory: RSS after 50 pages %.1f MB", rss))
    }

    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kilobytes / 1024
    }
}

/// `clerk-triage sandbox` as a child process, so that its memory is not counted as the console's.
struct BenchSandbox {
    let process: Process
    let baseURL: String
    let key: String
    let startup: Duration

    static func start(users: Int) async throws -> BenchSandbox {
        let key = "sk_test_bench_\(UUID().uuidString.prefix(6))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") {
            process.executableURL = Bundle.main.executableURL
        }
        // The benchmark drives the console faster than Clerk's rate limits allow; they are not what it measures.
        process.arguments = ["sandbox", "--port", "0", "--users", String(users), "--secret-key", key, "--no-rate-limits"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        var collected = ""
        while !collected.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            collected += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = collected.split(separator: "\n").first, line.hasPrefix("listening on ") else {
            process.terminate()
            throw OperatorError("the sandbox did not start: \(collected)")
        }
        return BenchSandbox(process: process, baseURL: String(line.dropFirst("listening on ".count)), key: key, startup: started.duration(to: .now))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// Frames as the UI thread draws them, read by the benchmark's driver.
final class FrameLog: Sendable {
    private let frames = Mutex<[ConsoleBench.Frame]>([])

    func append(_ frame: ConsoleBench.Frame) {
        frames.withLock { $0.append(frame) }
    }

    var last: ConsoleBench.Frame? { frames.withLock { $0.last } }
}
