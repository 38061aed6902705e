import ClerkAPI
import Foundation
import GRDB

/// Writes a user document and everything derived from it (columns, identifiers, search text) in
/// one go, so that the indexes can never disagree with what the API returns.
struct UserIndexer {
    /// The JSON the sandbox stores and serves for `value`. Keys in the order the type encodes
    /// them: stored documents need no stable order, and encoding is most of generation's cost.
    static func encode(_ value: some Encodable) throws -> String {
        try StreamingJSONEncoder().encodeToString(value)
    }

    func document(_ user: User) throws -> String {
        try Self.encode(user)
    }

    /// Inserts (rowid nil) or replaces the user; returns its rowid.
    @discardableResult
    func save(_ user: User, rowid: Int64?, in db: Database) throws -> Int64 {
        let doc = try document(user)
        let row: Int64
        if let rowid {
            try db.cachedStatement(sql: """
                UPDATE users SET id = ?, created_at = ?, updated_at = ?, first_name = ?, last_name = ?, username = ?,
                external_id = ?, primary_email = ?, primary_phone = ?, primary_web3 = ?, banned = ?, locked = ?,
                last_active_at = ?, last_sign_in_at = ? WHERE rowid = ?
                """).execute(arguments: StatementArguments(Self.columns(of: user) + [rowid]))
            try db.cachedStatement(sql: "UPDATE user_documents SET doc = ? WHERE rowid = ?").execute(arguments: [doc, rowid])
            try db.cachedStatement(sql: "DELETE FROM identifiers WHERE user_rowid = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "DELETE FROM user_search WHERE rowid = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "DELETE FROM user_haystack WHERE rowid = ?").execute(arguments: [rowid])
            row = rowid
        } else {
            try db.cachedStatement(sql: Self.insertUser).execute(arguments: StatementArguments([nil] + Self.columns(of: user)))
            row = db.lastInsertedRowID
            try db.cachedStatement(sql: Self.insertDocument).execute(arguments: [row, doc])
        }
        try Self.saveDerived(of: user, rowid: row, identifiers: db.cachedStatement(sql: Self.insertIdentifier),
                             search: db.cachedStatement(sql: Self.insertSearch), haystack: db.cachedStatement(sql: Self.insertHaystack))
        return row
    }

    /// Writes the identifiers and search text of a user whose old ones are gone.
    static func saveDerived(of user: User, rowid: Int64, identifiers: Statement, search: Statement, haystack: Statement) throws {
        for (kind, value) in Self.identifiers(of: user) {
            identifiers.setUncheckedArguments([rowid, kind, value])
            try identifiers.execute()
        }
        let text = Self.searchText(of: user)
        search.setUncheckedArguments([rowid, text.wallets, text.emails, text.phones, text.usernames, text.names])
        try search.execute()
        haystack.setUncheckedArguments([rowid, text.haystack])
        try haystack.execute()
    }

    /// Arguments: rowid (nil assigns the next one), then `columns(of:)`.
    static let insertUser = """
        INSERT INTO users (rowid, id, created_at, updated_at, first_name, last_name, username, external_id, primary_email,
        primary_phone, primary_web3, banned, locked, last_active_at, last_sign_in_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertDocument = "INSERT INTO user_documents (rowid, doc) VALUES (?, ?)"
    static let insertIdentifier = "INSERT INTO identifiers (user_rowid, kind, value) VALUES (?, ?, ?)"
    static let insertSearch = "INSERT INTO user_search (rowid, wallets, emails, phones, usernames, names) VALUES (?, ?, ?, ?, ?, ?)"
    /// A plain INSERT after a DELETE: INSERT OR REPLACE added 5 s to a 100,000-user load here, INSERT under 1 s.
    static let insertHaystack = "INSERT INTO user_haystack (rowid, text) VALUES (?, ?)"

    /// The `users` columns from `id` to `last_sign_in_at`, in table order.
    static func columns(of user: User) -> [(any DatabaseValueConvertible)?] {
        [
            user.id, user.createdAt, user.updatedAt, user.firstName, user.lastName, user.username, user.externalID,
            user.primaryEmailAddress?.emailAddress.lowercased(), user.primaryPhoneNumber?.phoneNumber,
            user.primaryWeb3Wallet?.web3Wallet.lowercased(), user.banned, user.locked, user.lastActiveAt, user.lastSignInAt,
        ]
    }

    /// Values that identify exactly one user in the instance, normalised for lookup.
    static func identifiers(of user: User) -> [(String, String)] {
        var result: [(String, String)] = []
        result += user.emailAddresses.map { ("email", $0.emailAddress.lowercased()) }
        result += user.phoneNumbers.map { ("phone", $0.phoneNumber) }
        result += user.web3Wallets.map { ("web3", $0.web3Wallet.lowercased()) }
        if let username = user.username { result.append(("username", username.lowercased())) }
        if let externalID = user.externalID { result.append(("external_id", externalID)) }
        result += user.externalAccounts.map { ("oauth:\($0.provider)", $0.providerUserID) }
        return result
    }

    struct SearchText {
        var wallets: String
        var emails: String
        var phones: String
        var usernames: String
        var names: String

        /// Everything above in one lower-cased text, for scans.
        var haystack: String { [names, emails, phones, usernames, wallets].joined(separator: "\n").lowercased() }
    }

    static func searchText(of user: User) -> SearchText {
        let emails = user.emailAddresses.map(\.emailAddress).joined(separator: "\n")
        // Digits-only copies let "2015550142" find "+1 201-555-0142" however it was written; an E.164
        // number already holds its digits as one run, and every trigram costs generation time.
        let phones = user.phoneNumbers.flatMap { phone -> [String] in
            let digits = phone.phoneNumber.filter(\.isNumber)
            return phone.phoneNumber.drop { $0 == "+" } == digits[...] ? [phone.phoneNumber] : [phone.phoneNumber, digits]
        }.joined(separator: "\n")
        let usernames = user.username ?? ""
        // The full name holds both names, so any part of either is a part of it.
        let names = user.fullName ?? ""
        let wallets = user.web3Wallets.map(\.web3Wallet).joined(separator: "\n")
        return SearchText(wallets: wallets, emails: emails, phones: phones, usernames: usernames, names: names)
    }
}
