import GRDB

/// Writes generated users through statements prepared once per batch: with everything encoded
/// beforehand, binding and stepping is all the single writer does.
struct DemoRowWriter {
    private let users: Statement
    private let documents: Statement
    private let identifiers: Statement
    private let search: Statement
    private let haystack: Statement
    private let credentials: Statement
    private let memberships: Statement
    private let invitations: Statement
    private let subscriptions: Statement
    private let ledger: Statement
    private let devices: Statement
    private let tokens: Statement

    init(_ db: Database) throws {
        users = try db.makeStatement(sql: UserIndexer.insertUser)
        documents = try db.makeStatement(sql: UserIndexer.insertDocument)
        identifiers = try db.makeStatement(sql: UserIndexer.insertIdentifier)
        search = try db.makeStatement(sql: UserIndexer.insertSearch)
        haystack = try db.makeStatement(sql: UserIndexer.insertHaystack)
        credentials = try db.makeStatement(sql: Credentials.upsert)
        memberships = try db.makeStatement(sql: "INSERT INTO memberships (id, user_rowid, organization_id, created_at, doc) VALUES (?, ?, ?, ?, ?)")
        invitations = try db.makeStatement(sql: "INSERT INTO invitations (id, user_rowid, status, created_at, doc) VALUES (?, ?, ?, ?, ?)")
        subscriptions = try db.makeStatement(sql: "INSERT INTO subscriptions (user_rowid, doc) VALUES (?, ?)")
        ledger = try db.makeStatement(sql: """
            INSERT INTO credit_ledger (id, user_rowid, idempotency_key, amount, currency, request_fingerprint, doc)
            VALUES (?, ?, ?, ?, ?, 'demo', ?)
            """)
        devices = try db.makeStatement(sql: "INSERT INTO trusted_devices (id, user_rowid, doc) VALUES (?, ?, ?)")
        tokens = try db.makeStatement(sql: "INSERT INTO oauth_tokens (user_rowid, provider, doc) VALUES (?, ?, ?)")
    }

    func insert(_ demo: DemoUser) throws {
        let rowid = demo.rowid
        try run(users, [rowid] + UserIndexer.columns(of: demo.user))
        try run(documents, [rowid, demo.document])
        try UserIndexer.saveDerived(of: demo.user, rowid: rowid, identifiers: identifiers, search: search, haystack: haystack)
        if demo.credentials != Credentials() {
            try run(credentials, demo.credentials.arguments(rowid: rowid))
        }
        for membership in demo.memberships {
            try run(memberships, [membership.value.id, rowid, membership.value.organization.id, membership.value.createdAt, membership.json])
        }
        for invitation in demo.invitations {
            try run(invitations, [invitation.value.id, rowid, invitation.value.status?.rawValue ?? "pending", invitation.value.createdAt, invitation.json])
        }
        if let subscription = demo.subscription {
            try run(subscriptions, [rowid, subscription.json])
        }
        if let credit = demo.credit {
            try run(ledger, [credit.value.id, rowid, "demo-\(rowid)", credit.value.amount.amount, credit.value.amount.currency, credit.json])
        }
        for device in demo.trustedDevices {
            try run(devices, [device.value.id, rowid, device.json])
        }
        for token in demo.oauthTokens {
            try run(tokens, [rowid, token.value.provider, token.json])
        }
    }

    private func run(_ statement: Statement, _ arguments: [(any DatabaseValueConvertible)?]) throws {
        statement.setUncheckedArguments(StatementArguments(arguments))
        try statement.execute()
    }
}
