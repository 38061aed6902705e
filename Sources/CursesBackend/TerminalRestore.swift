import CNcursesw
import Glibc
import Synchronization

/// Everything a signal handler reads, in memory set up by `TerminalRestore.prepare` before any
/// handler is installed: a handler may only call async-signal-safe functions, so it must never
/// allocate, initialise a global lazily or take a lock.
struct SignalState {
    var wakeWrite: Int32 = -1
    var input: Int32 = STDIN_FILENO
    var output: Int32 = STDOUT_FILENO
    var haveSavedModes = false
    var savedModes = termios()
    var reset: UnsafeMutablePointer<UInt8>?
    var resetCount = 0
    var previousWinch = sigaction()
}

/// Allocated once and never freed: handlers may run at any time until the process ends.
nonisolated(unsafe) let signalState: UnsafeMutablePointer<SignalState> = {
    let state = UnsafeMutablePointer<SignalState>.allocate(capacity: 1)
    state.initialize(to: SignalState())
    return state
}()

/// Set by SIGTERM, SIGHUP and SIGINT; the loop turns it into `.terminate`.
let terminationRequested = Atomic<Int32>(0)

/// The pipe that wakes the UI loop. Open for the life of the process and never closed: tasks
/// still running after the console stops keep a waker, and signal handlers keep the descriptor;
/// closing it would let them write into whatever file reuses the number.
enum WakePipe {
    static let shared: (read: Int32, write: Int32)? = {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for descriptor in ends {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            // A spawned editor or pager must not inherit it.
            _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        }
        return (ends[0], ends[1])
    }()

    static func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}

/// Restores the terminal from signal handlers, with async-signal-safe calls only.
enum TerminalRestore {
    /// Leave bracketed paste and keypad transmit mode, reset colours, show the cursor, leave the
    /// alternate screen.
    static let resetSequence = "\u{1B}[?2004l\u{1B}[?1l\u{1B}>\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"

    /// Fills `signalState` for the terminal on `input`/`output`: saves the tty's modes as they are
    /// now (before curses changes them) and builds the reset bytes. Call before installing handlers.
    static func prepare(input: Int32, output: Int32, wakeWrite: Int32) {
        let state = signalState
        if state.pointee.reset == nil {
            let bytes = Array(resetSequence.utf8)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            state.pointee.reset = buffer
            state.pointee.resetCount = bytes.count
        }
        state.pointee.input = input
        state.pointee.output = output
        state.pointee.wakeWrite = wakeWrite
        state.pointee.haveSavedModes = tcgetattr(input, &state.pointee.savedModes) == 0
        terminationRequested.store(0, ordering: .releasing)
    }

    static func restoreFromSignal() {
        let state = signalState
        if let reset = state.pointee.reset { _ = write(state.pointee.output, reset, state.pointee.resetCount) }
        if state.pointee.haveSavedModes { _ = tcsetattr(state.pointee.input, TCSANOW, &state.pointee.savedModes) }
    }

    static func wakeFromSignal(_ byte: UInt8) {
        var value = byte
        _ = write(signalState.pointee.wakeWrite, &value, 1)
    }

    /// SIGTERM, SIGHUP (the SSH link dropped), SIGINT: ask the loop to finish, through the wake pipe.
    static func installTerminationHandlers() {
        for number in [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                terminationRequested.store(1, ordering: .releasing)
                TerminalRestore.wakeFromSignal(1)
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
            if let handler = signalState.pointee.previousWinch.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) > 1
            {
                handler(signalNumber)
            }
            TerminalRestore.wakeFromSignal(2)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESTART)
        sigaction(SIGWINCH, &action, &signalState.pointee.previousWinch)
    }

    static func restoreDefaultHandlers() {
        for number in [SIGTERM, SIGHUP, SIGINT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { signal(number, SIG_DFL) }
        sigaction(SIGWINCH, &signalState.pointee.previousWinch, nil)
    }

    /// Stops the process as Ctrl-Z would stop a program that is not in raw mode, and returns
    /// once it has been continued (`fg`). The whole process group is stopped so that a shell
    /// waiting on a wrapper (a script, `swift run`) sees the job stop; an orphaned group (no
    /// job-control shell to continue it) ignores the stop, as the kernel does for Ctrl-Z.
    static func stopLikeControlZ() {
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var previousAction = sigaction()
        sigaction(SIGTSTP, &defaultAction, &previousAction)
        var stopSignal = sigset_t()
        sigemptyset(&stopSignal)
        sigaddset(&stopSignal, SIGTSTP)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &stopSignal, &previousMask)
        kill(0, SIGTSTP)
        // Another thread may take the group's signal; this one, sent to this thread, makes sure
        // the stop happens before this call returns. SIGCONT discards whichever is left pending.
        pthread_kill(pthread_self(), SIGTSTP)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        sigaction(SIGTSTP, &previousAction, nil)
    }

    /// Runs `body` while a child program in the console's process group owns the terminal. The tty
    /// is back in cooked mode, so Ctrl-C and Ctrl-\ signal the whole group: ignored here (as
    /// `system()` does), the child has its own defaults. Ctrl-Z (or an editor stopping its group,
    /// as vim does) must stop this process too, or the shell never gets the terminal back: curses'
    /// own SIGTSTP handler would redraw the console over the editor on `fg`, so the default action
    /// applies meanwhile, and this thread does not block it.
    static func whileChildHasTerminal(_ body: () -> Void) {
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var previousInterrupt = sigaction()
        var previousQuit = sigaction()
        var previousStop = sigaction()
        sigaction(SIGINT, &ignore, &previousInterrupt)
        sigaction(SIGQUIT, &ignore, &previousQuit)
        sigaction(SIGTSTP, &defaultAction, &previousStop)
        var stopSignal = sigset_t()
        sigemptyset(&stopSignal)
        sigaddset(&stopSignal, SIGTSTP)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &stopSignal, &previousMask)
        body()
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        sigaction(SIGTSTP, &previousStop, nil)
        sigaction(SIGQUIT, &previousQuit, nil)
        sigaction(SIGINT, &previousInterrupt, nil)
    }

    /// The window size the kernel reports for `descriptor`'s terminal.
    static func windowSize(_ descriptor: Int32) -> (rows: Int32, columns: Int32)? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return nil }
        return (Int32(size.ws_row), Int32(size.ws_col))
    }
}
