import GRDB

/// Text filters (`query` and the `*_query` partial matches), planned against the data as a query
/// planner would if it could see inside the search index: a page of a text that matches a large
/// share of users walks the order's index and stops at the page's end, instead of collecting and
/// sorting every match; a text matching few users is collected and sorted.
extension UserQuerySQL {
    enum MatchPlan {
        /// Counts: the index answers inside the query.
        case indexed
        /// The matches, collected while planning, sorted: best when few users match.
        case collected(rowids: String)
        /// Walk the order's index keeping the users among the collected matches: best when
        /// enough match that the walk reaches the page's end soon.
        case walkCollected(rowids: String)
        /// Walk the order's index and test each user against the index: best when most users
        /// match, so that collecting them all would cost more than testing a page's worth.
        case walkTesting
    }

    /// Collects the matches of a page's text once (bounded), and picks the plan from their number.
    /// Measured here: testing one walked user against the MATCH costs as much as collecting ~150
    /// matches; checking one against a collected set, a quarter of collecting one.
    mutating func planMatches(in db: Database) throws {
        guard !matches.isEmpty, case .page = purpose else { return }
        let testingPays = walkBudget(walkedRowCost: 150)
        let rowids = try Int64.fetchAll(db, sql: "SELECT rowid FROM user_search WHERE user_search MATCH ? LIMIT ?",
                                        arguments: [matchExpression, testingPays ?? -1])
        if let testingPays, rowids.count >= testingPays {
            return matchPlan = .walkTesting
        }
        let list = "[" + rowids.map(String.init).joined(separator: ",") + "]"
        let walkingPays = walkBudget(walkedRowCost: 0.25) ?? Int.max
        matchPlan = rowids.count >= walkingPays ? .walkCollected(rowids: list) : .collected(rowids: list)
    }

    /// `query`: part of an email, phone, username, web3 wallet or name, or the start of a user id.
    /// Ids are matched from their start through the id index rather than as trigrams: random ids
    /// would be a third of the search index and of its build time, and an agent pastes an id or
    /// its beginning, not a piece from its middle. The id branch is only joined in when some id
    /// starts with the text, so names never pay for it.
    mutating func query(_ value: String?, in db: Database) throws {
        guard let value, !value.isEmpty else { return }
        let idPattern = Self.globPrefix(value)
        let startsAnID = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE id GLOB ?)", arguments: [idPattern]) ?? false
        guard value.unicodeScalars.count >= 3 else {
            let haystack = "SELECT rowid FROM user_haystack WHERE instr(text, ?) > 0"
            let ids = startsAnID ? " UNION ALL SELECT rowid FROM users WHERE id GLOB ?" : ""
            return add("u.rowid IN (\(haystack)\(ids))", startsAnID ? [value.lowercased(), idPattern] : [value.lowercased()])
        }
        let phrase = Self.phrase(value)
        guard startsAnID else {
            // The index counts a phrase by checking the positions of its trigrams in every match, so
            // its cost grows with the text: measured at 100,000 matches, 8 ms for one trigram, 18 ms
            // for two, 42 ms for five, against a flat 25–30 ms for the scan.
            if value.count > 5, value.allSatisfy({ $0.isASCII && !$0.isNewline }) { queryNeedle = value.lowercased() }
            return matches.append(phrase)
        }
        let inText = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user_search WHERE user_search MATCH ?)", arguments: [phrase]) ?? false
        if inText {
            add("u.rowid IN (SELECT rowid FROM user_search WHERE user_search MATCH ? UNION ALL SELECT rowid FROM users WHERE id GLOB ?)", [phrase, idPattern])
        } else if try isDense("SELECT 1 FROM users WHERE id GLOB ?", [idPattern], walkedRowCost: 1, in: db) {
            // Most ids share the prefix ("user_2"): "+" keeps SQLite off the id index, so that it
            // walks the order's index and stops at the page's end.
            add("+u.id GLOB ?", [idPattern])
        } else {
            add("u.id GLOB ?", [idPattern])
        }
    }

    /// Case-insensitive partial match in one column of the search index; text shorter than a
    /// trigram is scanned.
    mutating func text(_ column: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        if value.unicodeScalars.count >= 3 {
            matches.append("\(column) : \(Self.phrase(value))")
        } else {
            shortText(column, value)
        }
    }

    private static func phrase(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A GLOB pattern for text starting with `value`: GLOB is case-sensitive like ids, and its
    /// prefix form is an index range. Wildcards in the value are bracketed to stand for themselves.
    static func globPrefix(_ value: String) -> String {
        value.map { "*?[".contains($0) ? "[\($0)]" : String($0) }.joined() + "*"
    }

    /// Text shorter than a trigram cannot use the index: scan the narrow identifiers and users
    /// columns of the one field asked about. Identifiers are stored lower-cased (phones have no
    /// letters) and names need folding only for ASCII letters, so lower() — most of a scan's
    /// cost — runs only where it changes the answer. (`query` scans `user_haystack` instead.)
    private mutating func shortText(_ column: String, _ value: String) {
        let needle = value.lowercased()
        func identifiers(_ kind: String) -> String {
            "u.rowid IN (SELECT user_rowid FROM identifiers WHERE kind = '\(kind)' AND instr(value, ?) > 0)"
        }
        switch column {
        case "emails": add(identifiers("email"), [needle])
        case "phones": add(identifiers("phone"), [needle])
        case "usernames": add(identifiers("username"), [needle])
        default:
            let fold = value.contains { $0.isASCII && $0.isLetter }
            add(fold ? "(instr(lower(u.first_name), ?) > 0 OR instr(lower(u.last_name), ?) > 0)"
                     : "(instr(u.first_name, ?) > 0 OR instr(u.last_name, ?) > 0)", [needle, needle])
        }
    }

    /// The number of matches from which walking the order's index reaches the page's end for less
    /// than collecting them, when one walked user costs `walkedRowCost` collected matches; nil
    /// when no number of users could. Walking visits about (offset + limit) × users / matches
    /// rows, so it pays when matches² ≥ (offset + limit) × users × cost.
    private func walkBudget(walkedRowCost: Double) -> Int? {
        guard case .page(let offset, let limit) = purpose else { return nil }
        let needed = Int((Double((offset + limit) * users) * walkedRowCost).squareRoot().rounded(.up))
        return needed <= users ? needed : nil
    }

    /// Whether at least `walkBudget` users match `matching` (probing no further than that).
    private func isDense(_ matching: String, _ arguments: [(any DatabaseValueConvertible)?], walkedRowCost: Double, in db: Database) throws -> Bool {
        guard let needed = walkBudget(walkedRowCost: walkedRowCost) else { return false }
        let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(matching) LIMIT ?)", arguments: StatementArguments(arguments + [needed])) ?? 0
        return found >= needed
    }
}
