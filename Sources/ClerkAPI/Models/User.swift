/// A Clerk user as `GET /users/{id}` returns it (API version 2026-05-12).
public struct User: Codable, Sendable, Hashable, Identifiable {
    public struct SCIM: Codable, Sendable, Hashable {
        public var directoryID: String
        public var directoryEnabled: Bool?
        @Nullable public var externalID: String?

        enum CodingKeys: String, CodingKey {
            case directoryID = "directory_id"
            case directoryEnabled = "directory_enabled"
            case externalID = "external_id"
        }
    }

    public var id: String
    public var object: String = "user"
    @Nullable public var externalID: String?
    @Nullable public var primaryEmailAddressID: String?
    @Nullable public var primaryPhoneNumberID: String?
    @Nullable public var primaryWeb3WalletID: String?
    @Nullable public var username: String?
    @Nullable public var firstName: String?
    @Nullable public var lastName: String?
    public var locale: String?
    public var profileImageURL: String?
    public var imageURL: String?
    public var hasImage: Bool = false
    public var publicMetadata: JSONValue = .emptyObject
    public var privateMetadata: JSONValue? = .emptyObject
    public var unsafeMetadata: JSONValue? = .emptyObject
    public var emailAddresses: [EmailAddress] = []
    public var phoneNumbers: [PhoneNumber] = []
    public var web3Wallets: [Web3Wallet] = []
    public var passkeys: [Passkey] = []
    public var passwordEnabled: Bool = false
    public var twoFactorEnabled: Bool = false
    public var totpEnabled: Bool = false
    public var backupCodeEnabled: Bool = false
    @Nullable public var mfaEnabledAt: UnixMillis?
    @Nullable public var mfaDisabledAt: UnixMillis?
    public var passwordLastUpdatedAt: UnixMillis?
    public var externalAccounts: [ExternalAccount] = []
    public var samlAccounts: [SAMLAccount] = []
    public var enterpriseAccounts: [EnterpriseAccount] = []
    public var organizationMemberships: [OrganizationMembership]?
    @Nullable public var lastSignInAt: UnixMillis?
    public var banned: Bool = false
    public var locked: Bool = false
    public var deprovisioned: Bool?
    @Nullable public var lockoutExpiresInSeconds: Int64?
    @Nullable public var verificationAttemptsRemaining: Int?
    public var updatedAt: UnixMillis
    public var createdAt: UnixMillis
    public var deleteSelfEnabled: Bool = true
    public var createOrganizationEnabled: Bool = true
    public var createOrganizationsLimit: Int?
    @Nullable public var lastActiveAt: UnixMillis?
    @Nullable public var legalAcceptedAt: UnixMillis?
    public var bypassClientTrust: Bool?
    public var scim: SCIM?

    public init(id: String, createdAt: UnixMillis, updatedAt: UnixMillis) {
        self.id = id
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, username, locale, banned, locked, deprovisioned, passkeys, scim
        case externalID = "external_id"
        case primaryEmailAddressID = "primary_email_address_id"
        case primaryPhoneNumberID = "primary_phone_number_id"
        case primaryWeb3WalletID = "primary_web3_wallet_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case profileImageURL = "profile_image_url"
        case imageURL = "image_url"
        case hasImage = "has_image"
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case unsafeMetadata = "unsafe_metadata"
        case emailAddresses = "email_addresses"
        case phoneNumbers = "phone_numbers"
        case web3Wallets = "web3_wallets"
        case passwordEnabled = "password_enabled"
        case twoFactorEnabled = "two_factor_enabled"
        case totpEnabled = "totp_enabled"
        case backupCodeEnabled = "backup_code_enabled"
        case mfaEnabledAt = "mfa_enabled_at"
        case mfaDisabledAt = "mfa_disabled_at"
        case passwordLastUpdatedAt = "password_last_updated_at"
        case externalAccounts = "external_accounts"
        case samlAccounts = "saml_accounts"
        case enterpriseAccounts = "enterprise_accounts"
        case organizationMemberships = "organization_memberships"
        case lastSignInAt = "last_sign_in_at"
        case lockoutExpiresInSeconds = "lockout_expires_in_seconds"
        case verificationAttemptsRemaining = "verification_attempts_remaining"
        case updatedAt = "updated_at"
        case createdAt = "created_at"
        case deleteSelfEnabled = "delete_self_enabled"
        case createOrganizationEnabled = "create_organization_enabled"
        case createOrganizationsLimit = "create_organizations_limit"
        case lastActiveAt = "last_active_at"
        case legalAcceptedAt = "legal_accepted_at"
        case bypassClientTrust = "bypass_client_trust"
    }
}

extension User {
    public var primaryEmailAddress: EmailAddress? {
        emailAddresses.first { $0.id == primaryEmailAddressID }
    }

    public var primaryPhoneNumber: PhoneNumber? {
        phoneNumbers.first { $0.id == primaryPhoneNumberID }
    }

    public var primaryWeb3Wallet: Web3Wallet? {
        web3Wallets.first { $0.id == primaryWeb3WalletID }
    }

    /// "First Last", whichever parts exist; nil when the user has no name at all.
    public var fullName: String? {
        let parts = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
