/// The verification attached to an identification. The spec has one schema per strategy family
/// (`verification_otp`, `verification_oauth`, …); they share their fields, so one type holds them
/// all and `object` tells which one it was.
public struct Verification: Codable, Sendable, Hashable {
    public struct Status: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let unverified: Status = "unverified"
        public static let verified: Status = "verified"
        public static let failed: Status = "failed"
        public static let expired: Status = "expired"
        public static let transferable: Status = "transferable"
    }

    public var object: String?
    public var status: Status
    /// `admin`, `email_code`, `phone_code`, `oauth_google`, `passkey`, `saml`, `ticket`, … (open-ended).
    public var strategy: String
    @Nullable public var attempts: Int?
    @Nullable public var expireAt: UnixMillis?
    public var verifiedAtClient: String?
    public var channel: String?
    public var nonce: String?
    public var message: String?
    public var externalVerificationRedirectURL: String?
    public var error: ClerkErrorEntry?

    public init(
        object: String? = nil, status: Status, strategy: String, attempts: Int? = nil, expireAt: UnixMillis? = nil,
        verifiedAtClient: String? = nil, channel: String? = nil, nonce: String? = nil, message: String? = nil,
        externalVerificationRedirectURL: String? = nil, error: ClerkErrorEntry? = nil
    ) {
        self.object = object
        self.status = status
        self.strategy = strategy
        self.attempts = attempts
        self.expireAt = expireAt
        self.verifiedAtClient = verifiedAtClient
        self.channel = channel
        self.nonce = nonce
        self.message = message
        self.externalVerificationRedirectURL = externalVerificationRedirectURL
        self.error = error
    }

    public var isVerified: Bool { status == .verified }

    enum CodingKeys: String, CodingKey {
        case object, status, strategy, attempts, channel, nonce, message, error
        case expireAt = "expire_at"
        case verifiedAtClient = "verified_at_client"
        case externalVerificationRedirectURL = "external_verification_redirect_url"
    }
}
