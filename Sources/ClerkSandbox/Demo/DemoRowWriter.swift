import GRDB

/// Writes generated users through statements prepared once per batch and bound through SQLite's
/// C interface: with every document and index row computed beforehand, binding and stepping is
/// all the single writer does.
struct DemoRowWriter {
    private let users: BulkStatement
    private let documents: BulkStatement
    private let identifiers: BulkStatement
    private let credentials: BulkStatement
    private let memberships: BulkStatement
    private let invitations: BulkStatement
    private let subscriptions: BulkStatement
    private let ledger: BulkStatement
    private let devices: BulkStatement
    private let tokens: BulkStatement

    init(_ db: Database) throws {
        users = try BulkStatement(UserIndexer.insertUser, in: db)
        documents = try BulkStatement(UserIndexer.insertDocument, in: db)
        identifiers = try BulkStatement(UserIndexer.insertIdentifier, in: db)
        credentials = try BulkStatement(Credentials.upsert, in: db)
        memberships = try BulkStatement("INSERT INTO memberships (id, user_rowid, organization_id, created_at, doc) VALUES (?, ?, ?, ?, ?)", in: db)
        invitations = try BulkStatement("INSERT INTO invitations (id, user_rowid, status, created_at, doc) VALUES (?, ?, ?, ?, ?)", in: db)
        subscriptions = try BulkStatement("INSERT INTO subscriptions (user_rowid, doc) VALUES (?, ?)", in: db)
        ledger = try BulkStatement("""
            INSERT INTO credit_ledger (id, user_rowid, idempotency_key, amount, currency, request_fingerprint, doc)
            VALUES (?, ?, ?, ?, ?, 'demo', ?)
            """, in: db)
        devices = try BulkStatement("INSERT INTO trusted_devices (id, user_rowid, doc) VALUES (?, ?, ?)", in: db)
        tokens = try BulkStatement("INSERT INTO oauth_tokens (user_rowid, provider, doc) VALUES (?, ?, ?)", in: db)
    }

    func insert(_ demo: DemoUser) throws {
        let rowid = demo.rowid
        let rows = demo.rows
        try users.execute { $0.add(rowid); $0.add(rows.columns) }
        try documents.execute { $0.add(rowid); $0.add(demo.document) }
        for (kind, value) in rows.identifiers {
            try identifiers.execute { $0.add(rowid); $0.add(kind); $0.add(value) }
        }
        if demo.credentials != Credentials() {
            try credentials.execute { $0.add(demo.credentials.values(rowid: rowid)) }
        }
        for membership in demo.memberships {
            try memberships.execute {
                $0.add(membership.value.id); $0.add(rowid); $0.add(membership.value.organization.id); $0.add(membership.value.createdAt)
                $0.add(membership.json)
            }
        }
        for invitation in demo.invitations {
            try invitations.execute {
                $0.add(invitation.value.id); $0.add(rowid); $0.add(invitation.value.status?.rawValue ?? "pending"); $0.add(invitation.value.createdAt)
                $0.add(invitation.json)
            }
        }
        if let subscription = demo.subscription {
            try subscriptions.execute { $0.add(rowid); $0.add(subscription.json) }
        }
        if let credit = demo.credit {
            try ledger.execute {
                $0.add(credit.value.id); $0.add(rowid); $0.add("demo-\(rowid)"); $0.add(credit.value.amount.amount)
                $0.add(credit.value.amount.currency); $0.add(credit.json)
            }
        }
        for device in demo.trustedDevices {
            try devices.execute { $0.add(device.value.id); $0.add(rowid); $0.add(device.json) }
        }
        for token in demo.oauthTokens {
            try tokens.execute { $0.add(rowid); $0.add(token.value.provider); $0.add(token.json) }
        }
    }
}
