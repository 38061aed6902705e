/// The body of `PATCH` (deep merge) and `PUT` (replace) `/users/{id}/metadata`. A nil field is
/// left out of the body and so left untouched by either.
public struct MetadataUpdate: Codable, Sendable, Hashable {
    public var publicMetadata: JSONValue?
    public var privateMetadata: JSONValue?
    public var unsafeMetadata: JSONValue?

    public init(publicMetadata: JSONValue? = nil, privateMetadata: JSONValue? = nil, unsafeMetadata: JSONValue? = nil) {
        self.publicMetadata = publicMetadata
        self.privateMetadata = privateMetadata
        self.unsafeMetadata = unsafeMetadata
    }

    public var isEmpty: Bool { publicMetadata == nil && privateMetadata == nil && unsafeMetadata == nil }

    /// The wire name of the first field that is given but is not a JSON object: Clerk accepts
    /// objects only, at every metadata endpoint and at user creation.
    public var firstNonObjectField: String? {
        let fields = [("public_metadata", publicMetadata), ("private_metadata", privateMetadata), ("unsafe_metadata", unsafeMetadata)]
        return fields.first { $0.1 != nil && $0.1?.objectValue == nil }?.0
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case unsafeMetadata = "unsafe_metadata"
    }
}
