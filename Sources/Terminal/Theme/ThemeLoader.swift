import Foundation

/// What is wrong with a theme, naming where it came from and the key, so the user can fix it:
/// `themes/x.yaml: roles.selection.fg: 'blu' is not a colour …`.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the theme came from: a file's path, `built-in theme NAME`, or `theme NAME` when no
    /// theme of that name was found.
    public var file: String
    /// The key at fault (`roles.selection.fg`); nil when the problem is not one key.
    public var keyPath: String?
    public var message: String

    public init(file: String, keyPath: String? = nil, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String { [file, keyPath, message].compactMap { $0 }.joined(separator: ": ") }
}

/// Reads a theme (`themes/dark.yaml` is the reference):
///
///     name: dark
///     roles:
///       header: { fg: white, bg: "#1f4e79", attrs: [bold], mono: [reverse] }
///
/// Colours: a name (`red`, `bright-blue`, `default`…), an xterm index 0–255, or `#rrggbb`.
public enum ThemeLoader {
    /// `file` names where `text` came from in errors.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let document: ThemeDocument?
        do {
            document = try StrictYAML.decode(ThemeDocument.self, from: text)
        } catch {
            throw ThemeError(file: file, keyPath: error.keyPath.isEmpty ? nil : error.keyPath, message: error.message)
        }
        guard let document else { throw ThemeError(file: file, message: "empty; a theme needs a name and roles") }
        return Theme(name: document.name, roles: document.roles)
    }

    public static func load(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, message: "cannot be read (check that it is a file you may read)")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }
}
