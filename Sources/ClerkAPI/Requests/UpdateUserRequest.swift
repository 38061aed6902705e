/// The body of `PATCH /users/{id}`. As of 2026-05-12 it takes no metadata: use
/// `UsersClient.mergeMetadata` or `replaceMetadata`.
public struct UpdateUserRequest: Codable, Sendable, Hashable {
    public var externalID: FieldUpdate<String>?
    public var firstName: FieldUpdate<String>?
    public var lastName: FieldUpdate<String>?
    public var locale: FieldUpdate<String>?
    public var primaryEmailAddressID: String?
    public var notifyPrimaryEmailAddressChanged: Bool?
    public var primaryPhoneNumberID: String?
    public var primaryWeb3WalletID: String?
    public var username: FieldUpdate<String>?
    public var profileImageID: String?
    public var password: String?
    public var passwordDigest: String?
    public var passwordHasher: String?
    public var skipPasswordChecks: Bool?
    public var signOutOfOtherSessions: Bool?
    public var totpSecret: FieldUpdate<String>?
    public var backupCodes: [String]?
    public var deleteSelfEnabled: Bool?
    public var createOrganizationEnabled: Bool?
    /// RFC 3339.
    public var legalAcceptedAt: FieldUpdate<String>?
    public var skipLegalChecks: Bool?
    public var createOrganizationsLimit: FieldUpdate<Int>?
    /// RFC 3339.
    public var createdAt: String?
    public var bypassClientTrust: Bool?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case locale, username, password
        case externalID = "external_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case primaryEmailAddressID = "primary_email_address_id"
        case notifyPrimaryEmailAddressChanged = "notify_primary_email_address_changed"
        case primaryPhoneNumberID = "primary_phone_number_id"
        case primaryWeb3WalletID = "primary_web3_wallet_id"
        case profileImageID = "profile_image_id"
        case passwordDigest = "password_digest"
        case passwordHasher = "password_hasher"
        case skipPasswordChecks = "skip_password_checks"
        case signOutOfOtherSessions = "sign_out_of_other_sessions"
        case totpSecret = "totp_secret"
        case backupCodes = "backup_codes"
        case deleteSelfEnabled = "delete_self_enabled"
        case createOrganizationEnabled = "create_organization_enabled"
        case legalAcceptedAt = "legal_accepted_at"
        case skipLegalChecks = "skip_legal_checks"
        case createOrganizationsLimit = "create_organizations_limit"
        case createdAt = "created_at"
        case bypassClientTrust = "bypass_client_trust"
    }
}
