import ClerkAPI
import GRDB
import GRDBSQLite
import Synchronization

/// The fields text search looks in.
enum SearchField: Int, CaseIterable, Sendable {
    case names, emails, phones, usernames, wallets
}

/// What text search sees of one user: lower-cased values by field.
struct SearchText: Sendable, Equatable {
    var values: [[String]] = Array(repeating: [], count: SearchField.allCases.count)

    subscript(field: SearchField) -> [String] {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }

    init() {}

    init(_ user: User) {
        self[.names] = [user.fullName].compactMap { $0?.lowercased() }
        self[.emails] = user.emailAddresses.map { $0.emailAddress.lowercased() }
        self[.phones] = user.phoneNumbers.flatMap { Self.phoneValues($0.phoneNumber) }
        self[.usernames] = [user.username].compactMap { $0?.lowercased() }
        self[.wallets] = user.web3Wallets.map { $0.web3Wallet.lowercased() }
    }

    /// The number, and its digits alone when it has other characters, so that "2015550142" finds
    /// "+1 201-555-0142" however it was written.
    static func phoneValues(_ number: String) -> [String] {
        let digits = number.filter(\.isNumber)
        return number.drop { $0 == "+" } == digits[...] ? [number.lowercased()] : [number.lowercased(), digits]
    }
}

/// Partial, case-insensitive text search over every user, in memory: `query` and the `*_query`
/// filters, for any text from one character up.
///
/// Built at start from the `users` and `identifiers` tables, which hold every value searched, and
/// kept in step by every write when it commits (`UserIndexer`, user deletion). Changed users go to
/// a small overlay that replaces their old values until it is folded into the columns.
final class SearchIndex: Sendable {
    private struct State: Sendable {
        var columns = Array(repeating: TextColumn(), count: SearchField.allCases.count)
        /// Users written since the columns were built: their current text (empty when deleted).
        var changed: [Int64: SearchText] = [:]
        var changedRows = RowSet(capacity: 0)
        var largestRowid: Int64 = 0
    }

    private let state = Mutex(State())
    /// Folding the overlay into the columns copies them: worth it once it holds this many users.
    private let overlayLimit: Int

    init(overlayLimit: Int = 2_048) {
        self.overlayLimit = overlayLimit
    }

    /// Reads every user's searchable values, straight from SQLite's buffers into the columns:
    /// through GRDB's rows and strings, this took a second at 100,000 users.
    init(loadingFrom db: Database, overlayLimit: Int = 2_048) throws {
        self.overlayLimit = overlayLimit
        var loaded = State()
        try Self.scan("SELECT rowid, first_name, last_name FROM users", in: db) { statement, rowid in
            loaded.largestRowid = max(loaded.largestRowid, rowid)
            let parts = [Self.bytes(statement, 1), Self.bytes(statement, 2)].filter { !$0.isEmpty }
            guard !parts.isEmpty else { return }
            let name = parts.count == 2 ? parts[0] + [0x20] + parts[1] : parts[0]
            if name.allSatisfy({ $0 < 0x80 }) {
                loaded.columns[SearchField.names.rawValue].append(name.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, owner: rowid)
            } else {
                loaded.columns[SearchField.names.rawValue].append(String(decoding: name, as: UTF8.self).lowercased(), owner: rowid)
            }
        }
        // Stored lower-cased already (phones have no letters). Table order keeps a user's values together.
        // One pass in table order (an index on kind would read the rows in random order).
        let fields: [[UInt8]: SearchField] = [Array("email".utf8): .emails, Array("phone".utf8): .phones, Array("username".utf8): .usernames, Array("web3".utf8): .wallets]
        try Self.scan("SELECT user_rowid, kind, value FROM identifiers", in: db) { statement, rowid in
            guard let field = fields[Self.bytes(statement, 1)] else { return }
            let value = Self.bytes(statement, 2)
            if field == .phones {
                for text in SearchText.phoneValues(String(decoding: value, as: UTF8.self)) { loaded.columns[field.rawValue].append(text, owner: rowid) }
            } else {
                loaded.columns[field.rawValue].append(value, owner: rowid)
            }
        }
        state.withLock { $0 = loaded }
    }

    /// Steps through `sql`, whose first column is a rowid.
    private static func scan(_ sql: String, in db: Database, _ row: (OpaquePointer, Int64) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading the search text failed", sql: sql) }
                return
            }
            try row(handle, sqlite3_column_int64(handle, 0))
        }
    }

    private static func bytes(_ statement: OpaquePointer, _ column: Int32) -> [UInt8] {
        guard let text = sqlite3_column_text(statement, column) else { return [] }
        return Array(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }

    /// Records a user's text as of a committed write; nil when the user was deleted.
    func update(_ rowid: Int64, _ text: SearchText?) {
        state.withLock { state in
            state.changed[rowid] = text ?? SearchText()
            state.changedRows.insert(rowid)
            state.largestRowid = max(state.largestRowid, rowid)
            guard state.changed.count >= overlayLimit else { return }
            let changedRows = state.changedRows
            let changed = state.changed.sorted { $0.key < $1.key }
            for field in SearchField.allCases {
                var column = state.columns[field.rawValue].filter { !changedRows.contains($0) }
                for (owner, text) in changed {
                    for value in text[field] { column.append(value, owner: owner) }
                }
                state.columns[field.rawValue] = column
            }
            state.changed = [:]
            state.changedRows = RowSet(capacity: 0)
        }
    }

    /// The users with a value in one of `fields` that contains `text`, ignoring case.
    func matches(_ text: String, in fields: [SearchField]) -> RowSet {
        let snapshot = state.withLock { $0 }
        let needle = Array(text.lowercased().utf8)
        var found = RowSet(capacity: snapshot.largestRowid + 1)
        for field in fields {
            snapshot.columns[field.rawValue].search(needle, into: &found) { snapshot.changedRows.contains($0) }
        }
        for (rowid, changed) in snapshot.changed where !found.contains(rowid) {
            if fields.contains(where: { changed[$0].contains { Self.contains(Array($0.utf8), needle) } }) { found.insert(rowid) }
        }
        return found
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
