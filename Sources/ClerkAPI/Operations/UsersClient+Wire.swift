import Foundation

/// One page of `GET /users` as Clerk's bytes: for writing users on unchanged (json, ndjson).
public struct WireUserPage: Sendable {
    public let users: CompactJSONArray
    /// The last user's id, for the next page's `starting_after`.
    public let lastID: String?
}

extension UsersClient {
    /// `GET /users`, the users left as Clerk wrote them: one pass over the bytes instead of a decode.
    public func listWire(_ query: UserListQuery) async throws(ClerkAPIError) -> WireUserPage {
        try query.validate()
        let request = APIRequest(.get, ["users"], query: query.queryItems)
        let response = try await client.perform(request)
        func undecodable(_ reason: String) -> ClerkAPIError {
            .undecodable(UndecodableResponse(status: response.status, body: ClerkClient.excerpt(response.body), reason: reason,
                                             method: request.method.rawValue, path: request.path))
        }
        let users: CompactJSONArray
        do {
            users = try CompactJSONArray(response.body)
        } catch {
            throw undecodable("not a JSON array of users: \(error)")
        }
        guard let last = users.elements.last else { return WireUserPage(users: users, lastID: nil) }
        // Only the last user is decoded, and only its id.
        struct Identified: Decodable { var id: String }
        do {
            let id = try WireCoding.decoder.decode(Identified.self, from: Data(users.bytes[last])).id
            return WireUserPage(users: users, lastID: id)
        } catch {
            throw undecodable("the last user has no id: \(ClerkClient.describe(decodingError: error))")
        }
    }
}
