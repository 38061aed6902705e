import ClerkAPI
import Terminal

/// The metadata editor: the operator edits one of a user's three metadata fields as JSON and sees
/// what the field will be, and what changes, before anything is sent.
public struct MetadataEditor: Sendable {
    public enum Field: String, CaseIterable, Sendable, Hashable {
        case `public`, `private`, unsafe

        public var title: String { "\(rawValue) metadata" }

        public func value(of user: User) -> JSONValue {
            switch self {
            case .public: user.publicMetadata
            case .private: user.privateMetadata ?? .emptyObject
            case .unsafe: user.unsafeMetadata ?? .emptyObject
            }
        }

        public func update(_ value: JSONValue) -> MetadataUpdate {
            switch self {
            case .public: MetadataUpdate(publicMetadata: value)
            case .private: MetadataUpdate(privateMetadata: value)
            case .unsafe: MetadataUpdate(unsafeMetadata: value)
            }
        }
    }

    public enum Mode: Sendable, Hashable {
        /// `PATCH`: the operator types a patch; Clerk deep-merges it (`null` removes a key).
        case merge
        /// `PUT`: the operator edits the whole current value.
        case replace

        public var label: String {
            switch self {
            case .merge: "merge (PATCH: null removes a key, objects merge, the rest replaces)"
            case .replace: "replace (PUT: the whole field is what you typed)"
            }
        }
    }

    /// Where the send stands once the operator has asked to send.
    public enum Sending: Sendable, Hashable {
        case editing
        /// The change list, with Cancel or Send focused.
        case confirming(sendFocused: Bool)
        /// Reading the user again to make sure nobody changed the field meanwhile.
        case checking
    }

    public var userID: String
    public var field: Field
    public var mode: Mode
    /// One text per field and mode, so switching back finds what was typed.
    public var texts: [Key: TextEditor] = [:]
    /// Each field's value when the editor opened (or when a concurrent change was accepted).
    public var baselines: [Field: JSONValue]
    public var sending = Sending.editing
    /// What someone else changed in the field since it was opened, shown until the next send.
    public var concurrentChanges: [JSONChange]?
    /// Esc with unsent changes asks first.
    public var confirmingDiscard = false
    /// The detail view to go back to.
    public var returnTo: DetailState
    /// Users marked in the table when the editor opened: one patch for all of them (merge only).
    public var targets: MetadataTargets?
    /// What each text was before `$EDITOR` replaced it, so one undo takes the whole edit back.
    var externalEdits: [Key: ExternalEditHistory] = [:]

    public struct Key: Sendable, Hashable {
        public var field: Field
        public var mode: Mode
    }

    public init(user: User, field: Field, mode: Mode = .merge, returnTo: DetailState) {
        userID = user.id
        self.field = field
        self.mode = mode
        self.returnTo = returnTo
        baselines = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, $0.value(of: user)) })
    }

    /// The text being edited for the current field and mode: `{}` for a patch, the current value
    /// pretty-printed for a replacement.
    public var editor: TextEditor {
        get { texts[Key(field: field, mode: mode)] ?? Self.initial(mode, baselines[field] ?? .emptyObject) }
        set { texts[Key(field: field, mode: mode)] = newValue }
    }

    static func initial(_ mode: Mode, _ value: JSONValue) -> TextEditor {
        switch mode {
        case .merge: TextEditor("{}")
        case .replace: TextEditor(value.jsonText(pretty: true))
        }
    }

    /// Whether anything typed differs from where it started, in any field or mode.
    public var hasUnsentChanges: Bool {
        texts.contains { key, editor in editor.text != Self.initial(key.mode, baselines[key.field] ?? .emptyObject).text }
    }

    public var preview: MetadataPreview {
        MetadataPreview(text: editor.text, mode: mode, current: baselines[field] ?? .emptyObject)
    }
}
