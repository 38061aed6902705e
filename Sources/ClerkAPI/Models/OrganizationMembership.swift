public struct OrganizationMembership: Codable, Sendable, Hashable, Identifiable {
    public struct PublicUserData: Codable, Sendable, Hashable {
        public var userID: String
        @Nullable public var firstName: String?
        @Nullable public var lastName: String?
        @Nullable public var profileImageURL: String?
        public var imageURL: String
        public var hasImage: Bool
        public var identifier: String?
        public var username: String?
        public var banned: Bool?

        public init(userID: String, firstName: String?, lastName: String?, imageURL: String, identifier: String?, username: String?) {
            self.userID = userID
            self.firstName = firstName
            self.lastName = lastName
            self.profileImageURL = nil
            self.imageURL = imageURL
            self.hasImage = false
            self.identifier = identifier
            self.username = username
            self.banned = nil
        }

        enum CodingKeys: String, CodingKey {
            case identifier, username, banned
            case userID = "user_id"
            case firstName = "first_name"
            case lastName = "last_name"
            case profileImageURL = "profile_image_url"
            case imageURL = "image_url"
            case hasImage = "has_image"
        }
    }

    public var id: String
    public var object: String
    /// `org:admin`, `org:member`, or a custom role key.
    public var role: String
    public var roleName: String?
    public var permissions: [String]
    public var publicMetadata: JSONValue
    public var privateMetadata: JSONValue?
    public var organization: Organization
    public var publicUserData: PublicUserData?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis

    public init(
        id: String, role: String, roleName: String?, permissions: [String], organization: Organization,
        publicUserData: PublicUserData?, createdAt: UnixMillis, updatedAt: UnixMillis
    ) {
        self.id = id
        self.object = "organization_membership"
        self.role = role
        self.roleName = roleName
        self.permissions = permissions
        self.publicMetadata = .emptyObject
        self.privateMetadata = .emptyObject
        self.organization = organization
        self.publicUserData = publicUserData
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, role, permissions, organization
        case roleName = "role_name"
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case publicUserData = "public_user_data"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
