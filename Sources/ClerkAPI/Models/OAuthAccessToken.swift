public struct OAuthAccessToken: Codable, Sendable, Hashable {
    public var object: String
    public var externalAccountID: String
    public var providerUserID: String
    public var token: String
    @Nullable public var expiresAt: UnixMillis?
    public var provider: String
    public var publicMetadata: JSONValue
    @Nullable public var label: String?
    public var scopes: [String]?
    public var tokenSecret: String?
    public var idToken: String?

    public init(
        externalAccountID: String, providerUserID: String, token: String, expiresAt: UnixMillis?, provider: String,
        scopes: [String]?
    ) {
        self.object = "oauth_access_token"
        self.externalAccountID = externalAccountID
        self.providerUserID = providerUserID
        self.token = token
        self.expiresAt = expiresAt
        self.provider = provider
        self.publicMetadata = .emptyObject
        self.label = nil
        self.scopes = scopes
    }

    enum CodingKeys: String, CodingKey {
        case object, token, provider, label, scopes
        case externalAccountID = "external_account_id"
        case providerUserID = "provider_user_id"
        case expiresAt = "expires_at"
        case publicMetadata = "public_metadata"
        case tokenSecret = "token_secret"
        case idToken = "id_token"
    }
}
