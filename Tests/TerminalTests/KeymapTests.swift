import Terminal
import Testing

@Suite("Keys and keymap")
struct KeymapTests {
    enum Action: String, BindableAction {
        case quit = "global.quit"
        case down = "table.down"
        case quitHere = "table.quit-here"
        case details = "table.details"

        var id: String { rawValue }
        var context: KeyContext { KeyContext(rawValue: String(rawValue.prefix { $0 != "." })) }
        var summary: String { rawValue }
        var defaultKeys: [Key] {
            switch self {
            case .quit: [.character("q")]
            case .down: [.down, .character("j")]
            case .quitHere: []
            case .details: [.enter]
            }
        }
    }

    @Test("chord notation parses", arguments: [
        ("ctrl-d", Key.control("d")), ("pgdn", .pageDown), ("shift-tab", .backTab), ("space", .character(" ")), ("f5", .function(5)),
        ("?", .character("?")), ("esc", .escape), ("G", .character("G")), ("ctrl-z", .control("z")),
    ])
    func chords(text: String, key: Key) {
        #expect(Key(chord: text) == key)
    }

    @Test("global actions apply everywhere; contexts first; unavailable actions fall through")
    func dispatch() {
        let keymap = Keymap<Action>()
        #expect(keymap.action(for: .character("j"), in: "table") == .down)
        #expect(keymap.action(for: .character("q"), in: "table") == .quit)
        #expect(keymap.action(for: .character("q"), in: "table", includeGlobal: false) == nil)
        #expect(keymap.action(for: .character("j"), in: "detail") == nil)
        #expect(keymap.action(for: .enter, in: "table", where: { $0 != .details }) == nil)
    }

    @Test("overrides rebind by id and refuse unknown actions and keys")
    func overrides() throws {
        var keymap = Keymap<Action>()
        try keymap.override(["table.down": ["n", "ctrl-n"]])
        #expect(keymap.action(for: .character("n"), in: "table") == .down)
        #expect(keymap.action(for: .character("j"), in: "table") == nil)
        #expect(keymap.label(for: .down) == "n/Ctrl-N")
        #expect(throws: KeymapError.self) { try keymap.override(["table.sideways": ["x"]]) }
        #expect(throws: KeymapError.self) { try keymap.override(["table.down": ["hyper-x"]]) }
    }

    @Test("help is generated from the bindings, without unbound or unavailable actions")
    func help() {
        let keymap = Keymap<Action>()
        let sections = keymap.helpSections()
        #expect(sections.map(\.context) == ["global", "table"])
        #expect(sections[1].lines.first?.keys == "↓ j")
        #expect(sections[1].lines.count == 2, "actions without keys are not listed")
        #expect(keymap.helpSections(where: { $0 != .quit }).map(\.context) == ["table"], "an empty section is left out")
    }
}
