import ClerkAPI

/// Everything the index tables hold for one user, derived from its document alone.
struct IndexedRows: Sendable {
    /// The `users` columns from `id` to `last_sign_in_at`, in table order.
    var columns: [SQLValue]
    /// Values that identify exactly one user in the instance, normalised for lookup: (kind, value).
    var identifiers: [(String, String)]
    var search: SearchText
    /// The search text in one lower-cased column, for texts shorter than a trigram.
    var haystack: String

    struct SearchText: Sendable {
        var wallets: String
        var emails: String
        var phones: String
        var usernames: String
        var names: String
    }

    init(_ user: User) {
        columns = [
            .text(user.id), .integer(user.createdAt), .integer(user.updatedAt), .text(user.firstName), .text(user.lastName),
            .text(user.username), .text(user.externalID), .text(user.primaryEmailAddress?.emailAddress.lowercased()),
            .text(user.primaryPhoneNumber?.phoneNumber), .text(user.primaryWeb3Wallet?.web3Wallet.lowercased()),
            .bool(user.banned), .bool(user.locked), .integer(user.lastActiveAt), .integer(user.lastSignInAt),
        ]
        identifiers = Self.identifiers(of: user)
        search = Self.searchText(of: user)
        haystack = [search.names, search.emails, search.phones, search.usernames, search.wallets].joined(separator: "\n").lowercased()
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

    private static func searchText(of user: User) -> SearchText {
        let emails = user.emailAddresses.map(\.emailAddress).joined(separator: "\n")
        // Digits-only copies let "2015550142" find "+1 201-555-0142" however it was written; an E.164
        // number already holds its digits as one run, and every trigram costs generation time.
        let phones = user.phoneNumbers.flatMap { phone -> [String] in
            let digits = phone.phoneNumber.filter(\.isNumber)
            return phone.phoneNumber.drop { $0 == "+" } == digits[...] ? [phone.phoneNumber] : [phone.phoneNumber, digits]
        }.joined(separator: "\n")
        // The full name holds both names, so any part of either is a part of it.
        return SearchText(wallets: user.web3Wallets.map(\.web3Wallet).joined(separator: "\n"), emails: emails, phones: phones,
                          usernames: user.username ?? "", names: user.fullName ?? "")
    }
}
