public struct TrustedDevice: Codable, Sendable, Hashable, Identifiable {
    public struct Status: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let active: Status = "active"
        public static let revoked: Status = "revoked"
    }

    public var object: String
    public var id: String
    /// `ios` or `android`.
    public var platform: String
    public var appIdentifier: String
    public var name: String?
    public var algorithm: String
    public var status: Status
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis
    public var lastUsedAt: UnixMillis?
    public var revokedAt: UnixMillis?

    public init(id: String, platform: String, appIdentifier: String, name: String?, status: Status, createdAt: UnixMillis, updatedAt: UnixMillis) {
        self.object = "trusted_device"
        self.id = id
        self.platform = platform
        self.appIdentifier = appIdentifier
        self.name = name
        self.algorithm = "ES256"
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, platform, name, algorithm, status
        case appIdentifier = "app_identifier"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
    }
}
