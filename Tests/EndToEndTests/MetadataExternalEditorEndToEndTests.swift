import ClerkAPI
import Foundation
import Testing

/// `$EDITOR` round trip: the real binary in tmux, with a shell script as the operator's editor.
@Suite("End to end: metadata in $EDITOR", .serialized)
struct MetadataExternalEditorEndToEndTests {
    /// An editor that writes down what it found (its own signal mask and ignored signals, the
    /// file's name, mode and directory), switches off bracketed paste and keypad mode as editors do
    /// on the way out, and saves the patch.
    static func scriptedEditor(in directory: String, report: String) throws -> String {
        let path = directory + "/editor.sh"
        // Its own signal state is read first and with builtins only: dash blocks every signal around
        // each command it starts, so a child reading the shell's status would race that.
        let script = """
            #!/bin/sh
            while IFS= read -r line; do
              case "$line" in SigBlk:*|SigIgn:*) echo "$line" ;; esac
            done < /proc/self/status > '\(report).signals'
            {
              cat '\(report).signals'
              echo "file: $1"
              echo "mode: $(stat -c %a "$1")"
              echo "directory: $(dirname "$1")"
              echo "directory mode: $(stat -c %a "$(dirname "$1")")"
              echo "text: $(cat "$1")"
            } > '\(report).part'
            mv '\(report).part' '\(report)'
            printf '\\033[?2004l\\033[?1l\\033>'
            printf '%s\\n' '{"flags":{"beta":true}}' > "$1"
            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        return path
    }

    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    @Test("Ctrl-E in the Metadata section: the editor runs with clean signals on a 0600 file in the state directory; the preview shows its patch; sending applies it")
    func roundTrip() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-e2e-editor-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let report = scratch + "/report"
        let editor = try Self.scriptedEditor(in: scratch, report: report)

        var target = try #require(try await sandbox.client.users.list(UserListQuery(limit: 100)).first { $0.primaryEmailAddress != nil })
        target = try await sandbox.client.users.replaceMetadata(target.id, MetadataUpdate(publicMetadata: ["flags": ["alpha": true]]))
        let email = try #require(target.primaryEmailAddress?.emailAddress)
        // VISUAL would win over EDITOR: empty, it counts as unset. `exec`: dash clears the signal
        // mask of a command it starts and would hide what the console gave the shell.
        let console = try ConsoleSession(sandbox: sandbox, extraEnvironment: "VISUAL= 'EDITOR=exec \(editor)'")
        defer { console.stop() }
        try await console.findOnly(email)
        try console.keys("Enter", "Enter")
        try await console.waitFor("External id")
        try console.keys("4")
        try await console.waitFor("Public metadata")
        let keypadBefore = try console.display("#{keypad_cursor_flag} #{keypad_flag}")
        #expect(keypadBefore == "1 1", "the console runs in keypad mode (the editor script leaves it)")
        try console.keys("C-e")
        try await console.waitFor("+ flags.beta: true")

        let found = Self.fields(try String(contentsOfFile: report, encoding: .utf8))
        #expect(found["SigBlk"] == "0000000000000000", "the editor started with no signal blocked")
        #expect(found["SigIgn"] == "0000000000000000", "the editor started with every signal at its default")
        #expect(found["mode"] == "600")
        #expect(found["directory"] == console.stateDirectory + "/clerk-triage", "in the state directory, not a shared temporary one")
        #expect(found["directory mode"] == "700")
        #expect(found["text"] == "{}", "the editor got the text being edited")
        let file = try #require(found["file"])
        #expect(URL(fileURLWithPath: file).lastPathComponent.hasPrefix("edit-public-") && file.hasSuffix(".json"))
        #expect(!FileManager.default.fileExists(atPath: file), "removed once read back")
        #expect(try console.display("#{keypad_cursor_flag} #{keypad_flag}") == keypadBefore, "keypad mode is back as the editor found it")
        // Bracketed paste is back on (tmux 3.3 has no format for it): pasted, "  \n" at the start
        // splits the line as it is; typed, Enter would indent the new line like the one it split.
        try shell(["tmux", "-L", console.socket, "set-buffer", "--", "  \n"])
        try shell(["tmux", "-L", console.socket, "paste-buffer", "-p", "-t", console.name])
        try await console.waitFor(#"2 {"flags":{"beta":true}}"#)

        try console.keys("C-s")
        try await console.waitFor("Send public metadata")
        try console.keys("Tab", "Enter")
        try await console.waitFor("done: ")
        #expect(try await sandbox.client.users.get(target.id).publicMetadata == ["flags": ["alpha": true, "beta": true]])
    }
}
