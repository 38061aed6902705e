import ClerkAPI
import ClerkSandbox
import Foundation

/// One sandbox per test suite, reached over real loopback HTTP by the real client.
actor SandboxFixture {
    static let key = "sk_test_integration"
    private var server: SandboxServer?

    func client(users: Int = 60, retry: RetryPolicy = .none) async throws -> ClerkClient {
        let server = try await running(users: users)
        return ClerkClient(configuration: ClerkConfiguration(
            baseURL: server.baseURL, secretKey: SecretKey(Self.key), requestTimeout: .seconds(10), retry: retry, rateLimits: .unlimited))
    }

    func running(users: Int = 60) async throws -> SandboxServer {
        if let server { return server }
        var configuration = SandboxConfiguration(secretKey: Self.key)
        configuration.users = users
        configuration.seed = 7
        // The suites send hundreds of requests a second; RateLimitTests checks the limits.
        configuration.enforcesRateLimits = false
        let started = try await SandboxServer.start(configuration)
        server = started
        return started
    }
}

enum Unique {
    /// A per-call suffix so tests sharing a sandbox never collide.
    static func suffix() -> String { String(UUID().uuidString.prefix(8)).lowercased() }
}

extension UsersClient {
    /// A user with an email, a phone, a username and a password, named after `suffix`.
    func makeUser(_ suffix: String, password: String? = "correct-horse-\(UUID().uuidString.prefix(4))", totp: String? = nil, backupCodes: [String]? = nil) async throws -> User {
        var request = CreateUserRequest()
        request.emailAddress = ["it.\(suffix)@example.com"]
        request.phoneNumber = ["+1415555\(String(format: "%04d", Int.random(in: 0...9999)))"]
        request.username = "it_\(suffix)"
        request.firstName = "Ita\(suffix)"
        request.lastName = "Tester"
        request.password = password
        request.totpSecret = totp
        request.backupCodes = backupCodes
        request.publicMetadata = ["plan": "free", "limits": ["seats": 1]]
        return try await create(request)
    }
}

/// Sends a request exactly as given (no client-side validation), for testing what the server refuses.
func rawRequest(_ base: String, _ method: HTTPMethod, _ path: String, body: String? = nil, key: String? = SandboxFixture.key) async throws -> (status: Int, error: ClerkErrorBody?, text: String) {
    var headers = [HTTPHeader("Content-Type", "application/json")]
    if let key { headers.append(HTTPHeader("Authorization", "Bearer \(key)")) }
    let response = try await AsyncHTTPClientTransport().send(TransportRequest(
        method: method, url: base + path, headers: headers, body: body.map { Data($0.utf8) }, timeout: .seconds(10)))
    return (response.status, try? WireCoding.decoder.decode(ClerkErrorBody.self, from: response.body), String(decoding: response.body, as: UTF8.self))
}
