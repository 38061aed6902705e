public struct Passkey: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var object: String
    public var name: String
    public var lastUsedAt: UnixMillis
    @Nullable public var verification: Verification?

    public init(id: String, name: String, lastUsedAt: UnixMillis, verification: Verification?) {
        self.id = id
        self.object = "passkey"
        self.name = name
        self.lastUsedAt = lastUsedAt
        self.verification = verification
    }

    enum CodingKeys: String, CodingKey {
        case id, object, name, verification
        case lastUsedAt = "last_used_at"
    }
}
