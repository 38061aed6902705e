import ClerkAPI
import Foundation

/// One generated user and the rows that hang off it, already encoded: documents are encoded on
/// the cores that build users, so that the single database writer only writes.
struct DemoUser: Sendable {
    /// Demo user `index` is row `index + 1`, so that rows can name it before it is written.
    var rowid: Int64
    var user: User
    var document = ""
    var rows: IndexedRows
    var credentials: Credentials
    var memberships: [Encoded<OrganizationMembership>] = []
    var invitations: [Encoded<OrganizationInvitation>] = []
    var subscription: Encoded<BillingSubscription>?
    var credit: Encoded<CreditLedgerEntry>?
    var trustedDevices: [Encoded<TrustedDevice>] = []
    var oauthTokens: [Encoded<OAuthAccessToken>] = []
}

/// A value with the JSON the sandbox stores for it.
struct Encoded<Value: Encodable & Sendable>: Sendable {
    let value: Value
    let json: String

    init(_ value: Value) throws {
        self.value = value
        json = try UserIndexer.encode(value)
    }
}
