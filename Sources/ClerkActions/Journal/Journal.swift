import Foundation
import Synchronization

/// The command journal of one instance: JSON Lines, appended and flushed to disk before the request
/// it describes is sent, so that SIGHUP, SIGTERM or `kill -9` lose nothing. One process at a time
/// holds it.
///
/// Opening it reads what is there: a last line cut short by a kill is removed (nothing it described
/// had been sent), and any other unreadable line is reported with its number and left in place.
public final class Journal: Sendable {
    public let path: String
    /// What the journal held when opened.
    public let contents: JournalContents
    private let file: SecureFile
    private let lock = Mutex(())

    public convenience init(directory: StateDirectory) throws(JournalError) {
        try self.init(path: directory.filePath(StateDirectory.journalFileName))
    }

    /// `compactingAbove`: a journal larger than this with nothing unfinished and nothing unreadable
    /// is emptied when opened. Only commands still to do need it; the audit log keeps the history.
    public init(path: String, compactingAbove threshold: Int = 1 << 20) throws(JournalError) {
        self.path = path
        let file: SecureFile
        let locked: Bool
        do {
            file = try SecureFile.openForUpdating(path)
            locked = try file.tryLockExclusively()
        } catch {
            throw .file(error)
        }
        // Two consoles on one instance would each offer the other's running commands for resume.
        guard locked else { throw .inUse(path: path) }
        do {
            let loaded = try Self.load(file, recovering: true)
            let unreadable = loaded.issues.contains { if case .recoveredTornLine = $0 { false } else { true } }
            if loaded.unfinished.isEmpty, !unreadable, try file.size() > threshold {
                try file.truncate(to: 0)
                try file.synchronize()
            }
            contents = loaded
        } catch {
            throw .file(error)
        }
        self.file = file
    }

    /// Writes one line and waits until it is on disk.
    public func append(_ line: JournalLine) throws(JournalError) {
        var data: Data
        do {
            data = try JournalCoding.encoder.encode(line)
        } catch {
            throw .unencodable(String(describing: error))
        }
        data.append(0x0A)
        do {
            try lock.withLock { _ throws(StateFileError) in
                try file.append(data)
                try file.synchronize()
            }
        } catch {
            throw .file(error)
        }
    }

    /// Reads a journal without taking it over or changing it (another console may hold it): what a
    /// status view or a script needs. A torn last line is reported, not removed.
    public static func read(path: String) throws(JournalError) -> JournalContents {
        do {
            guard let file = try SecureFile.openForReading(path) else { return JournalContents() }
            return try load(file, recovering: false)
        } catch {
            throw .file(error)
        }
    }

    private static func load(_ file: SecureFile, recovering: Bool) throws(StateFileError) -> JournalContents {
        let data = try file.readAll()
        var lines: [(number: Int, line: JournalLine)] = []
        var issues: [JournalIssue] = []
        let decoder = JournalCoding.decoder
        var start = data.startIndex
        var number = 0
        while start < data.endIndex {
            number += 1
            let newline = data[start...].firstIndex(of: 0x0A)
            let end = newline ?? data.endIndex
            let bytes = data[start..<end]
            let decoded = Result { try decoder.decode(JournalLine.self, from: bytes) }
            if newline == nil {
                // The last line has no newline: the process died while writing it.
                if case .success(let line) = decoded {
                    if recovering { try file.append(Data([0x0A])) }
                    lines.append((number, line))
                } else {
                    if recovering { try file.truncate(to: start - data.startIndex) }
                    issues.append(.recoveredTornLine(path: file.path, line: number))
                }
                if recovering { try file.synchronize() }
                break
            }
            if !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                switch decoded {
                case .success(let line): lines.append((number, line))
                case .failure(let error): issues.append(.unreadableLine(path: file.path, line: number, reason: reason(error)))
                }
            }
            start = data.index(after: end)
        }
        let replayed = JournalReplay.replay(lines, path: file.path)
        return JournalContents(unfinished: replayed.unfinished, issues: issues + replayed.issues, lineCount: number)
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .dataCorrupted: return "not JSON"
        case .keyNotFound(let key, _): return "no \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "unreadable"
        }
    }
}

extension Journal {
    func intent(_ command: Command, at date: Date) throws(JournalError) {
        try append(JournalLine(.intent, id: command.id, at: date, command: command))
    }

    func sending(_ id: UUID, users: [String], at date: Date) throws(JournalError) {
        try append(JournalLine(.sending, id: id, at: date, users: users))
    }

    func progress(_ id: UUID, users: [String], at date: Date) throws(JournalError) {
        try append(JournalLine(.progress, id: id, at: date, users: users))
    }

    func requeued(_ id: UUID, at date: Date) throws(JournalError) {
        try append(JournalLine(.requeued, id: id, at: date))
    }

    func unknown(_ id: UUID, users: [String], reason: String, at date: Date) throws(JournalError) {
        try append(JournalLine(.unknown, id: id, at: date, users: users, message: reason))
    }

    func outcome(_ id: UUID, _ outcome: CommandOutcome, message: String?, at date: Date) throws(JournalError) {
        try append(JournalLine(.outcome, id: id, at: date, outcome: outcome, message: message))
    }
}
