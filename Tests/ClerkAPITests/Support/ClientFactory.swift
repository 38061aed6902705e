import ClerkAPI
import Logging

enum ClientFactory {
    static let key = SecretKey("sk_test_unitTESTkey0123456789")

    static func make(
        transport: RecordingTransport, clock: ManualClock = ManualClock(), retry: RetryPolicy = RetryPolicy(),
        rateLimits: RateLimits = .unlimited, requestTimeout: Duration = .seconds(15), logger: Logger? = nil
    ) -> ClerkClient {
        var configuration = ClerkConfiguration(
            baseURL: "https://api.test/v1", secretKey: key, requestTimeout: requestTimeout, retry: retry, rateLimits: rateLimits)
        if let logger { configuration.logger = logger }
        return ClerkClient(configuration: configuration, transport: transport, clock: clock, jitter: { 0.5 })
    }
}
