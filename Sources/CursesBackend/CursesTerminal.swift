import CNcursesw
import Glibc
import Terminal

public struct CursesStartError: Error, CustomStringConvertible {
    public var description: String
}

/// The terminal, through ncursesw. Owns the tty from `start` to `stop`; only one may exist.
///
/// Frames are drawn with `erase()` + the grid + `doupdate()`, so ncurses sends only the cells that
/// changed; `clear()` happens when the runtime asks for a full repaint (resize, Ctrl-L, resume).
public final class CursesTerminal: TerminalDevice {
    private var screen: OpaquePointer?
    private let wakeRead: Int32
    /// Open for the life of the process: see `WakePipe`.
    let wakeWrite: Int32
    private let inputDescriptor: Int32
    private let outputDescriptor: Int32
    private var colors = ColorPairs()
    public private(set) var colorDepth: ColorDepth = .monochrome
    private var pasteBuffer: String?
    private var stopped = false
    /// The window changed size while the process was stopped: report it on the next wait.
    private var resizedWhileSuspended = false
    /// How `suspend` stops the process; tests replace it, as stopping would stop the test runner.
    var stopProcess: () -> Void = { TerminalRestore.stopLikeControlZ() }

    static let pasteStart: Int32 = 0x1000 + 1
    static let pasteEnd: Int32 = 0x1000 + 2

