import Foundation

/// The one JSON encoder and decoder configuration for Clerk's wire format. Keys are mapped
/// explicitly in each model's `CodingKeys` (never by a key strategy, which would also rewrite the
/// keys inside free-form metadata).
public enum WireCoding {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static var decoder: JSONDecoder { JSONDecoder() }
}
