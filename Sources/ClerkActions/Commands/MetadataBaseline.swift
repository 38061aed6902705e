import ClerkAPI

/// The metadata field values a metadata command's preview was computed against. Clerk has no
/// conditional update, so the queue re-reads the user just before sending and sends only while each
/// field still holds this value: nobody's concurrent edit is overwritten unseen. Journalled with the
/// command, so a resume after a crash checks against the same values.
public struct MetadataBaseline: Codable, Sendable, Hashable {
    public enum Field: String, Codable, Sendable, Hashable, CaseIterable {
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case unsafeMetadata = "unsafe_metadata"

        /// `public metadata`, as the operator reads it.
        public var title: String {
            switch self {
            case .publicMetadata: "public metadata"
            case .privateMetadata: "private metadata"
            case .unsafeMetadata: "unsafe metadata"
            }
        }

        /// The field as Clerk holds it; one it leaves out is the empty object.
        public func value(of user: User) -> JSONValue {
            switch self {
            case .publicMetadata: user.publicMetadata
            case .privateMetadata: user.privateMetadata ?? .emptyObject
            case .unsafeMetadata: user.unsafeMetadata ?? .emptyObject
            }
        }

        public func value(in update: MetadataUpdate) -> JSONValue? {
            switch self {
            case .publicMetadata: update.publicMetadata
            case .privateMetadata: update.privateMetadata
            case .unsafeMetadata: update.unsafeMetadata
            }
        }
    }

    public var publicMetadata: JSONValue?
    public var privateMetadata: JSONValue?
    public var unsafeMetadata: JSONValue?

    public init(publicMetadata: JSONValue? = nil, privateMetadata: JSONValue? = nil, unsafeMetadata: JSONValue? = nil) {
        self.publicMetadata = publicMetadata
        self.privateMetadata = privateMetadata
        self.unsafeMetadata = unsafeMetadata
    }

    /// The baseline of every field `update` sends, as `user` holds them now.
    public init(of user: User, for update: MetadataUpdate) {
        for field in Field.allCases where field.value(in: update) != nil { self[field] = field.value(of: user) }
    }

    public subscript(field: Field) -> JSONValue? {
        get {
            switch field {
            case .publicMetadata: publicMetadata
            case .privateMetadata: privateMetadata
            case .unsafeMetadata: unsafeMetadata
            }
        }
        set {
            switch field {
            case .publicMetadata: publicMetadata = newValue
            case .privateMetadata: privateMetadata = newValue
            case .unsafeMetadata: unsafeMetadata = newValue
            }
        }
    }

    /// The fields this baseline holds a value for.
    public var fields: [Field] { Field.allCases.filter { self[$0] != nil } }

    enum CodingKeys: String, CodingKey {
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case unsafeMetadata = "unsafe_metadata"
    }
}
