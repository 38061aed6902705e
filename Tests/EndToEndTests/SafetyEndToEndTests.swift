import ClerkAPI
import Foundation
import Testing

/// What is on screen is what Enter acts on, and failures show fast: the real binary in tmux.
@Suite("End to end: safe to act from", .serialized)
struct SafetyEndToEndTests {
    @Test("under 1.5 s of latency, Enter right after a new search opens nobody until the new rows are shown")
    func enterWaitsForTheNewRows() async throws {
        let sandbox = try await SandboxProcess(extraArguments: ["--fault-latency-ms", "1500"])
        defer { sandbox.stop() }
        let page = try await sandbox.client.users.list(UserListQuery(limit: 20))
        let target = try #require(page.dropFirst(5).first { $0.primaryEmailAddress != nil })
        let email = try #require(target.primaryEmailAddress?.emailAddress)
        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        try await console.waitFor("page 1 of", timeout: .seconds(30))
        try console.keys("/")
        try console.type(email)
        try console.keys("Enter", "Enter")
        // Until the answer arrives, the old rows are on screen; Enter must not have opened one.
        var sawOldRows = false
        try await waitUntil("the search for \(email) to be answered:\n\(console.screen)", timeout: .seconds(30)) {
            let screen = console.screen
            #expect(!screen.contains("Identifications"), "a user was opened from rows of the previous search:\n\(screen)")
            if screen.contains("loading page 1") { sawOldRows = true }
            return screen.contains("1 user") && screen.contains(email)
        }
        #expect(sawOldRows, "the console said it was loading while the old rows were shown")
        try console.keys("Enter")
        try await console.waitFor("Identifications", timeout: .seconds(30))
        #expect(console.screen.contains(target.id), "the user opened is the one searched for")
    }

    @Test("nothing listening at the API address: a plain error on screen within 2 s")
    func refusedConnectionFailsFast() async throws {
        let started = ContinuousClock.now
        let console = try ConsoleSession(apiURL: "http://127.0.0.1:1/v1", key: "sk_test_nothing_listens")
        defer { console.stop() }
        try await console.waitFor("cannot connect to 127.0.0.1:1", timeout: .seconds(10))
        let elapsed = started.duration(to: .now)
        #expect(elapsed < .milliseconds(2500), "took \(elapsed) (the console's own start-up included)")
        #expect(console.screen.contains("connection refused"))
        #expect(!console.screen.contains("errno"), "the message is plain words:\n\(console.screen)")
    }

    @Test("at 80×24 with NO_COLOR, a banned user's row says BAN")
    func bannedWithoutColour() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        var filter = UserFilter()
        filter.banned = true
        let banned = try #require(try await sandbox.client.users.list(UserListQuery(filter: filter, limit: 5)).first { $0.primaryEmailAddress != nil })
        let email = try #require(banned.primaryEmailAddress?.emailAddress)
        let console = try ConsoleSession(sandbox: sandbox, width: 80, height: 24, extraEnvironment: "NO_COLOR=1")
        defer { console.stop() }
        try await console.findOnly(email)
        let row = try #require(console.lines.dropFirst(4).first { $0.contains(String(email.prefix(12))) })
        #expect(row.contains("BAN"), "\(row)")
        #expect(try console.display("#{pane_width}x#{pane_height}") == "80x24")
    }
}
