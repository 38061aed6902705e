import Terminal
import Testing

@Suite("Clipboard")
struct ClipboardTests {
    @Test("OSC 52 carries the text in base64, plain inside tmux too (tmux forwards it with set-clipboard on)")
    func osc52() {
        #expect(Clipboard.osc52("user_1") == "\u{1B}]52;c;dXNlcl8x\u{07}")
        #expect(Clipboard.osc52("ünï") == "\u{1B}]52;c;w7xuw68=\u{07}", "UTF-8 bytes")
    }
}
