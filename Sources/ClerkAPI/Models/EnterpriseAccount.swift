public struct EnterpriseAccount: Codable, Sendable, Hashable, Identifiable {
    public struct Connection: Codable, Sendable, Hashable {
        public var id: String
        public var `protocol`: String
        public var provider: String
        public var name: String
        @Nullable public var logoPublicURL: String?
        public var domain: String?
        public var domains: [String]?
        public var active: Bool
        public var syncUserAttributes: Bool
        public var allowSubdomains: Bool
        public var allowIdpInitiated: Bool
        public var disableAdditionalIdentifications: Bool
        public var createdAt: UnixMillis
        public var updatedAt: UnixMillis

        public init(
            id: String, protocol: String, provider: String, name: String, domain: String?, active: Bool,
            createdAt: UnixMillis, updatedAt: UnixMillis
        ) {
            self.id = id
            self.protocol = `protocol`
            self.provider = provider
            self.name = name
            self.logoPublicURL = nil
            self.domain = domain
            self.domains = domain.map { [$0] }
            self.active = active
            self.syncUserAttributes = true
            self.allowSubdomains = false
            self.allowIdpInitiated = false
            self.disableAdditionalIdentifications = false
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, `protocol`, provider, name, domain, domains, active
            case logoPublicURL = "logo_public_url"
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
    /// `oauth` or `saml`.
    public var `protocol`: String?
    public var provider: String
    public var active: Bool
    public var emailAddress: String
    public var firstName: String?
    public var lastName: String?
    public var providerUserID: String?
    public var enterpriseConnectionID: String?
    public var publicMetadata: JSONValue?
    @Nullable public var verification: Verification?
    public var enterpriseConnection: Connection?
    public var lastAuthenticatedAt: UnixMillis?

    public init(
        id: String, protocol: String?, provider: String, active: Bool, emailAddress: String, firstName: String?,
        lastName: String?, providerUserID: String?, verification: Verification?, enterpriseConnection: Connection?,
        lastAuthenticatedAt: UnixMillis?
    ) {
        self.id = id
        self.object = "enterprise_account"
        self.protocol = `protocol`
        self.provider = provider
        self.active = active
        self.emailAddress = emailAddress
        self.firstName = firstName
        self.lastName = lastName
        self.providerUserID = providerUserID
        self.enterpriseConnectionID = enterpriseConnection?.id
        self.publicMetadata = .emptyObject
        self.verification = verification
        self.enterpriseConnection = enterpriseConnection
        self.lastAuthenticatedAt = lastAuthenticatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, `protocol`, provider, active, verification
        case emailAddress = "email_address"
        case firstName = "first_name"
        case lastName = "last_name"
        case providerUserID = "provider_user_id"
        case enterpriseConnectionID = "enterprise_connection_id"
        case publicMetadata = "public_metadata"
        case enterpriseConnection = "enterprise_connection"
        case lastAuthenticatedAt = "last_authenticated_at"
    }
}
