/// One adjustment of a credit balance. `amount` is negative for decreases.
public struct CreditLedgerEntry: Codable, Sendable, Hashable, Identifiable {
    public var object: String
    public var id: String
    public var payerID: String
    public var amount: Money
    public var sourceType: String
    public var sourceID: String
    @Nullable public var note: String?
    /// RFC 3339 text: unlike the rest of the Users API, this timestamp is not Unix milliseconds.
    public var createdAt: String

    public init(id: String, payerID: String, amount: Money, sourceType: String, sourceID: String, note: String?, createdAt: String) {
        self.object = "commerce_credit_ledger"
        self.id = id
        self.payerID = payerID
        self.amount = amount
        self.sourceType = sourceType
        self.sourceID = sourceID
        self.note = note
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, amount, note
        case payerID = "payer_id"
        case sourceType = "source_type"
        case sourceID = "source_id"
        case createdAt = "created_at"
    }
}
