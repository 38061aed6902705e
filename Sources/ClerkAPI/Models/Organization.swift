public struct Organization: Codable, Sendable, Hashable, Identifiable {
    public var object: String
    public var id: String
    public var name: String
    public var slug: String
    public var imageURL: String?
    public var hasImage: Bool
    public var membersCount: Int?
    public var pendingInvitationsCount: Int?
    public var maxAllowedMemberships: Int
    public var adminDeleteEnabled: Bool
    public var publicMetadata: JSONValue
    public var privateMetadata: JSONValue?
    public var createdBy: String?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis

    public init(id: String, name: String, slug: String, membersCount: Int?, createdAt: UnixMillis, updatedAt: UnixMillis) {
        self.object = "organization"
        self.id = id
        self.name = name
        self.slug = slug
        self.imageURL = nil
        self.hasImage = false
        self.membersCount = membersCount
        self.pendingInvitationsCount = 0
        self.maxAllowedMemberships = 0
        self.adminDeleteEnabled = true
        self.publicMetadata = .emptyObject
        self.privateMetadata = .emptyObject
        self.createdBy = nil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, slug
        case imageURL = "image_url"
        case hasImage = "has_image"
        case membersCount = "members_count"
        case pendingInvitationsCount = "pending_invitations_count"
        case maxAllowedMemberships = "max_allowed_memberships"
        case adminDeleteEnabled = "admin_delete_enabled"
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
