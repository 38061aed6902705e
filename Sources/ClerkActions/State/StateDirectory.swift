import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `$XDG_STATE_HOME/clerk-triage/` (default `~/.local/state/clerk-triage/`): the console log, the
/// audit log, and one subdirectory per Clerk instance for its command journal.
///
/// Directories are 0700 and files 0600, never reached through a symbolic link, never in a
/// directory every user can write to: the audit log and the journal name users and what was done
/// to them.
public struct StateDirectory: Sendable, Hashable {
    public static let applicationName = "clerk-triage"
    public static let logFileName = "console.log"
    public static let auditLogFileName = "audit.jsonl"
    public static let journalFileName = "commands.jsonl"

    public let path: String
    /// What was corrected on the way (permissions tightened), for the console to mention once.
    public let notices: [String]

    /// Where the state directory is, without touching the file system. A relative
    /// `XDG_STATE_HOME` is ignored, as the XDG specification requires.
    public static func location(environment: [String: String]) throws(StateFileError) -> String {
        if let base = environment["XDG_STATE_HOME"], base.hasPrefix("/") {
            return join(base, applicationName)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { throw .noHomeDirectory }
        return join(home, ".local", "state", applicationName)
    }

    /// The default `--log-file`: `console.log` in the state directory.
    public static func defaultLogFile(environment: [String: String]) throws(StateFileError) -> String {
        join(try location(environment: environment), logFileName)
    }

    /// Finds, creates or checks the state directory for this environment.
    public static func prepare(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StateFileError) -> StateDirectory {
        try StateDirectory(preparing: try location(environment: environment))
    }

    /// Creates `path` (and missing parents, 0700) or checks an existing one: a symbolic link, a
    /// non-directory or another user's directory is refused; group or world access is removed.
    public init(preparing path: String) throws(StateFileError) {
        let path = Self.normalised(path)
        let parent = Self.parent(of: path)
        try Self.createParents(parent)
        var parentInfo = stat()
        guard stat(parent, &parentInfo) == 0 else { throw .system(path: parent, operation: "inspect", code: errno) }
        if parentInfo.st_mode & S_IWOTH != 0 { throw .sharedParent(path: path) }
        let notice = try Self.ensurePrivateDirectory(path)
        self.path = path
        self.notices = notice.map { [$0] } ?? []
    }

    private init(path: String, notices: [String]) {
        self.path = path
        self.notices = notices
    }

    /// The subdirectory that holds one Clerk instance's command journal, created like the state
    /// directory itself.
    public func instanceDirectory(for instance: InstanceIdentity) throws(StateFileError) -> StateDirectory {
        let child = Self.join(path, instance.directoryName)
        let notice = try Self.ensurePrivateDirectory(child)
        return StateDirectory(path: child, notices: notice.map { [$0] } ?? [])
    }

    public func filePath(_ name: String) -> String { Self.join(path, name) }

    public func openForAppending(_ name: String) throws(StateFileError) -> SecureFile {
        try SecureFile.openForAppending(filePath(name))
    }

    // MARK: - File system

    /// Returns a notice when permissions were tightened.
    static func ensurePrivateDirectory(_ path: String) throws(StateFileError) -> String? {
        if mkdir(path, 0o700) == 0 {
            // The umask may have removed bits we asked for, never added any; chmod states it exactly.
            guard chmod(path, 0o700) == 0 else { throw .system(path: path, operation: "set the permissions of", code: errno) }
            return nil
        }
        let code = errno
        guard code == EEXIST else { throw .system(path: path, operation: "create", code: code) }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .system(path: path, operation: "inspect", code: errno) }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw .symbolicLink(path: path) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory(path: path) }
        guard info.st_uid == geteuid() else { throw .ownedByAnotherUser(path: path) }
        let access = info.st_mode & 0o777
        guard access & 0o077 != 0 else { return nil }
        // Through a descriptor opened without following links, so a swap after lstat changes nothing.
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw .symbolicLink(path: path) }
            throw .system(path: path, operation: "open", code: errno)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o700) == 0 else { throw .system(path: path, operation: "restrict the permissions of", code: errno) }
        return "\(path) was open to other users (\(String(access, radix: 8))); it is now private (700)."
    }

    /// Missing parents are created 0700, as the XDG specification asks for `~/.local/state`;
    /// existing ones are left as they are (a home reached through a link is normal).
    static func createParents(_ path: String) throws(StateFileError) {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw .system(path: prefix, operation: "create", code: errno)
            }
        }
    }

    static func join(_ parts: String...) -> String {
        normalised(parts.joined(separator: "/"))
    }

    static func normalised(_ path: String) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + components.joined(separator: "/")
    }

    static func parent(of path: String) -> String {
        let components = path.split(separator: "/")
        return "/" + components.dropLast().joined(separator: "/")
    }
}
