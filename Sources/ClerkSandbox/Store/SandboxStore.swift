import ClerkAPI
import Foundation
import GRDB

/// The sandbox's SQLite database (WAL): a file the caller names, or a temporary one that is
/// removed when the store goes away.
final class SandboxStore: Sendable {
    let writer: DatabasePool
    let search: SearchIndex
    private let temporaryPath: String?

    /// A new path for a database that lives as long as its store. The name carries the process id,
    /// so that files left by a process that died without cleaning up (killed, crashed, a test run
    /// whose fixtures outlive it) are recognised and removed by the next sandbox to start.
    static func temporaryPath() -> String {
        removeAbandonedTemporaryFiles()
        return temporaryDirectory.appendingPathComponent("\(temporaryPrefix)\(getpid())-\(UUID().uuidString).sqlite").path
    }

    private static let temporaryPrefix = "clerk-sandbox-"
    private static var temporaryDirectory: URL { FileManager.default.temporaryDirectory }

    /// Removes temporary databases (and their -wal, -shm, .loading files) of processes that no longer run.
    static func removeAbandonedTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporaryDirectory.path) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            guard let owner = pid_t(name.dropFirst(temporaryPrefix.count).prefix { $0.isNumber }), owner > 0 else { continue }
            // ESRCH: no such process. EPERM means it runs under another user, and is left alone.
            if kill(owner, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: temporaryDirectory.appendingPathComponent(name))
            }
        }
    }

    init(path: String, temporary: Bool) throws {
        temporaryPath = temporary ? path : nil
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Durability across power loss is not worth write speed for a sandbox.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try RowSetFunction.register(in: db)
        }
        configuration.maximumReaderCount = 8
        writer = try DatabasePool(path: path, configuration: configuration)
        try Schema.migrator().migrate(writer)
        try writer.write { db in try Schema.createIndexes(db) }
        search = try writer.read { db in try SearchIndex(loadingFrom: db) }
    }

    deinit {
        if let temporaryPath { BulkLoad.removeFiles(of: temporaryPath) }
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        try await writer.write(body)
    }
}

/// A user as loaded for a change: its rowid (the key of every side table) and its document.
struct StoredUser: Sendable {
    var rowid: Int64
    var user: User

    static func load(_ id: String, in db: Database) throws -> StoredUser {
        guard let row = try Row.fetchOne(db, sql: "SELECT u.rowid, d.doc FROM users u JOIN user_documents d ON d.rowid = u.rowid WHERE u.id = ?", arguments: [id]) else {
            throw SandboxError.notFound("user", id: id)
        }
        let doc: String = row["doc"]
        return StoredUser(rowid: row["rowid"], user: try WireCoding.decoder.decode(User.self, from: Data(doc.utf8)))
    }

    static func rowid(of id: String, in db: Database) throws -> Int64 {
        guard let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM users WHERE id = ?", arguments: [id]) else {
            throw SandboxError.notFound("user", id: id)
        }
        return rowid
    }
}

/// The secrets behind a user: never part of the user document, never returned by the API.
struct Credentials: Sendable, Equatable {
    var passwordHash: String?
    var passwordCompromised = false
    var totpSecret: String?
    var backupCodeHashes: [String] = []

    static func load(rowid: Int64, in db: Database) throws -> Credentials {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM credentials WHERE user_rowid = ?", arguments: [rowid]) else {
            return Credentials()
        }
        let codes: String = row["backup_code_hashes"]
        return Credentials(
            passwordHash: row["password_hash"], passwordCompromised: row["password_compromised"], totpSecret: row["totp_secret"],
            backupCodeHashes: (try? JSONDecoder().decode([String].self, from: Data(codes.utf8))) ?? [])
    }

    func save(rowid: Int64, in db: Database) throws {
        try db.cachedStatement(sql: Self.upsert).execute(arguments: StatementArguments(values(rowid: rowid)))
    }

    /// Parameters: `values(rowid:)`.
    static let upsert = """
        INSERT INTO credentials (user_rowid, password_hash, password_compromised, totp_secret, backup_code_hashes)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(user_rowid) DO UPDATE SET password_hash = excluded.password_hash,
        password_compromised = excluded.password_compromised, totp_secret = excluded.totp_secret,
        backup_code_hashes = excluded.backup_code_hashes
        """

    /// The parameters of `upsert`.
    func values(rowid: Int64) -> [SQLValue] {
        // Hex digests need no escaping: a JSON array by hand is exact and far cheaper than an encoder per row.
        let codes = "[" + backupCodeHashes.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return [.integer(rowid), .text(passwordHash), .bool(passwordCompromised), .text(totpSecret), .text(codes)]
    }
}
