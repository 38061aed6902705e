/// A value of the `user_id`, `external_id` and `organization_id` filters, which Clerk lets the
/// caller prefix with `+` (include) or `-` (exclude).
public enum IDSelector: Sendable, Hashable, CustomStringConvertible {
    case include(String)
    case exclude(String)

    public var description: String {
        switch self {
        case .include(let id): "+\(id)"
        case .exclude(let id): "-\(id)"
        }
    }

    /// Parses the wire form: `+id`, `-id`, or a bare `id` (which includes).
    public init(wire: String) {
        if wire.hasPrefix("-") {
            self = .exclude(String(wire.dropFirst()))
        } else if wire.hasPrefix("+") {
            self = .include(String(wire.dropFirst()))
        } else {
            self = .include(wire)
        }
    }

    public var id: String {
        switch self {
        case .include(let id), .exclude(let id): id
        }
    }
}

extension IDSelector: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(wire: value) }
}
