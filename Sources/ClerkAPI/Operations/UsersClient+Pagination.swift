extension UsersClient {
    /// Walks every user matching `filter` newest-first with the `starting_after` cursor, which
    /// costs the same however deep it goes (a large `offset` does not).
    public func all(matching filter: UserFilter = UserFilter(), pageSize: Int = 100) -> AsyncThrowingStream<User, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var cursor: String?
                do {
                    while true {
                        let page = try await list(UserListQuery(filter: filter, order: .newestFirst, limit: pageSize, startingAfter: cursor))
                        for user in page { continuation.yield(user) }
                        guard page.count == pageSize, let last = page.last else { break }
                        cursor = last.id
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
