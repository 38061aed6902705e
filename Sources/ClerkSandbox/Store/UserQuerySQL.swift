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
    private(set) var conditions: [String] = []
    private var conditionArguments: [(any DatabaseValueConvertible)?] = []
    /// The count when text filters are all there is: the number of users they matched.
    var textOnlyCount: Int?

    /// Answers text filters from `search`, and reads the database to plan how SQL uses the answer.
    init(filter: UserFilter, purpose: Purpose, search: SearchIndex, in db: Database) throws {
        self.purpose = purpose
        users = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM users") ?? 0
        identifierMatch("email", filter.emailAddress.map { $0.lowercased() })
        identifierMatch("phone", filter.phoneNumber)
        identifierMatch("web3", filter.web3Wallet.map { $0.lowercased() })
        identifierMatch("username", filter.username.map { $0.lowercased() })
        selectors("u.external_id", filter.externalID)
        selectors("u.id", filter.userID)
        organizations(filter.organizationID)
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
        try textFilters(filter, search: search, in: db)
    }

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

    var arguments: [(any DatabaseValueConvertible)?] { conditionArguments }

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