    /// Takes over the terminal. `input`/`output` default to the process's stdin/stdout; the
    /// benchmark passes a pseudo-terminal instead to count bytes.
    public init(noColor: Bool, input: UnsafeMutablePointer<FILE>? = nil, output: UnsafeMutablePointer<FILE>? = nil, installSignalHandlers: Bool = true) throws {
        setlocale(LC_ALL, "")
        // Without a UTF-8 locale (no LANG over a bare SSH session) ncursesw drops every non-ASCII
        // character: names would lose their letters. C.UTF-8 is always there on Linux.
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
        let inputFile = input ?? ct_stdin()
        let outputFile = output ?? ct_stdout()
        inputDescriptor = fileno(inputFile)
        outputDescriptor = fileno(outputFile)
        guard let wakePipe = WakePipe.shared else {
            throw CursesStartError(description: "could not create a pipe (too many open files?)")
        }
        wakeRead = wakePipe.read
        wakeWrite = wakePipe.write
        // Throw away wakes meant for a console that has already stopped.
        WakePipe.drain(wakeRead)
        TerminalRestore.prepare(input: inputDescriptor, output: outputDescriptor, wakeWrite: wakeWrite)

        set_escdelay(25)
        // initscr() exits the process on a TERM it does not know (xterm-ghostty, xterm-kitty…).
        let requested = getenv("TERM").map { String(cString: $0) } ?? ""
        screen = requested.isEmpty ? nil : newterm(requested, outputFile, inputFile)
        if screen == nil { screen = newterm("xterm-256color", outputFile, inputFile) }
        guard screen != nil else { throw CursesStartError(description: "could not open the terminal (TERM=\(requested))") }

        raw()
        noecho()
        nonl()
        keypad(ct_stdscr(), true)
        nodelay(ct_stdscr(), true)
        curs_set(0)
        // The cursor is hidden: do not spend bytes moving it after every frame.
        leaveok(ct_stdscr(), true)
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colorDepth = ColorDepth(colors: Int(ct_colors()), noColor: false)
        }
        // Home and End have several encodings across terminals and multiplexers; accept them all.
        for (sequence, key) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
                                ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END)] {
            define_key(sequence, key)
        }
        for extra in KeyDecoder.extraSequences { define_key(extra.sequence, extra.code) }
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        send(rawSequence: "\u{1B}[?2004h")
        if installSignalHandlers {
            TerminalRestore.installTerminationHandlers()
            TerminalRestore.installResizeHandler()
        }
    }

    deinit { stop() }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        send(rawSequence: "\u{1B}[?2004l")
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        TerminalRestore.restoreDefaultHandlers()
    }

    public var size: Size { Size(width: Int(ct_cols()), height: Int(ct_lines())) }

    public func draw(_ grid: Grid, fullRepaint: Bool) {
        let window = ct_stdscr()
        if fullRepaint { wclear(window) } else { werase(window) }
        let height = min(grid.size.height, Int(ct_lines()))
        let width = min(grid.size.width, Int(ct_cols()))
        var run: [wchar_t] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = grid[x, y].style
                let start = x
                run.removeAll(keepingCapacity: true)
                while x < width, grid[x, y].style == style {
                    let cell = grid[x, y]
                    if !cell.isContinuation {
                        for scalar in cell.character.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                let (attributes, pair) = colors.attributes(for: style, depth: colorDepth)
                ct_attr_set(attributes, pair)
                run.append(0)
                // The bottom-right cell makes addwstr report ERR after writing it; that is expected.
                _ = run.withUnsafeBufferPointer { mvaddwstr(Int32(y), Int32(start), $0.baseAddress) }
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func waitForEvents(timeout: Duration?) -> [InputEvent] {
        var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        var events: [InputEvent] = []
        if resizedWhileSuspended {
            resizedWhileSuspended = false
            events.append(.resize(size))
        }
        let milliseconds: Int32 = if !events.isEmpty {
            0
        } else {
            timeout.map { Int32(clamping: max(0, $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000)) } ?? -1
        }
        _ = poll(&descriptors, 2, milliseconds)
        WakePipe.drain(wakeRead)
        if terminationRequested.load(ordering: .acquiring) != 0 { events.append(.terminate) }
        for event in readKeys() where !(event == .resize(size) && events.contains(event)) {
            events.append(event)
        }
        return events
    }

    public func wake() {
        var byte: UInt8 = 0
        _ = write(wakeWrite, &byte, 1)
    }

    /// The descriptor it writes to stays open for the life of the process, so a task that
    /// outlives the console writes into the pipe and nowhere else.
    public func makeWaker() -> @Sendable () -> Void {
        let descriptor = wakeWrite
        return {
            var byte: UInt8 = 0
            _ = write(descriptor, &byte, 1)
        }
    }

    public func send(rawSequence: String) {
        let bytes = Array(rawSequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(outputDescriptor, $0.baseAddress, $0.count) }
    }

    /// Gives the terminal back to the shell and stops, as Ctrl-Z does to other programs; returns
    /// once continued. The caller then draws with `fullRepaint: true`; a size change while
    /// stopped comes as a `.resize` from the next `waitForEvents`.
    public func suspend() {
        guard !stopped else { return }
        let before = size
        send(rawSequence: "\u{1B}[?2004l")
        endwin()
        stopProcess()
        takeBack(sizeBefore: before)
    }

    /// Gives the terminal to the program `body` runs (the operator's editor) and takes it back
    /// when `body` returns, as `suspend` does around a stop. Meanwhile Ctrl-C and Ctrl-\ typed at
    /// the program do not end the console, and Ctrl-Z stops the console with it, so the shell
    /// gets the terminal back and `fg` continues both.
    public func handOverTerminal(_ body: () -> Void) {
        guard !stopped else { return body() }
        let before = size
        def_prog_mode()
        send(rawSequence: "\u{1B}[?2004l")
        endwin()
        TerminalRestore.whileChildHasTerminal(body)
        takeBack(sizeBefore: before)
    }

    private func takeBack(sizeBefore before: Size) {
        // Raw mode again at once; the next doupdate re-enters the alternate screen and keypad mode.
        reset_prog_mode()
        send(rawSequence: "\u{1B}[?2004h")
        // A stopped job is in the background: the SIGWINCH of a resize made meanwhile went elsewhere.
        if let now = TerminalRestore.windowSize(outputDescriptor), now.rows != ct_lines() || now.columns != ct_cols() {
            resizeterm(now.rows, now.columns)
        }
        if size != before { resizedWhileSuspended = true }
        clearok(ct_stdscr(), true)
    }

    private func readKeys() -> [InputEvent] {
        var events: [InputEvent] = []
        var value: wint_t = 0
        while true {
            let status = wget_wch(ct_stdscr(), &value)
            if status == ct_err() { break }
            let code = Int32(bitPattern: value)
            if status == ct_key_code_yes() {
                if code == Self.pasteStart {
                    pasteBuffer = ""
                } else if code == Self.pasteEnd {
                    if let text = pasteBuffer { events.append(.key(.paste(text))) }
                    pasteBuffer = nil
                } else if code == ct_key_resize() {
                    events.append(.resize(size))
                } else if let key = KeyDecoder.functionKey(code) {
                    events.append(.key(key))
                }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            if pasteBuffer != nil {
                pasteBuffer?.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
                continue
            }
            events.append(.key(KeyDecoder.character(scalar)))
        }
        return events
    }
}
