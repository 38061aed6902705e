import ClerkAPI

/// Everything the index tables hold for one user, derived from its document alone.
struct IndexedRows: Sendable {
    /// The `users` columns from `id` to `last_sign_in_at`, in table order.
    var columns: [SQLValue]
    /// Values that identify exactly one user in the instance, normalised for lookup: (kind, value).
    var identifiers: [(String, String)]

    init(_ user: User) {
        columns = [
            .text(user.id), .integer(user.createdAt), .integer(user.updatedAt), .text(user.firstName), .text(user.lastName),
            .text(user.username), .text(user.externalID), .text(user.primaryEmailAddress?.emailAddress.lowercased()),
            .text(user.primaryPhoneNumber?.phoneNumber), .text(user.primaryWeb3Wallet?.web3Wallet.lowercased()),
            .bool(user.banned), .bool(user.locked), .integer(user.lastActiveAt), .integer(user.lastSignInAt),
        ]
        identifiers = Self.identifiers(of: user)
    }

    private static func identifiers(of user: User) -> [(String, String)] {
        var result: [(String, String)] = []
        result += user.emailAddresses.map { ("email", $0.emailAddress.lowercased()) }
        result += user.phoneNumbers.map { ("phone", $0.phoneNumber) }
        result += user.web3Wallets.map { ("web3", $0.web3Wallet.lowercased()) }
        if let username = user.username { result.append(("username", username.lowercased())) }
        if let externalID = user.externalID { result.append(("external_id", externalID)) }
        result += user.externalAccounts.map { ("oauth:\($0.provider)", $0.providerUserID) }
        return result
    }
}
