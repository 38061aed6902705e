import Foundation

/// A Clerk secret key. It cannot be printed, logged or interpolated by accident: every textual
/// form is masked, and the raw value is reachable only through `bearerValue` for the one header
/// that needs it.
public struct SecretKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum InstanceKind: Sendable, Hashable {
        /// `sk_test_…`
        case development
        /// `sk_live_…`: real customers; the console shows it in the theme's warning colour.
        case production
        case unknown
    }

    private let value: String

    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var instanceKind: InstanceKind {
        if value.hasPrefix("sk_live_") { return .production }
        if value.hasPrefix("sk_test_") { return .development }
        return .unknown
    }

    public var isEmpty: Bool { value.isEmpty }

    /// `sk_live_…9f3a`: enough for the operator to tell keys apart, useless to anyone else.
    public var masked: String {
        let prefix = ["sk_live_", "sk_test_"].first { value.hasPrefix($0) } ?? ""
        let tail = value.count > prefix.count + 8 ? String(value.suffix(4)) : ""
        return "\(prefix)…\(tail)"
    }

    var bearerValue: String { "Bearer \(value)" }

    /// Whether `text` contains the key; the audit log and crash reports use it to prove they leak nothing.
    public func occurs(in text: String) -> Bool {
        !value.isEmpty && text.contains(value)
    }

    /// `text` with every occurrence of the key replaced by its masked form.
    public func redacted(in text: String) -> String {
        occurs(in: text) ? text.replacingOccurrences(of: value, with: masked) : text
    }

    public var description: String { masked }
    public var debugDescription: String { "SecretKey(\(masked))" }
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }
}

