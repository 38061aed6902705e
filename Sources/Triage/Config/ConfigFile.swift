import Foundation
import Terminal

/// `~/.config/clerk-triage/config.yaml` (or `$CLERK_TRIAGE_CONFIG`):
///
///     theme: light
///     keys:
///       table.next-page: [pgdn, n]
///       global.quit: q
///     read_only: true
///     instances:
///       dev:  { api_url: https://api.clerk.com/v1, key_env: CLERK_DEV_KEY }
///       prod: { key_command: "pass show clerk/prod" }
///       demo: { kind: sandbox }
///     default_instance: dev
///
/// To add a setting: a property, a case in `CodingKeys` (named as in the file), and one line in
/// `init(from:)`. Keys the file has that `CodingKeys` does not list are refused, named.
public struct ConfigFile: Sendable, Hashable, Decodable {
    /// The file this came from; nil when there was none and these are the defaults.
    public var path: String?
    public var theme: String?
    /// Action id → keys, in the keymap's chord notation (`ctrl-d`, `pgdn`, `q`).
    public var keys: [String: [String]] = [:]
    /// Browse only: every action that changes a user is removed.
    public var readOnly = false
    /// The instances the operator looks after, by name (`--instance NAME`, `:instance NAME`).
    public var instances: [String: InstanceEntry] = [:]
    /// The instance used when `--instance` is not given; one of `instances`.
    public var defaultInstance: String?

    public init(path: String? = nil, theme: String? = nil, keys: [String: [String]] = [:], readOnly: Bool = false,
                instances: [String: InstanceEntry] = [:], defaultInstance: String? = nil) {
        self.path = path
        self.theme = theme
        self.keys = keys
        self.readOnly = readOnly
        self.instances = instances
        self.defaultInstance = defaultInstance
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case theme
        case keys
        case readOnly = "read_only"
        case instances
        case defaultInstance = "default_instance"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
        keys = try container.decodeIfPresent([String: KeyList].self, forKey: .keys)?.mapValues(\.chords) ?? [:]
        readOnly = try container.decodeIfPresent(Bool.self, forKey: .readOnly) ?? false
        instances = try container.decodeIfPresent([String: InstanceEntry].self, forKey: .instances) ?? [:]
        for name in instances.keys.sorted() where !InstanceEntry.isValidName(name) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [CodingKeys.instances, AnyCodingKey(name)], debugDescription: InstanceEntry.nameRule))
        }
        defaultInstance = try container.decodeIfPresent(String.self, forKey: .defaultInstance)
        if let defaultInstance, instances[defaultInstance] == nil {
            let known = instances.isEmpty ? "no instances are configured" : "the instances are \(instances.keys.sorted().joined(separator: ", "))"
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [CodingKeys.defaultInstance], debugDescription: "'\(defaultInstance)' is not an instance here; \(known)"))
        }
    }

    /// The configured instance names, sorted, for listing and completion.
    public var instanceNames: [String] { instances.keys.sorted() }

    public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        public var path: String
        /// The key at fault (`keys.global.quit`); nil when the problem is the file as a whole.
        public var keyPath: String?
        public var message: String

        public init(path: String, keyPath: String? = nil, message: String) {
            self.path = path
            self.keyPath = keyPath
            self.message = message
        }

        public var description: String { [path, keyPath, message].compactMap { $0 }.joined(separator: ": ") }
    }

    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["CLERK_TRIAGE_CONFIG"], !explicit.isEmpty { return explicit }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "~") + "/.config")
        return base + "/clerk-triage/config.yaml"
    }

    /// Reads the file; a missing file means the defaults, a broken one is an error naming the key.
    public static func load(path: String) throws(LoadError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile(path: nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, message: "cannot be read (check that it is a file you may read)")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// `text` as a config file; `path` names it in errors. An empty file means the defaults.
    public static func parse(_ text: String, path: String) throws(LoadError) -> ConfigFile {
        do {
            var config = try StrictYAML.decode(ConfigFile.self, from: text) ?? ConfigFile()
            config.path = path
            return config
        } catch {
            throw LoadError(path: path, keyPath: error.keyPath.isEmpty ? nil : error.keyPath, message: error.message)
        }
    }
}

/// `q` or `[pgdn, n]`: one key or a list of them.
struct KeyList: Decodable {
    var chords: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            chords = list
        } else if let one = try? container.decode(String.self) {
            chords = [one]
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a key or a list of keys, such as [pgdn, n]")
        }
    }
}
