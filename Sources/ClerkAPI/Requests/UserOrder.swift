/// `order_by` for `GET /users`: one field and a direction.
public struct UserOrder: Sendable, Hashable, CustomStringConvertible {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case emailAddress = "email_address"
        case web3Wallet = "web3wallet"
        case firstName = "first_name"
        case lastName = "last_name"
        case phoneNumber = "phone_number"
        case username
        case lastActiveAt = "last_active_at"
        case lastSignInAt = "last_sign_in_at"
    }

    public enum Direction: Sendable, Hashable {
        case ascending
        case descending

        public var flipped: Direction { self == .ascending ? .descending : .ascending }
    }

    public var field: Field
    public var direction: Direction

    public init(_ field: Field, _ direction: Direction) {
        self.field = field
        self.direction = direction
    }

    /// Clerk's default: newest first.
    public static let newestFirst = UserOrder(.createdAt, .descending)

    /// The wire form, e.g. `-created_at`.
    public var description: String { (direction == .ascending ? "+" : "-") + field.rawValue }

    /// Parses `+field`, `-field` or a bare `field` (ascending, as Clerk implies).
    public init?(wire: String) {
        var text = Substring(wire)
        var direction = Direction.ascending
        if text.hasPrefix("-") {
            direction = .descending
            text = text.dropFirst()
        } else if text.hasPrefix("+") {
            text = text.dropFirst()
        }
        guard let field = Field(rawValue: String(text)) else { return nil }
        self.init(field, direction)
    }
}
