import GRDB

/// The sandbox's tables. Each user is stored as the exact JSON the API returns
/// (`user_documents.doc`), so a page of users is served without decoding and re-encoding; `users`
/// and the other tables are indexes kept in step with the document on every write.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    rowid INTEGER PRIMARY KEY,
                    -- Unique through users_id, which a bulk load builds after the rows are in.
                    id TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    first_name TEXT COLLATE NOCASE,
                    last_name TEXT COLLATE NOCASE,
                    username TEXT COLLATE NOCASE,
                    external_id TEXT,
                    primary_email TEXT COLLATE NOCASE,
                    primary_phone TEXT,
                    primary_web3 TEXT COLLATE NOCASE,
                    banned INTEGER NOT NULL DEFAULT 0,
                    locked INTEGER NOT NULL DEFAULT 0,
                    last_active_at INTEGER,
                    last_sign_in_at INTEGER
                );
                -- The documents live apart so that filtering and sorting read narrow rows only.
                CREATE TABLE user_documents (rowid INTEGER PRIMARY KEY REFERENCES users(rowid) ON DELETE CASCADE, doc TEXT NOT NULL);
                -- Exact-match identifiers, unique per instance: email, phone, web3, username, external_id,
                -- and oauth:<provider> → provider user id.
                CREATE TABLE identifiers (
                    user_rowid INTEGER NOT NULL REFERENCES users(rowid) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL
                );

                CREATE TABLE credentials (
                    user_rowid INTEGER PRIMARY KEY REFERENCES users(rowid) ON DELETE CASCADE,
                    password_hash TEXT,
                    password_compromised INTEGER NOT NULL DEFAULT 0,
                    totp_secret TEXT,
                    backup_code_hashes TEXT NOT NULL DEFAULT '[]'
                );

                CREATE TABLE organizations (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
                CREATE TABLE memberships (
                    id TEXT PRIMARY KEY,
                    user_rowid INTEGER NOT NULL REFERENCES users(rowid) ON DELETE CASCADE,
                    organization_id TEXT NOT NULL REFERENCES organizations(id),
                    created_at INTEGER NOT NULL,
                    doc TEXT NOT NULL
                );
                CREATE INDEX memberships_user ON memberships(user_rowid);
                CREATE INDEX memberships_org ON memberships(organization_id);
                CREATE TABLE invitations (
                    id TEXT PRIMARY KEY,
                    user_rowid INTEGER NOT NULL REFERENCES users(rowid) ON DELETE CASCADE,
                    status TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    doc TEXT NOT NULL
                );
                CREATE INDEX invitations_user ON invitations(user_rowid);

                CREATE TABLE credit_ledger (
                    id TEXT PRIMARY KEY,
                    user_rowid INTEGER NOT NULL REFERENCES users(rowid) ON DELETE CASCADE,
                    idempotency_key TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    request_fingerprint TEXT NOT NULL,
                    doc TEXT NOT NULL,
                    UNIQUE (user_rowid, idempotency_key)
                );
                CREATE TABLE subscriptions (
                    user_rowid INTEGER PRIMARY KEY REFERENCES users(rowid) ON DELETE CASCADE,
                    doc TEXT NOT NULL
                );
                CREATE TABLE trusted_devices (
                    id TEXT PRIMARY KEY,
                    user_rowid INTEGER NOT NULL REFERENCES users(rowid) ON DELETE CASCADE,
                    doc TEXT NOT NULL
                );
                CREATE INDEX trusted_devices_user ON trusted_devices(user_rowid);
                CREATE TABLE oauth_tokens (
                    user_rowid INTEGER NOT NULL REFERENCES users(rowid) ON DELETE CASCADE,
                    provider TEXT NOT NULL,
                    doc TEXT NOT NULL
                );
                CREATE INDEX oauth_tokens_user ON oauth_tokens(user_rowid, provider);
                CREATE TABLE images (id TEXT PRIMARY KEY, content_type TEXT NOT NULL, data BLOB NOT NULL);
                """)
        }
        // Text search runs in memory over `users` and `identifiers` (SearchIndex): files from
        // versions that kept search tables lose them, with the space and the work of updating them.
        migrator.registerMigration("v2-search-in-memory") { db in
            try db.execute(sql: "DROP TABLE IF EXISTS user_search; DROP TABLE IF EXISTS user_haystack")
        }
        return migrator
    }

    /// The secondary indexes. Created after a bulk load rather than maintained row by row during it,
    /// which is several times faster; idempotent, so every start runs it (a bulk load also analyzes).
    static func createIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE UNIQUE INDEX IF NOT EXISTS users_id ON users(id);
            CREATE INDEX IF NOT EXISTS users_created ON users(created_at, rowid);
            CREATE INDEX IF NOT EXISTS users_updated ON users(updated_at, rowid);
            CREATE INDEX IF NOT EXISTS users_first_name ON users(first_name);
            CREATE INDEX IF NOT EXISTS users_last_name ON users(last_name);
            CREATE INDEX IF NOT EXISTS users_username ON users(username);
            CREATE INDEX IF NOT EXISTS users_email ON users(primary_email);
            CREATE INDEX IF NOT EXISTS users_phone ON users(primary_phone);
            CREATE INDEX IF NOT EXISTS users_web3 ON users(primary_web3);
            CREATE INDEX IF NOT EXISTS users_last_active ON users(last_active_at);
            CREATE INDEX IF NOT EXISTS users_last_sign_in ON users(last_sign_in_at);
            CREATE INDEX IF NOT EXISTS users_banned ON users(banned);
            CREATE INDEX IF NOT EXISTS identifiers_lookup ON identifiers(kind, value);
            CREATE INDEX IF NOT EXISTS identifiers_user ON identifiers(user_rowid);
            """)
    }
}
