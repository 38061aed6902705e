import ClerkAPI
import Foundation
import GRDB

/// Fills an empty sandbox with deterministic demo users: the same seed gives the same users,
/// names, identifiers and ids everywhere. Timestamps are relative to `now` so that "last active
/// 3h ago" stays realistic.
///
/// Every demo user with a password has the password `DemoDataGenerator.demoPassword`.
struct DemoDataGenerator {
    static let demoPassword = "sandbox-password"

    let seed: UInt64
    let now: UnixMillis

    /// Users are built in parallel slices and written by one writer in a single transaction.
    func generate(users count: Int, into store: SandboxStore) async throws -> Int {
        var random = SeededRandom(seed: seed)
        let saltBytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        let organizations = DemoNames.organizations.enumerated().map { offset, name in
            let slug = DemoNames.ascii(name).isEmpty ? "org-\(offset)" : DemoNames.ascii(name)
            return Organization(id: IDGenerator.make("org", using: &random), name: name, slug: slug, membersCount: nil,
                                createdAt: now - 900 * UserDirectory.dayMillis, updatedAt: now - 30 * UserDirectory.dayMillis)
        }
        let builder = DemoUserBuilder(seed: seed, now: now, passwordHash: PasswordHasher.hash(Self.demoPassword, salt: saltBytes),
                                      organizations: organizations)
        try await store.write { db in
            for organization in organizations {
                try db.execute(sql: "INSERT INTO organizations (id, doc) VALUES (?, ?)",
                               arguments: [organization.id, String(decoding: try WireCoding.encoder.encode(organization), as: UTF8.self)])
            }
        }
        // While one batch is written (SQLite has one writer), the next is being built on the other cores.
        let batchSize = 4_000
        var start = 0
        var pending: Task<[DemoUser], any Error>? = Self.build(start..<min(batchSize, count), with: builder)
        while let batch = pending {
            let built = try await batch.value
            start += batchSize
            pending = start < count ? Self.build(start..<min(start + batchSize, count), with: builder) : nil
            try await store.write { db in
                let encoder = WireCoding.encoder
                let timestamps = ISO8601DateFormatter()
                for demo in built { try Self.insert(demo, into: store, db: db, encoder: encoder, timestamps: timestamps) }
            }
        }
        return count
    }

    /// Builds `range` split across the processor's cores, in order.
    private static func build(_ range: Range<Int>, with builder: DemoUserBuilder) -> Task<[DemoUser], any Error> {
        Task {
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let sliceSize = (range.count + workers - 1) / workers
            return try await withThrowingTaskGroup(of: (Int, [DemoUser]).self) { group in
                for worker in 0..<workers {
                    let slice = (range.lowerBound + worker * sliceSize)..<min(range.lowerBound + (worker + 1) * sliceSize, range.upperBound)
                    guard !slice.isEmpty else { continue }
                    group.addTask { (worker, try slice.map { try builder.build($0) }) }
                }
                var results = Array(repeating: [DemoUser](), count: workers)
                for try await (worker, users) in group { results[worker] = users }
                return results.flatMap { $0 }
            }
        }
    }

    private static func insert(_ demo: DemoUser, into store: SandboxStore, db: Database, encoder: JSONEncoder, timestamps: ISO8601DateFormatter) throws {
        let rowid = try store.indexer.save(demo.user, document: demo.document, rowid: nil, in: db)
        try demo.credentials.save(rowid: rowid, in: db)
        for membership in demo.memberships {
            try db.cachedStatement(sql: "INSERT INTO memberships (id, user_rowid, organization_id, created_at, doc) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [membership.id, rowid, membership.organization.id, membership.createdAt,
                                     String(decoding: try encoder.encode(membership), as: UTF8.self)])
        }
        for invitation in demo.invitations {
            try db.cachedStatement(sql: "INSERT INTO invitations (id, user_rowid, status, created_at, doc) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [invitation.id, rowid, invitation.status?.rawValue ?? "pending", invitation.createdAt,
                                     String(decoding: try encoder.encode(invitation), as: UTF8.self)])
        }
        if let subscription = demo.subscription {
            try db.cachedStatement(sql: "INSERT INTO subscriptions (user_rowid, doc) VALUES (?, ?)")
                .execute(arguments: [rowid, String(decoding: try encoder.encode(subscription), as: UTF8.self)])
        }
        if let cents = demo.creditCents {
            let entryID = "cledg_demo_\(rowid)"
            let entry = CreditLedgerEntry(id: entryID, payerID: "cpayer_" + demo.user.id.dropFirst(5), amount: UserDirectory.money(cents, "USD"),
                                          sourceType: "manual_adjustment", sourceID: entryID, note: "Welcome credit",
                                          createdAt: timestamps.string(from: Date(unixMillis: demo.user.createdAt)))
            try db.cachedStatement(sql: """
                INSERT INTO credit_ledger (id, user_rowid, idempotency_key, amount, currency, request_fingerprint, doc)
                VALUES (?, ?, ?, ?, 'USD', 'demo', ?)
                """).execute(arguments: [entryID, rowid, "demo-\(rowid)", cents, String(decoding: try encoder.encode(entry), as: UTF8.self)])
        }
        for device in demo.trustedDevices {
            try db.cachedStatement(sql: "INSERT INTO trusted_devices (id, user_rowid, doc) VALUES (?, ?, ?)")
                .execute(arguments: [device.id, rowid, String(decoding: try encoder.encode(device), as: UTF8.self)])
        }
        for token in demo.oauthTokens {
            try db.cachedStatement(sql: "INSERT INTO oauth_tokens (user_rowid, provider, doc) VALUES (?, ?, ?)")
                .execute(arguments: [rowid, token.provider, String(decoding: try encoder.encode(token), as: UTF8.self)])
        }
    }
}
