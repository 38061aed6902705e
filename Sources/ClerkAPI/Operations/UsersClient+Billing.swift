extension UsersClient {
    /// `GET /users/{id}/billing/subscription`
    public func billingSubscription(_ userID: String) async throws(ClerkAPIError) -> BillingSubscription {
        try await client.send(APIRequest(.get, try Self.path(userID, "billing", "subscription")))
    }

    /// `GET /users/{id}/billing/credits`
    public func creditBalance(_ userID: String) async throws(ClerkAPIError) -> CreditBalance {
        try await client.send(APIRequest(.get, try Self.path(userID, "billing", "credits")))
    }

    /// `POST /users/{id}/billing/credits`. The idempotency key makes it safe to retry: Clerk answers a
    /// repeated key with the original ledger entry and changes nothing.
    public func adjustCredits(_ userID: String, _ adjustment: CreditAdjustment) async throws(ClerkAPIError) -> CreditLedgerEntry {
        guard adjustment.amount > 0 else {
            throw .invalidRequest("the amount must be a positive number of cents; choose increase or decrease for the direction")
        }
        guard adjustment.action == .increase || adjustment.action == .decrease else {
            throw .invalidRequest("the action must be increase or decrease, not \(adjustment.action)")
        }
        guard !adjustment.idempotencyKey.isEmpty else { throw .invalidRequest("an idempotency key is required") }
        return try await client.send(.json(.post, try Self.path(userID, "billing", "credits"), body: adjustment, retrySafety: .safe))
    }
}
