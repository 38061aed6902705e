import Foundation
import Glibc

/// glibc's POSIX_SPAWN_SETSID (2.26 and later), which Swift does not import.
private let posixSpawnSetSID: Int32 = 0x80

/// What one run of the binary left: its stdout, its stderr and its exit status.
struct ScriptRun: CustomStringConvertible {
    var stdout: String
    var stderr: String
    var status: Int32

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }

    var description: String { "exit \(status)\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }
}

/// Runs `clerk-triage` scripts as an operator's shell would: a state directory of their own, no
/// config file, the key and API address in the environment, and no controlling terminal (a new
/// session), so nothing can be asked on /dev/tty.
struct ScriptEnvironment {
    let stateHome: String
    var variables: [String: String]

    init(sandbox: SandboxProcess?) throws {
        stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("users-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLERK_") && $0.key != "NO_COLOR" }
        variables["XDG_STATE_HOME"] = stateHome
        variables["CLERK_TRIAGE_CONFIG"] = "/nonexistent"
        if let sandbox {
            variables["CLERK_SECRET_KEY"] = sandbox.key
            variables["CLERK_API_URL"] = sandbox.baseURL
        }
        self.variables = variables
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: stateHome)
    }

    var auditLog: String {
        String(decoding: FileManager.default.contents(atPath: "\(stateHome)/clerk-triage/audit.jsonl") ?? Data(), as: UTF8.self)
    }

    /// `clerk-triage ARGUMENTS` with `stdin` on its standard input.
    func users(_ arguments: [String], stdin: String = "") throws -> ScriptRun {
        try run([try binaryPath(), "users"] + arguments, stdin: stdin)
    }

    /// A shell pipeline, with `$CT` standing for the binary.
    func pipeline(_ script: String) throws -> ScriptRun {
        var environment = self
        environment.variables["CT"] = try binaryPath()
        return try environment.run(["/bin/sh", "-c", script], stdin: "")
    }

    private func run(_ arguments: [String], stdin: String) throws -> ScriptRun {
        try start(arguments, stdin: stdin).wait()
    }

    /// `clerk-triage users ARGUMENTS` started and left running, for a test that stops it part way.
    func startUsers(_ arguments: [String], stdin: String = "") throws -> RunningScript {
        try start([try binaryPath(), "users"] + arguments, stdin: stdin)
    }

    private func start(_ arguments: [String], stdin: String) throws -> RunningScript {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("users-run-\(UUID().uuidString)").path
        let script = RunningScript(pid: 0, input: base + ".in", output: base + ".out", error: base + ".err")
        try Data(stdin.utf8).write(to: URL(fileURLWithPath: script.input))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, script.input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, script.output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, script.error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        startWithCleanSignals(&attributes, extraFlags: posixSpawnSetSID)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            script.removeFiles()
            throw HarnessError("could not run \(arguments.joined(separator: " ")): error \(spawned)")
        }
        return RunningScript(pid: pid, input: script.input, output: script.output, error: script.error)
    }
}

/// A run started with `startUsers`: its process, and the files its output goes to.
struct RunningScript {
    let pid: pid_t
    let input: String
    let output: String
    let error: String

    /// Waits for it to end, and returns what it printed and its status (128 + the signal if killed).
    func wait() -> ScriptRun {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        defer { removeFiles() }
        let exited = status & 0x7f == 0
        func text(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return ScriptRun(stdout: text(output), stderr: text(error), status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }

    func removeFiles() {
        for path in [input, output, error] { try? FileManager.default.removeItem(atPath: path) }
    }
}
