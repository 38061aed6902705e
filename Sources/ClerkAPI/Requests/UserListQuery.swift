/// A page request for `GET /users`: a filter, an order, and either `offset` or the
/// `starting_after` cursor (which needs `created_at` ordering).
public struct UserListQuery: Sendable, Hashable {
    public var filter: UserFilter
    public var order: UserOrder
    /// 1–500; Clerk's default is 10.
    public var limit: Int
    public var offset: Int
    public var startingAfter: String?

    public static let limitRange = 1...500

    public init(filter: UserFilter = UserFilter(), order: UserOrder = .newestFirst, limit: Int = 10, offset: Int = 0, startingAfter: String? = nil) {
        self.filter = filter
        self.order = order
        self.limit = limit
        self.offset = offset
        self.startingAfter = startingAfter
    }

    public var queryItems: [QueryItem] {
        var items = filter.queryItems
        items.append(QueryItem("limit", String(limit)))
        if offset != 0 { items.append(QueryItem("offset", String(offset))) }
        if let startingAfter { items.append(QueryItem("starting_after", startingAfter)) }
        items.append(QueryItem("order_by", order.description))
        return items
    }

    public func validate() throws(ClerkAPIError) {
        try filter.validate()
        guard Self.limitRange.contains(limit) else {
            throw .invalidRequest("limit must be between 1 and 500, got \(limit)")
        }
        guard offset >= 0 else { throw .invalidRequest("offset must be 0 or more, got \(offset)") }
        if startingAfter != nil {
            guard order.field == .createdAt else {
                throw .invalidRequest("starting_after needs created_at ordering, not \(order)")
            }
            guard offset == 0 else { throw .invalidRequest("starting_after cannot be combined with an offset") }
        }
    }
}
