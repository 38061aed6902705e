import ClerkAPI

extension UserDirectory {
    /// `PATCH /users/{id}/metadata`: Clerk's deep merge, the same function the console previews with.
    func mergeMetadata(_ id: String, _ update: MetadataUpdate) async throws -> User {
        try Self.validate(update)
        return try await mutate(id) { user, _, _ in
            if let patch = update.publicMetadata { user.publicMetadata = user.publicMetadata.deepMerged(with: patch) }
            if let patch = update.privateMetadata { user.privateMetadata = (user.privateMetadata ?? .emptyObject).deepMerged(with: patch) }
            if let patch = update.unsafeMetadata { user.unsafeMetadata = (user.unsafeMetadata ?? .emptyObject).deepMerged(with: patch) }
        }
    }

    /// `PUT /users/{id}/metadata`: each given field replaced whole.
    func replaceMetadata(_ id: String, _ update: MetadataUpdate) async throws -> User {
        try Self.validate(update)
        return try await mutate(id) { user, _, _ in
            if let value = update.publicMetadata { user.publicMetadata = value }
            if let value = update.privateMetadata { user.privateMetadata = value }
            if let value = update.unsafeMetadata { user.unsafeMetadata = value }
        }
    }

    static func validate(_ update: MetadataUpdate) throws {
        if let field = update.firstNonObjectField { throw SandboxError.invalid(field, "\(field) must be a JSON object.") }
    }
}
