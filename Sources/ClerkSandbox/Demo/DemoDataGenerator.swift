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

    /// Users are built and encoded in parallel slices while the previous batch is written by the
    /// database's one writer.
    func generate(users count: Int, into database: DatabaseQueue) async throws -> Int {
        var random = SeededRandom(seed: seed)
        let saltBytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        let organizations = DemoNames.organizations.enumerated().map { offset, name in
            let slug = DemoNames.ascii(name).isEmpty ? "org-\(offset)" : DemoNames.ascii(name)
            return Organization(id: IDGenerator.make("org", using: &random), name: name, slug: slug, membersCount: nil,
                                createdAt: now - 900 * UserDirectory.dayMillis, updatedAt: now - 30 * UserDirectory.dayMillis)
        }
        let builder = DemoUserBuilder(seed: seed, now: now, passwordHash: PasswordHasher.hash(Self.demoPassword, salt: saltBytes),
                                      organizations: organizations)
        let organizationRows = try organizations.map(Encoded.init)
        // One transaction for the whole load, held across the batches: the search index flushes
        // and merges its segments at every commit, which cost a fifth of its build time in batches.
        try await database.writeWithoutTransaction { db in
            try db.beginTransaction()
            for organization in organizationRows {
                try db.execute(sql: "INSERT INTO organizations (id, doc) VALUES (?, ?)", arguments: [organization.value.id, organization.json])
            }
        }
        let batchSize = 2_000
        var start = 0
        var pending: Task<[DemoUser], any Error>? = Self.build(start..<min(batchSize, count), with: builder)
        do {
            while let batch = pending {
                let built = try await batch.value
                start += batchSize
                pending = start < count ? Self.build(start..<min(start + batchSize, count), with: builder) : nil
                try await database.writeWithoutTransaction { db in
                    let writer = try DemoRowWriter(db)
                    for demo in built { try writer.insert(demo) }
                }
            }
            try await database.writeWithoutTransaction { db in try db.commit() }
        } catch {
            pending?.cancel()
            try? await database.writeWithoutTransaction { db in try db.rollback() }
            throw error
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
}
