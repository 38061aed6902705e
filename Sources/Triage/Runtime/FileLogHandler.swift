import ClerkActions
import Foundation
import Logging
import Synchronization

/// swift-log to a file: while curses owns the screen, nothing may write to stdout or stderr.
///
/// The file is opened like every state file: 0600, never through a symbolic link, closed on exec.
public struct FileLogHandler: LogHandler {
    private final class Sink: Sendable {
        let file: Mutex<SecureFile?>
        init(file: SecureFile?) { self.file = Mutex(file) }
    }

    private let sink: Sink
    private let label: String
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    /// Logs to `path`, or nowhere when it cannot be opened; `makeFactory` says why.
    public static func factory(path: String, level: Logger.Level) -> @Sendable (String) -> any LogHandler {
        factory(sink: Sink(file: try? SecureFile.openForAppending(path)), level: level)
    }

    /// Logs to `path`, or throws why it cannot (a symbolic link, another user's file, …).
    public static func makeFactory(path: String, level: Logger.Level) throws(StateFileError) -> @Sendable (String) -> any LogHandler {
        factory(sink: Sink(file: try SecureFile.openForAppending(path)), level: level)
    }

    /// Logs to `console.log` in the state directory (`$XDG_STATE_HOME/clerk-triage/`), creating the
    /// directory 0700 first; returns the path, to tell the operator where the log is.
    public static func makeStateFactory(
        environment: [String: String], level: Logger.Level
    ) throws(StateFileError) -> (factory: @Sendable (String) -> any LogHandler, path: String) {
        let directory = try StateDirectory.prepare(environment: environment)
        let path = directory.filePath(StateDirectory.logFileName)
        return (try makeFactory(path: path, level: level), path)
    }

    private static func factory(sink: Sink, level: Logger.Level) -> @Sendable (String) -> any LogHandler {
        return { label in
            var handler = FileLogHandler(sink: sink, label: label)
            handler.logLevel = level
            return handler
        }
    }

    private init(sink: Sink, label: String) {
        self.sink = sink
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(Date().formatted(.iso8601)) \(event.level) \(label): \(event.message)\(extra)\n"
        // A full disk must not take the console down with it; the line is lost.
        sink.file.withLock { try? $0?.append(Data(line.utf8)) }
    }
}
