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
        let size = result.jsonText().utf8.count
        guard size <= Self.maximumBytes else {
            outcome = .refused("The result is \(size) bytes; Clerk keeps at most \(Self.maximumBytes) bytes in a metadata field.")
            return
        }
        let changes = current.changes(to: result)
        outcome = changes.isEmpty ? .noChange : .ready(patch: value, result: result, changes: changes)
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
