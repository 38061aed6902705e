import Foundation
import Yams

/// What is wrong in a YAML file, at which key: `roles.selection.fg`, `keys.global.quit[1]`.
public struct YAMLDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Empty when the problem is the document as a whole (not YAML, not a mapping).
    public var keyPath: String
    public var message: String

    public init(keyPath: String, message: String) {
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String { keyPath.isEmpty ? message : "\(keyPath): \(message)" }
}

/// Decodes files people write by hand (themes, the config file) into `Decodable` types, turning
/// Swift's decoding errors into a key path and a sentence an operator can act on.
public enum StrictYAML {
    /// The document decoded as `T`, or nil when it is empty (only comments or nothing at all).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws(YAMLDecodeError) -> T? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw YAMLDecodeError(keyPath: "", message: "not valid YAML: \(error)")
        }
        guard let node else { return nil }
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let error as DecodingError {
            throw translate(error)
        } catch {
            throw YAMLDecodeError(keyPath: "", message: "\(error)")
        }
    }

    static func translate(_ error: DecodingError) -> YAMLDecodeError {
        switch error {
        case .typeMismatch(let type, let context):
            YAMLDecodeError(keyPath: keyPath(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            YAMLDecodeError(keyPath: keyPath(context.codingPath), message: "expected \(describe(type)), found nothing")
        case .keyNotFound(let key, let context):
            YAMLDecodeError(keyPath: keyPath(context.codingPath), message: "missing '\(key.stringValue)'")
        case .dataCorrupted(let context):
            YAMLDecodeError(keyPath: keyPath(context.codingPath), message: context.debugDescription)
        @unknown default:
            YAMLDecodeError(keyPath: "", message: "\(error)")
        }
    }

    /// `roles.selection.fg`, with list positions as `[0]`.
    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(Node.Mapping.self): "a mapping (key: value)"
        case ObjectIdentifier(Node.Sequence.self): "a list such as [a, b]"
        case ObjectIdentifier(Int.self): "a whole number"
        case ObjectIdentifier(Bool.self): "true or false"
        case ObjectIdentifier(Double.self): "a number"
        default: "a single value"
        }
    }
}

/// A key that can be any string: lets a type see every key a mapping holds.
public struct AnyCodingKey: CodingKey, Sendable, Hashable {
    public var stringValue: String
    public var intValue: Int?

    public init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    public init?(stringValue: String) { self.init(stringValue) }

    public init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// A keyed container that refuses any key `Key` does not list, naming it and what is allowed:
    /// a misspelt key in a hand-written file must not be silently ignored.
    public func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let everything = try container(keyedBy: AnyCodingKey.self)
        let known = Key.allCases.map(\.stringValue)
        if let unknown = everything.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath, debugDescription: "unknown key '\(unknown.stringValue)' (expected \(known.joined(separator: ", ")))"))
        }
        return try container(keyedBy: type)
    }
}
