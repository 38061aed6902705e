import ClerkAPI
import Foundation
import Terminal
import Testing

/// The real binary in tmux against a sandbox the test starts.
@Suite("End to end: the console in tmux", .serialized)
struct ConsoleEndToEndTests {
    @Test("search by name → the user is in the table → Enter → emails, MFA state and metadata on screen")
    func searchOpenRead() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let users = try await sandbox.client.users.list(UserListQuery(limit: 200))
        let target = try #require(users.first { $0.totpEnabled && $0.publicMetadata != .emptyObject && $0.lastName?.count ?? 0 > 3 && $0.firstName?.allSatisfy(\.isASCII) == true })
        let email = try #require(target.primaryEmailAddress?.emailAddress)
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.findOnly(email)
        try console.keys("Enter", "Enter")
        try await console.waitFor(target.id)
        try console.keys("2")
        try await console.waitFor("Email addresses")
        #expect(console.screen.contains(email))
        try console.keys("3")
        try await console.waitFor("Two-factor")
        #expect(console.screen.contains("TOTP") && console.screen.contains("enabled"))
        try console.keys("4")
        try await console.waitFor("Public metadata")
        #expect(console.screen.contains("\"plan\""))
        try console.keys("Escape")
        try await console.waitFor("1 user")
    }

    @Test("PgDn changes the page number; End goes to the last page")
    func paging() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.waitFor("page 1 of 9 · 300 users")
        try console.keys("PageDown")
        try await console.waitFor("page 2 of 9")
        try console.keys("End")
        try await console.waitFor("page 9 of 9")
        try console.keys("Home")
        try await console.waitFor("page 1 of 9")
    }

    @Test("resize re-lays out; too small asks to enlarge; CJK names keep columns aligned")
    func resizeAndAlignment() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.waitFor("page 1 of 9")
        try console.resize(width: 80, height: 24)
        try await console.waitFor("page 1 of 16")
        try await waitUntil("80-column layout") {
            let lines = console.lines.filter { !$0.isEmpty }
            return lines.count >= 20 && lines.allSatisfy { DisplayWidth.of($0) <= 80 } && lines[0].contains("clerk-triage")
        }
        try console.resize(width: 50, height: 10)
        try await console.waitFor("Enlarge the window")
        try console.resize(width: 120, height: 40)
        try await console.waitFor("page 1 of 9")

        let everyone = try await sandbox.client.users.list(UserListQuery(limit: 300))
        let cjk = try #require(everyone.compactMap(\.lastName).first { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0xAC00...0xD7A3).contains($0.value) } })
        try console.keys("/")
        try console.type(cjk)
        try await waitUntil("\(cjk) in the table") { console.lines.dropFirst(4).contains { $0.contains(cjk) } }
        let rows = console.lines.filter { $0.contains("@") }
        let emailColumns = Set(rows.compactMap { row -> Int? in
            guard let at = row.firstIndex(of: "@") else { return nil }
            let start = row[..<at].lastIndex(of: " ").map { row.index(after: $0) } ?? row.startIndex
            return DisplayWidth.of(String(row[..<start]))
        })
        #expect(emailColumns.count == 1, "emails start in one column: \(emailColumns)\n\(console.screen)")
    }

    @Test("a demo user with a hostile name neither retitles nor clears the pane")
    func hostileNames() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.waitFor("page 1 of")
        let titleBefore = try console.display("#{pane_title}")
        try console.keys("/")
        try console.type("hostile_")
        try await console.waitFor("Search hostile_")
        try await console.waitFor("8 users")
        try console.keys("Enter")
        try await waitUntil("placeholders drawn") { console.screen.contains("␛]0;PWNED␇") || console.screen.contains("␛[2J") }
        for _ in 0..<8 {
            try console.keys("Enter")
            try await console.waitFor("1 Profile")
            try console.keys("Escape")
            try await console.waitFor("8 users")
            try console.keys("Down")
        }
        #expect(try console.display("#{pane_title}") == titleBefore)
        #expect(!(try console.display("#{pane_title}")).contains("PWNED"))
        #expect(console.lines.first?.contains("clerk-triage") == true, "the header survived: nothing cleared the screen")
        #expect(console.screen.contains("‹RLO›"))
    }

    @Test("q, SIGTERM and SIGHUP each give the terminal back as it was: main screen, cursor, keypad, paste mode, tty modes")
    func terminalRestored() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        // What curses turns off (raw, noecho, nonl) and a shell needs back.
        let cooked: Set<String> = ["icanon", "echo", "isig", "iexten", "ixon", "icrnl"]
        for ending in ["q", "TERM", "HUP"] {
            let console = try ConsoleSession(sandbox: sandbox)
            defer { console.stop() }
            try await console.waitFor("page 1 of")
            let tty = try console.display("#{pane_tty}")
            // Each check below must see the console's state first, or it would prove nothing.
            #expect(try console.display("#{alternate_on} #{cursor_flag} #{keypad_flag}") == "1 0 1", "while running, before \(ending)")
            #expect(try Self.ttyModes(tty).isDisjoint(with: cooked), "raw mode while running, before \(ending)")
            if ending == "q" {
                try console.keys("q")
            } else {
                try shell(["kill", "-\(ending)", try console.consolePID()])
            }
            try await console.waitFor("EXITED=")
            #expect(try console.display("#{alternate_on} #{cursor_flag} #{keypad_flag}") == "0 1 0",
                    "main screen, cursor shown, keypad mode off after \(ending)")
            let modes = try Self.ttyModes(tty)
            #expect(cooked.isSubset(of: modes), "tty modes back after \(ending): missing \(cooked.subtracting(modes).sorted())")
            // With echo back on, a paste shows on screen; were bracketed paste still on, tmux
            // would wrap it in ESC[200~ … ESC[201~ and the echo would show them.
            try shell(["tmux", "-L", console.socket, "set-buffer", "-b", "probe", "paste-probe"])
            try shell(["tmux", "-L", console.socket, "paste-buffer", "-p", "-b", "probe", "-t", console.name])
            try await console.waitFor("paste-probe")
            #expect(!console.screen.contains("200~"), "bracketed paste off after \(ending):\n\(console.screen)")
        }
    }

    /// The flags `stty -a` reports as set for a terminal (`echo`, not `-echo`).
    static func ttyModes(_ tty: String) throws -> Set<String> {
        let report = try shell(["stty", "-F", tty, "-a"])
        return Set(report.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init).filter { !$0.hasPrefix("-") })
    }

    @Test("y copies the user id through tmux with set-clipboard on, as the README says (no pass-through needed)")
    func copyInsideTmux() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let ids = Set(try await sandbox.client.users.list(UserListQuery(limit: 300)).map(\.id))
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        // Only set-clipboard: allow-passthrough stays off, as it is by default.
        try shell(["tmux", "-L", console.socket, "set-option", "-s", "set-clipboard", "on"])
        try await console.waitFor("page 1 of")
        try console.keys("y")
        var copied = ""
        try await waitUntil("a copied user id in tmux's paste buffer") {
            copied = try shell(["tmux", "-L", console.socket, "show-buffer"])
            return ids.contains(copied)
        }
        #expect(ids.contains(copied), "\(copied)")
    }

    @Test("Ctrl-Z hands the terminal to the shell; fg brings the console back, laid out for a size changed meanwhile")
    func suspendAndResume() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let shell = try InteractiveShell()
        defer { shell.stop() }
        try await shell.waitFor("ready$")
        try shell.run("env -u NO_COLOR -u CLERK_TRIAGE_THEME CLERK_TRIAGE_CONFIG=/nonexistent CLERK_SECRET_KEY=\(sandbox.key) "
            + "\(try binaryPath()) --api-url \(sandbox.baseURL) --log-file /tmp/\(shell.socket).log")
        try await shell.waitFor("page 1 of 9")
        try shell.keys("C-z")
        try await shell.waitFor("Stopped")
        #expect(try shell.display("#{alternate_on} #{cursor_flag}") == "0 1", "the shell has the main screen and a cursor")
        try shell.resize(width: 80, height: 24)
        try shell.run("fg")
        try await shell.waitFor("page 1 of 16")
        #expect(try shell.display("#{alternate_on} #{cursor_flag}") == "1 0")
        try shell.keys("q")
        try await waitUntil("the prompt after quitting:\n\(shell.screen)") { try shell.screen.contains("ready$ ") && shell.display("#{alternate_on}") == "0" }
    }

    @Test(":theme switches themes; an unknown theme lists what exists")
    func themes() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.waitFor("page 1 of")
        try console.keys(":")
        try console.type("theme high-contrast")
        try console.keys("Enter")
        try await console.waitFor("theme high-contrast")
        try console.keys(":")
        try console.type("theme neon")
        try console.keys("Enter")
        try await console.waitFor("available: dark")
    }
}

