public struct SAMLAccount: Codable, Sendable, Hashable, Identifiable {
    public struct Connection: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var domain: String?
        public var domains: [String]?
        public var active: Bool
        public var provider: String
        public var syncUserAttributes: Bool
        public var allowSubdomains: Bool?
        public var allowIdpInitiated: Bool?
        public var disableAdditionalIdentifications: Bool?
        public var createdAt: UnixMillis
        public var updatedAt: UnixMillis

        public init(
            id: String, name: String, domain: String?, active: Bool, provider: String,
            syncUserAttributes: Bool = true, createdAt: UnixMillis, updatedAt: UnixMillis
        ) {
            self.id = id
            self.name = name
            self.domain = domain
            self.domains = domain.map { [$0] }
            self.active = active
            self.provider = provider
            self.syncUserAttributes = syncUserAttributes
            self.allowSubdomains = false
            self.allowIdpInitiated = false
            self.disableAdditionalIdentifications = false
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, name, domain, domains, active, provider
            case syncUserAttributes = "sync_user_attributes"
            case allowSubdomains = "allow_subdomains"
            case allowIdpInitiated = "allow_idp_initiated"
            case disableAdditionalIdentifications = "disable_additional_identifications"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }

    public var id: String
    public var object: String
    public var provider: String
    public var active: Bool
    public var emailAddress: String
    public var firstName: String?
    public var lastName: String?
    public var providerUserID: String?
    public var lastAuthenticatedAt: UnixMillis?
    public var publicMetadata: JSONValue?
    @Nullable public var verification: Verification?
    public var samlConnection: Connection?

    public init(
        id: String, provider: String, active: Bool, emailAddress: String, firstName: String?, lastName: String?,
        providerUserID: String?, lastAuthenticatedAt: UnixMillis?, verification: Verification?, samlConnection: Connection?
    ) {
        self.id = id
        self.object = "saml_account"
        self.provider = provider
        self.active = active
        self.emailAddress = emailAddress
        self.firstName = firstName
        self.lastName = lastName
        self.providerUserID = providerUserID
        self.lastAuthenticatedAt = lastAuthenticatedAt
        self.publicMetadata = .emptyObject
        self.verification = verification
        self.samlConnection = samlConnection
    }

    enum CodingKeys: String, CodingKey {
        case id, object, provider, active, verification
        case emailAddress = "email_address"
        case firstName = "first_name"
        case lastName = "last_name"
        case providerUserID = "provider_user_id"
        case lastAuthenticatedAt = "last_authenticated_at"
        case publicMetadata = "public_metadata"
        case samlConnection = "saml_connection"
    }
}
