import ClerkAPI
import ClerkActions

/// One merge patch for every user marked in the table. The editor previews one of them at a time
/// (the operator steps through them); the confirmation lists them all with their change counts,
/// each computed against the value the user store holds, which becomes that user's command's
/// baseline: the queue sends to a user only while their field still holds it.
public struct MetadataTargets: Sendable, Hashable {
    /// The marked users, in the table's order.
    public var userIDs: [String]
    /// In the confirmation: the user whose changes are shown.
    public var selection = 0
    /// Each user's field value when the confirmation opened: what its changes, and its command's
    /// baseline, are computed against.
    public var baselines: [String: JSONValue] = [:]

    public init(userIDs: [String]) {
        self.userIDs = userIDs
    }

    /// What the patch does to one user.
    public enum Plan: Sendable, Hashable {
        case changes([JSONChange])
        /// Their field already holds what the patch sets: listed, not sent.
        case noChange
        /// E.g. the result would be over Clerk's size limit: listed with the reason, not sent.
        case refused(String)
        /// Not read yet.
        case loading
    }

    public func plan(for userID: String, text: String, field: MetadataEditor.Field) -> Plan {
        guard let current = baselines[userID] else { return .loading }
        switch MetadataPreview(text: text, mode: .merge, current: current).outcome {
        case .ready(_, _, let changes): return .changes(changes)
        case .noChange: return .noChange
        case .refused(let reason): return .refused(reason)
        case .invalid(let error): return .refused(error.description)
        }
    }

    /// The confirmation's line for a plan: `3 changes`, `no change — skipped`.
    public static func label(_ plan: Plan) -> String {
        switch plan {
        case .changes(let changes): changes.count == 1 ? "1 change" : "\(changes.count) changes"
        case .noChange: "no change — skipped"
        case .refused(let reason): "not sent: \(reason)"
        case .loading: "loading…"
        }
    }

    /// Replacing a whole value on many users at once is almost always a mistake (each user's own
    /// keys would be lost), so the editor refuses it and says why.
    public static let replaceRefusal =
        "replace works on one user at a time: it would overwrite each marked user's whole field, their own keys included; use merge (a patch), or unmark (u) to replace one user's field"
}

extension MetadataEditor.Field {
    /// The same field in the command layer's terms.
    var baselineField: MetadataBaseline.Field {
        switch self {
        case .public: .publicMetadata
        case .private: .privateMetadata
        case .unsafe: .unsafeMetadata
        }
    }

    init(_ field: MetadataBaseline.Field) {
        switch field {
        case .publicMetadata: self = .public
        case .privateMetadata: self = .private
        case .unsafeMetadata: self = .unsafe
        }
    }

    /// The baseline of a command that sends this field, computed against `value`.
    func baseline(_ value: JSONValue) -> MetadataBaseline {
        var baseline = MetadataBaseline()
        baseline[baselineField] = value
        return baseline
    }
}
