/// Where and why JSON text could not be parsed. Line and column are 1-based and count characters,
/// so the editor can put the cursor right on the problem.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "invalid JSON at line \(line), column \(column): \(reason)" }
}
