import Foundation
import Glibc
@testable import CursesBackend
import Terminal
import Testing

/// The real backend on a pseudo-terminal: bytes typed into it come out as events. Serialized:
/// ncurses has one screen per process.
@Suite("Curses terminal on a pseudo-terminal", .serialized)
struct CursesTerminalTests {
    final class Session {
        let pty: PseudoTerminal
        let terminal: CursesTerminal

        init(width: Int = 80, height: Int = 24) throws {
            setenv("TERM", "xterm-256color", 1)
            unsetenv("LINES")
            unsetenv("COLUMNS")
            pty = try PseudoTerminal(width: width, height: height)
            pty.startCounting()
            terminal = try CursesTerminal(noColor: true, input: pty.openFile(mode: "r"), output: pty.openFile(mode: "w"), installSignalHandlers: false)
        }

        deinit { terminal.stop() }

        /// Events until `done` holds for everything collected, or five seconds pass.
        func events(until done: ([InputEvent]) -> Bool) -> [InputEvent] {
            let deadline = ContinuousClock.now + .seconds(5)
            var collected: [InputEvent] = []
            while !done(collected), ContinuousClock.now < deadline {
                collected += terminal.waitForEvents(timeout: .milliseconds(50))
            }
            return collected
        }

        func keys(after typing: String, count: Int) -> [InputEvent] {
            pty.type(typing)
            return events { $0.count >= count }
        }
    }

    @Test("typed bytes become keys; Ctrl-Z is delivered, not acted on")
    func typing() throws {
        let session = try Session()
        #expect(session.keys(after: "\u{1A}", count: 1) == [.key(.control("z"))])
        #expect(session.keys(after: "a\r\t\u{7F}\u{04}", count: 5) == [
            .key(.character("a")), .key(.enter), .key(.tab), .key(.backspace), .key(.control("d")),
        ])
        #expect(session.keys(after: "\u{1B}OA\u{1B}[15~\u{1B}[H\u{1B}[4~", count: 4) == [.key(.up), .key(.function(5)), .key(.home), .key(.end)])
        #expect(session.keys(after: "\u{1B}", count: 1) == [.key(.escape)])
        #expect(session.keys(after: "王é", count: 2) == [.key(.character("王")), .key(.character("é"))])
    }

    @Test("Ctrl-arrows and the Alt keys of the text editor arrive as keys of their own, not Esc and a letter")
    func wordKeys() throws {
        let session = try Session()
        #expect(session.keys(after: "\u{1B}[1;5D\u{1B}[1;5C\u{1B}Od\u{1B}Oc", count: 4) == [
            .key(.controlLeft), .key(.controlRight), .key(.controlLeft), .key(.controlRight),
        ])
        #expect(session.keys(after: "\u{1B}b\u{1B}f\u{1B}d\u{1B}\u{7F}", count: 4) == [
            .key(.alt("b")), .key(.alt("f")), .key(.alt("d")), .key(.alt(Key.altBackspace)),
        ])
        #expect(session.keys(after: "\u{1B}OD\u{1B}", count: 2) == [.key(.left), .key(.escape)], "plain ← and a lone Esc are unchanged")
    }

    @Test("a bracketed paste is one key, carriage returns as newlines")
    func paste() throws {
        let session = try Session()
        #expect(session.keys(after: "\u{1B}[200~ab\rq\u{1A}\u{1B}[201~", count: 1) == [.key(.paste("ab\nq\u{1A}"))])
    }

    @Test("suspend stops through its hook and reports a size changed meanwhile as a resize")
    func resizeWhileSuspended() throws {
        let session = try Session(width: 80, height: 24)
        var stops = 0
        session.terminal.stopProcess = {
            stops += 1
            session.pty.resize(width: 100, height: 30)
        }
        session.terminal.suspend()
        #expect(stops == 1)
        #expect(session.terminal.size == Size(width: 100, height: 30))
        let started = ContinuousClock.now
        let events = session.terminal.waitForEvents(timeout: .seconds(5))
        #expect(events == [.resize(Size(width: 100, height: 30))], "once only")
        #expect(ContinuousClock.now - started < .seconds(2), "at once, not when a key next wakes the loop")

        session.terminal.stopProcess = { stops += 1 }
        session.terminal.suspend()
        #expect(stops == 2)
        #expect(session.terminal.waitForEvents(timeout: .milliseconds(100)).isEmpty, "same size: nothing to report")
        #expect(session.keys(after: "x", count: 1) == [.key(.character("x"))], "keys arrive after resuming")
    }

    @Test("a waker keeps working, and harming nothing, after the console stops")
    func wakerOutlivesTheConsole() throws {
        let session = try Session()
        let waker = session.terminal.makeWaker()
        let started = ContinuousClock.now
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) { waker() }
        _ = session.terminal.waitForEvents(timeout: .seconds(10))
        #expect(ContinuousClock.now - started < .seconds(5), "the waker woke the loop")

        session.terminal.stop()
        // Still the pipe: were it closed, the waker would write into whatever reuses the number
        // (checked before writing anything, so a broken build fails here instead of doing that).
        var pipeStatus = stat()
        try #require(fstat(session.terminal.wakeWrite, &pipeStatus) == 0 && (pipeStatus.st_mode & S_IFMT) == S_IFIFO,
                     "the waker's descriptor was closed")
        // A file opened now may get any descriptor number the console had closed.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waker-\(UUID().uuidString)").path
        let files = (0..<8).map { _ in open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600) }
        defer {
            files.forEach { close($0) }
            unlink(path)
        }
        for _ in 0..<64 { waker() }
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_size == 0, "a late waker wrote into a file that reused its descriptor")
    }
}
