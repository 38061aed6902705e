import ClerkAPI
import Foundation
import Testing

/// One metadata patch for several marked users: the real binary in tmux against a sandbox.
@Suite("End to end: metadata patch for marked users", .serialized)
struct MetadataBulkEndToEndTests {
    @Test("mark 3 users, merge {\"flags\":{\"beta\":true}}, confirm: each user has it merged into their own metadata")
    func mergeIntoMarkedUsers() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let client = sandbox.client
        // The table's first rows, in its default order (newest first), each given metadata of its own.
        let first = try await client.users.list(UserListQuery(limit: 3))
        try #require(first.count == 3)
        let own: [JSONValue] = [
            .object(["tier": .string("silver")]),
            .object(["flags": .object(["alpha": .bool(true)]), "seats": .int(3)]),
            .object(["legacy": .bool(true), "名前": .string("テスト")]),
        ]
        for (user, value) in zip(first, own) { _ = try await client.users.replaceMetadata(user.id, MetadataUpdate(publicMetadata: value)) }

        let console = try ConsoleSession(sandbox: sandbox)
        defer { console.stop() }
        // The rows themselves, not only the page label: Space does nothing on rows still loading.
        let firstEmail = try #require(first[0].emailAddresses.first?.emailAddress)
        try await console.waitFor(String(firstEmail.prefix(16)), timeout: .seconds(60))
        try await waitUntil("the page's rows, not the loading line:\n\(console.screen)") { !console.screen.contains("loading page") }
        try console.keys("Space", "Space", "Space", "Home")
        try await console.waitFor("3 marked")
        try console.keys("e")
        try await console.waitFor("patch for 3 marked users")
        try console.keys("End", "BSpace", "BSpace")
        try console.type(#"{"flags":{"beta":true}}"#)
        try await console.waitFor("preview 1 of 3")
        try console.keys("C-s")
        try await console.waitFor("Merge into public metadata of 3 of 3 users")
        let third = first[2].emailAddresses.first.map { String($0.emailAddress.prefix(20)) } ?? first[2].id
        #expect(console.screen.contains(first[2].id) || console.screen.contains(third), "the third marked user is listed")
        try console.keys("Tab")
        try await console.waitFor("[ Send 3 ]")
        try console.keys("Enter")
        try await console.waitFor("metadata ✓")

        let expected = own.map { $0.deepMerged(with: ["flags": ["beta": true]]) }
        let deadline = ContinuousClock.now + .seconds(20)
        var now: [JSONValue] = []
        while ContinuousClock.now < deadline {
            now = []
            for user in first { now.append(try await client.users.get(user.id).publicMetadata) }
            if now == expected { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(now == expected)
        let mergedIntoOwn: JSONValue = .object(["flags": .object(["alpha": .bool(true), "beta": .bool(true)]), "seats": .int(3)])
        #expect(expected[1] == mergedIntoOwn, "merged into each user's own flags, not replacing them")
    }
}
