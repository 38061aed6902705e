import ClerkAPI

enum ClientFactory {
    static let key = SecretKey("sk_test_unitTESTkey0123456789")

    static func make(
        transport: RecordingTransport, clock: ManualClock = ManualClock(), retry: RetryPolicy = RetryPolicy(),
        rateLimits: RateLimits = .unlimited
    ) -> ClerkClient {
        let configuration = ClerkConfiguration(baseURL: "https://api.test/v1", secretKey: key, retry: retry, rateLimits: rateLimits)
        return ClerkClient(configuration: configuration, transport: transport, clock: clock, jitter: { 0.5 })
    }
}
