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
    /// The config file's name for it (`prod`); nil when it came from `CLERK_SECRET_KEY` or is the
    /// sandbox started without a config file.
    public var name: String?

    public init(kind: Kind, baseURL: String, maskedKey: String, name: String? = nil) {
        self.kind = kind
        self.baseURL = baseURL
        self.maskedKey = maskedKey
        self.name = name
    }

    public init(configuration: ClerkConfiguration, isSandbox: Bool) {
        let kind: Kind = isSandbox ? .sandbox : (configuration.secretKey.instanceKind == .production ? .production : .development)
        self.init(kind: kind, baseURL: configuration.baseURL, maskedKey: configuration.secretKey.masked, name: configuration.instanceName)
    }

    /// `prod · PRODUCTION`: the name the operator gave it and its kind; the kind alone when unnamed.
    public var title: String { name.map { "\($0) · \(label)" } ?? label }

    public var label: String {
        switch kind {
        case .sandbox: "SANDBOX"
        case .development: "development"
        case .production: "PRODUCTION"
        }
    }
}
