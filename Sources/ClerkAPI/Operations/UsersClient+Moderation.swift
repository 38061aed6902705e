extension UsersClient {
    /// Clerk accepts at most this many ids per bulk ban/unban call.
    public static let bulkChunkSize = 50

    /// `POST /users/{id}/ban`: revokes sessions and blocks sign-in.
    public func ban(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.post, try Self.path(userID, "ban")))
    }

    /// `POST /users/{id}/unban`
    public func unban(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.post, try Self.path(userID, "unban")))
    }

    /// `POST /users/ban` for any number of users, in calls of at most 50. Users banned by earlier
    /// chunks stay banned if a later chunk fails; the error says how far it got.
    public func ban(_ userIDs: [String]) async throws(BulkOperationError) -> [User] {
        try await bulk(["users", "ban"], userIDs)
    }

    /// `POST /users/unban` for any number of users, in calls of at most 50.
    public func unban(_ userIDs: [String]) async throws(BulkOperationError) -> [User] {
        try await bulk(["users", "unban"], userIDs)
    }

    /// `POST /users/{id}/lock`: blocks sign-in until the instance's lockout expires.
    public func lock(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.post, try Self.path(userID, "lock")))
    }

    /// `POST /users/{id}/unlock`
    public func unlock(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.post, try Self.path(userID, "unlock")))
    }

    private struct UserIDs: Encodable {
        var userIDs: [String]
        enum CodingKeys: String, CodingKey { case userIDs = "user_ids" }
    }

    private func bulk(_ path: [String], _ userIDs: [String]) async throws(BulkOperationError) -> [User] {
        let unique = userIDs.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else {
            throw BulkOperationError(completed: [], remaining: [], underlying: .invalidRequest("no user ids given"))
        }
        var done: [User] = []
        var index = 0
        while index < unique.count {
            let chunk = Array(unique[index..<min(index + Self.bulkChunkSize, unique.count)])
            do {
                // Ban/unban are idempotent (banning a banned user changes nothing), so a chunk is safe to retry.
                let request = try APIRequest.json(.post, path, body: UserIDs(userIDs: chunk), retrySafety: .safe)
                done += try await client.send(request, as: [User].self)
            } catch {
                throw BulkOperationError(completed: done, remaining: Array(unique[index...]), underlying: error)
            }
            index += chunk.count
        }
        return done
    }
}

/// A bulk operation stopped part-way: what was done, what was not, and why.
public struct BulkOperationError: Error, Sendable, Hashable {
    public var completed: [User]
    public var remaining: [String]
    public var underlying: ClerkAPIError

    public init(completed: [User], remaining: [String], underlying: ClerkAPIError) {
        self.completed = completed
        self.remaining = remaining
        self.underlying = underlying
    }
}
