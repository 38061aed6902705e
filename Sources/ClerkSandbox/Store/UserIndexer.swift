import ClerkAPI
import Foundation
import GRDB

/// Writes a user document and everything derived from it (columns, identifiers, search text) in
/// one go, so that the indexes can never disagree with what the API returns.
enum UserIndexer {
    /// The JSON the sandbox stores and serves for `value`. Keys in the order the type encodes
    /// them: stored documents need no stable order, and encoding is most of generation's cost.
    static func encode(_ value: some Encodable) throws -> String {
        try StreamingJSONEncoder().encodeToString(value)
    }

    /// Inserts (rowid nil) or replaces the user; returns its rowid.
    @discardableResult
    static func save(_ user: User, rowid: Int64?, in db: Database) throws -> Int64 {
        let doc = try encode(user)
        let rows = IndexedRows(user)
        let row: Int64
        if let rowid {
            try db.cachedStatement(sql: """
                UPDATE users SET id = ?, created_at = ?, updated_at = ?, first_name = ?, last_name = ?, username = ?,
                external_id = ?, primary_email = ?, primary_phone = ?, primary_web3 = ?, banned = ?, locked = ?,
                last_active_at = ?, last_sign_in_at = ? WHERE rowid = ?
                """).execute(arguments: StatementArguments(rows.columns + [.integer(rowid)]))
            try db.cachedStatement(sql: "UPDATE user_documents SET doc = ? WHERE rowid = ?").execute(arguments: [doc, rowid])
            for table in ["identifiers WHERE user_rowid", "user_search WHERE rowid", "user_haystack WHERE rowid"] {
                try db.cachedStatement(sql: "DELETE FROM \(table) = ?").execute(arguments: [rowid])
            }
            row = rowid
        } else {
            try db.cachedStatement(sql: Self.insertUser).execute(arguments: StatementArguments([.integer(nil)] + rows.columns))
            row = db.lastInsertedRowID
            try db.cachedStatement(sql: Self.insertDocument).execute(arguments: [row, doc])
        }
        for (kind, value) in rows.identifiers {
            try db.cachedStatement(sql: Self.insertIdentifier).execute(arguments: [row, kind, value])
        }
        let search = rows.search
        try db.cachedStatement(sql: Self.insertSearch)
            .execute(arguments: [row, search.wallets, search.emails, search.phones, search.usernames, search.names])
        try db.cachedStatement(sql: Self.insertHaystack).execute(arguments: [row, rows.haystack])
        return row
    }

    /// Arguments: rowid (nil assigns the next one), then `IndexedRows.columns`.
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
}
