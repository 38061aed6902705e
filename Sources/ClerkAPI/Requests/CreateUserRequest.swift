/// The body of `POST /users`. Every field is optional; what the instance requires depends on its
/// user-management settings.
public struct CreateUserRequest: Codable, Sendable, Hashable {
    public struct IdentificationStatus: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let verified: IdentificationStatus = "verified"
        public static let reserved: IdentificationStatus = "reserved"
    }

    public var externalID: String?
    public var firstName: String?
    public var lastName: String?
    public var locale: String?
    public var emailAddress: [String]?
    public var emailAddressIdentificationStatus: [IdentificationStatus]?
    public var phoneNumber: [String]?
    public var phoneNumberIdentificationStatus: [IdentificationStatus]?
    public var web3Wallet: [String]?
    public var username: String?
    public var password: String?
    public var passwordDigest: String?
    public var passwordHasher: String?
    public var skipPasswordChecks: Bool?
    public var skipPasswordRequirement: Bool?
    public var totpSecret: String?
    public var backupCodes: [String]?
    public var publicMetadata: JSONValue?
    public var privateMetadata: JSONValue?
    public var unsafeMetadata: JSONValue?
    public var deleteSelfEnabled: Bool?
    /// RFC 3339.
    public var legalAcceptedAt: String?
    public var skipLegalChecks: Bool?
    public var skipUserRequirement: Bool?
    public var createOrganizationEnabled: Bool?
    public var createOrganizationsLimit: Int?
    /// RFC 3339.
    public var createdAt: String?
    public var bypassClientTrust: Bool?
    public var banned: Bool?
    public var locked: Bool?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case locale, username, password, banned, locked
        case externalID = "external_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case emailAddress = "email_address"
        case emailAddressIdentificationStatus = "email_address_identification_status"
        case phoneNumber = "phone_number"
        case phoneNumberIdentificationStatus = "phone_number_identification_status"
        case web3Wallet = "web3_wallet"
        case passwordDigest = "password_digest"
        case passwordHasher = "password_hasher"
        case skipPasswordChecks = "skip_password_checks"
        case skipPasswordRequirement = "skip_password_requirement"
        case totpSecret = "totp_secret"
        case backupCodes = "backup_codes"
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case unsafeMetadata = "unsafe_metadata"
        case deleteSelfEnabled = "delete_self_enabled"
        case legalAcceptedAt = "legal_accepted_at"
        case skipLegalChecks = "skip_legal_checks"
        case skipUserRequirement = "skip_user_requirement"
        case createOrganizationEnabled = "create_organization_enabled"
        case createOrganizationsLimit = "create_organizations_limit"
        case createdAt = "created_at"
        case bypassClientTrust = "bypass_client_trust"
    }
}
