/// The body of `PUT /users/{id}/email_address` and `PUT /users/{id}/phone_number`.
public struct IdentificationReplacement: Sendable, Hashable {
    public struct Status: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let verified: Status = "verified"
        public static let reserved: Status = "reserved"
        /// Can lock the user out: an unverified identifier cannot be used to sign in.
        public static let unverified: Status = "unverified"
    }

    public var value: String
    public var status: Status?
    public var notifyPrimaryEmailAddressChanged: Bool?

    public init(_ value: String, status: Status? = nil, notifyPrimaryEmailAddressChanged: Bool? = nil) {
        self.value = value
        self.status = status
        self.notifyPrimaryEmailAddressChanged = notifyPrimaryEmailAddressChanged
    }
}
