import Foundation
import Synchronization

/// Every mutation, from the console and from scripts: JSON Lines, 0600, in the state directory.
public final class AuditLog: Sendable {
    public let path: String
    private let file: SecureFile
    private let lock = Mutex(())

    public convenience init(directory: StateDirectory) throws(StateFileError) {
        try self.init(path: directory.filePath(StateDirectory.auditLogFileName))
    }

    public init(path: String) throws(StateFileError) {
        self.path = path
        self.file = try SecureFile.openForUpdating(path)
    }

    public func append(_ records: [AuditRecord]) throws(StateFileError) {
        guard !records.isEmpty else { return }
        let encoder = JournalCoding.encoder
        var data = Data()
        for record in records {
            // Every field is plain data of ours; encoding cannot fail.
            guard let line = try? encoder.encode(record) else { continue }
            data.append(line)
            data.append(0x0A)
        }
        try lock.withLock { _ throws(StateFileError) in
            try file.append(data)
            try file.synchronize()
        }
    }

    public func append(_ record: AuditRecord) throws(StateFileError) {
        try append([record])
    }

    /// The newest `limit` records, newest first, read from the end of the file (the log only grows).
    /// `unreadable` counts lines passed over that could not be read.
    public func newestFirst(limit: Int) throws(StateFileError) -> (records: [AuditRecord], unreadable: Int) {
        let decoder = JournalCoding.decoder
        var records: [AuditRecord] = []
        var unreadable = 0
        try lock.withLock { _ throws(StateFileError) in
            var reader = try ReverseLineReader(file: file)
            while records.count < limit, let line = try reader.previousLine() {
                if line.isEmpty { continue }
                if let record = try? decoder.decode(AuditRecord.self, from: line) {
                    records.append(record)
                } else {
                    unreadable += 1
                }
            }
        }
        return (records, unreadable)
    }
}

/// Reads a file's lines from the last to the first, a block at a time.
struct ReverseLineReader {
    private let file: SecureFile
    private let blockSize: Int
    /// Bytes from `position` up to the end of what has not been returned yet.
    private var position: Int
    private var pending = Data()
    private var exhausted = false

    init(file: SecureFile, blockSize: Int = 64 << 10) throws(StateFileError) {
        self.file = file
        self.position = try file.size()
        self.blockSize = blockSize
    }

    /// The previous line without its newline (empty after a trailing newline); nil before the first.
    mutating func previousLine() throws(StateFileError) -> Data? {
        while true {
            if let cut = pending.lastIndex(of: 0x0A) {
                let line = Data(pending[pending.index(after: cut)...])
                pending = Data(pending[..<cut])
                return line
            }
            if position == 0 {
                guard !exhausted else { return nil }
                exhausted = true
                defer { pending = Data() }
                return pending
            }
            let count = min(blockSize, position)
            position -= count
            pending = try file.read(at: position, count: count) + pending
        }
    }
}
