import Foundation

/// Finds a theme by name. Theme directories come first, in order (`CLERK_TRIAGE_THEMES`,
/// `./themes`, `themes/` beside or above the executable): a `NAME.yaml` there adds a theme or
/// overrides a shipped one. The shipped themes are built into the binary, so it runs copied
/// anywhere with no files beside it.
public struct ThemeCatalog: Sendable {
    public var directories: [String]
    /// Whether the themes built into the binary are offered after the directories.
    public var includesBuiltIn: Bool

    public init(directories: [String], includesBuiltIn: Bool = true) {
        self.directories = directories
        self.includesBuiltIn = includesBuiltIn
    }

    public static func standard(environment: [String: String], executablePath: String) -> ThemeCatalog {
        var directories: [String] = []
        if let custom = environment["CLERK_TRIAGE_THEMES"], !custom.isEmpty { directories.append(custom) }
        directories.append(FileManager.default.currentDirectoryPath + "/themes")
        var folder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        for _ in 0..<5 {
            directories.append(folder.appendingPathComponent("themes").path)
            directories.append(folder.appendingPathComponent("share/clerk-triage/themes").path)
            folder.deleteLastPathComponent()
        }
        return ThemeCatalog(directories: directories)
    }

    /// The names of the shipped themes, built into the binary.
    public static var builtInNames: [String] { BuiltInThemes.sources.keys.sorted() }

    public var available: [String] {
        var names = includesBuiltIn ? Set(BuiltInThemes.sources.keys) : []
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            names.formUnion(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) })
        }
        return names.sorted()
    }

    /// The theme called `name`, or an error that lists what exists.
    public func load(_ name: String) throws(ThemeError) -> Theme {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ThemeError(file: "theme \(name)", message: "a theme name has letters, digits, '-' and '_' only")
        }
        for directory in directories {
            let path = "\(directory)/\(name).yaml"
            if FileManager.default.fileExists(atPath: path) { return try ThemeLoader.load(path: path) }
        }
        if includesBuiltIn, let text = BuiltInThemes.sources[name] {
            return try ThemeLoader.parse(text, file: "built-in theme \(name)")
        }
        let known = available
        throw ThemeError(file: "theme \(name)", message: "no such theme" + (known.isEmpty ? "" : "; available: \(known.joined(separator: ", "))"))
    }
}
