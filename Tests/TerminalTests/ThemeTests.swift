import Foundation
@testable import Terminal
import Testing

@Suite("Themes")
struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path
    static let shipped = ["dark", "light", "high-contrast", "monochrome"]

    /// A theme with every role styled plainly, plus `extra` lines under `roles:`.
    static func theme(name: String = "x", replacing role: String? = nil, with line: String? = nil) -> String {
        "name: \(name)\nroles:\n" + ThemeRole.allCases.map { role == $0.rawValue ? "  \(line ?? "")" : "  \($0.rawValue): {}" }.joined(separator: "\n")
    }

    @Test("every shipped theme loads and styles every role", arguments: shipped)
    func shippedThemes(name: String) throws {
        let theme = try ThemeCatalog(directories: [Self.themesDirectory]).load(name)
        #expect(theme.name == name)
        #expect(ThemeRole.allCases.allSatisfy { theme.roles[$0] != nil })
    }

    @Test("the built-in themes are the files in themes/, byte for byte (run scripts/embed-themes after editing one)")
    func builtInMatchesFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltInThemes.sources.keys), "every file is built in, and nothing else")
        for file in files {
            let text = try String(contentsOfFile: "\(Self.themesDirectory)/\(file)", encoding: .utf8)
            #expect(BuiltInThemes.sources[String(file.dropLast(5))] == text, "\(file) differs from its built-in copy")
        }
    }

    @Test("with no theme directory at all, the shipped themes still load", arguments: shipped)
    func builtInWithoutFiles(name: String) throws {
        let catalog = ThemeCatalog(directories: ["/nonexistent/themes"])
        let fromBinary = try catalog.load(name)
        let fromFile = try ThemeLoader.load(path: "\(Self.themesDirectory)/\(name).yaml")
        #expect(fromBinary == fromFile)
        #expect(catalog.available == Self.shipped.sorted())
    }

    @Test("a theme file in a directory overrides the built-in one and adds new names")
    func directoryOverrides() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.theme(name: "my-dark", replacing: "selection", with: "selection: { bg: red }")
            .write(toFile: "\(directory)/dark.yaml", atomically: true, encoding: .utf8)
        try Self.theme(name: "neon").write(toFile: "\(directory)/neon.yaml", atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: [directory])
        #expect(try catalog.load("dark").name == "my-dark")
        #expect(try catalog.load("dark")[.selection].background == .red)
        #expect(try catalog.load("light").name == "light")
        #expect(catalog.available == ["dark", "high-contrast", "light", "monochrome", "neon"])
        #expect(ThemeCatalog(directories: [directory], includesBuiltIn: false).available == ["dark", "neon"])
    }

    @Test("a bad theme is refused with the file and the key named", arguments: [
        (ThemeTests.theme(replacing: "selection", with: "selection: { fg: blu }"), "t.yaml: roles.selection.fg: 'blu' is not a colour"),
        (ThemeTests.theme(replacing: "base", with: "base: { fg: 300 }"), "t.yaml: roles.base.fg: 300 is not a colour index 0–255"),
        (ThemeTests.theme(replacing: "base", with: "base: { fg: [1, 2] }"), "t.yaml: roles.base.fg: expected a colour name"),
        (ThemeTests.theme(replacing: "base", with: "base: { attrs: [bold, blink] }"), "t.yaml: roles.base.attrs[1]: unknown attribute 'blink'"),
        (ThemeTests.theme(replacing: "base", with: "base: { attrs: bold }"), "t.yaml: roles.base.attrs: expected a list"),
        (ThemeTests.theme(replacing: "base", with: "base: { fgg: red }"), "t.yaml: roles.base: unknown key 'fgg' (expected fg, bg, attrs, mono)"),
        (ThemeTests.theme(replacing: "base", with: "base: red"), "t.yaml: roles.base: expected a mapping"),
        (ThemeTests.theme(replacing: "base", with: "nonsense: {}"), "t.yaml: roles.nonsense: unknown role"),
        (ThemeTests.theme(replacing: "base", with: ""), "t.yaml: roles: missing role 'base'"),
        ("roles: {}", "t.yaml: missing 'name'"),
        ("name: x\ncolours: {}\nroles: {}", "t.yaml: unknown key 'colours' (expected name, description, roles)"),
        ("name: x\nroles: [a, b]", "t.yaml: roles: expected a mapping"),
        ("name: [x\n", "t.yaml: not valid YAML"),
        ("# nothing\n", "t.yaml: empty"),
    ])
    func validation(yaml: String, message: String) {
        do {
            _ = try ThemeLoader.parse(yaml, file: "t.yaml")
            Issue.record("expected an error for:\n\(yaml)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    @Test("attributes, mono fallback and null colours decode")
    func decoding() throws {
        let theme = try ThemeLoader.parse(
            Self.theme(replacing: "header", with: "header: { fg: ~, bg: 24, attrs: [Bold, underline] }"), file: "t")
        let header = try #require(theme.roles[.header])
        #expect(header.style == Style(foreground: .default, background: .indexed(24), attributes: [.bold, .underline]))
        #expect(header.monochrome == [.bold, .underline, .reverse], "a background becomes reverse without colour")
    }

    @Test("colours degrade to 16, 8 and none")
    func degradation() throws {
        let theme = try ThemeCatalog(directories: [Self.themesDirectory]).load("dark")
        let selection256 = theme[.selection]
        #expect(selection256.background == .indexed(117))
        let selection16 = theme.degraded(to: .colors16)[.selection]
        guard case .indexed(let index16) = selection16.background else { Issue.record("no colour"); return }
        #expect(index16 < 16)
        guard case .indexed(let index8) = theme.degraded(to: .colors8)[.selection].background else { Issue.record("no colour"); return }
        #expect(index8 < 8)
        let mono = theme.degraded(to: .monochrome)[.selection]
        #expect(mono.foreground == .default && mono.background == .default && mono.attributes.contains(.reverse))
    }

    @Test("#rrggbb picks the nearest xterm colour")
    func hexColours() throws {
        let theme = try ThemeLoader.parse(
            "name: x\nroles:\n" + ThemeRole.allCases.map { "  \($0.rawValue): { fg: \"#ff0000\" }" }.joined(separator: "\n"), file: "t")
        #expect(theme[.base].foreground == .indexed(196))
    }

    @Test("an unknown theme name lists what exists; a name with a path in it is refused")
    func unknownTheme() {
        do {
            _ = try ThemeCatalog(directories: []).load("solarised")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "theme solarised: no such theme; available: dark, high-contrast, light, monochrome")
        }
        #expect(throws: ThemeError.self) { try ThemeCatalog(directories: [Self.themesDirectory]).load("../themes/dark") }
    }
}
