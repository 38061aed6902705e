/// Every filter `GET /users` and `GET /users/count` accept. Array filters take up to 100 values and
/// go on the wire as repeated keys.
public struct UserFilter: Sendable, Hashable {
    public var emailAddress: [String] = []
    public var phoneNumber: [String] = []
    public var externalID: [IDSelector] = []
    public var username: [String] = []
    public var web3Wallet: [String] = []
    public var userID: [IDSelector] = []
    public var organizationID: [IDSelector] = []
    /// Partial match over emails, phones, usernames, web3 wallets, user ids, first and last names.
    public var query: String?
    public var emailAddressQuery: String?
    public var phoneNumberQuery: String?
    public var usernameQuery: String?
    public var nameQuery: String?
    public var banned: Bool?
    public var lastActiveAtBefore: UnixMillis?
    public var lastActiveAtAfter: UnixMillis?
    public var createdAtBefore: UnixMillis?
    public var createdAtAfter: UnixMillis?
    public var lastSignInAtBefore: UnixMillis?
    public var lastSignInAtAfter: UnixMillis?
    /// `oauth_google` etc.; goes with `providerUserID`.
    public var provider: String?
    public var providerUserID: [String] = []

    public static let maxValuesPerArray = 100

    public init() {}

    /// The query string pairs, in the order the spec lists the parameters. Empty text queries are
    /// left out: Clerk treats `query=` as "no filter" and so do we.
    public var queryItems: [QueryItem] {
        var items: [QueryItem] = []
        func add(_ name: String, _ values: [String]) { items += values.map { QueryItem(name, $0) } }
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { items.append(QueryItem(name, value)) }
        }
        add("email_address", emailAddress)
        add("phone_number", phoneNumber)
        add("external_id", externalID.map(\.description))
        add("username", username)
        add("web3_wallet", web3Wallet)
        add("user_id", userID.map(\.description))
        add("organization_id", organizationID.map(\.description))
        add("query", query)
        add("email_address_query", emailAddressQuery)
        add("phone_number_query", phoneNumberQuery)
        add("username_query", usernameQuery)
        add("name_query", nameQuery)
        add("banned", banned.map { $0 ? "true" : "false" })
        add("last_active_at_before", lastActiveAtBefore.map(String.init))
        add("last_active_at_after", lastActiveAtAfter.map(String.init))
        add("created_at_before", createdAtBefore.map(String.init))
        add("created_at_after", createdAtAfter.map(String.init))
        add("last_sign_in_at_before", lastSignInAtBefore.map(String.init))
        add("last_sign_in_at_after", lastSignInAtAfter.map(String.init))
        add("provider", provider)
        add("provider_user_id", providerUserID)
        return items
    }

    /// Refuses what Clerk would refuse, before a request is spent on it.
    public func validate() throws(ClerkAPIError) {
        let arrays: [(String, Int)] = [
            ("email_address", emailAddress.count), ("phone_number", phoneNumber.count),
            ("external_id", externalID.count), ("username", username.count), ("web3_wallet", web3Wallet.count),
            ("user_id", userID.count), ("organization_id", organizationID.count),
            ("provider_user_id", providerUserID.count),
        ]
        for (name, count) in arrays where count > Self.maxValuesPerArray {
            throw .invalidRequest("\(name) takes at most \(Self.maxValuesPerArray) values, got \(count)")
        }
        if (provider == nil) != providerUserID.isEmpty {
            throw .invalidRequest("provider and provider_user_id must be used together")
        }
    }
}
