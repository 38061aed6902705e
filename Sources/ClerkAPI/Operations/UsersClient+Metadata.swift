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
        let fields = [("public_metadata", update.publicMetadata), ("private_metadata", update.privateMetadata), ("unsafe_metadata", update.unsafeMetadata)]
        for (name, value) in fields {
            if let value, value.objectValue == nil {
                throw .invalidRequest("\(name) must be a JSON object")
            }
        }
    }
}
