import Foundation
import Terminal
import Testing

@Suite("Themes")
struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test("every shipped theme loads and styles every role", arguments: ["dark", "light", "high-contrast", "monochrome"])
    func shippedThemes(name: String) throws {
        let theme = try ThemeCatalog(directories: [Self.themesDirectory]).load(name)
        #expect(theme.name == name)
        #expect(ThemeRole.allCases.allSatisfy { theme.roles[$0] != nil })
    }

    @Test("a bad theme is refused with the key named", arguments: [
        ("name: x\nroles:\n  nonsense: {}", "roles.nonsense"),
        ("name: x\nroles:\n  base: { fg: chartreuse }", "roles.base.fg"),
        ("name: x\nroles:\n  base: { attrs: [blink] }", "roles.base.attrs"),
        ("name: x\nroles:\n  base: { fg: 300 }", "roles.base.fg"),
        ("name: x\nroles:\n  base: {}", "missing role"),
        ("roles: {}", "missing 'name'"),
        ("name: x\ncolours: {}\nroles: {}", "unknown key 'colours'"),
    ])
    func validation(yaml: String, mentions: String) {
        do {
            _ = try ThemeLoader.parse(yaml, file: "test.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(mentions), "\(error)")
        }
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

    @Test("an unknown theme name lists what exists")
    func unknownTheme() {
        do {
            _ = try ThemeCatalog(directories: [Self.themesDirectory]).load("solarised")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("dark") && error.description.contains("light"))
        }
    }
}

@Suite("Keys and keymap")
struct KeymapTests {
    static let actions = [
        KeyAction("global.quit", context: "global", summary: "quit", keys: [.character("q")]),
        KeyAction("table.down", context: "table", summary: "down", keys: [.down, .character("j")]),
        KeyAction("table.quit-here", context: "table", summary: "local q", keys: []),
    ]

    @Test("chord notation parses", arguments: [
        ("ctrl-d", Key.control("d")), ("pgdn", .pageDown), ("shift-tab", .backTab), ("space", .character(" ")), ("f5", .function(5)),
        ("?", .character("?")), ("esc", .escape), ("G", .character("G")),
    ])
    func chords(text: String, key: Key) {
        #expect(Key(chord: text) == key)
    }

    @Test("global actions apply everywhere; contexts first")
    func dispatch() {
        let keymap = Keymap(actions: Self.actions)
        #expect(keymap.action(for: .character("j"), in: "table") == "table.down")
        #expect(keymap.action(for: .character("q"), in: "table") == "global.quit")
        #expect(keymap.action(for: .character("j"), in: "detail") == nil)
    }

    @Test("overrides rebind by id and refuse unknown actions and keys")
    func overrides() throws {
        var keymap = Keymap(actions: Self.actions)
        try keymap.override(["table.down": ["n", "ctrl-n"]])
        #expect(keymap.action(for: .character("n"), in: "table") == "table.down")
        #expect(keymap.action(for: .character("j"), in: "table") == nil)
        #expect(throws: KeymapError.self) { try keymap.override(["table.sideways": ["x"]]) }
        #expect(throws: KeymapError.self) { try keymap.override(["table.down": ["hyper-x"]]) }
    }

    @Test("help is generated from the bindings")
    func help() {
        let sections = Keymap(actions: Self.actions).helpSections()
        #expect(sections.map(\.context) == ["global", "table"])
        #expect(sections[1].lines.first?.keys == "↓ j")
        #expect(sections[1].lines.count == 1, "actions without keys are not listed")
    }

    @Test("OSC 52 carries base64 and passes through tmux")
    func clipboard() {
        #expect(Clipboard.osc52("user_1", insideTmux: false) == "\u{1B}]52;c;dXNlcl8x\u{07}")
        #expect(Clipboard.osc52("user_1", insideTmux: true).hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}]52;"))
    }
}
