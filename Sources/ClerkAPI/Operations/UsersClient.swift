/// Every Users operation of the Clerk Backend API (2026-05-12), one typed method each.
///
/// Obtain one from `ClerkClient.users`. Methods refuse input Clerk would refuse before spending a
/// request on it, and throw `ClerkAPIError` only.
public struct UsersClient: Sendable {
    let client: ClerkClient

    init(client: ClerkClient) {
        self.client = client
    }

    /// `GET /users`: one page.
    public func list(_ query: UserListQuery = UserListQuery()) async throws(ClerkAPIError) -> [User] {
        try query.validate()
        return try await client.send(APIRequest(.get, ["users"], query: query.queryItems))
    }

    /// `GET /users/count` with the same filters as `list`.
    public func count(_ filter: UserFilter = UserFilter()) async throws(ClerkAPIError) -> Int {
        try filter.validate()
        let total: TotalCount = try await client.send(APIRequest(.get, ["users", "count"], query: filter.queryItems))
        return total.totalCount
    }

    /// `GET /users/{id}`
    public func get(_ userID: String) async throws(ClerkAPIError) -> User {
        try await client.send(APIRequest(.get, try Self.path(userID)))
    }

    /// `POST /users`
    public func create(_ request: CreateUserRequest) async throws(ClerkAPIError) -> User {
        try await client.send(.json(.post, ["users"], body: request))
    }

    /// `PATCH /users/{id}`
    public func update(_ userID: String, _ request: UpdateUserRequest) async throws(ClerkAPIError) -> User {
        try await client.send(.json(.patch, try Self.path(userID), body: request, perUserLimitKey: userID))
    }

    /// `DELETE /users/{id}`
    public func delete(_ userID: String) async throws(ClerkAPIError) -> DeletedObject {
        try await client.send(APIRequest(.delete, try Self.path(userID)))
    }

    /// `["users", id] + rest`, refusing an empty id (which would address the collection instead).
    static func path(_ userID: String, _ rest: String...) throws(ClerkAPIError) -> [String] {
        guard !userID.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidRequest("a user id is required")
        }
        return ["users", userID] + rest
    }
}
