extension UsersClient {
    /// `GET /users/{id}/organization_memberships`
    public func organizationMemberships(_ userID: String, limit: Int = 10, offset: Int = 0) async throws(ClerkAPIError) -> PaginatedList<OrganizationMembership> {
        try await client.send(APIRequest(.get, try Self.path(userID, "organization_memberships"), query: try Self.page(limit, offset)))
    }

    /// `GET /users/{id}/organization_invitations`, optionally only those in one status.
    public func organizationInvitations(
        _ userID: String, status: OrganizationInvitation.Status? = nil, limit: Int = 10, offset: Int = 0
    ) async throws(ClerkAPIError) -> PaginatedList<OrganizationInvitation> {
        var query = try Self.page(limit, offset)
        if let status { query.append(QueryItem("status", status.rawValue)) }
        return try await client.send(APIRequest(.get, try Self.path(userID, "organization_invitations"), query: query))
    }

    static func page(_ limit: Int, _ offset: Int) throws(ClerkAPIError) -> [QueryItem] {
        guard UserListQuery.limitRange.contains(limit) else { throw .invalidRequest("limit must be between 1 and 500, got \(limit)") }
        guard offset >= 0 else { throw .invalidRequest("offset must be 0 or more, got \(offset)") }
        return [QueryItem("limit", String(limit)), QueryItem("offset", String(offset))]
    }
}
