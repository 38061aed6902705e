/// Why the state directory (log, command journal, audit log) or one of its files cannot be used,
/// worded for the operator who has to fix it.
public enum StateFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither `XDG_STATE_HOME` nor `HOME` says where the state directory goes.
    case noHomeDirectory
    /// The path is a symbolic link; state files are never reached through one, so that nobody can
    /// redirect the audit log or the journal elsewhere.
    case symbolicLink(path: String)
    case notADirectory(path: String)
    case notARegularFile(path: String)
    case ownedByAnotherUser(path: String)
    /// The directory holding the state directory can be written by every user (a shared temporary
    /// directory such as `/tmp`).
    case sharedParent(path: String)
    /// A system call failed; `code` is the `errno` value.
    case system(path: String, operation: String, code: Int32)

    public var description: String {
        switch self {
        case .noHomeDirectory:
            return "Cannot tell where to keep the state directory: neither XDG_STATE_HOME nor HOME is set. Set one of them."
        case .symbolicLink(let path):
            return "\(path) is a symbolic link; clerk-triage does not follow links for its state files. Remove the link."
        case .notADirectory(let path):
            return "\(path) exists but is not a directory. Move it away or set XDG_STATE_HOME elsewhere."
        case .notARegularFile(let path):
            return "\(path) exists but is not a regular file. Move it away."
        case .ownedByAnotherUser(let path):
            return "\(path) belongs to another user. Remove it, or set XDG_STATE_HOME to a directory of your own."
        case .sharedParent(let path):
            return "\(path) is in a directory every user can write to. Set XDG_STATE_HOME to a private directory."
        case .system(let path, let operation, let code):
            return "Could not \(operation) \(path): \(Self.message(code)). Check the permissions and free space there."
        }
    }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
