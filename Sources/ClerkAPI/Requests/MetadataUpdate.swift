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

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case publicMetadata = "public_metadata"
        case privateMetadata = "private_metadata"
        case unsafeMetadata = "unsafe_metadata"
    }
}
