import ClerkAPI
import Foundation
import GRDB

/// Writes a user document and everything derived from it (columns, identifiers, search text) in
/// one go, so that the indexes can never disagree with what the API returns.
struct UserIndexer {
    /// Unsorted keys: stored documents need no stable order, and sorting every object's keys
    /// showed in profiles of demo generation.
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    func document(_ user: User) throws -> String {
        String(decoding: try encoder.encode(user), as: UTF8.self)
    }

    /// Inserts (rowid nil) or replaces the user; returns its rowid.
    @discardableResult
    func save(_ user: User, rowid: Int64?, in db: Database) throws -> Int64 {
        try save(user, document: try document(user), rowid: rowid, in: db)
    }

    /// As `save(_:rowid:in:)`, with the document already encoded (demo generation encodes in parallel).
    @discardableResult
    func save(_ user: User, document doc: String, rowid: Int64?, in db: Database) throws -> Int64 {
        let columns: [(any DatabaseValueConvertible)?] = [
            user.id, user.createdAt, user.updatedAt, user.firstName, user.lastName, user.username, user.externalID,
            user.primaryEmailAddress?.emailAddress.lowercased(), user.primaryPhoneNumber?.phoneNumber,
            user.primaryWeb3Wallet?.web3Wallet.lowercased(), user.banned, user.locked, user.lastActiveAt, user.lastSignInAt,
        ]
        let row: Int64
        if let rowid {
            try db.cachedStatement(sql: """
                UPDATE users SET id = ?, created_at = ?, updated_at = ?, first_name = ?, last_name = ?, username = ?,
                external_id = ?, primary_email = ?, primary_phone = ?, primary_web3 = ?, banned = ?, locked = ?,
                last_active_at = ?, last_sign_in_at = ? WHERE rowid = ?
                """).execute(arguments: StatementArguments(columns + [rowid]))
            try db.cachedStatement(sql: "UPDATE user_documents SET doc = ? WHERE rowid = ?").execute(arguments: [doc, rowid])
            try db.cachedStatement(sql: "DELETE FROM identifiers WHERE user_rowid = ?").execute(arguments: [rowid])
            try db.cachedStatement(sql: "DELETE FROM user_search WHERE rowid = ?").execute(arguments: [rowid])
            row = rowid
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO users (id, created_at, updated_at, first_name, last_name, username, external_id, primary_email,
                primary_phone, primary_web3, banned, locked, last_active_at, last_sign_in_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: StatementArguments(columns))
            row = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO user_documents (rowid, doc) VALUES (?, ?)").execute(arguments: [row, doc])
        }
        let insertIdentifier = try db.cachedStatement(sql: "INSERT INTO identifiers (user_rowid, kind, value) VALUES (?, ?, ?)")
        for (kind, value) in Self.identifiers(of: user) {
            try insertIdentifier.execute(arguments: [row, kind, value])
        }
        let search = Self.searchText(of: user)
        try db.cachedStatement(sql: "INSERT INTO user_search (rowid, ids, emails, phones, usernames, names) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [row, search.ids, search.emails, search.phones, search.usernames, search.names])
        return row
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
        /// The user id and web3 wallets.
        var ids: String
        var emails: String
        var phones: String
        var usernames: String
        var names: String
    }

    static func searchText(of user: User) -> SearchText {
        let emails = user.emailAddresses.map(\.emailAddress).joined(separator: "\n")
        // Digits-only copies let "2015550142" find "+1 201-555-0142" however it was written.
        let phones = user.phoneNumbers.flatMap { [$0.phoneNumber, $0.phoneNumber.filter(\.isNumber)] }.joined(separator: "\n")
        let usernames = user.username ?? ""
        let names = [user.firstName, user.lastName, user.fullName].compactMap { $0 }.joined(separator: "\n")
        let ids = ([user.id] + user.web3Wallets.map(\.web3Wallet)).joined(separator: "\n")
        return SearchText(ids: ids, emails: emails, phones: phones, usernames: usernames, names: names)
    }
}
