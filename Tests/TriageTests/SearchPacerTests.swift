import Testing
import Triage

@Suite("Search pacing")
struct SearchPacerTests {
    @Test("a keystroke after a pause searches at once; keystrokes in quick succession wait for the pause")
    func pacesKeystrokes() {
        var pacer = SearchPacer(pause: .milliseconds(35))
        let start = ContinuousClock.now
        #expect(pacer.delay(forKeystrokeAt: start) == .zero, "the first keystroke")
        #expect(pacer.delay(forKeystrokeAt: start + .milliseconds(10)) == .milliseconds(35), "typed 10 ms later")
        #expect(pacer.delay(forKeystrokeAt: start + .milliseconds(30)) == .milliseconds(35), "a paste or a fast typist")
        #expect(pacer.delay(forKeystrokeAt: start + .milliseconds(200)) == .zero, "after a pause")
        #expect(pacer.delay(forKeystrokeAt: start + .milliseconds(235)) == .zero, "exactly one pause later")
    }
}