extension ConsoleSession {
    /// Waits for the first page, searches for `email`, and waits until that user is the only row.
    func findOnly(_ email: String) async throws {
        try await waitFor("page 1 of")
        try keys("/")
        try type(email)
        try await waitUntilOnlyResult(email)
    }

    /// Waits until the table shows exactly one user and it is the one with `email`.
    func waitUntilOnlyResult(_ email: String) async throws {
        try await waitUntil("one result for \(email):\n\(screen)") {
            let text = screen
            return text.contains("1 user ") && text.contains(email.prefix(20))
        }
    }
}

/// bash with job control in a detached tmux session of its own server, for what needs a shell
/// that can stop and continue jobs.
final class InteractiveShell: @unchecked Sendable {
    let socket = "clerk-e2e-\(UUID().uuidString.prefix(8))"
    let name = "shell"

    init() throws {
        try shell(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
                   "env", "PS1=ready$ ", "bash", "--norc", "--noprofile", "-i"])
        try shell(["tmux", "-L", socket, "set-option", "-g", "escape-time", "10"])
    }

    func stop() {
        _ = try? shell(["tmux", "-L", socket, "kill-server"])
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
    }

    var screen: String { (try? shell(["tmux", "-L", socket, "capture-pane", "-p", "-t", name])) ?? "" }

    func display(_ format: String) throws -> String {
        try shell(["tmux", "-L", socket, "display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Types a command line and Enter.
    func run(_ line: String) throws {
        try shell(["tmux", "-L", socket, "send-keys", "-t", name, "-l", line])
        try keys("Enter")
    }

    func keys(_ keys: String...) throws {
        try shell(["tmux", "-L", socket, "send-keys", "-t", name] + keys)
    }

    func resize(width: Int, height: Int) throws {
        try shell(["tmux", "-L", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    func waitFor(_ text: String) async throws {
        try await waitUntil("'\(text)' on screen:\n\(screen)") { screen.contains(text) }
    }
}
