/// An OAuth account linked to the user (`ExternalAccountWithVerification` in the spec).
public struct ExternalAccount: Codable, Sendable, Hashable, Identifiable {
    public var object: String
    public var id: String
    /// `oauth_google`, `oauth_github`, … (open-ended).
    public var provider: String
    public var identificationID: String
    public var providerUserID: String
    /// Space-separated, as Clerk sends it.
    public var approvedScopes: String
    public var emailAddress: String
    public var emailAddressVerified: Bool?
    public var firstName: String
    public var lastName: String
    public var avatarURL: String?
    public var imageURL: String?
    public var username: String?
    public var phoneNumber: String?
    public var publicMetadata: JSONValue
    public var label: String?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis
    @Nullable public var verification: Verification?

    public init(
        id: String, provider: String, identificationID: String, providerUserID: String, approvedScopes: String,
        emailAddress: String, emailAddressVerified: Bool? = nil, firstName: String, lastName: String,
        avatarURL: String? = nil, imageURL: String? = nil, username: String? = nil, phoneNumber: String? = nil,
        publicMetadata: JSONValue = .emptyObject, label: String? = nil, createdAt: UnixMillis, updatedAt: UnixMillis,
        verification: Verification?
    ) {
        self.object = "external_account"
        self.id = id
        self.provider = provider
        self.identificationID = identificationID
        self.providerUserID = providerUserID
        self.approvedScopes = approvedScopes
        self.emailAddress = emailAddress
        self.emailAddressVerified = emailAddressVerified
        self.firstName = firstName
        self.lastName = lastName
        self.avatarURL = avatarURL
        self.imageURL = imageURL
        self.username = username
        self.phoneNumber = phoneNumber
        self.publicMetadata = publicMetadata
        self.label = label
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.verification = verification
    }

    public var scopes: [String] { approvedScopes.split(separator: " ").map(String.init) }

    enum CodingKeys: String, CodingKey {
        case object, id, provider, username, label, verification
        case identificationID = "identification_id"
        case providerUserID = "provider_user_id"
        case approvedScopes = "approved_scopes"
        case emailAddress = "email_address"
        case emailAddressVerified = "email_address_verified"
        case firstName = "first_name"
        case lastName = "last_name"
        case avatarURL = "avatar_url"
        case imageURL = "image_url"
        case phoneNumber = "phone_number"
        case publicMetadata = "public_metadata"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
