import ClerkAPI
import GRDB

/// Translates Clerk's `GET /users` filters and ordering into SQL over the sandbox's tables.
///
/// Text filters, and how they are planned against the data, are in `UserQuerySQL+Text.swift`.
struct UserQuerySQL {
    /// What the SQL is for: a count reads every match whatever the plan; a page can stop early.
    enum Purpose: Sendable {
        case count
        case page(offset: Int, limit: Int)
    }

    let purpose: Purpose
    /// The highest rowid: the number of users near enough (deletions leave gaps), read in O(1).
    /// Planning scales its thresholds by it.
    let users: Int
    private var conditions: [String] = []
    private var conditionArguments: [(any DatabaseValueConvertible)?] = []
    /// Trigram phrase queries, combined into one MATCH so the index intersects them itself.
    var matches: [String] = []
    /// The `query` text, lower-cased, when it is the only MATCH and the haystack answers it exactly
    /// as the trigram index does (ASCII, so both fold case alike, and on one line).
    var queryNeedle: String?
    /// How a page reaches the users that match the text index.
    var matchPlan = MatchPlan.indexed

    /// Reads the database to plan text filters (a few index probes, each bounded).
    init(filter: UserFilter, purpose: Purpose, in db: Database) throws {
        self.purpose = purpose
        users = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM users") ?? 0
        identifierMatch("email", filter.emailAddress.map { $0.lowercased() })
        identifierMatch("phone", filter.phoneNumber)
        identifierMatch("web3", filter.web3Wallet.map { $0.lowercased() })
        identifierMatch("username", filter.username.map { $0.lowercased() })
        selectors("u.external_id", filter.externalID)
        selectors("u.id", filter.userID)
        organizations(filter.organizationID)
        try query(filter.query, in: db)
        text("emails", filter.emailAddressQuery)
        text("phones", filter.phoneNumberQuery)
        text("usernames", filter.usernameQuery)
        text("names", filter.nameQuery)
        if let banned = filter.banned { add("u.banned = ?", [banned]) }
        compare("u.last_active_at", "<", filter.lastActiveAtBefore)
        compare("u.last_active_at", ">", filter.lastActiveAtAfter)
        compare("u.created_at", "<", filter.createdAtBefore)
        compare("u.created_at", ">", filter.createdAtAfter)
        compare("u.last_sign_in_at", "<", filter.lastSignInAtBefore)
        compare("u.last_sign_in_at", ">", filter.lastSignInAtAfter)
        if let provider = filter.provider, !filter.providerUserID.isEmpty {
            identifierMatch("oauth:\(provider)", filter.providerUserID)
        }
        try planMatches(in: db)
    }

    private var allConditions: [String] {
        guard !matches.isEmpty else { return conditions }
        let match = switch matchPlan {
        case .indexed: "u.rowid IN (SELECT rowid FROM user_search WHERE user_search MATCH ?)"
        case .collected: "u.rowid IN (SELECT value FROM json_each(?))"
        // "+" keeps SQLite from driving the query by rowid, so that it walks the order's index.
        case .walkCollected: "+u.rowid IN (SELECT value FROM json_each(?))"
        case .walkTesting: "EXISTS (SELECT 1 FROM user_search s WHERE s.user_search MATCH ? AND s.rowid = u.rowid)"
        }
        return conditions + [match]
    }

    var whereClause: String { allConditions.isEmpty ? "" : "WHERE " + allConditions.joined(separator: " AND ") }

    var arguments: [(any DatabaseValueConvertible)?] {
        guard !matches.isEmpty else { return conditionArguments }
        return switch matchPlan {
        case .indexed, .walkTesting: conditionArguments + [matchExpression]
        case .collected(let rowids), .walkCollected(let rowids): conditionArguments + [rowids]
        }
    }

    var matchExpression: String { matches.joined(separator: " AND ") }

    /// The MATCH expression when text search is the only filter: then the search index alone can
    /// answer a count, without reading users.
    var searchOnly: String? { conditions.isEmpty && !matches.isEmpty ? matchExpression : nil }

    /// For a count of `query` text alone: the lower-cased text, which a scan of `user_haystack`
    /// counts exactly like the index. A scan costs the same whatever the text; the index costs
    /// more the more users match, and past tens of thousands it is the slower of the two.
    var haystackNeedle: String? { matches.count == 1 ? queryNeedle : nil }

    /// Continues after the cursor user in `created_at` order.
    mutating func after(createdAt: Int64, rowid: Int64, descending: Bool) {
        add("(u.created_at, u.rowid) \(descending ? "<" : ">") (?, ?)", [createdAt, rowid])
    }

    static func orderClause(_ order: UserOrder) -> String {
        let column = switch order.field {
        case .createdAt: "u.created_at"
        case .updatedAt: "u.updated_at"
        case .emailAddress: "u.primary_email"
        case .web3Wallet: "u.primary_web3"
        case .firstName: "u.first_name"
        case .lastName: "u.last_name"
        case .phoneNumber: "u.primary_phone"
        case .username: "u.username"
        case .lastActiveAt: "u.last_active_at"
        case .lastSignInAt: "u.last_sign_in_at"
        }
        let direction = order.direction == .ascending ? "ASC" : "DESC"
        // rowid follows creation, so ties keep a stable order and pages never overlap.
        return "ORDER BY \(column) \(direction), u.rowid \(direction)"
    }

    mutating func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
        conditions.append(condition)
        conditionArguments += values
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    private mutating func identifierMatch(_ kind: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        add("u.rowid IN (SELECT user_rowid FROM identifiers WHERE kind = ? AND value IN (\(Self.placeholders(values.count))))", [kind] + values)
    }

    private mutating func selectors(_ column: String, _ selectors: [IDSelector]) {
        let included = selectors.compactMap { if case .include(let id) = $0 { id } else { nil } }
        let excluded = selectors.compactMap { if case .exclude(let id) = $0 { id } else { nil } }
        if !included.isEmpty { add("\(column) IN (\(Self.placeholders(included.count)))", included) }
        if !excluded.isEmpty { add("(\(column) IS NULL OR \(column) NOT IN (\(Self.placeholders(excluded.count))))", excluded) }
    }

    private mutating func organizations(_ selectors: [IDSelector]) {
        let included = selectors.compactMap { if case .include(let id) = $0 { id } else { nil } }
        let excluded = selectors.compactMap { if case .exclude(let id) = $0 { id } else { nil } }
        let members = "SELECT user_rowid FROM memberships WHERE organization_id IN"
        if !included.isEmpty { add("u.rowid IN (\(members) (\(Self.placeholders(included.count))))", included) }
        if !excluded.isEmpty { add("u.rowid NOT IN (\(members) (\(Self.placeholders(excluded.count))))", excluded) }
    }

    private mutating func compare(_ column: String, _ op: String, _ value: Int64?) {
        guard let value else { return }
        add("\(column) \(op) ?", [value])
    }
}
