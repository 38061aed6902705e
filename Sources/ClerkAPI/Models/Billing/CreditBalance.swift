/// `GET /users/{id}/billing/credits`. A user who never had credits has a `null` balance.
public struct CreditBalance: Codable, Sendable, Hashable {
    public var object: String
    @Nullable public var balance: Money?

    public init(balance: Money?) {
        self.object = "commerce_credit_balance"
        self.balance = balance
    }
}
