import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who acted, for the audit log: the login name, the machine, and where an SSH session came from.
public struct OperatorIdentity: Codable, Sendable, Hashable {
    public var user: String
    public var host: String
    /// The client address from `SSH_CLIENT` ("address port port"), when the console runs over SSH.
    public var sshClientAddress: String?

    public init(user: String, host: String, sshClientAddress: String? = nil) {
        self.user = user
        self.host = host
        self.sshClientAddress = sshClientAddress
    }

    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> OperatorIdentity {
        let user = [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? accountName() ?? "uid \(getuid())"
        let address = environment["SSH_CLIENT"]?.split(separator: " ").first.map(String.init)
        return OperatorIdentity(user: user, host: hostName(), sshClientAddress: address)
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func accountName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    enum CodingKeys: String, CodingKey {
        case user, host
        case sshClientAddress = "ssh_client"
    }
}
