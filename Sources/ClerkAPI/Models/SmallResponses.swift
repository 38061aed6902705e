/// `{"object":"user","id":"user_…","deleted":true}`
public struct DeletedObject: Codable, Sendable, Hashable {
    public var object: String
    public var id: String?
    public var slug: String?
    public var deleted: Bool
    public var externalID: String?

    public init(object: String, id: String?, deleted: Bool = true) {
        self.object = object
        self.id = id
        self.deleted = deleted
    }

    enum CodingKeys: String, CodingKey {
        case object, id, slug, deleted
        case externalID = "external_id"
    }
}

/// `{"object":"total_count","total_count":N}`
public struct TotalCount: Codable, Sendable, Hashable {
    public var object: String
    public var totalCount: Int

    public init(totalCount: Int) {
        self.object = "total_count"
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case object
        case totalCount = "total_count"
    }
}

/// `{"user_id":"user_…"}`, what the MFA and backup-code deletions answer.
public struct UserIDResponse: Codable, Sendable, Hashable {
    public var userID: String

    public init(userID: String) { self.userID = userID }

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
    }
}

/// Answer of `POST /users/{id}/verify_password`.
public struct PasswordVerification: Codable, Sendable, Hashable {
    public var verified: Bool

    public init(verified: Bool) { self.verified = verified }
}

/// Answer of `POST /users/{id}/verify_totp`.
public struct TOTPVerification: Codable, Sendable, Hashable {
    public struct CodeType: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let totp: CodeType = "totp"
        public static let backupCode: CodeType = "backup_code"
    }

    public var verified: Bool
    public var codeType: CodeType

    public init(verified: Bool, codeType: CodeType) {
        self.verified = verified
        self.codeType = codeType
    }

    enum CodingKeys: String, CodingKey {
        case verified
        case codeType = "code_type"
    }
}
