import CNcursesw
@testable import CursesBackend
import Terminal
import Testing

@Suite("Key decoder")
struct KeyDecoderTests {
    @Test("raw characters", arguments: [
        (UInt32(0x0D), Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape), (0x7F, .backspace), (0x08, .backspace),
        (0x01, .control("a")), (0x03, .control("c")), (0x04, .control("d")), (0x0C, .control("l")), (0x11, .control("q")),
        (0x1A, .control("z")),
        (0x61, .character("a")), (0x41, .character("A")), (0x20, .character(" ")), (0x3F, .character("?")),
        (0xE9, .character("é")), (0x738B, .character("王")), (0x1F600, .character("😀")),
    ])
    func characters(value: UInt32, key: Key) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(KeyDecoder.character(scalar) == key)
    }

    @Test("Ctrl-Z is a key like any other: the keymap decides what it does")
    func controlZ() {
        #expect(KeyDecoder.character("\u{1A}") == .control("z"))
    }

    @Test("ncurses key codes", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_A1, .home), (KEY_END, .end), (KEY_C1, .end),
        (KEY_IC, .insert), (KEY_DC, .delete), (KEY_BTAB, .backTab), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace),
    ])
    func functionKeys(code: Int32, key: Key) {
        #expect(KeyDecoder.functionKey(code) == key)
    }

    @Test("F1–F24, and nothing past them")
    func numberedFunctionKeys() {
        for number in 1...24 { #expect(KeyDecoder.functionKey(ct_key_f0() + Int32(number)) == .function(number)) }
        #expect(KeyDecoder.functionKey(ct_key_f0()) == nil)
        #expect(KeyDecoder.functionKey(ct_key_f0() + 25) == nil)
        #expect(KeyDecoder.functionKey(ct_key_resize()) == nil)
    }
}
