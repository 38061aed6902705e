import ClerkAPI
import Foundation

/// Which Clerk instance a command belongs to, without the secret key: the API host, the kind of
/// key, and the name the config file gives it. Commands are journalled per instance, and a command
/// is never resumed against another.
public struct InstanceIdentity: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum KeyKind: String, Codable, Sendable, Hashable {
        case development, production, unknown
    }

    /// `api.clerk.com`, or `127.0.0.1:8080` for a local sandbox.
    public var host: String
    public var keyKind: KeyKind
    /// The config file's name for it (`prod`); nil for an instance reached through `CLERK_SECRET_KEY`.
    /// Two development instances on `api.clerk.com` differ only by it, and one's commands must
    /// never be resumed against the other.
    public var name: String?

    public init(host: String, keyKind: KeyKind, name: String? = nil) {
        self.host = host
        self.keyKind = keyKind
        self.name = name
    }

    public init(configuration: ClerkConfiguration) {
        let url = URL(string: configuration.baseURL)
        let hostName = url?.host ?? configuration.baseURL
        self.host = url?.port.map { "\(hostName):\($0)" } ?? hostName
        switch configuration.secretKey.instanceKind {
        case .development: keyKind = .development
        case .production: keyKind = .production
        case .unknown: keyKind = .unknown
        }
        name = configuration.instanceName
    }

    /// `api.clerk.com-production`, and `api.clerk.com-production-prod` for a named instance. The
    /// port is left out so that the console's own sandbox, which listens on a new port each time,
    /// keeps one directory instead of one per start.
    public var directoryName: String {
        let hostName = host.split(separator: ":").first.map(String.init) ?? host
        var safe = Self.safe(hostName)
        if safe.isEmpty { safe = "unnamed-host" }
        let suffix = name.map { "-" + Self.safe($0) } ?? ""
        return "\(safe)-\(keyKind.rawValue)\(suffix)"
    }

    private static func safe(_ text: String) -> String {
        var safe = String(text.lowercased().unicodeScalars.map { scalar -> Character in
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
            return allowed ? Character(scalar) : "_"
        })
        // A name of dots would climb out of the state directory; a leading dot would hide it.
        while safe.hasPrefix(".") { safe = "_" + safe.dropFirst() }
        return safe
    }

    public var description: String { name.map { "\($0): \(host) (\(keyKind.rawValue))" } ?? "\(host) (\(keyKind.rawValue))" }

    enum CodingKeys: String, CodingKey {
        case host
        case keyKind = "key_kind"
        case name
    }
}
