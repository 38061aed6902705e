import ClerkAPI
import Foundation
import GRDB

/// The sandbox's Users API semantics, independent of HTTP: every operation the routes expose,
/// with Clerk's validation and side effects, over `SandboxStore`.
struct UserDirectory: Sendable {
    let store: SandboxStore
    let now: @Sendable () -> UnixMillis
    /// Where this server is reachable, for the URLs it hands out (uploaded profile images).
    let publicBaseURL: @Sendable () -> String

    /// Loads a user, lets `change` edit it and its credentials, stamps `updated_at` and saves
    /// both, all in one transaction. Whatever `change` throws rolls everything back.
    func mutate<Result: Sendable>(
        _ id: String, _ change: @Sendable @escaping (inout User, inout Credentials, Database) throws -> Result
    ) async throws -> (user: User, result: Result) {
        let timestamp = now()
        return try await store.write { db in
            var stored = try StoredUser.load(id, in: db)
            var credentials = try Credentials.load(rowid: stored.rowid, in: db)
            let result = try change(&stored.user, &credentials, db)
            stored.user.updatedAt = max(timestamp, stored.user.updatedAt)
            stored.user.passwordEnabled = credentials.passwordHash != nil
            stored.user.totpEnabled = credentials.totpSecret != nil
            stored.user.backupCodeEnabled = !credentials.backupCodeHashes.isEmpty
            stored.user.twoFactorEnabled = stored.user.totpEnabled || stored.user.backupCodeEnabled
                || stored.user.phoneNumbers.contains { $0.reservedForSecondFactor == true }
            try credentials.save(rowid: stored.rowid, in: db)
            try UserIndexer.save(stored.user, rowid: stored.rowid, search: store.search, in: db)
            return (stored.user, result)
        }
    }

    func mutate(_ id: String, _ change: @Sendable @escaping (inout User, inout Credentials, Database) throws -> Void) async throws -> User {
        try await mutate(id) { user, credentials, db -> Bool in
            try change(&user, &credentials, db)
            return true
        }.user
    }

    /// The stored JSON documents of one page, in order.
    func list(_ query: UserListQuery) async throws -> [String] {
        try await store.read { [store] db in
            var sql = try UserQuerySQL(filter: query.filter, purpose: .page(offset: query.offset, limit: query.limit), search: store.search, in: db)
            if let cursor = query.startingAfter {
                guard let row = try Row.fetchOne(db, sql: "SELECT created_at, rowid FROM users WHERE id = ?", arguments: [cursor]) else {
                    throw SandboxError.invalid("starting_after", "starting_after must be the id of an existing user; \(cursor) is not.")
                }
                sql.after(createdAt: row["created_at"], rowid: row["rowid"], descending: query.order.direction == .descending)
            }
            // Narrow rows are filtered and sorted; documents are read for the page only.
            let page = "SELECT u.rowid FROM users u \(sql.whereClause) \(UserQuerySQL.orderClause(query.order)) LIMIT ? OFFSET ?"
            let rowids = try Int64.fetchAll(db, sql: page, arguments: StatementArguments(sql.arguments + [query.limit, query.offset]))
            guard !rowids.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: rowids.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, doc FROM user_documents WHERE rowid IN (\(placeholders))", arguments: StatementArguments(rowids))
            let documents = Dictionary(rows.map { ($0["rowid"] as Int64, $0["doc"] as String) }, uniquingKeysWith: { first, _ in first })
            return rowids.compactMap { documents[$0] }
        }
    }

    func count(_ filter: UserFilter) async throws -> Int {
        try await store.read { [store] db in
            let sql = try UserQuerySQL(filter: filter, purpose: .count, search: store.search, in: db)
            if let count = sql.textOnlyCount { return count }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM users u \(sql.whereClause)", arguments: StatementArguments(sql.arguments)) ?? 0
        }
    }

    func document(_ id: String) async throws -> String {
        try await store.read { db in
            guard let doc = try String.fetchOne(db, sql: "SELECT d.doc FROM users u JOIN user_documents d ON d.rowid = u.rowid WHERE u.id = ?", arguments: [id]) else {
                throw SandboxError.notFound("user", id: id)
            }
            return doc
        }
    }

    func delete(_ id: String) async throws -> DeletedObject {
        try await store.write { [store] db in
            let rowid = try StoredUser.rowid(of: id, in: db)
            db.afterNextTransaction { _ in store.search.update(rowid, nil) }
            try db.execute(sql: "DELETE FROM user_documents WHERE rowid = ?", arguments: [rowid])
            try db.execute(sql: "DELETE FROM users WHERE rowid = ?", arguments: [rowid])
            return DeletedObject(object: "user", id: id)
        }
    }

    /// Refuses an identifier another user already holds (`exceptUser` may keep its own).
    static func ensureAvailable(_ kind: String, _ value: String, parameter: String, exceptUser: String?, in db: Database) throws {
        let owner = try String.fetchOne(db, sql: """
            SELECT u.id FROM identifiers i JOIN users u ON u.rowid = i.user_rowid WHERE i.kind = ? AND i.value = ? LIMIT 1
            """, arguments: [kind, value])
        if let owner, owner != exceptUser {
            throw SandboxError.identifierExists(parameter, value)
        }
    }
}
