/// An amount in the currency's minor unit (cents), with Clerk's own formatting of it.
public struct Money: Codable, Sendable, Hashable {
    public var amount: Int64
    public var amountFormatted: String
    public var currency: String
    public var currencySymbol: String

    public init(amount: Int64, amountFormatted: String, currency: String, currencySymbol: String) {
        self.amount = amount
        self.amountFormatted = amountFormatted
        self.currency = currency
        self.currencySymbol = currencySymbol
    }

    enum CodingKeys: String, CodingKey {
        case amount, currency
        case amountFormatted = "amount_formatted"
        case currencySymbol = "currency_symbol"
    }
}
