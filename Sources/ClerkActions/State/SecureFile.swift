import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open state file: owner-only (0600), never reached through a symbolic link, closed on exec so
/// that `$EDITOR` and other children never inherit it.
///
/// Not synchronised: the journal, the audit log and the log handler each serialise their own use.
public final class SecureFile: Sendable {
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens for appending, creating the file 0600 when missing and tightening a group- or
    /// world-accessible one to 0600.
    public static func openForAppending(_ path: String) throws(StateFileError) -> SecureFile {
        let file = try open(path, flags: O_WRONLY | O_APPEND | O_CREAT)
        try file.checkOwnership(fix: true)
        return file
    }

    /// Opens for reading and writing (appending is by `append`), creating the file 0600 when missing.
    public static func openForUpdating(_ path: String) throws(StateFileError) -> SecureFile {
        let file = try open(path, flags: O_RDWR | O_APPEND | O_CREAT)
        try file.checkOwnership(fix: true)
        return file
    }

    /// Opens for reading; nil when there is no such file.
    public static func openForReading(_ path: String) throws(StateFileError) -> SecureFile? {
        do {
            let file = try open(path, flags: O_RDONLY)
            try file.checkOwnership(fix: false)
            return file
        } catch .system(_, _, let code) where code == ENOENT {
            return nil
        }
    }

    private static func open(_ path: String, flags: Int32) throws(StateFileError) -> SecureFile {
        var descriptor: Int32
        repeat {
            descriptor = Glibc_open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0o600)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP || code == EMLINK { throw .symbolicLink(path: path) }
            throw .system(path: path, operation: "open", code: code)
        }
        return SecureFile(path: path, descriptor: descriptor)
    }

    private func checkOwnership(fix: Bool) throws(StateFileError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(path: path, operation: "inspect", code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: path) }
        guard info.st_uid == geteuid() else { throw .ownedByAnotherUser(path: path) }
        if fix, info.st_mode & 0o077 != 0, fchmod(descriptor, 0o600) != 0 {
            throw .system(path: path, operation: "restrict the permissions of", code: errno)
        }
    }

    /// Takes this file's exclusive advisory lock without waiting; false when another open file
    /// (another clerk-triage) holds it. The kernel drops it when the process ends, `kill -9` included.
    public func tryLockExclusively() throws(StateFileError) -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw .system(path: path, operation: "lock", code: errno)
        }
        return true
    }

    /// Writes all of `data` at the end of the file in as few calls as the kernel allows.
    public func append(_ data: Data) throws(StateFileError) {
        let code: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            guard var base = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(descriptor, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                remaining -= written
                base += written
            }
            return nil
        }
        if let code { throw .system(path: path, operation: "write to", code: code) }
    }

    /// Waits until what was written is on disk: a command journalled is a command that survives
    /// `kill -9` and a power cut.
    public func synchronize() throws(StateFileError) {
        guard fsync(descriptor) == 0 else { throw .system(path: path, operation: "flush", code: errno) }
    }

    public func size() throws(StateFileError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(path: path, operation: "inspect", code: errno) }
        return Int(info.st_size)
    }

    /// Up to `count` bytes from `offset` (fewer at the end of the file).
    public func read(at offset: Int, count: Int) throws(StateFileError) -> Data {
        var data = Data(count: count)
        var done = 0
        let code: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            while done < count {
                let got = pread(descriptor, base + done, count - done, off_t(offset + done))
                if got < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if got == 0 { break }
                done += got
            }
            return nil
        }
        if let code { throw .system(path: path, operation: "read", code: code) }
        return data.prefix(done)
    }

    public func readAll() throws(StateFileError) -> Data {
        try read(at: 0, count: try size())
    }

    /// Cuts the file to `length` bytes: how a line torn by `kill -9` is removed.
    public func truncate(to length: Int) throws(StateFileError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw .system(path: path, operation: "truncate", code: errno) }
    }
}

/// `open` is variadic in C and imported under the same name as Foundation's; one unambiguous wrapper.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags, mode)
    #else
    Darwin.open(path, flags, mode)
    #endif
}
