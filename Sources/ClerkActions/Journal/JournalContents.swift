import Foundation

/// What a journal held when it was opened.
public struct JournalContents: Sendable, Hashable {
    /// Commands without an outcome, oldest first: offer them for resume.
    public var unfinished: [UnfinishedCommand]
    /// Lines recovered or skipped, to show the operator.
    public var issues: [JournalIssue]
    public var lineCount: Int

    public init(unfinished: [UnfinishedCommand] = [], issues: [JournalIssue] = [], lineCount: Int = 0) {
        self.unfinished = unfinished
        self.issues = issues
        self.lineCount = lineCount
    }
}

/// A command the journal has no outcome for.
public struct UnfinishedCommand: Sendable, Hashable {
    public var command: Command
    /// Users already done, in order (bulk commands journal their progress).
    public var completedUserIDs: [String]
    /// Users a request was sent for whose answer never came: checked before anything is re-sent.
    public var inFlightUserIDs: [String]
    /// The reason recorded when the outcome was last found unknown.
    public var message: String?

    public init(command: Command, completedUserIDs: [String] = [], inFlightUserIDs: [String] = [], message: String? = nil) {
        self.command = command
        self.completedUserIDs = completedUserIDs
        self.inFlightUserIDs = inFlightUserIDs
        self.message = message
    }

    /// True when the command may already have been applied.
    public var outcomeUnknown: Bool { !inFlightUserIDs.isEmpty }

    public var remainingUserIDs: [String] {
        let done = Set(completedUserIDs)
        return command.userIDs.filter { !done.contains($0) }
    }
}

/// Something the operator should hear about a journal.
public enum JournalIssue: Sendable, Hashable, CustomStringConvertible {
    /// The last line was cut short (the process was killed while writing it) and has been removed.
    case recoveredTornLine(path: String, line: Int)
    /// A line that cannot be read. It is left in the file; the commands it described may be missing
    /// from the resume list.
    case unreadableLine(path: String, line: Int, reason: String)
    /// A line about a command whose intent is not in the journal.
    case orphanRecord(path: String, line: Int, id: UUID)

    public var description: String {
        switch self {
        case .recoveredTornLine(let path, let line):
            return "\(path): line \(line) was cut short when clerk-triage was stopped and has been removed; nothing it described had been sent."
        case .unreadableLine(let path, let line, let reason):
            return "\(path): line \(line) cannot be read (\(reason)); it is kept as it is. A command it described may be missing from the resume list: check the users it concerns."
        case .orphanRecord(let path, let line, let id):
            return "\(path): line \(line) is about command \(id.uuidString), whose start is missing; it is ignored."
        }
    }
}

/// Why the journal cannot be used.
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    case file(StateFileError)
    /// Another clerk-triage on this machine holds this instance's journal.
    case inUse(path: String)
    case unencodable(String)

    public var description: String {
        switch self {
        case .file(let error): "The command journal cannot be used: \(error)"
        case .inUse(let path): "Another clerk-triage is acting on this instance (it holds \(path)). Close it, or act from that one."
        case .unencodable(let reason): "A command could not be written to the journal (\(reason)); nothing was sent."
        }
    }
}

/// Folds journal lines into the unfinished commands.
enum JournalReplay {
    struct Progress {
        var command: Command
        var completed: [String] = []
        var inFlight: [String] = []
        var message: String?
        var finished = false
    }

    static func replay(_ lines: [(number: Int, line: JournalLine)], path: String) -> (unfinished: [UnfinishedCommand], issues: [JournalIssue]) {
        var order: [UUID] = []
        var states: [UUID: Progress] = [:]
        var issues: [JournalIssue] = []
        for (number, line) in lines {
            if line.kind == .intent, let command = line.command {
                if states[line.id] == nil { order.append(line.id) }
                states[line.id] = Progress(command: command)
                continue
            }
            guard var state = states[line.id] else {
                issues.append(.orphanRecord(path: path, line: number, id: line.id))
                continue
            }
            let users = line.users ?? []
            switch line.kind {
            case .intent:
                break
            case .sending:
                state.inFlight = users
                state.finished = false
            case .progress:
                let done = Set(state.completed)
                state.completed += users.filter { !done.contains($0) }
                state.inFlight.removeAll { users.contains($0) }
            case .requeued:
                state.inFlight = []
                state.finished = false
            case .unknown:
                if !users.isEmpty { state.inFlight = users }
                state.message = line.message
                state.finished = false
            case .outcome:
                state.finished = true
                state.inFlight = []
            }
            states[line.id] = state
        }
        let unfinished = order.compactMap { id -> UnfinishedCommand? in
            guard let state = states[id], !state.finished else { return nil }
            return UnfinishedCommand(command: state.command, completedUserIDs: state.completed, inFlightUserIDs: state.inFlight, message: state.message)
        }
        return (unfinished, issues)
    }
}
