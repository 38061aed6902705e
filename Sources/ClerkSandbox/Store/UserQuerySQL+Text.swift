import ClerkAPI
import GRDB

/// Text filters (`query` and the `*_query` partial matches) are answered from `SearchIndex`, then
/// planned as a query planner would if it knew how many users match: a text that matches few is
/// collected and sorted; one that matches many walks the order's index and stops at the page's end.
extension UserQuerySQL {
    mutating func textFilters(_ filter: UserFilter, search: SearchIndex, in db: Database) throws {
        var found: RowSet?
        func narrow(_ rows: RowSet) {
            if found == nil { found = rows } else { found?.formIntersection(rows) }
        }
        if let value = filter.query, !value.isEmpty, let rows = try query(value, search: search, in: db) { narrow(rows) }
        let fields: [(SearchField, String?)] = [
            (.emails, filter.emailAddressQuery), (.phones, filter.phoneNumberQuery), (.usernames, filter.usernameQuery), (.names, filter.nameQuery),
        ]
        for case let (field, value?) in fields where !value.isEmpty { narrow(search.matches(value, in: [field])) }
        guard let found else { return }
        if conditions.isEmpty { textOnlyCount = found.count }
        if collects(found.count) {
            add("u.rowid IN (SELECT value FROM json_each(?))", ["[" + found.rowids.map(String.init).joined(separator: ",") + "]"])
        } else {
            add("\(RowSetFunction.name)(?, u.rowid)", [found.bitmap])
        }
    }

    /// `query`: part of an email, phone, username, web3 wallet or name, or the start of a user id;
    /// nil when every user matches. Ids are matched from their start through the id index rather
    /// than as text: an agent pastes an id or its beginning, not a piece from its middle.
    private func query(_ value: String, search: SearchIndex, in db: Database) throws -> RowSet? {
        let pattern = Self.globPrefix(value)
        // Every id starts alike ("user_"): when the first and the last id in order both start with
        // the text, so does every id between them, and reading them all would only say "everyone".
        let everyID = try Bool.fetchOne(db, sql: "SELECT (SELECT min(id) FROM users) GLOB ?1 AND (SELECT max(id) FROM users) GLOB ?1", arguments: [pattern])
        if everyID == true { return nil }
        var found = search.matches(value, in: SearchField.allCases)
        let ids = try Int64.fetchCursor(db, sql: "SELECT rowid FROM users WHERE id GLOB ?", arguments: [pattern])
        while let rowid = try ids.next() { found.insert(rowid) }
        return found
    }

    /// Whether to collect the matches and sort them rather than walk the order's index testing
    /// each user. Walking visits about (offset + limit) × users / matches rows, so it is the cheaper
    /// when matches² ≥ (offset + limit) × users × (cost of a walked row / cost of a collected match).
    private func collects(_ matches: Int) -> Bool {
        switch purpose {
        case .count:
            // Other filters choose the rows; the matches only test them, unless they are few.
            return matches * 4 < users
        case .page(let offset, let limit):
            let walkedRowCost = 0.25
            return Double(matches * matches) < Double((offset + limit) * users) * walkedRowCost
        }
    }

    /// A GLOB pattern for text starting with `value`: GLOB is case-sensitive like ids, and its
    /// prefix form is an index range. Wildcards in the value are bracketed to stand for themselves.
    static func globPrefix(_ value: String) -> String {
        value.map { "*?[".contains($0) ? "[\($0)]" : String($0) }.joined() + "*"
    }
}
