import ClerkAPI
import Foundation
import GRDB

extension UserDirectory {
    func creditBalance(_ id: String) async throws -> CreditBalance {
        try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            return CreditBalance(balance: try Self.balance(rowid: rowid, in: db))
        }
    }

    /// `POST /users/{id}/billing/credits`. A repeated idempotency key returns the original entry
    /// and changes nothing; the same key with different parameters is a conflict.
    func adjustCredits(_ id: String, _ adjustment: CreditAdjustment) async throws -> CreditLedgerEntry {
        guard adjustment.amount > 0 else { throw SandboxError.invalid("amount", "amount must be a positive number of cents.") }
        guard adjustment.action == .increase || adjustment.action == .decrease else {
            throw SandboxError.invalid("action", "action must be increase or decrease.")
        }
        guard !adjustment.idempotencyKey.isEmpty else { throw SandboxError.missing("idempotency_key") }
        let currency = (adjustment.currency ?? "USD").uppercased()
        guard currency.count == 3, currency.allSatisfy(\.isLetter) else {
            throw SandboxError.invalid("currency", "currency must be an ISO 4217 code such as USD.")
        }
        let fingerprint = "\(adjustment.action.rawValue):\(adjustment.amount):\(currency):\(adjustment.note ?? "")"
        let createdAt = ISO8601DateFormatter().string(from: Date(unixMillis: now()))
        return try await store.write { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            if let row = try Row.fetchOne(db, sql: "SELECT request_fingerprint, doc FROM credit_ledger WHERE user_rowid = ? AND idempotency_key = ?",
                                          arguments: [rowid, adjustment.idempotencyKey]) {
                guard (row["request_fingerprint"] as String) == fingerprint else {
                    throw SandboxError(409, code: "idempotency_key_conflict", message: "idempotency key reused",
                                       longMessage: "This idempotency_key was already used for a different adjustment. Use a new key for a new adjustment.")
                }
                return try WireCoding.decoder.decode(CreditLedgerEntry.self, from: Data((row["doc"] as String).utf8))
            }
            let current = try Self.balance(rowid: rowid, in: db)
            if let current, current.currency != currency {
                throw SandboxError.invalid("currency", "This balance is in \(current.currency); adjust it in the same currency.")
            }
            let signed = adjustment.action == .increase ? adjustment.amount : -adjustment.amount
            if (current?.amount ?? 0) + signed < 0 {
                throw SandboxError(422, code: "insufficient_credit_balance", message: "insufficient balance",
                                   longMessage: "The balance is \(Self.money(current?.amount ?? 0, currency).amountFormatted) \(currency); it cannot be decreased by more than that.")
            }
            let entryID = IDGenerator.make("cledg")
            let entry = CreditLedgerEntry(
                id: entryID, payerID: "cpayer_" + id.dropFirst("user_".count), amount: Self.money(signed, currency),
                sourceType: "manual_adjustment", sourceID: entryID, note: adjustment.note, createdAt: createdAt)
            let doc = String(decoding: try WireCoding.encoder.encode(entry), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO credit_ledger (id, user_rowid, idempotency_key, amount, currency, request_fingerprint, doc)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entryID, rowid, adjustment.idempotencyKey, signed, currency, fingerprint, doc])
            return entry
        }
    }

    func billingSubscription(_ id: String) async throws -> String {
        try await store.read { db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            guard let doc = try String.fetchOne(db, sql: "SELECT doc FROM subscriptions WHERE user_rowid = ?", arguments: [rowid]) else {
                throw SandboxError(404, code: "resource_not_found", message: "not found", longMessage: "User \(id) has no billing subscription.")
            }
            return doc
        }
    }

    static func balance(rowid: Int64, in db: Database) throws -> Money? {
        guard let row = try Row.fetchOne(db, sql: "SELECT sum(amount) AS total, max(currency) AS currency, count(*) AS n FROM credit_ledger WHERE user_rowid = ?",
                                         arguments: [rowid]), (row["n"] as Int) > 0
        else { return nil }
        return money(row["total"], row["currency"])
    }

    static func money(_ cents: Int64, _ currency: String) -> Money {
        let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "$", "AUD": "$"]
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        let formatted = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        return Money(amount: cents, amountFormatted: formatted, currency: currency, currencySymbol: symbols[currency] ?? currency)
    }
}
