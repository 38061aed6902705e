/// Marks a field the spec lists as *required but nullable*.
///
/// Decoding accepts the key being absent or `null` (Clerk has been seen omitting such keys), and
/// encoding always writes the key, as an explicit `null` when empty: strict clients such as Clerk's
/// own SDKs reject a response that leaves a required key out. Plain optionals, by contrast, are
/// omitted when empty, matching the spec's optional fields.
@propertyWrapper
public struct Nullable<Wrapped: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var wrappedValue: Wrapped?

    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension KeyedDecodingContainer {
    /// Picked by synthesized `init(from:)` for `@Nullable` properties, so that a missing key decodes as nil.
    public func decode<Wrapped>(_ type: Nullable<Wrapped>.Type, forKey key: Key) throws -> Nullable<Wrapped> {
        Nullable(wrappedValue: try decodeIfPresent(Wrapped.self, forKey: key))
    }
}
