import ClerkAPI
import Foundation
import Glibc
import Testing

/// The repository root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The binary built together with these tests: SwiftPM puts products next to the test bundle, in
/// the directory `swift build --show-bin-path` prints, whatever the configuration or
/// `--scratch-path`. Looking anywhere else could test a stale binary from another build.
func binaryPath() throws -> String {
    let directories = testProductDirectories()
    for directory in directories {
        let path = directory.appendingPathComponent("clerk-triage").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    let searched = directories.map(\.path).joined(separator: ", ")
    throw HarnessError("clerk-triage is not built next to the tests (looked in \(searched)); build it with the same options: swift build --build-tests")
}

/// Where the running test bundle lives: the test executable itself on Linux (`/proc/self/exe`),
/// or the `.xctest` bundle a runner loaded elsewhere.
private func testProductDirectories() -> [URL] {
    var directories: [URL] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    if let argument = CommandLine.arguments.first, argument.contains("/") {
        directories.append(URL(fileURLWithPath: argument).resolvingSymlinksInPath().deletingLastPathComponent())
    }
    var seen = Set<String>()
    return directories.map { $0.standardizedFileURL }.filter { seen.insert($0.path).inserted }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Waits for a condition, polling; never a fixed sleep.
func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw HarnessError("timed out after \(timeout) waiting for \(what)")
}

/// Runs a command to completion and returns what it printed. posix_spawn and waitpid, with the
/// output in a file: a tmux server forked by `new-session` inherits descriptors and would hold a
/// pipe open forever. The child starts with no signal blocked and default handlers: Swift
/// concurrency's threads block most signals, and a tmux server inheriting that mask ignores
/// kill-server and SIGTERM alike.
@discardableResult
func shell(_ arguments: [String]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    startWithCleanSignals(&attributes)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw HarnessError("could not run \(arguments.joined(separator: " ")): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
}

/// A child starts with no signal blocked and every handler at its default: Swift concurrency's
/// threads block most signals, and a child would inherit that mask.
func startWithCleanSignals(_ attributes: inout posix_spawnattr_t, extraFlags: Int32 = 0) {
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | extraFlags))
}

/// A sandbox started from the binary, as `clerk-triage sandbox` documents it.
final class SandboxProcess: @unchecked Sendable {
    let process = Process()
    let baseURL: String
    let key: String

    /// `rateLimits` off by default: the tests' own client checks state without pacing itself.
    /// `keyPrefix` `sk_live_` makes it a production instance to its clients.
    init(users: Int = 300, seed: Int = 3, rateLimits: Bool = false, keyPrefix: String = "sk_test_", extraArguments: [String] = []) async throws {
        key = "\(keyPrefix)e2e_\(UUID().uuidString.prefix(8))"
        process.executableURL = URL(fileURLWithPath: try binaryPath())
        process.arguments = ["sandbox", "--port", "0", "--users", String(users), "--seed", String(seed), "--secret-key", key]
            + (rateLimits ? [] : ["--no-rate-limits"]) + extraArguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var collected = ""
        let deadline = ContinuousClock.now + .seconds(60)
        while !collected.contains("listening on "), ContinuousClock.now < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            collected += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = collected.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) else {
            process.terminate()
            throw HarnessError("the sandbox did not report where it listens: \(collected)")
        }
        baseURL = String(line.dropFirst("listening on ".count))
    }

    var client: ClerkClient {
        ClerkClient(configuration: ClerkConfiguration(baseURL: baseURL, secretKey: SecretKey(key), retry: .none, rateLimits: .unlimited))
    }

    /// Stops the server. Explicit, in a `defer`: deinit is not a dependable place to end processes.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    }
}

/// The console in a detached tmux session of its own server, read with capture-pane.
final class ConsoleSession: @unchecked Sendable {
    let socket = "clerk-e2e-\(UUID().uuidString.prefix(8))"
    /// Where the console keeps its state when the test does not set `XDG_STATE_HOME` itself.
    var stateDirectory: String { FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-state").path }
    let name = "console"

    convenience init(sandbox: SandboxProcess, width: Int = 120, height: Int = 40, extraEnvironment: String = "", arguments: String = "") throws {
        try self.init(apiURL: sandbox.baseURL, key: sandbox.key, width: width, height: height, extraEnvironment: extraEnvironment, arguments: arguments)
    }

    /// The console against any API address, e.g. one where nothing listens.
    init(apiURL: String, key: String, width: Int = 120, height: Int = 40, extraEnvironment: String = "", arguments: String = "") throws {
        let binary = try binaryPath()
        // A state directory of its own unless the test names one: never the operator's journals.
        let command = "env -u NO_COLOR -u CLERK_TRIAGE_THEME CLERK_TRIAGE_CONFIG=/nonexistent XDG_STATE_HOME=\(stateDirectory) "
            + "CLERK_SECRET_KEY=\(key) \(extraEnvironment) "
            + "\(binary) --api-url \(apiURL) --log-file /tmp/\(socket).log \(arguments); echo \"EXITED=$?\"; sleep 600"
        try shell(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh", "-c", command])
        try shell(["tmux", "-L", socket, "set-option", "-g", "escape-time", "10"])
    }

    /// Ends the tmux server and the console in it. Explicit, in a `defer`: see `SandboxProcess.stop`.
    func stop() {
        _ = try? shell(["tmux", "-L", socket, "kill-server"])
        // kill-server leaves the socket file behind; one per test run would pile up in /tmp.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
        try? FileManager.default.removeItem(atPath: stateDirectory)
    }

    var screen: String { (try? shell(["tmux", "-L", socket, "capture-pane", "-p", "-t", name])) ?? "" }
    var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func display(_ format: String) throws -> String {
        try shell(["tmux", "-L", socket, "display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func keys(_ keys: String...) throws {
        try self.keys(list: keys)
    }

    func keys(list keys: [String]) throws {
        try shell(["tmux", "-L", socket, "send-keys", "-t", name] + keys)
    }

    func type(_ text: String) throws {
        try shell(["tmux", "-L", socket, "send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try shell(["tmux", "-L", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws {
        try await waitUntil("'\(text)' on screen:\n\(screen)", timeout: timeout) { screen.contains(text) }
    }

    /// The console's process id (the child of the pane's shell).
    func consolePID() throws -> String {
        let shellPID = try display("#{pane_pid}")
        return try shell(["pgrep", "-P", shellPID, "clerk-triage"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
