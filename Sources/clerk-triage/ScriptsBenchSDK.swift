import Foundation

/// Clerk's official Python SDK, the other side of `bench scripts`: a Python that has
/// clerk-backend-api (the virtualenv `scripts/sdk-venv` makes, as the conformance check uses) and
/// the repository's scripts in `scripts/bench/` that do the same jobs with it.
enum SDKSide: Sendable {
    case ready(python: String, scripts: String, version: String)
    /// Why the SDK side is not measured, for the operator.
    case skipped(String)

    static let listScript = "bench/sdk_list_all.py"
    static let banScript = "bench/sdk_ban_loop.py"

    /// Finds the scripts (from `explicit`, else `scripts/` in the working directory or above the
    /// binary), then the Python: `python` if given, else whatever `scripts/sdk-venv` prints.
    static func locate(scripts explicit: String?, python: String?, executable: String, scratch: PrivateDirectory) async -> SDKSide {
        guard let scripts = scriptsDirectory(explicit: explicit, executable: executable) else {
            let looked = explicit.map { "in \($0)" } ?? "in ./scripts or above the binary"
            return .skipped("\(listScript) was not found \(looked); run from the repository or pass --scripts DIR")
        }
        var interpreter = python
        if interpreter == nil {
            let said = scratch.path + "/sdk-venv.out"
            // Its own messages (installing on first use, or why it cannot) go to our stderr.
            guard let child = try? BenchChild.start([scripts + "/sdk-venv"], environment: ProcessInfo.processInfo.environment, stdout: .file(said)),
                  await child.wait().status == 0,
                  let path = try? String(contentsOfFile: said, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !path.isEmpty
            else {
                return .skipped("\(scripts)/sdk-venv could not provide a Python with clerk-backend-api (its reason is above); pass --python PATH to use another")
            }
            interpreter = path
        }
        guard let interpreter else { return .skipped("no Python") }
        let versionFile = scratch.path + "/sdk-version.out"
        let question = [interpreter, "-c", "import importlib.metadata as m, clerk_backend_api; print(m.version('clerk-backend-api'))"]
        guard let child = try? BenchChild.start(question, environment: ProcessInfo.processInfo.environment, stdout: .file(versionFile)),
              await child.wait().status == 0,
              let version = try? String(contentsOfFile: versionFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        else {
            return .skipped("\(interpreter) cannot import clerk_backend_api; run scripts/sdk-venv, or pass --python PATH")
        }
        return .ready(python: interpreter, scripts: scripts, version: version)
    }

    static func scriptsDirectory(explicit: String?, executable: String,
                                 workingDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        let has = { (directory: String) in FileManager.default.fileExists(atPath: directory + "/" + listScript) }
        if let explicit { return has(explicit) ? explicit : nil }
        var candidates = [workingDirectory + "/scripts"]
        // .build/release/clerk-triage, or .build/x86_64-unknown-linux-gnu/release/clerk-triage
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.path + "/scripts")
        }
        return candidates.first(where: has)
    }
}

/// The JSON summary the SDK scripts write as the last line of their stderr.
struct SDKSummary: Decodable, Equatable {
    var users: Int
    var pages: Int?
    var banned: Int?
    var failed: Int?
    /// How the failures ended, e.g. `"SDKError 429": 900`.
    var failures: [String: Int]?

    /// The last line of `stderr` that is such a summary; nil when the script died before writing one.
    static func parse(stderr: String) -> SDKSummary? {
        for line in stderr.split(separator: "\n").reversed() where line.hasPrefix("{") {
            if let summary = try? JSONDecoder().decode(SDKSummary.self, from: Data(line.utf8)) { return summary }
        }
        return nil
    }

    /// `SDKError 429 × 900, SDKError 404 × 1`, most first.
    var failureKinds: String {
        let kinds = (failures ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return kinds.isEmpty ? "none" : kinds.map { "\($0.key) × \($0.value)" }.joined(separator: ", ")
    }
}
