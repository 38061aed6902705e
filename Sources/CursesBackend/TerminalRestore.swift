import CNcursesw
import Glibc

/// Everything a signal handler needs to give the terminal back, kept where C handlers can reach it.
/// Written once during start-up before any handler is installed, read only by handlers after.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false
nonisolated(unsafe) var wakeWriteDescriptor: Int32 = -1
nonisolated(unsafe) var terminationRequested: sig_atomic_t = 0
nonisolated(unsafe) private var previousWinchHandler: sigaction = sigaction()

/// Restores the terminal from signal handlers, with async-signal-safe calls only.
enum TerminalRestore {
    /// Leave the alternate screen, show the cursor, stop bracketed paste, reset colours.
    static let resetSequence: [UInt8] = Array("\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n".utf8)

    static func saveModes(_ descriptor: Int32) {
        haveSavedTermios = tcgetattr(descriptor, &savedTermios) == 0
    }

    static func restoreFromSignal() {
        _ = resetSequence.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if haveSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    }

    /// SIGTERM, SIGHUP (the SSH link dropped), SIGINT: ask the loop to finish, through the wake pipe.
    static func installTerminationHandlers() {
        for number in [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                terminationRequested = 1
                var byte: UInt8 = 1
                _ = write(wakeWriteDescriptor, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
        // Crashes anywhere (a Swift task trapping included): restore the terminal, then die as before.
        for number in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                TerminalRestore.restoreFromSignal()
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(number, &action, nil)
        }
    }

    /// SIGWINCH: let ncurses note the new size, then wake the loop so it reads KEY_RESIZE now.
    static func installResizeHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signalNumber in
            if let handler = previousWinchHandler.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) > 1
            {
                handler(signalNumber)
            }
            var byte: UInt8 = 2
            _ = write(wakeWriteDescriptor, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESTART)
        sigaction(SIGWINCH, &action, &previousWinchHandler)
    }

    static func restoreDefaultHandlers() {
        for number in [SIGTERM, SIGHUP, SIGINT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { signal(number, SIG_DFL) }
        sigaction(SIGWINCH, &previousWinchHandler, nil)
    }
}
