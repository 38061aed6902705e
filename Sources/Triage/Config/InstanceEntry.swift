import ClerkAPI
import Foundation
import Terminal

/// One entry of the config file's `instances:` section:
///
///     dev:  { api_url: https://api.clerk.com/v1, key_env: CLERK_DEV_KEY }
///     prod: { key_command: "pass show clerk/prod" }
///     demo: { kind: sandbox }
///
/// The key comes from an environment variable (`key_env`, default `CLERK_SECRET_KEY`) or from a
/// command the operator names (`key_command`), so it need not sit in the shell's environment.
/// `kind: sandbox` is the console's own sandbox with its demo users. Whether an instance is
/// development or production is told from its key (`sk_test_…`, `sk_live_…`), never from the file.
public struct InstanceEntry: Sendable, Hashable, Decodable {
    public enum KeySource: Sendable, Hashable {
        /// The name of an environment variable that holds the key.
        case environment(String)
        /// A shell command that prints the key on stdout.
        case command(String)
    }

    public enum Connection: Sendable, Hashable {
        case api(url: String, key: KeySource)
        /// The console's built-in sandbox: generated demo users, no key, no network.
        case builtInSandbox
    }

    public var connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public var isBuiltInSandbox: Bool { connection == .builtInSandbox }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case apiURL = "api_url"
        case keyEnv = "key_env"
        case keyCommand = "key_command"
        case kind
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        func refuse(_ key: CodingKeys?, _ message: String) -> DecodingError {
            DecodingError.dataCorrupted(DecodingError.Context(codingPath: container.codingPath + [key].compactMap { $0 }, debugDescription: message))
        }
        if let kind = try container.decodeIfPresent(String.self, forKey: .kind) {
            guard kind == "sandbox" else {
                throw refuse(.kind, "'\(kind)' is not a kind; the only kind is sandbox (the console's built-in sandbox): "
                    + "development or production is told from the key (sk_test_… or sk_live_…)")
            }
            let others = [CodingKeys.apiURL, .keyEnv, .keyCommand].filter(container.contains)
            guard others.isEmpty else {
                throw refuse(nil, "kind: sandbox is the built-in sandbox and takes no \(others.map(\.rawValue).joined(separator: " or ")); "
                    + "for a sandbox started with `clerk-triage sandbox`, give its api_url and key instead")
            }
            connection = .builtInSandbox
            return
        }
        let url = try container.decodeIfPresent(String.self, forKey: .apiURL) ?? ClerkConfiguration.defaultBaseURL
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host?.isEmpty == false else {
            throw refuse(.apiURL, "'\(url)' is not an http(s) address such as https://api.clerk.com/v1")
        }
        let variable = try container.decodeIfPresent(String.self, forKey: .keyEnv)
        let command = try container.decodeIfPresent(String.self, forKey: .keyCommand)
        switch (variable, command) {
        case (.some, .some):
            throw refuse(nil, "key_env and key_command are both given; name one way to get the key")
        case (_, .some(let command)):
            guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse(.keyCommand, "is empty; name a command that prints the key") }
            connection = .api(url: url, key: .command(command))
        case (let variable, nil):
            let name = variable ?? "CLERK_SECRET_KEY"
            guard Self.isVariableName(name) else {
                throw refuse(.keyEnv, "'\(name)' is not an environment variable name (letters, digits and _, not starting with a digit)")
            }
            connection = .api(url: url, key: .environment(name))
        }
    }

    /// Letters, digits, `-` and `_`, starting with a letter or digit: a name that is typed after
    /// `--instance`, shown in the header, and part of a directory name.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 40, isASCIIAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    static let nameRule = "not an instance name: use letters, digits, - and _ (at most 40), starting with a letter or digit"

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "_" }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
