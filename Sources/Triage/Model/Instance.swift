import ClerkAPI

/// Which Clerk instance the console talks to, for the header: an agent must never mistake
/// production for a sandbox.
public struct Instance: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case sandbox
        case development
        case production
    }

    public var kind: Kind
    public var baseURL: String
    public var maskedKey: String

    public init(kind: Kind, baseURL: String, maskedKey: String) {
        self.kind = kind
        self.baseURL = baseURL
        self.maskedKey = maskedKey
    }

    public init(configuration: ClerkConfiguration, isSandbox: Bool) {
        let kind: Kind = isSandbox ? .sandbox : (configuration.secretKey.instanceKind == .production ? .production : .development)
        self.init(kind: kind, baseURL: configuration.baseURL, maskedKey: configuration.secretKey.masked)
    }

    public var label: String {
        switch kind {
        case .sandbox: "SANDBOX"
        case .development: "development"
        case .production: "PRODUCTION"
        }
    }
}
