import ClerkAPI
import GRDB
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

    /// Reads every user's searchable values.
    init(loadingFrom db: Database, overlayLimit: Int = 2_048) throws {
        self.overlayLimit = overlayLimit
        var loaded = State()
        let names = try Row.fetchCursor(db, sql: "SELECT rowid, first_name, last_name FROM users")
        while let row = try names.next() {
            let rowid: Int64 = row[0]
            let parts = [row[1] as String?, row[2] as String?].compactMap { $0 }.filter { !$0.isEmpty }
            if !parts.isEmpty { loaded.columns[SearchField.names.rawValue].append(parts.joined(separator: " ").lowercased(), owner: rowid) }
            loaded.largestRowid = max(loaded.largestRowid, rowid)
        }
        // Stored lower-cased already (phones have no letters). Table order keeps a user's values together.
        let fields: [String: SearchField] = ["email": .emails, "phone": .phones, "username": .usernames, "web3": .wallets]
        let identifiers = try Row.fetchCursor(db, sql: "SELECT user_rowid, kind, value FROM identifiers WHERE kind IN ('email', 'phone', 'username', 'web3')")
        while let row = try identifiers.next() {
            let rowid: Int64 = row[0]
            guard let field = fields[row[1] as String] else { continue }
            let value: String = row[2]
            for text in field == .phones ? SearchText.phoneValues(value) : [value] {
                loaded.columns[field.rawValue].append(text, owner: rowid)
            }
        }
        state.withLock { $0 = loaded }
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
