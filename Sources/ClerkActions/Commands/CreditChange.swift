import ClerkAPI
import Foundation

/// A confirmed credit adjustment. The idempotency key is made once, when the operator confirms, and
/// travels with the command through the journal: a retry or a resume sends the same key, and Clerk
/// answers a repeated key with the original ledger entry instead of adjusting twice.
public struct CreditChange: Codable, Sendable, Hashable {
    public enum Direction: String, Codable, Sendable, Hashable {
        case increase, decrease

        public var opposite: Direction { self == .increase ? .decrease : .increase }
    }

    public var direction: Direction
    /// Positive, in the currency's minor unit.
    public var amountCents: Int64
    public var currency: String?
    public var note: String?
    public var idempotencyKey: String

    public init(direction: Direction, amountCents: Int64, currency: String? = nil, note: String? = nil, idempotencyKey: String = UUID().uuidString) {
        self.direction = direction
        self.amountCents = amountCents
        self.currency = currency
        self.note = note
        self.idempotencyKey = idempotencyKey
    }

    public var adjustment: CreditAdjustment {
        CreditAdjustment(
            amount: amountCents, action: direction == .increase ? .increase : .decrease, idempotencyKey: idempotencyKey,
            currency: currency, note: note)
    }

    /// `12.50 USD`, or `12.50` when the currency is the instance's default.
    public var formattedAmount: String {
        let units = amountCents / 100
        let cents = amountCents % 100
        let text = "\(units).\(cents < 10 ? "0" : "")\(cents)"
        return currency.map { "\(text) \($0.uppercased())" } ?? text
    }

    enum CodingKeys: String, CodingKey {
        case direction, currency, note
        case amountCents = "amount_cents"
        case idempotencyKey = "idempotency_key"
    }
}
