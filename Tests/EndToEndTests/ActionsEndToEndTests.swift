import ClerkAPI
import Foundation
import Glibc
import Testing

/// Acting on users: the real binary in tmux against a sandbox, with its own state directory.
@Suite("End to end: acting on users", .serialized)
struct ActionsEndToEndTests {
    /// A private state directory for a test whose consoles must share it (most use their own).
    static func stateEnvironment() -> (String, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-e2e-state-\(UUID().uuidString.prefix(8))").path
        return (path, "XDG_STATE_HOME=\(path)")
    }

    /// Filters the table to users not banned and waits until their rows, not the earlier ones,
    /// are on screen: marks put on rows still loading would do nothing.
    static func showNotBanned(_ console: ConsoleSession, _ sandbox: SandboxProcess) async throws {
        try await console.waitFor("page 1 of", timeout: .seconds(30))
        var notBanned = UserFilter()
        notBanned.banned = false
        let candidates = try await sandbox.client.users.count(notBanned)
        try console.keys("b", "b")
        try await console.waitFor("Banned: not banned")
        // The count can arrive before the page: wait for both.
        try await waitUntil("the not-banned page:\n\(console.screen)", timeout: .seconds(30)) {
            let screen = console.screen
            return screen.contains("\(candidates) users") && !screen.contains("loading")
        }
    }

    static func find(_ sandbox: SandboxProcess, _ matching: (User) -> Bool) async throws -> User {
        try #require(try await sandbox.client.users.list(UserListQuery(limit: 200)).first { matching($0) && $0.primaryEmailAddress != nil })
    }

