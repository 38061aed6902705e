import ClerkAPI

/// Every user the console knows, by id: the one copy that the table, the cached pages and the
/// detail view all read. An answer from the API (a page, a reload, an action's result) updates the
/// user everywhere at once.
public struct UserStore: Sendable {
    private var users: [String: User] = [:]

    public init() {}

    public subscript(id: String) -> User? { users[id] }

    public var count: Int { users.count }

    /// Keeps the newer of two copies by `updated_at`, so a slow page fetched before an action
    /// cannot undo what the action's answer showed.
    public mutating func put(_ user: User) {
        if let known = users[user.id], known.updatedAt > user.updatedAt { return }
        users[user.id] = user
    }

    public mutating func put(_ users: [User]) {
        for user in users { put(user) }
    }

    public mutating func remove(_ id: String) {
        users[id] = nil
    }

    /// Forgets users nothing refers to any more, so a long session does not grow without end.
    public mutating func prune(keeping ids: Set<String>) {
        users = users.filter { ids.contains($0.key) }
    }
}
