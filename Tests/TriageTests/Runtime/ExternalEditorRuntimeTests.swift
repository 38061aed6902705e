import ClerkAPI
import Foundation
import Terminal
import Testing
@testable import Triage

/// `$EDITOR` through the runtime: a real child process (a shell script playing the editor) on a
/// real file, with the fake terminal.
@Suite("Runtime: $EDITOR", .serialized)
struct ExternalEditorRuntimeTests {
    /// A scratch directory with a state home and a scripted editor that reports what it saw.
    struct Scratch {
        let root: String
        var stateHome: String { root + "/state" }
        var report: String { root + "/report" }
        var editor: String { root + "/editor.sh" }
        /// Saves the same text, then exits 3, as `:cq` in vi does.
        var failingEditor: String { root + "/failing.sh" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-editor-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            // Its own signal state is read first and with builtins only: dash blocks every signal
            // around each command it starts, so a child reading the shell's status races that.
            let script = """
                #!/bin/sh
                while IFS= read -r line; do
                  case "$line" in SigBlk:*|SigIgn:*) echo "$line" ;; esac
                done < /proc/self/status > '\(report).signals'
                {
                  cat '\(report).signals'
                  echo "file: $1"
                  echo "mode: $(stat -c %a "$1")"
                  echo "text: $(cat "$1")"
                } > '\(report)'
                printf '%s\\n' '{"flags":{"beta":true}}' > "$1"
                """
            try script.write(toFile: editor, atomically: true, encoding: .utf8)
            try "#!/bin/sh\nprintf '%s\\n' '{\"flags\":{\"beta\":true}}' > \"$1\"\nexit 3\n".write(toFile: failingEditor, atomically: true, encoding: .utf8)
            for path in [editor, failingEditor] { try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path) }
        }

        /// `exec`: dash clears the signal mask of a command it starts, and would hide what the
        /// console gave the shell; exec'd, the script starts with exactly that.
        func environment(editor command: String, exec: Bool = true) -> [String: String] {
            ["PATH": "/usr/bin:/bin", "XDG_STATE_HOME": stateHome, "EDITOR": exec ? "exec \(command)" : command]
        }

        var reportLines: [String: String] {
            let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return fields
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static func users() -> [User] {
        var users = Fake.users(0..<3)
        users[0].publicMetadata = ["flags": ["alpha": true]]
        return users
    }

    static func openEditor(_ running: RuntimeTests.Running) async throws {
        try await running.terminal.waitForFrame("the first page") { $0.contains("First0 Last") }
        running.terminal.type(.enter, .character("4"), .character("e"))
        try await running.terminal.waitForFrame("the metadata editor") { $0.contains("Edit public metadata") }
    }

    @Test("Ctrl-E: a 0600 file in the state directory, the editor with clean signals, its text in the preview, the file removed")
    func roundTrip() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let running = RuntimeTests.Running(users: Self.users(), externalEditor: ExternalEditor(environment: scratch.environment(editor: scratch.editor)))
        try await Self.openEditor(running)
        let repaints = running.terminal.fullRepaints
        running.terminal.type(.control("e"))
        try await running.terminal.waitForFrame("the editor's text previewed") { $0.contains("+ flags.beta: true") }
        #expect(running.terminal.handOvers == 1)
        #expect(running.terminal.fullRepaints > repaints, "the whole screen is drawn again after the editor")
        let report = scratch.reportLines
        #expect(report["SigBlk"] == "0000000000000000", "the editor started with no signal blocked")
        #expect(report["SigIgn"] == "0000000000000000", "the editor started with no signal ignored")
        #expect(report["mode"] == "600")
        #expect(report["text"] == "{}")
        let file = try #require(report["file"])
        #expect(file.hasPrefix(scratch.stateHome + "/clerk-triage/edit-public-") && file.hasSuffix(".json"))
        #expect(!FileManager.default.fileExists(atPath: file), "the file is removed once read")
        running.terminal.type(.control("z"))
        try await running.terminal.waitForFrame("undone in one step") { $0.contains("Nothing would change.") }
        running.terminal.type(.escape, .character("q"))
        try await running.waitForExit()
    }

    @Test("an editor that is not there, or fails, leaves the text and says why")
    func failures() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let missing = RuntimeTests.Running(users: Self.users(), externalEditor: ExternalEditor(environment: scratch.environment(editor: "no-such-editor-xyz", exec: false)))
        try await Self.openEditor(missing)
        missing.terminal.type(.control("e"))
        try await missing.terminal.waitForFrame("not found") { $0.contains("editor 'no-such-editor-xyz' not found") }
        #expect(missing.terminal.lastFrame.contains("Nothing would change."))
        missing.terminal.type(.escape, .character("q"))
        try await missing.waitForExit()

        let failing = RuntimeTests.Running(users: Self.users(), externalEditor: ExternalEditor(environment: scratch.environment(editor: scratch.failingEditor)))
        try await Self.openEditor(failing)
        failing.terminal.type(.control("e"))
        try await failing.terminal.waitForFrame("the exit status") { $0.contains("exited with status 3") }
        #expect(!failing.terminal.lastFrame.contains("flags.beta"), "what a failed editor saved is not taken")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.stateHome + "/clerk-triage").filter { $0.hasPrefix("edit-") }
        #expect(leftovers.isEmpty)
        failing.terminal.type(.escape, .character("q"))
        try await failing.waitForExit()
    }
}
