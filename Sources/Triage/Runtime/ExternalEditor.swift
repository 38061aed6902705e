import ClerkActions
import Foundation
import Glibc

/// Runs the operator's own editor on a metadata text: a new private file in the state directory
/// (never a shared temporary directory: the text may name users and their data), the editor on
/// it while the console is suspended, the file read back and removed.
public struct ExternalEditor: Sendable {
    /// Where the editor is chosen from and what it runs with: the process's own by default.
    public var environment: [String: String]
    /// Far beyond what a metadata field may hold (8 KB), small enough never to stall the console.
    static let readLimit = 1 << 20

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`, as other Unix tools choose; empty counts as unset.
    /// A shell command, so `code -w` or `emacsclient -t` work.
    public var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Writes `edit.text` to the file, then calls `handOver` with the part that runs the editor and
    /// waits for it: the caller gives the editor the terminal meanwhile.
    func run(_ edit: ExternalEdit, handOver: (() -> Void) -> Void) -> Result<String, ExternalEditError> {
        let path: String
        switch createFile(edit) {
        case .success(let created): path = created
        case .failure(let error): return .failure(error)
        }
        defer { unlink(path) }
        let command = command
        var outcome: Result<Int32, ExternalEditError> = .failure(.cannotStart(code: ECHILD))
        handOver { outcome = EditorProcess.run(command, file: path, environment: environment) }
        switch outcome {
        case .failure(let error):
            return .failure(error)
        case .success(let status):
            if let error = EditorProcess.failure(status, command: command) { return .failure(error) }
        }
        return readBack(path)
    }

    /// `edit-public-<random>.json` in the state directory, created exclusively, 0600.
    private func createFile(_ edit: ExternalEdit) -> Result<String, ExternalEditError> {
        let directory: StateDirectory
        do {
            directory = try StateDirectory.prepare(environment: environment)
        } catch {
            return .failure(.stateDirectory(error))
        }
        let path = directory.filePath("\(edit.fileNamePrefix)\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).json")
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .failure(.cannotWrite(path: path, code: errno)) }
        defer { close(descriptor) }
        // Editors expect a file to end with a newline; it is taken off again when read back.
        let bytes = Array((edit.text + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                return .failure(.cannotWrite(path: path, code: code))
            }
            written += count
        }
        return .success(path)
    }

    /// What the editor left in the file (it may have replaced the file by renaming a new one
    /// over it, as many do); never through a symbolic link.
    private func readBack(_ path: String) -> Result<String, ExternalEditError> {
        let descriptor = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotRead(path: path, code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotRead(path: path, code: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.cannotRead(path: path, code: EINVAL)) }
        guard Int(info.st_size) <= Self.readLimit else { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotRead(path: path, code: errno))
            }
            if count == 0 { break }
            bytes += buffer[..<count]
            if bytes.count > Self.readLimit { return .failure(.tooLarge(bytes: bytes.count)) }
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
