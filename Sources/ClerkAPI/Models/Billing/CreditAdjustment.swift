/// The body of `POST /users/{id}/billing/credits`.
public struct CreditAdjustment: Codable, Sendable, Hashable {
    public struct Action: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let increase: Action = "increase"
        public static let decrease: Action = "decrease"
    }

    /// Minor units (cents); must be positive, the direction is `action`.
    public var amount: Int64
    public var action: Action
    public var currency: String?
    /// A repeated key returns the original ledger entry and changes nothing, which is what makes
    /// this POST safe to retry and safe to replay from the command journal.
    public var idempotencyKey: String
    public var note: String?

    public init(amount: Int64, action: Action, idempotencyKey: String, currency: String? = nil, note: String? = nil) {
        self.amount = amount
        self.action = action
        self.currency = currency
        self.idempotencyKey = idempotencyKey
        self.note = note
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case amount, action, currency, note
        case idempotencyKey = "idempotency_key"
    }
}
