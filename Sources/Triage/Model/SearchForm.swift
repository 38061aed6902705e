import Foundation
import ClerkAPI
import Terminal

/// The search pane: three text filters and the banned filter.
public struct SearchForm: Sendable, Hashable {
    public enum Field: Int, CaseIterable, Sendable, Hashable {
        case query, email, name, banned

        public var label: String {
            switch self {
            case .query: "Search"
            case .email: "Email"
            case .name: "Name"
            case .banned: "Banned"
            }
        }
    }

    public enum BannedFilter: Sendable, Hashable, CaseIterable {
        case any, banned, notBanned

        public var label: String {
            switch self {
            case .any: "any"
            case .banned: "banned"
            case .notBanned: "not banned"
            }
        }

        public var next: BannedFilter {
            let all = Self.allCases
            return all[(all.firstIndex(of: self).map { $0 + 1 } ?? 0) % all.count]
        }
    }

    public var query = TextField()
    public var email = TextField()
    public var name = TextField()
    public var banned = BannedFilter.any

    public init() {}

    public var filter: UserFilter {
        var filter = UserFilter()
        filter.query = Self.trimmed(query.text)
        filter.emailAddressQuery = Self.trimmed(email.text)
        filter.nameQuery = Self.trimmed(name.text)
        filter.banned = switch banned {
        case .any: nil
        case .banned: true
        case .notBanned: false
        }
        return filter
    }

    public var isEmpty: Bool { filter == UserFilter() }

    /// Whether typing should search by itself: every text filter is empty, three characters or
    /// more, or holds a wide (CJK) character. Shorter Latin text matches half the instance, cannot
    /// use the search index, and would spend the instance's rate limit on every keystroke; Enter
    /// still searches for it on request.
    public var searchesAsYouType: Bool {
        [filter.query, filter.emailAddressQuery, filter.nameQuery].allSatisfy { text in
            guard let text else { return true }
            return text.unicodeScalars.count >= Self.minimumLength || text.contains { DisplayWidth.of($0) >= 2 }
        }
    }

    public static let minimumLength = 3

    private static func trimmed(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

