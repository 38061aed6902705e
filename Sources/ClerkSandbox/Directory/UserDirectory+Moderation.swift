import ClerkAPI
import GRDB

extension UserDirectory {
    func setBanned(_ id: String, _ banned: Bool) async throws -> User {
        try await mutate(id) { user, _, _ in user.banned = banned }
    }

    /// `POST /users/ban` and `/users/unban`: all or nothing, in one transaction.
    func setBanned(_ ids: [String], _ banned: Bool) async throws -> [User] {
        guard !ids.isEmpty else { throw SandboxError.invalid("user_ids", "user_ids must contain at least one user id.") }
        guard ids.count <= 50 else {
            throw SandboxError.invalid("user_ids", "user_ids accepts at most 50 user ids per request, got \(ids.count).")
        }
        let time = now()
        return try await store.write { [store] db in
            var users: [User] = []
            for id in ids {
                var stored = try StoredUser.load(id, in: db)
                stored.user.banned = banned
                stored.user.updatedAt = max(time, stored.user.updatedAt)
                try UserIndexer.save(stored.user, rowid: stored.rowid, search: store.search, in: db)
                users.append(stored.user)
            }
            return users
        }
    }

    func setLocked(_ id: String, _ locked: Bool) async throws -> User {
        try await mutate(id) { user, _, _ in
            user.locked = locked
            user.lockoutExpiresInSeconds = locked ? Self.lockoutSeconds : nil
            user.verificationAttemptsRemaining = locked ? 0 : 100
        }
    }
}
