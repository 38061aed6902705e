import Logging

/// Where and how to reach a Clerk Backend API.
public struct ClerkConfiguration: Sendable {
    public static let defaultBaseURL = "https://api.clerk.com/v1"
    /// The API version this client is written against, sent on every request.
    public static let pinnedAPIVersion = "2026-05-12"
    /// Long enough for a slow link across the world, short enough that an unreachable host is
    /// reported while the operator still waits for it.
    public static let defaultConnectTimeout = Duration.seconds(5)

    public var baseURL: String
    public var secretKey: SecretKey
    /// The name the operator's config file gives this instance (`prod`), nil when it came from
    /// `CLERK_SECRET_KEY` alone. Two instances can share a host and a kind of key; the name tells
    /// their journals apart.
    public var instanceName: String?
    public var apiVersion: String
    public var userAgent: String
    /// The most one call may take, every retry and wait included; each attempt gets what is left.
    public var requestTimeout: Duration
    /// How long to wait for a connection to open. Used by the default transport only.
    public var connectTimeout: Duration
    public var retry: RetryPolicy
    public var rateLimits: RateLimits
    public var logger: Logger

    public init(
        baseURL: String = ClerkConfiguration.defaultBaseURL,
        secretKey: SecretKey,
        apiVersion: String = ClerkConfiguration.pinnedAPIVersion,
        userAgent: String = "clerk-triage/\(ClerkTriageVersion.current)",
        requestTimeout: Duration = .seconds(15),
        connectTimeout: Duration = ClerkConfiguration.defaultConnectTimeout,
        retry: RetryPolicy = RetryPolicy(),
        rateLimits: RateLimits? = nil,
        logger: Logger = Logger(label: "clerk-triage.api", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.secretKey = secretKey
        self.apiVersion = apiVersion
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.retry = retry
        self.rateLimits = rateLimits ?? .clerkDefaults(for: secretKey)
        self.logger = logger
    }

    /// Reads `CLERK_SECRET_KEY` and `CLERK_API_URL`, the variables Clerk's own SDKs use.
    /// Returns nil when no key is set.
    public static func fromEnvironment(_ environment: [String: String], logger: Logger? = nil) -> ClerkConfiguration? {
        guard let raw = environment["CLERK_SECRET_KEY"], !raw.isEmpty else { return nil }
        var configuration = ClerkConfiguration(
            baseURL: environment["CLERK_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL,
            secretKey: SecretKey(raw)
        )
        if let logger { configuration.logger = logger }
        return configuration
    }
}

/// The release of clerk-triage, for the User-Agent and `--version`.
public enum ClerkTriageVersion {
    public static let current = "0.1.0"
}
