/// Another identification an identification is linked to (e.g. an email address that came from an
/// OAuth account: `{"type":"oauth_google","id":"idn_…"}`).
public struct IdentificationLink: Codable, Sendable, Hashable {
    public var type: String
    public var id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }
}
