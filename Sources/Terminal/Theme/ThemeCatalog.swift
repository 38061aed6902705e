import Foundation

/// Finds `NAME.yaml` in the theme directories: `CLERK_TRIAGE_THEMES`, `./themes`, and `themes/`
/// beside or above the executable (so a build run from the source tree finds the repository's).
public struct ThemeCatalog: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
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

    public var available: [String] {
        var names = Set<String>()
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            names.formUnion(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) })
        }
        return names.sorted()
    }

    /// The theme called `name`, or an error that lists what exists.
    public func load(_ name: String) throws(ThemeError) -> Theme {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ThemeError(file: name, message: "a theme name has letters, digits, '-' and '_' only")
        }
        for directory in directories {
            let path = "\(directory)/\(name).yaml"
            if FileManager.default.fileExists(atPath: path) { return try ThemeLoader.load(path: path) }
        }
        let known = available
        throw ThemeError(file: name, message: "no such theme" + (known.isEmpty ? " (no themes directory found; set CLERK_TRIAGE_THEMES)" : "; available: \(known.joined(separator: ", "))"))
    }
}
