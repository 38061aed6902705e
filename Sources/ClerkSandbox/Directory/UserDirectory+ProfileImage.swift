import ClerkAPI
import Foundation
import GRDB

extension UserDirectory {
    /// Stores the image and serves it from this sandbox, so the URL Clerk would return really works.
    func setProfileImage(_ id: String, data: Data, contentType: String) async throws -> User {
        guard !data.isEmpty else { throw SandboxError.invalid("file", "The uploaded file is empty.") }
        guard contentType.hasPrefix("image/") else {
            throw SandboxError.invalid("file", "The uploaded file must be an image, not \(contentType).")
        }
        let imageID = IDGenerator.make("img")
        let url = "\(publicBaseURL())/sandbox/images/\(imageID)"
        return try await mutate(id) { user, _, db in
            try db.execute(sql: "INSERT INTO images (id, content_type, data) VALUES (?, ?, ?)", arguments: [imageID, contentType, data])
            user.hasImage = true
            user.imageURL = url
            user.profileImageURL = url
        }
    }

    func deleteProfileImage(_ id: String) async throws -> User {
        try await mutate(id) { user, _, _ in
            user.hasImage = false
            user.imageURL = Identifications.defaultImageURL(for: user.id)
            user.profileImageURL = nil
        }
    }

    func image(_ imageID: String) async throws -> (contentType: String, data: Data) {
        try await store.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT content_type, data FROM images WHERE id = ?", arguments: [imageID]) else {
                throw SandboxError.notFound("image", id: imageID)
            }
            return (row["content_type"], row["data"])
        }
    }
}
