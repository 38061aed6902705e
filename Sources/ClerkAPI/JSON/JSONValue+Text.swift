import Foundation

extension JSONValue {
    /// Compact or pretty JSON text with sorted keys, so that the same value always prints the same way
    /// (stable previews, stable test expectations, stable audit lines).
    public func jsonText(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses JSON text; a failure carries the line and column where parsing stopped.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var parser = JSONTextParser(text)
        return try parser.parseDocument()
    }
}
