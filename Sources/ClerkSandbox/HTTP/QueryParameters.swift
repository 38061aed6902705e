import ClerkAPI
import Hummingbird

/// Typed access to a request's query parameters, with Clerk's rules for each.
///
/// Hummingbird parses the query string: repeated keys are kept in order (Clerk's array filters),
/// values are percent-decoded, and a literal `+` stays a `+` rather than becoming a space, which
/// matters because Clerk gives it meaning (`order_by=+created_at`, `user_id=+user_…`).
struct QueryParameters: Sendable {
    private let pairs: [(name: String, value: String)]

    init(_ request: Request) {
        pairs = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The first value, as Clerk keeps only the first of a repeated scalar parameter.
    func first(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    func array(_ name: String) throws -> [String] {
        let values = all(name).filter { !$0.isEmpty }
        guard values.count <= UserFilter.maxValuesPerArray else {
            throw SandboxError.invalid(name, "\(name) accepts up to \(UserFilter.maxValuesPerArray) values, got \(values.count).")
        }
        return values
    }

    func integer(_ name: String) throws -> Int64? {
        guard let text = first(name), !text.isEmpty else { return nil }
        guard let value = Int64(text) else { throw SandboxError.invalid(name, "\(name) must be an integer, got \"\(text)\".") }
        return value
    }

    func boolean(_ name: String) throws -> Bool? {
        guard let text = first(name), !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw SandboxError.invalid(name, "\(name) must be true or false, got \"\(text)\".")
        }
    }

    func page(defaultLimit: Int = 10) throws -> (limit: Int, offset: Int) {
        let limit = try integer("limit") ?? Int64(defaultLimit)
        guard UserListQuery.limitRange.contains(Int(clamping: limit)) else {
            throw SandboxError.invalid("limit", "limit must be between 1 and 500, got \(limit).")
        }
        let offset = try integer("offset") ?? 0
        guard offset >= 0 else { throw SandboxError.invalid("offset", "offset must be 0 or more, got \(offset).") }
        return (Int(limit), Int(offset))
    }

    /// `GET /users` and `/users/count` filters.
    func userFilter() throws -> UserFilter {
        var filter = UserFilter()
        filter.emailAddress = try array("email_address")
        filter.phoneNumber = try array("phone_number")
        filter.externalID = try array("external_id").map(Self.selector)
        filter.username = try array("username")
        filter.web3Wallet = try array("web3_wallet")
        filter.userID = try array("user_id").map(Self.selector)
        filter.organizationID = try array("organization_id").map(Self.selector)
        filter.query = first("query")
        filter.emailAddressQuery = first("email_address_query")
        filter.phoneNumberQuery = first("phone_number_query")
        filter.usernameQuery = first("username_query")
        filter.nameQuery = first("name_query")
        filter.banned = try boolean("banned")
        filter.lastActiveAtBefore = try integer("last_active_at_before")
        filter.lastActiveAtAfter = try integer("last_active_at_after") ?? integer("last_active_at_since")
        filter.createdAtBefore = try integer("created_at_before")
        filter.createdAtAfter = try integer("created_at_after")
        filter.lastSignInAtBefore = try integer("last_sign_in_at_before")
        filter.lastSignInAtAfter = try integer("last_sign_in_at_after")
        filter.provider = first("provider").flatMap { $0.isEmpty ? nil : $0 }
        filter.providerUserID = try array("provider_user_id")
        if (filter.provider == nil) != filter.providerUserID.isEmpty {
            throw SandboxError.invalid("provider", "provider and provider_user_id must be used together.")
        }
        return filter
    }

    func userListQuery() throws -> UserListQuery {
        let (limit, offset) = try page()
        var order = UserOrder.newestFirst
        if let text = first("order_by"), !text.isEmpty {
            // A client that sent a bare `+` has had it decoded to a space by some proxy; it meant `+`.
            let wire = text.hasPrefix(" ") ? "+" + text.dropFirst() : text
            guard let parsed = UserOrder(wire: wire) else {
                let fields = UserOrder.Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw SandboxError.invalid("order_by", "order_by must be one of \(fields), optionally prefixed with + or -; got \"\(text)\".")
            }
            order = parsed
        }
        let cursor = first("starting_after").flatMap { $0.isEmpty ? nil : $0 }
        if cursor != nil {
            guard order.field == .createdAt else {
                throw SandboxError.invalid("starting_after", "starting_after requires created_at ordering; order_by=\(order) cannot be paginated with a cursor.")
            }
            guard offset == 0 else { throw SandboxError.invalid("starting_after", "starting_after cannot be combined with a non-zero offset.") }
        }
        return UserListQuery(filter: try userFilter(), order: order, limit: limit, offset: offset, startingAfter: cursor)
    }

    private static func selector(_ wire: String) -> IDSelector {
        IDSelector(wire: wire.hasPrefix(" ") ? "+" + wire.dropFirst() : wire)
    }
}
