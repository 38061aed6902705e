import ClerkActions
import Glibc

/// A metadata text handed to the operator's own editor (`$VISUAL`, `$EDITOR`, else `vi`).
public struct ExternalEdit: Sendable, Hashable {
    public var userID: String
    public var field: MetadataEditor.Field
    public var mode: MetadataEditor.Mode
    public var text: String

    public init(userID: String, field: MetadataEditor.Field, mode: MetadataEditor.Mode, text: String) {
        self.userID = userID
        self.field = field
        self.mode = mode
        self.text = text
    }

    /// `edit-public-…json`: the extension makes editors colour it as JSON.
    var fileNamePrefix: String { "edit-\(field.rawValue)-" }
}

/// Why the editor's text did not come back. The console keeps the text it had and says this.
public enum ExternalEditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file for the editor could not be made in the state directory.
    case stateDirectory(StateFileError)
    case cannotWrite(path: String, code: Int32)
    case cannotStart(code: Int32)
    /// The shell could not find the editor (exit status 127) or run it (126).
    case notFound(command: String)
    case notExecutable(command: String)
    case failed(command: String, status: Int32)
    case killed(command: String, signal: Int32)
    case cannotRead(path: String, code: Int32)
    case tooLarge(bytes: Int)
    case notUTF8

    public var description: String {
        switch self {
        case .stateDirectory(let error):
            return "cannot make the file for the editor: \(error.description)"
        case .cannotWrite(let path, let code):
            return "cannot write \(path) for the editor: \(Self.message(code)); check the free space there"
        case .cannotStart(let code):
            return "cannot start /bin/sh to run the editor: \(Self.message(code))"
        case .notFound(let command):
            return "editor '\(command)' not found: set VISUAL or EDITOR to an installed editor; the text is as it was"
        case .notExecutable(let command):
            return "editor '\(command)' cannot be run (not executable?): set VISUAL or EDITOR; the text is as it was"
        case .failed(let command, let status):
            return "editor '\(command)' exited with status \(status): its changes were not taken; the text is as it was"
        case .killed(let command, let signal):
            return "editor '\(command)' was ended by signal \(signal): its changes were not taken; the text is as it was"
        case .cannotRead(let path, let code):
            return "cannot read back \(path) from the editor: \(Self.message(code)); the text is as it was"
        case .tooLarge(let bytes):
            return "the editor left \(bytes) bytes, more than metadata can hold: the text is as it was"
        case .notUTF8:
            return "the editor saved text that is not UTF-8: the text is as it was"
        }
    }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
