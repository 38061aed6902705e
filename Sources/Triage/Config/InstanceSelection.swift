import ClerkAPI
import Foundation

/// An instance of the config file, with its name.
public struct NamedInstance: Sendable, Hashable {
    public var name: String
    public var entry: InstanceEntry

    public init(name: String, entry: InstanceEntry) {
        self.name = name
        self.entry = entry
    }

    /// Where it is and its key, read now (from the variable, or by running the key command), with
    /// the name attached so that its journal is its own. Nil for the built-in sandbox, which the
    /// console starts itself.
    public func configuration(environment: [String: String], keyTimeout: Duration = KeyCommand.defaultTimeout) throws(InstanceKeyError) -> ClerkConfiguration? {
        guard case .api(let url, let source) = entry.connection else { return nil }
        var configuration = ClerkConfiguration(baseURL: url, secretKey: try InstanceKey.read(for: name, from: source, environment: environment, timeout: keyTimeout))
        configuration.instanceName = name
        return configuration
    }
}

/// `--instance` names no instance of the config file.
public struct InstanceSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
}

extension ConfigFile {
    /// `--instance NAME`, else `default_instance`, else nil: the console and scripts then use
    /// `CLERK_SECRET_KEY` and `CLERK_API_URL` as they always have.
    public func selectedInstance(flag: String?) throws(InstanceSelectionError) -> NamedInstance? {
        guard let name = flag ?? defaultInstance else { return nil }
        return try instance(named: name)
    }

    public func instance(named name: String) throws(InstanceSelectionError) -> NamedInstance {
        if let entry = instances[name] { return NamedInstance(name: name, entry: entry) }
        let file = path ?? "the config file"
        if instances.isEmpty {
            throw InstanceSelectionError(description: "unknown instance '\(name)': no instances are configured; name them in the instances: section of \(file)")
        }
        throw InstanceSelectionError(description: "unknown instance '\(name)'; \(file) names: \(instanceNames.joined(separator: ", "))")
    }
}
