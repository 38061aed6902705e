import ClerkAPI
import ClerkSandbox
import Foundation
import Synchronization

/// The sandbox's own endpoints: what it answered (`GET /v1/sandbox/stats`) and Clerk's rate
/// limits switched on or off (`PUT /v1/sandbox/rate-limits`) between the parts of one run.
struct SandboxControl: Sendable {
    let baseURL: String
    let key: String
    private let transport = AsyncHTTPClientTransport()

    init(baseURL: String, key: String) {
        self.baseURL = baseURL
        self.key = key
    }

    func stats() async throws -> SandboxRequestStats {
        let response = try await send(.get, "/sandbox/stats", body: nil)
        do {
            return try WireCoding.decoder.decode(SandboxRequestStats.self, from: response.body)
        } catch {
            throw OperatorError("the sandbox's request counts could not be read: \(error)")
        }
    }

    /// On: from empty windows, so that every rate-limited run starts alike.
    func enforceRateLimits(_ enforced: Bool) async throws {
        _ = try await send(.put, "/sandbox/rate-limits", body: #"{"enforced":\#(enforced)}"#)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TransportResponse {
        let response = try await transport.send(TransportRequest(
            method: method, url: baseURL + path,
            headers: [HTTPHeader("Authorization", "Bearer \(key)"), HTTPHeader("Content-Type", "application/json")],
            body: body.map { Data($0.utf8) }, timeout: .seconds(10)))
        guard response.status == 200 else {
            throw OperatorError("\(method) \(path) on the sandbox answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        return response
    }
}

/// Who runs a job: this binary's `users` subcommands, or a script on Clerk's Python SDK.
enum Contender: String, Sendable, CaseIterable {
    case clerkTriage = "clerk-triage"
    case sdk = "Python SDK"
}

/// A job as each contender is run for it: the same key, the same sandbox, the same input.
enum ScriptJob: Sendable {
    /// Every user as ndjson.
    case listAll
    /// Ban the ids on stdin.
    case ban
}

/// What one run of a script did, as the sandbox counted it.
struct ScriptRun: Sendable {
    var exit: BenchChild.Exit
    /// The requests the sandbox answered during the run, by status.
    var sent: SandboxRequestStats
    var stderr: String
    /// The SDK script's own account of the run.
    var summary: SDKSummary?
}

/// Starts the contenders as an operator would: ours with the key and address in the environment,
/// a state directory of its own per run and no config file; the SDK's script with the same key.
struct ScriptRunner: Sendable {
    let binary: String
    let sdk: SDKSide
    let control: SandboxControl
    let scratch: PrivateDirectory

    var sdkReady: Bool {
        if case .ready = sdk { return true }
        return false
    }

    private static let runNumber = RunNumbers()

    func arguments(_ contender: Contender, _ job: ScriptJob) throws -> [String] {
        switch (contender, job, sdk) {
        case (.clerkTriage, .listAll, _): return [binary, "users", "list", "--all", "--format", "ndjson"]
        case (.clerkTriage, .ban, _): return [binary, "users", "ban", "-"]
        case (.sdk, .listAll, .ready(let python, let scripts, _)): return [python, scripts + "/" + SDKSide.listScript, "--base-url", control.baseURL]
        case (.sdk, .ban, .ready(let python, let scripts, _)): return [python, scripts + "/" + SDKSide.banScript, "--base-url", control.baseURL]
        case (.sdk, _, .skipped(let reason)): throw OperatorError("the SDK side is skipped: \(reason)")
        }
    }

    func environment(_ contender: Contender) throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLERK_") }
        environment["CLERK_SECRET_KEY"] = control.key
        if contender == .clerkTriage {
            environment["CLERK_API_URL"] = control.baseURL
            environment["CLERK_TRIAGE_CONFIG"] = "/nonexistent"
            environment["XDG_STATE_HOME"] = try scratch.subdirectory("state-\(Self.runNumber.next())")
        }
        return environment
    }

    /// Runs `job` to its end with stdout discarded, stdin from `stdin`, and counts what the sandbox answered meanwhile.
    func run(_ contender: Contender, _ job: ScriptJob, stdin: String? = nil) async throws -> ScriptRun {
        let errors = scratch.path + "/stderr-\(Self.runNumber.next())"
        let before = try await control.stats()
        let child = try BenchChild.start(try arguments(contender, job), environment: try environment(contender), stdin: stdin, stdout: .null, stderr: errors)
        let exit = await child.wait()
        let sent = try await control.stats().since(before)
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        return ScriptRun(exit: exit, sent: sent, stderr: said, summary: contender == .sdk ? SDKSummary.parse(stderr: said) : nil)
    }
}

/// Numbers for file names, unique within this process.
final class RunNumbers: Sendable {
    private let value = Mutex(0)

    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
