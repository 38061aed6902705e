import Foundation
import GRDB

/// Filling an empty database with demo users through one connection tuned for a single writer
/// and no readers: no journal, no syncs, a large page cache, indexes built once at the end.
///
/// A new file is filled under a temporary name and renamed when complete, so that an
/// interrupted load never leaves a half-filled database where the sandbox would reuse it.
enum BulkLoad {
    /// Whether `path` is missing or holds no users, so that demo data belongs there.
    static func isEmpty(_ path: String) throws -> Bool {
        guard isNew(path) else {
            let queue = try DatabaseQueue(path: path)
            return try queue.read { db in
                try !db.tableExists("users") || Int.fetchOne(db, sql: "SELECT count(*) FROM users") == 0
            }
        }
        return true
    }

    static func fill<Result>(_ path: String, _ body: (DatabaseQueue) async throws -> Result) async throws -> Result {
        let fresh = isNew(path)
        let target = fresh ? path + ".loading" : path
        if fresh { removeFiles(of: target) }
        var configuration = Configuration()
        // The load is one transaction across many accesses (see DemoDataGenerator).
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            if fresh {
                // Before the first table. 64 KB pages: 1–3 KB documents pack without waste, and the
                // load writes an eighth as many pages; 0.7–1.2 s faster than 8 KB in interleaved
                // runs here, with no change to query latency.
                try db.execute(sql: "PRAGMA page_size = \(pageSize); PRAGMA journal_mode = OFF")
            }
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
        }
        do {
            let queue = try DatabaseQueue(path: target, configuration: configuration)
            try Schema.migrator().migrate(queue)
            let result = try await body(queue)
            try await queue.write { db in
                try Schema.createIndexes(db)
                // Statistics from a sample of each index: the planner needs their shape, not exact counts.
                try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            }
            try queue.close()
            if fresh {
                try FileManager.default.moveItem(atPath: target, toPath: path)
            }
            return result
        } catch {
            if fresh { removeFiles(of: target) }
            throw error
        }
    }

    private static let pageSize = 65536

    private static func isNew(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return (size ?? 0) == 0
    }

    static func removeFiles(of path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
