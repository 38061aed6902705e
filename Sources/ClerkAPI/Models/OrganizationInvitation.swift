/// An invitation to an organisation, with the organisation's public data (the spec's
/// `OrganizationInvitationWithPublicOrganizationData`).
public struct OrganizationInvitation: Codable, Sendable, Hashable, Identifiable {
    public struct Status: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let pending: Status = "pending"
        public static let accepted: Status = "accepted"
        public static let revoked: Status = "revoked"
        public static let expired: Status = "expired"
    }

    public struct PublicOrganizationData: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var slug: String
        public var imageURL: String?
        public var hasImage: Bool

        public init(id: String, name: String, slug: String) {
            self.id = id
            self.name = name
            self.slug = slug
            self.imageURL = nil
            self.hasImage = false
        }

        enum CodingKeys: String, CodingKey {
            case id, name, slug
            case imageURL = "image_url"
            case hasImage = "has_image"
        }
    }

    public struct PublicInviterData: Codable, Sendable, Hashable {
        public var userID: String
        @Nullable public var firstName: String?
        @Nullable public var lastName: String?
        public var imageURL: String
        public var hasImage: Bool
        public var identifier: String

        public init(userID: String, firstName: String?, lastName: String?, imageURL: String, identifier: String) {
            self.userID = userID
            self.firstName = firstName
            self.lastName = lastName
            self.imageURL = imageURL
            self.hasImage = false
            self.identifier = identifier
        }

        enum CodingKeys: String, CodingKey {
            case identifier
            case userID = "user_id"
            case firstName = "first_name"
            case lastName = "last_name"
            case imageURL = "image_url"
            case hasImage = "has_image"
        }
    }

    public var object: String
    public var id: String
    public var emailAddress: String
    public var role: String
    public var roleName: String
    public var organizationID: String?
    public var status: Status?
    public var publicMetadata: JSONValue
    public var privateMetadata: JSONValue?
    @Nullable public var url: String?
    @Nullable public var expiresAt: UnixMillis?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis
    @Nullable public var inviterID: String?
    @Nullable public var publicInviterData: PublicInviterData?
    public var publicOrganizationData: PublicOrganizationData?

    public init(
        id: String, emailAddress: String, role: String, roleName: String, status: Status,
        organization: PublicOrganizationData, inviter: PublicInviterData?, expiresAt: UnixMillis?,
        createdAt: UnixMillis, updatedAt: UnixMillis
    ) {
        self.object = "organization_invitation"
        self.id = id
        self.emailAddress = emailAddress
        self.role = role
        self.roleName = roleName
        self.organizationID = organization.id
        self.status = status
        self.publicMetadata = .emptyObject
        self.privateMetadata = .emptyObject
        self.url = nil
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.inviterID = inviter?.userID
        self.publicInviterData = inviter
        self.publicOrganizationData = organization
    }

    enum CodingKeys: String, CodingKey {
        case object, id, role, status, url
        case emailAddress = "email_address"
        case roleName = "role_name"
        case organizationID = "organization_id"
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case expiresAt = "expires_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case inviterID = "inviter_id"
        case publicInviterData = "public_inviter_data"
        case publicOrganizationData = "public_organization_data"
    }
}
