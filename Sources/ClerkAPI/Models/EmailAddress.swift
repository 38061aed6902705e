public struct EmailAddress: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var object: String
    public var emailAddress: String
    public var reserved: Bool
    @Nullable public var verification: Verification?
    public var linkedTo: [IdentificationLink]
    public var matchesSSOConnection: Bool?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis

    public init(
        id: String, emailAddress: String, reserved: Bool = false, verification: Verification?,
        linkedTo: [IdentificationLink] = [], matchesSSOConnection: Bool? = nil, createdAt: UnixMillis, updatedAt: UnixMillis
    ) {
        self.id = id
        self.object = "email_address"
        self.emailAddress = emailAddress
        self.reserved = reserved
        self.verification = verification
        self.linkedTo = linkedTo
        self.matchesSSOConnection = matchesSSOConnection
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, reserved, verification
        case emailAddress = "email_address"
        case linkedTo = "linked_to"
        case matchesSSOConnection = "matches_sso_connection"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