    @Test("ban a user found by search: the sandbox says banned, the row says BAN, the audit log has it")
    func banOne() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let target = try await Self.find(sandbox) { !$0.banned && $0.firstName?.allSatisfy(\.isASCII) == true }
        let email = try #require(target.primaryEmailAddress?.emailAddress)
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.findOnly(email)
        try console.keys("Enter", "B")
        try await console.waitFor("Signs this user out everywhere")
        #expect(console.screen.contains(target.id))
        try console.keys("Tab", "Enter")
        try await console.waitFor("ban ✓")
        let row = try #require(console.lines.dropFirst(4).first { $0.contains(String(email.prefix(12))) })
        #expect(row.contains("BAN"), "\(row)")
        #expect(try await sandbox.client.users.get(target.id).banned)
        let audit = try String(contentsOfFile: console.stateDirectory + "/clerk-triage/audit.jsonl", encoding: .utf8)
        #expect(audit.contains(target.id) && audit.contains("\"ban\""))
        #expect(!audit.contains(sandbox.key), "the key is never written")
    }

    @Test("mark 120 users and ban them in bulk: progress shown, all banned, 50 ids per call")
    func bulkBan() async throws {
        let sandbox = try await SandboxProcess(users: 300, extraArguments: ["--fault-latency-ms", "700"])
        defer { sandbox.stop() }
        var bannedFilter = UserFilter()
        bannedFilter.banned = true
        let before = try await sandbox.client.users.count(bannedFilter)
        let console = try ConsoleSession(sandbox: sandbox, height: 130)
        defer { console.stop() }
        try await Self.showNotBanned(console, sandbox)
        try console.keys(list: Array(repeating: "Space", count: 120))
        try await console.waitFor("120 marked")
        try console.keys("B")
        try await console.waitFor("120 marked users:")
        #expect(console.screen.contains("Ban 120 users"))
        try console.keys("Tab", "Enter")
        try await console.waitFor("/120", timeout: .seconds(30))
        try await console.waitFor("ban ✓", timeout: .seconds(60))
        let after = try await sandbox.client.users.count(bannedFilter)
        #expect(after == before + 120)
    }

    @Test("adjust credit by 12.50: the balance moves by exactly 1250 cents, once")
    func credit() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let target = try await Self.find(sandbox) { _ in true }
        let email = try #require(target.primaryEmailAddress?.emailAddress)
        let before = try await sandbox.client.users.creditBalance(target.id).balance?.amount ?? 0
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.findOnly(email)
        try console.keys("Enter", "C")
        try await console.waitFor("Adjust credit")
        try console.type("12.50")
        try await console.waitFor("= 1,250 cents")
        try console.keys("Tab")
        try console.type("e2e goodwill")
        try console.keys("Tab", "Tab", "Enter")
        try await console.waitFor("credit ✓")
        let after = try await sandbox.client.users.creditBalance(target.id).balance?.amount ?? 0
        #expect(after - before == 1250)
    }

    @Test("kill -9 with commands queued, start again: resumed, each user locked once")
    func killAndResume() async throws {
        let sandbox = try await SandboxProcess(users: 300, extraArguments: ["--fault-latency-ms", "1500"])
        defer { sandbox.stop() }
        let (state, environment) = Self.stateEnvironment()
        defer { try? FileManager.default.removeItem(atPath: state) }
        // Both consoles, before and after the kill, share one state directory.
        var console = try ConsoleSession(sandbox: sandbox, height: 60, extraEnvironment: environment)
        defer { console.stop() }
        try await Self.showNotBanned(console, sandbox)
        // Twenty users in one lock command: one call each, so a kill lands with some done.
        try console.keys(list: Array(repeating: "Space", count: 20))
        try await console.waitFor("20 marked")
        try console.keys("L")
        try await console.waitFor("20 marked users:")
        try console.keys("Tab", "Enter")
        // Several users are in flight at once, so the first progress may be any count short of 20.
        try await waitUntil("the lock under way:\n\(console.screen)") {
            console.screen.firstMatch(of: /lock (\d+)\/20/).map { (Int($0.1) ?? 20) < 20 } ?? false
        }
        let pid = try console.consolePID()
        try #require(!pid.isEmpty && !pid.contains("\n"), "one console process: '\(pid)'")
        try shell(["kill", "-KILL", pid])
        // The killed console cannot leave the alternate screen, so its exit is watched, not read.
        try await waitUntil("the console to be gone") { kill(pid_t(pid) ?? 0, 0) != 0 }
        let journal = try String(contentsOfFile: try Self.journalPath(state), encoding: .utf8)
        let intent = try #require(journal.split(separator: "\n").first { $0.contains("intent") })
        let ids = intent.matches(of: /user_[A-Za-z0-9]+/).map { String($0.output) }
        #expect(Set(ids).count == 20, "the confirmed command was journalled with its 20 users before the kill")
        console.stop()
        console = try ConsoleSession(sandbox: sandbox, height: 60, extraEnvironment: environment)
        try await console.waitFor("Unfinished commands from last time", timeout: .seconds(30))
        try console.keys("Enter")
        try await console.waitFor("lock ✓", timeout: .seconds(90))
        for id in ids {
            let user = try await sandbox.client.users.get(id)
            #expect(user.locked, "\(id) is locked")
        }
        let audit = try String(contentsOfFile: state + "/clerk-triage/audit.jsonl", encoding: .utf8)
        for id in ids {
            let applied = audit.split(separator: "\n").filter { $0.contains(id) && $0.contains("\"lock\"") && $0.contains("\"done\"") }
            #expect(applied.count == 1, "\(id) locked once, audited \(applied.count) times")
        }
    }

    static func journalPath(_ state: String) throws -> String {
        let root = state + "/clerk-triage"
        let directory = try #require(try FileManager.default.contentsOfDirectory(atPath: root).first { $0.hasSuffix("-development") })
        return "\(root)/\(directory)/commands.jsonl"
    }

    @Test("--read-only: the ban key is absent from help, and typing it changes nothing")
    func readOnly() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let console = try ConsoleSession(sandbox: sandbox, arguments: "--read-only")
        defer { console.stop() }
        try await console.waitFor("READ-ONLY")
        try await console.waitFor("page 1 of")
        try console.keys("?")
        try await console.waitFor("Keys")
        // Read every page of help: the actions are further down than the first page.
        var pages = console.screen
        for _ in 0..<10 {
            let before = console.screen
            try console.keys("PageDown")
            // The last page does not move: no change before the deadline means the end was reached.
            do {
                try await waitUntil("help to scroll", timeout: .seconds(5)) { console.screen != before }
            } catch {
                break
            }
            pages += console.screen
        }
        #expect(pages.contains("(:verify-totp)"), "the actions section was read")
        #expect(!pages.contains("(:ban)") && !pages.contains("(:delete)"))
        try console.keys("Escape", "B")
        try await console.waitFor("does nothing here")
        #expect(!console.screen.contains("Signs this user out"))
        let audit = (try? String(contentsOfFile: console.stateDirectory + "/clerk-triage/audit.jsonl", encoding: .utf8)) ?? ""
        #expect(audit.isEmpty, "nothing was done")
    }

    @Test("a user with a hostile name in a dialog does not alter the terminal")
    func hostileNameInDialog() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let hostile = try #require(try await sandbox.client.users.list(UserListQuery(limit: 300)).first { $0.firstName?.contains("\u{1B}") == true })
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.waitFor("page 1 of")
        let title = try console.display("#{pane_title}")
        try console.keys(":")
        try console.type("user \(hostile.id)")
        try console.keys("Enter")
        // The id is in the title at once; a field only the profile has means the user has arrived.
        try await console.waitFor("External id")
        // Credit applies to everyone (a ban would not open for a user already banned).
        try console.keys("C")
        try await console.waitFor("Changes the credit balance")
        #expect(console.screen.contains("␛"), "the escape is shown as a placeholder")
        #expect(try console.display("#{pane_title}") == title, "the name did not retitle the terminal")
        #expect(console.screen.contains("clerk-triage"), "the screen was not cleared")
        try console.keys("Escape")
    }
}
