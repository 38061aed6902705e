import ClerkAPI
import ClerkSandbox
import Foundation
import Testing

@Suite("Sandbox database file")
struct DatabaseFileTests {
    private func start(_ path: String, users: Int) async throws -> SandboxServer {
        var configuration = SandboxConfiguration(secretKey: SandboxFixture.key)
        configuration.databasePath = path
        configuration.users = users
        return try await SandboxServer.start(configuration)
    }

    @Test("--db FILE is filled once, kept between runs, and no partial file is left behind")
    func fillsOnceAndReuses() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-db-\(Unique.suffix())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("users.sqlite").path

        let first = try await start(path, users: 40)
        #expect(first.generatedUsers == 40)
        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: first.baseURL, secretKey: SecretKey(SandboxFixture.key), retry: .none, rateLimits: .unlimited))
        let created = try await client.users.makeUser(Unique.suffix())
        await first.stop()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".loading") }
        #expect(leftovers.isEmpty)

        let second = try await start(path, users: 40)
        #expect(second.generatedUsers == 0, "a database with users is reused, not refilled")
        let again = ClerkClient(configuration: ClerkConfiguration(
            baseURL: second.baseURL, secretKey: SecretKey(SandboxFixture.key), retry: .none, rateLimits: .unlimited))
        #expect(try await again.users.count(UserFilter()) == 41)
        #expect(try await again.users.get(created.id).id == created.id)
        await second.stop()
    }

    @Test("a database kept empty (--users 0) is filled on a later run that asks for users")
    func fillsAnEmptyExistingFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-empty-\(Unique.suffix()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let empty = try await start(path, users: 0)
        #expect(empty.generatedUsers == 0)
        await empty.stop()
        let filled = try await start(path, users: 25)
        #expect(filled.generatedUsers == 25)
        let client = ClerkClient(configuration: ClerkConfiguration(
            baseURL: filled.baseURL, secretKey: SecretKey(SandboxFixture.key), retry: .none, rateLimits: .unlimited))
        #expect(try await client.users.count(UserFilter()) == 25)
        var filter = UserFilter()
        filter.query = "example"
        #expect(try await client.users.count(filter) == 25, "the search index was filled too")
        await filled.stop()
    }

    @Test("a database that cannot be opened is refused with what to do about it")
    func refusesUnusableFiles() async throws {
        let missing = "/nonexistent-\(Unique.suffix())/users.sqlite"
        let error = await #expect(throws: SandboxDatabaseError.self) { try await start(missing, users: 5) }
        #expect(error?.description.contains("writable") == true)

        let garbage = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(Unique.suffix()).sqlite").path
        try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: garbage))
        defer { try? FileManager.default.removeItem(atPath: garbage) }
        let notADatabase = await #expect(throws: SandboxDatabaseError.self) { try await start(garbage, users: 5) }
        #expect(notADatabase?.description.contains("not a database") == true)
    }

    @Test("temporary databases left by processes that died are removed when a sandbox starts; live ones are kept")
    func removesAbandonedTemporaryFiles() async throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let directory = FileManager.default.temporaryDirectory
        let abandoned = ["", "-wal", "-shm", ".loading"].map { directory.appendingPathComponent("clerk-sandbox-\(finished.processIdentifier)-test\(Unique.suffix()).sqlite\($0)").path }
        let live = directory.appendingPathComponent("clerk-sandbox-\(getpid())-test\(Unique.suffix()).sqlite").path
        for path in abandoned + [live] { try Data().write(to: URL(fileURLWithPath: path)) }
        defer { try? FileManager.default.removeItem(atPath: live) }

        var configuration = SandboxConfiguration(secretKey: SandboxFixture.key)
        configuration.users = 0
        let server = try await SandboxServer.start(configuration)
        await server.stop()
        #expect(abandoned.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(FileManager.default.fileExists(atPath: live), "a running process's database is not touched")
    }
}
