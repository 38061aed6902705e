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

    private static func trimmed(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

