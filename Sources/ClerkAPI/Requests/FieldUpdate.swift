/// A field of a PATCH body: absent (`nil` around it) leaves the value alone, `.set` changes it and
/// `.clear` sends an explicit `null`, which Clerk takes as "remove" (e.g. a username).
public enum FieldUpdate<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    case set(Value)
    case clear

    public var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .clear : .set(try container.decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .set(let value): try container.encode(value)
        case .clear: try container.encodeNil()
        }
    }
}

extension KeyedDecodingContainer {
    /// Keeps "absent" and "null" apart: the stock `decodeIfPresent` folds both into nil.
    public func decodeIfPresent<Value>(_ type: FieldUpdate<Value>.Type, forKey key: Key) throws -> FieldUpdate<Value>? {
        guard contains(key) else { return nil }
        return try decode(FieldUpdate<Value>.self, forKey: key)
    }
}
