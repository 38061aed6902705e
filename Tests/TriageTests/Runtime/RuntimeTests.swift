import ClerkAPI
import Foundation
import Synchronization
import Terminal
import Testing
@testable import Triage

/// The runtime with a fake terminal and a scripted API: real threads, real tasks, no network.
@Suite("Runtime", .serialized)
struct RuntimeTests {
    final class Running: @unchecked Sendable {
        // The runtime is touched by its own thread until `finished` is signalled; the test reads it
        // only after that.
        let terminal: FakeTerminal
        let transport: ScriptedTransport
        let runtime: TriageRuntime
        private let done = Atomic<Bool>(false)

        init(users: [User], holdMatching: String? = nil, keymap: TriageKeymap = .standard, externalEditor: ExternalEditor = ExternalEditor()) {
            terminal = FakeTerminal()
            transport = ScriptedTransport(users: users, holdMatching: holdMatching)
            let client = ClerkClient(configuration: ClerkConfiguration(baseURL: "http://sandbox.test/v1", secretKey: SecretKey("sk_test_runtime0000"), rateLimits: .unlimited),
                                     transport: transport)
            let model = TriageModel(instance: Instance(kind: .sandbox, baseURL: "http://sandbox.test/v1", maskedKey: "sk_test_…0000"),
                                    theme: .monochrome, keymap: keymap, size: Size(width: 1, height: 1), now: 0)
            runtime = TriageRuntime(device: terminal, model: model, users: client.users, themes: ThemeCatalog(directories: []), externalEditor: externalEditor)
            Thread { [self] in
                runtime.run()
                done.store(true, ordering: .releasing)
            }.start()
        }

        func waitForExit() async throws {
            try await waitUntil("the runtime to return") { done.load(ordering: .acquiring) }
        }
    }

    @Test("the first frame comes from the terminal's size and the first page")
    func firstPage() async throws {
        let running = Running(users: Fake.users(0..<100))
        try await running.terminal.waitForFrame("the first page") { $0.contains("First0 Last") && $0.contains("page 1 of 3") }
        #expect(running.runtime.model.size == Size(width: 120, height: 40), "the size arrived as a message")
        running.terminal.type(.character("q"))
        try await running.waitForExit()
    }

    @Test("quitting cancels every request still running")
    func quitCancels() async throws {
        let running = Running(users: Fake.users(0..<100), holdMatching: "/users")
        try await waitUntil("page and count requests") { running.transport.requests.count >= 2 }
        running.terminal.type(.character("q"))
        try await running.waitForExit()
        #expect(running.runtime.runningWork == 0)
        try await waitUntil("both requests cancelled") { Set(running.transport.cancelled).count == 2 }
    }

    @Test("a new search cancels the page and count of the one it supersedes")
    func latestWins() async throws {
        let running = Running(users: Fake.users(0..<100), holdMatching: "query=ana")
        try await running.terminal.waitForFrame("the first page") { $0.contains("First0 Last") }
        running.terminal.type(.character("/"), .character("a"), .character("n"), .character("a"))
        try await waitUntil("the ana search") { running.transport.requests.filter { $0.contains("query=ana") }.count == 2 }
        running.terminal.type(.character("s"))
        try await waitUntil("the ana search cancelled") { running.transport.cancelled.filter { $0.contains("query=ana&") || $0.hasSuffix("query=ana") }.count == 2 }
        running.terminal.type(.control("c"))
        try await running.waitForExit()
    }

    @Test("Ctrl-Z suspends through the keymap, and a rebinding moves it")
    func suspend() async throws {
        var keymap = TriageKeymap.standard
        try keymap.override(["global.suspend": ["ctrl-y"]])
        let running = Running(users: Fake.users(0..<3), keymap: keymap)
        try await running.terminal.waitForFrame("the first page") { $0.contains("First0 Last") }
        running.terminal.type(.control("z"))
        try await running.terminal.waitForFrame("Ctrl-Z reported as unbound") { $0.contains("Ctrl-Z does nothing here") }
        #expect(running.terminal.suspensions == 0)
        let repaints = running.terminal.fullRepaints
        running.terminal.type(.control("y"))
        try await waitUntil("suspended") { running.terminal.suspensions == 1 }
        try await waitUntil("repainted in full after resuming") { running.terminal.fullRepaints > repaints }
        running.terminal.type(.character("q"))
        try await running.waitForExit()
    }

    @Test("y copies with a plain OSC 52 sequence")
    func copy() async throws {
        let running = Running(users: Fake.users(0..<3))
        try await running.terminal.waitForFrame("the first page") { $0.contains("First0 Last") }
        running.terminal.type(.character("Y"))
        try await waitUntil("a clipboard sequence") { !running.terminal.sent.isEmpty }
        #expect(running.terminal.sent == ["\u{1B}]52;c;\(Data("u0@example.com".utf8).base64EncodedString())\u{07}"])
        running.terminal.type(.character("q"))
        try await running.waitForExit()
    }

    @Test("a resize arrives as a message and changes the page size")
    func resize() async throws {
        let running = Running(users: Fake.users(0..<100))
        try await running.terminal.waitForFrame("the first page") { $0.contains("page 1 of 3") }
        running.terminal.resize(to: Size(width: 100, height: 25))
        try await running.terminal.waitForFrame("20 rows a page") { $0.contains("page 1 of 5") }
        running.terminal.type(.character("q"))
        try await running.waitForExit()
        #expect(running.runtime.model.size == Size(width: 100, height: 25))
    }
}
