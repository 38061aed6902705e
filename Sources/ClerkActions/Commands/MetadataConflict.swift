import ClerkAPI

/// A metadata command that was not sent because someone else changed the field after the operator's
/// preview was computed: the operator previews again against `user` and decides.
public struct MetadataConflict: Sendable, Hashable, CustomStringConvertible {
    /// The user as re-read just before sending.
    public var user: User
    /// The fields whose value is no longer the baseline.
    public var fields: [MetadataBaseline.Field]
    public var baseline: MetadataBaseline
    /// A re-read after a lost answer: the change may or may not have been applied before the other one.
    public var afterLostAnswer: Bool

    public init(user: User, fields: [MetadataBaseline.Field], baseline: MetadataBaseline, afterLostAnswer: Bool = false) {
        self.user = user
        self.fields = fields
        self.baseline = baseline
        self.afterLostAnswer = afterLostAnswer
    }

    /// What someone else changed, field by field, from the baseline to the value now.
    public func changes(in field: MetadataBaseline.Field) -> [JSONChange] {
        (baseline[field] ?? .emptyObject).changes(to: field.value(of: user))
    }

    /// One sentence, for the queue panel, the audit log and a script's stderr alike, e.g.
    /// `someone else changed public metadata of user_2ab since you previewed it; nothing was sent —
    /// preview it again against the current value and send again`.
    public var description: String {
        let names = fields.map(\.title).joined(separator: " and ")
        if afterLostAnswer {
            return "Clerk's answer was lost and someone else has changed \(names) of \(user.id) since: whether yours was applied cannot be told; nothing more was sent — preview it again against the current value and send again if it is still needed"
        }
        return "someone else changed \(names) of \(user.id) since you previewed it; nothing was sent — preview it again against the current value and send again"
    }
}
