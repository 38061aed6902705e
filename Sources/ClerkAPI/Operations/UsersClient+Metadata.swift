extension UsersClient {
    /// `PATCH /users/{id}/metadata`: deep merge (see `JSONValue.deepMerged(with:)`); `null` deletes.
    public func mergeMetadata(_ userID: String, _ update: MetadataUpdate) async throws(ClerkAPIError) -> User {
        try Self.validate(update)
        return try await client.send(.json(.patch, try Self.path(userID, "metadata"), body: update, perUserLimitKey: userID))
    }

    /// `PUT /users/{id}/metadata`: replaces each field given wholesale; omitted fields are untouched.
    public func replaceMetadata(_ userID: String, _ update: MetadataUpdate) async throws(ClerkAPIError) -> User {
        try Self.validate(update)
        // Replacing with the same value twice leaves the same state, so PUT may be retried.
        return try await client.send(.json(.put, try Self.path(userID, "metadata"), body: update, retrySafety: .safe, perUserLimitKey: userID))
    }

    private static func validate(_ update: MetadataUpdate) throws(ClerkAPIError) {
        guard !update.isEmpty else { throw .invalidRequest("no metadata to send") }
        if let field = update.firstNonObjectField { throw .invalidRequest("\(field) must be a JSON object") }
    }
}
