import ClerkAPI
import ClerkSandbox
import Foundation
import ServiceLifecycle
import Testing

/// `clerk-triage sandbox` runs the sandbox in a ServiceGroup that shuts down gracefully on
/// SIGINT and SIGTERM: the sandbox must stop, and stop serving, when its group does.
@Suite("Sandbox: a service that shuts down gracefully")
struct SandboxServiceTests {
    @Test("a graceful shutdown of its group ends the sandbox's run and closes its port")
    func stopsWithItsGroup() async throws {
        var configuration = SandboxConfiguration(secretKey: SandboxFixture.key)
        configuration.users = 3
        let server = try await SandboxServer.start(configuration)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: configuration.logger))
        let running = Task { try await group.run() }
        #expect(try await rawRequest(server.baseURL, .get, "/users/count").status == 200)
        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: (any Error).self, "nothing listens any more") {
            try await rawRequest(server.baseURL, .get, "/users/count")
        }
    }
}
