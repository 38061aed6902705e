import ClerkAPI
import Foundation
import Testing

/// The metadata editor against a sandbox: the real binary in tmux.
@Suite("End to end: metadata editor", .serialized)
struct MetadataEndToEndTests {
    static func openEditor(_ sandbox: SandboxProcess, _ target: User) async throws -> (ConsoleSession, String) {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-e2e-state-\(UUID().uuidString.prefix(8))").path
        let console = try ConsoleSession(sandbox: sandbox, extraEnvironment: "XDG_STATE_HOME=\(state)")
        try await console.waitFor("page 1 of")
        try console.keys(":")
        try console.type("user \(target.id)")
        try console.keys("Enter")
        try await console.waitFor("External id")
        try console.keys("4")
        try await console.waitFor("Public metadata")
        try console.keys("e")
        try await console.waitFor("Edit public metadata")
        return (console, state)
    }

    static func write(_ json: String, _ console: ConsoleSession) throws {
        // Replace the starting {} with the patch: select nothing, just delete it and type.
        try console.keys("End", "BSpace", "BSpace")
        try console.type(json)
    }

    @Test("merge {\"flags\":{\"beta\":true},\"legacy\":null}: the change list, then exactly the merged metadata")
    func merge() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        var target = try #require(try await sandbox.client.users.list(UserListQuery(limit: 100)).first { $0.publicMetadata != .emptyObject })
        target = try await sandbox.client.users.replaceMetadata(target.id, MetadataUpdate(publicMetadata: ["legacy": true, "tier": "silver"]))
        let (console, state) = try await Self.openEditor(sandbox, target)
        defer {
            console.stop()
            try? FileManager.default.removeItem(atPath: state)
        }
        try Self.write(#"{"flags":{"beta":true},"legacy":null}"#, console)
        try await console.waitFor(#"+ flags: {"beta":true}"#)
        #expect(console.screen.contains("- legacy"))
        try console.keys("C-s")
        try await console.waitFor("Send public metadata")
        try console.keys("Tab", "Enter")
        try await console.waitFor("done: ")
        let after = try await sandbox.client.users.get(target.id)
        #expect(after.publicMetadata == ["flags": ["beta": true], "tier": "silver"])
    }

    @Test("the metadata changed behind the console's back between opening and sending: it asks again")
    func concurrentChange() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        var target = try #require(try await sandbox.client.users.list(UserListQuery(limit: 100)).first { _ in true })
        target = try await sandbox.client.users.replaceMetadata(target.id, MetadataUpdate(publicMetadata: ["tier": "silver"]))
        let (console, state) = try await Self.openEditor(sandbox, target)
        defer {
            console.stop()
            try? FileManager.default.removeItem(atPath: state)
        }
        try Self.write(#"{"tier":"gold"}"#, console)
        try await console.waitFor(#"~ tier: "silver" → "gold""#)
        _ = try await sandbox.client.users.mergeMetadata(target.id, MetadataUpdate(publicMetadata: ["seats": 5]))
        try console.keys("C-s")
        try await console.waitFor("Send public metadata")
        try console.keys("Tab", "Enter")
        try await console.waitFor("Someone else changed it meanwhile")
        #expect(console.screen.contains("+ seats: 5"))
        #expect(try await sandbox.client.users.get(target.id).publicMetadata == ["tier": "silver", "seats": 5], "nothing was sent")
        try console.keys("Tab", "Enter")
        try await console.waitFor("done: ")
        #expect(try await sandbox.client.users.get(target.id).publicMetadata == ["tier": "gold", "seats": 5])
    }
}
