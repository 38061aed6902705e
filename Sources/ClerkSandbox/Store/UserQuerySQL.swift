import ClerkAPI
import GRDB

/// Translates Clerk's `GET /users` filters and ordering into SQL over the sandbox's tables.
struct UserQuerySQL {
    private var conditions: [String] = []
    private var conditionArguments: [(any DatabaseValueConvertible)?] = []
    /// Trigram phrase queries, combined into one MATCH so the index intersects them itself.
    private var matches: [String] = []

    init(filter: UserFilter) {
        identifierMatch("email", filter.emailAddress.map { $0.lowercased() })
        identifierMatch("phone", filter.phoneNumber)
        identifierMatch("web3", filter.web3Wallet.map { $0.lowercased() })
        identifierMatch("username", filter.username.map { $0.lowercased() })
        selectors("u.external_id", filter.externalID)
        selectors("u.id", filter.userID)
        organizations(filter.organizationID)
        text(nil, filter.query)
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
    }

    private var allConditions: [String] {
        conditions + (matches.isEmpty ? [] : ["u.rowid IN (SELECT rowid FROM user_search WHERE user_search MATCH ?)"])
    }

    var whereClause: String { allConditions.isEmpty ? "" : "WHERE " + allConditions.joined(separator: " AND ") }

    var arguments: [(any DatabaseValueConvertible)?] {
        conditionArguments + (matches.isEmpty ? [] : [matchExpression])
    }

    private var matchExpression: String { matches.joined(separator: " AND ") }

    /// The MATCH expression when text search is the only filter: then the search index alone can
    /// answer a count, without reading users.
    var searchOnly: String? { conditions.isEmpty && !matches.isEmpty ? matchExpression : nil }

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

    private mutating func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
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

    /// Case-insensitive partial match. Three characters or more use the trigram index; shorter
    /// text cannot be a trigram and is matched by a scan.
    /// `column` nil searches every column (the `query` filter).
    private mutating func text(_ column: String?, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        if value.unicodeScalars.count >= 3 {
            let phrase = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            matches.append(column.map { "\($0) : \(phrase)" } ?? phrase)
        } else {
            // Shorter than a trigram: scan the narrow users columns and the identifiers table, which
            // hold everything `query` covers, instead of the search table's wide rows. Identifiers are
            // stored lower-cased (phones have no letters) and names need folding only for ASCII
            // letters, so lower() — most of a scan's cost — runs only where it changes the answer.
            let needle = value.lowercased()
            let fold = value.contains { $0.isASCII && $0.isLetter }
            let names = fold
                ? "SELECT rowid FROM users WHERE instr(lower(first_name), ?) > 0 OR instr(lower(last_name), ?) > 0"
                : "SELECT rowid FROM users WHERE instr(first_name, ?) > 0 OR instr(last_name, ?) > 0"
            func identifiers(_ kinds: String) -> String {
                "SELECT user_rowid FROM identifiers WHERE kind IN (\(kinds)) AND instr(value, ?) > 0"
            }
            switch column {
            case "emails": add("u.rowid IN (\(identifiers("'email'")))", [needle])
            case "phones": add("u.rowid IN (\(identifiers("'phone'")))", [needle])
            case "usernames": add("u.rowid IN (\(identifiers("'username'")))", [needle])
            case "names": add("u.rowid IN (\(names))", [needle, needle])
            default:
                let everything = "\(names) UNION SELECT rowid FROM users WHERE instr(id, ?) > 0 UNION \(identifiers("'email', 'phone', 'web3', 'username'"))"
                add("u.rowid IN (\(everything))", [needle, needle, value, needle])
            }
        }
    }

    private mutating func compare(_ column: String, _ op: String, _ value: Int64?) {
        guard let value else { return }
        add("\(column) \(op) ?", [value])
    }
}
