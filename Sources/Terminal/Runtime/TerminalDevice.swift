/// What the app loop needs from a terminal. `CursesBackend` provides the real one; tests can
/// provide their own.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    var colorDepth: ColorDepth { get }
    /// Draws a frame; `fullRepaint` clears first (on resize, Ctrl-L and after `suspend` only: a
    /// clear costs ten times the bytes of an update).
    func draw(_ grid: Grid, fullRepaint: Bool)
    /// Blocks until input arrives, `wake()` is called, or `timeout` passes; returns the events.
    func waitForEvents(timeout: Duration?) -> [InputEvent]
    /// Wakes `waitForEvents` from another thread.
    func wake()
    /// A handle other threads can call to wake the loop.
    func makeWaker() -> @Sendable () -> Void
    /// Sends an escape sequence the grid cannot express (OSC 52).
    func send(rawSequence: String)
    /// Hands the terminal back to the shell and stops the process, as Ctrl-Z does to other
    /// programs; returns once it is continued. Draw next with `fullRepaint: true`. A resize made
    /// while stopped arrives as a `.resize` from the next `waitForEvents`.
    func suspend()
    /// Lends the terminal to a program that `body` runs and waits for (the operator's editor):
    /// leaves the screen as a shell would find it, runs `body`, then takes the terminal back.
    /// Draw next with `fullRepaint: true`; a resize made meanwhile arrives as a `.resize` from the
    /// next `waitForEvents`.
    func handOverTerminal(_ body: () -> Void)
}

public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    /// Ctrl-C, SIGTERM, SIGHUP: the app should finish and return.
    case terminate
}
