import Foundation
import Terminal
import Yams

/// `~/.config/clerk-triage/config.yaml` (or `$CLERK_TRIAGE_CONFIG`):
///
///     theme: light
///     keys:
///       table.next-page: [pgdn, n]
public struct ConfigFile: Sendable, Hashable {
    public var path: String?
    public var theme: String?
    public var keys: [String: [String]] = [:]

    public init(path: String? = nil, theme: String? = nil, keys: [String: [String]] = [:]) {
        self.path = path
        self.theme = theme
        self.keys = keys
    }

    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "config \(path): \(message)" }
    }

    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["CLERK_TRIAGE_CONFIG"], !explicit.isEmpty { return explicit }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "~") + "/.config")
        return base + "/clerk-triage/config.yaml"
    }

    /// Reads the file; a missing file is an empty configuration, a broken one an error naming the key.
    public static func load(path: String) throws(LoadError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile(path: nil) }
        let node: Any?
        do {
            node = try Yams.load(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw LoadError(path: path, message: "not valid YAML: \(error)")
        }
        guard let node else { return ConfigFile(path: path) }
        guard let fields = node as? [String: Any] else { throw LoadError(path: path, message: "expected a mapping with theme and keys") }
        if let unknown = fields.keys.sorted().first(where: { !["theme", "keys"].contains($0) }) {
            throw LoadError(path: path, message: "unknown key '\(unknown)' (expected theme, keys)")
        }
        var config = ConfigFile(path: path)
        if let theme = fields["theme"] {
            guard let name = theme as? String else { throw LoadError(path: path, message: "'theme' must be a theme name") }
            config.theme = name
        }
        if let keys = fields["keys"] {
            guard let bindings = keys as? [String: Any] else { throw LoadError(path: path, message: "'keys' must map action ids to lists of keys") }
            for (action, value) in bindings {
                if let one = value as? String {
                    config.keys[action] = [one]
                } else if let many = value as? [String] {
                    config.keys[action] = many
                } else {
                    throw LoadError(path: path, message: "'keys.\(action)' must be a key or a list of keys")
                }
            }
        }
        return config
    }
}
