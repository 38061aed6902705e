import Foundation
import Logging
import Synchronization

/// swift-log to a file: while curses owns the screen, nothing may write to stdout or stderr.
public struct FileLogHandler: LogHandler {
    private final class Sink: Sendable {
        let handle: Mutex<FileHandle?>
        init(path: String) {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            let handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
            self.handle = Mutex(handle)
        }
    }

    private let sink: Sink
    private let label: String
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    public static func factory(path: String, level: Logger.Level) -> @Sendable (String) -> any LogHandler {
        let sink = Sink(path: path)
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
        sink.handle.withLock { $0?.write(Data(line.utf8)) }
    }
}
