import ClerkAPI
import Foundation

/// Which Clerk instance a command belongs to, without the secret key: the API host and the kind of
/// key. Commands are journalled per instance, and a command is never resumed against another.
public struct InstanceIdentity: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum KeyKind: String, Codable, Sendable, Hashable {
        case development, production, unknown
    }

    /// `api.clerk.com`, or `127.0.0.1:8080` for a local sandbox.
    public var host: String
    public var keyKind: KeyKind

    public init(host: String, keyKind: KeyKind) {
        self.host = host
        self.keyKind = keyKind
    }

    public init(configuration: ClerkConfiguration) {
        let url = URL(string: configuration.baseURL)
        let name = url?.host ?? configuration.baseURL
        self.host = url?.port.map { "\(name):\($0)" } ?? name
        switch configuration.secretKey.instanceKind {
        case .development: keyKind = .development
        case .production: keyKind = .production
        case .unknown: keyKind = .unknown
        }
    }

    /// `api.clerk.com-production`. The port is left out so that the console's own sandbox, which
    /// listens on a new port each time, keeps one directory instead of one per start.
    public var directoryName: String {
        let hostName = host.split(separator: ":").first.map(String.init) ?? host
        var safe = String(hostName.lowercased().unicodeScalars.map { scalar -> Character in
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
            return allowed ? Character(scalar) : "_"
        })
        // A name of dots would climb out of the state directory; a leading dot would hide it.
        while safe.hasPrefix(".") { safe = "_" + safe.dropFirst() }
        if safe.isEmpty { safe = "unnamed-host" }
        return "\(safe)-\(keyKind.rawValue)"
    }

    public var description: String { "\(host) (\(keyKind.rawValue))" }

    enum CodingKeys: String, CodingKey {
        case host
        case keyKind = "key_kind"
    }
}
