public struct PhoneNumber: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var object: String
    public var phoneNumber: String
    public var reservedForSecondFactor: Bool?
    public var defaultSecondFactor: Bool?
    public var reserved: Bool
    @Nullable public var verification: Verification?
    public var linkedTo: [IdentificationLink]
    public var backupCodes: [String]?
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis

    public init(
        id: String, phoneNumber: String, reservedForSecondFactor: Bool? = nil, defaultSecondFactor: Bool? = nil,
        reserved: Bool = false, verification: Verification?, linkedTo: [IdentificationLink] = [],
        createdAt: UnixMillis, updatedAt: UnixMillis
    ) {
        self.id = id
        self.object = "phone_number"
        self.phoneNumber = phoneNumber
        self.reservedForSecondFactor = reservedForSecondFactor
        self.defaultSecondFactor = defaultSecondFactor
        self.reserved = reserved
        self.verification = verification
        self.linkedTo = linkedTo
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, object, reserved, verification
        case phoneNumber = "phone_number"
        case reservedForSecondFactor = "reserved_for_second_factor"
        case defaultSecondFactor = "default_second_factor"
        case linkedTo = "linked_to"
        case backupCodes = "backup_codes"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
