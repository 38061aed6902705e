import ClerkAPI
import Foundation
import GRDB

/// Writes a user document and everything derived from it (columns, identifiers, search text) in
/// one go, so that the indexes can never disagree with what the API returns. The search index
/// learns of the change when the transaction commits, and never of one rolled back.
enum UserIndexer {
    /// The JSON the sandbox stores and serves for `value`. Keys in the order the type encodes
    /// them: stored documents need no stable order, and encoding is most of generation's cost.
    static func encode(_ value: some Encodable) throws -> String {
        try StreamingJSONEncoder().encodeToString(value)
    }

    /// Inserts (rowid nil) or replaces the user; returns its rowid.
    @discardableResult
    static func save(_ user: User, rowid: Int64?, search: SearchIndex, in db: Database) throws -> Int64 {
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
            try db.cachedStatement(sql: "DELETE FROM identifiers WHERE user_rowid = ?").execute(arguments: [rowid])
            row = rowid
        } else {
            try db.cachedStatement(sql: Self.insertUser).execute(arguments: StatementArguments([.integer(nil)] + rows.columns))
            row = db.lastInsertedRowID
            try db.cachedStatement(sql: Self.insertDocument).execute(arguments: [row, doc])
        }
        for (kind, value) in rows.identifiers {
            try db.cachedStatement(sql: Self.insertIdentifier).execute(arguments: [row, kind, value])
        }
        let text = SearchText(user)
        db.afterNextTransaction { _ in search.update(row, text) }
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
}
