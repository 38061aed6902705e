import ClerkAPI

/// What the field will be after sending the text, and what changes: computed on every keystroke.
public struct MetadataPreview: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case invalid(JSONParseError)
        /// Parsed, but cannot be sent, with the reason.
        case refused(String)
        case noChange
        case ready(patch: JSONValue, result: JSONValue, changes: [JSONChange])
    }

    /// Clerk's limit on a metadata field's size.
    public static let maximumBytes = 8 * 1024

    public let outcome: Outcome

    public init(text: String, mode: MetadataEditor.Mode, current: JSONValue) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            outcome = .invalid(error)
            return
        }
        guard case .object = value else {
            outcome = .refused(mode == .merge ? "A patch must be a JSON object, e.g. {\"plan\": \"pro\"}." : "Metadata must be a JSON object.")
            return
        }
        let result = mode == .merge ? current.deepMerged(with: value) : value
        // Encoding 8 KB on every keystroke costs more than the rest of the preview: counted instead,
        // and encoded only where the count cannot be sure or the result is close to the limit.
        let size: Int
        if let counted = Self.compactSize(result), abs(counted - Self.maximumBytes) > 64 {
            size = counted
        } else {
            size = result.jsonText().utf8.count
        }
        guard size <= Self.maximumBytes else {
            outcome = .refused("The result is \(size) bytes; Clerk keeps at most \(Self.maximumBytes) bytes in a metadata field.")
            return
        }
        let changes = current.changes(to: result)
        outcome = changes.isEmpty ? .noChange : .ready(patch: value, result: result, changes: changes)
    }

    /// Bytes of `value` as compact JSON, counted without encoding it; nil where the count could
    /// differ from the encoder's (doubles, escaped characters).
    static func compactSize(_ value: JSONValue) -> Int? {
        switch value {
        case .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .int(let number): return String(number).utf8.count
        case .double: return nil
        case .string(let text): return quotedSize(text)
        case .array(let items):
            var total = 2 + max(0, items.count - 1)
            for item in items {
                guard let size = compactSize(item) else { return nil }
                total += size
            }
            return total
        case .object(let fields):
            var total = 2 + max(0, fields.count - 1)
            for (key, item) in fields {
                guard let keySize = quotedSize(key), let size = compactSize(item) else { return nil }
                total += keySize + 1 + size
            }
            return total
        }
    }

    private static func quotedSize(_ text: String) -> Int? {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\"" || $0 == "\\" }) { return nil }
        return text.utf8.count + 2
    }

    public var canSend: Bool {
        if case .ready = outcome { return true }
        return false
    }

    /// `+ flags.beta: true`, `~ tier: "silver" → "gold"`, `- legacy`
    public static func line(_ change: JSONChange) -> String {
        switch change.kind {
        case .added(let value): "+ \(change.pathText): \(value.jsonText())"
        case .removed: "- \(change.pathText)"
        case .changed(let from, let to): "~ \(change.pathText): \(from.jsonText()) → \(to.jsonText())"
        }
    }
}
